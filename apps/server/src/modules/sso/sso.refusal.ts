/**
 * A sign-in the rules refuse, with a short reason the sign-in page explains (`/login?ssoError=<reason>`)
 * and the detail the audit log keeps. The person never sees the detail: it may name what an attacker sent.
 */
export class SsoRefusal extends Error {
  constructor(
    readonly reason: string,
    detail: string,
  ) {
    super(detail);
  }
}
