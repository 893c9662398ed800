// Where the IdPs send people back: derived from PUBLIC_URL, so they are what the admin pastes at the IdP.

export const redirectUriOf = (publicUrl: string, connectionId: string) =>
  `${publicUrl}/api/v1/auth/sso/callback/${connectionId}`;
export const acsUrlOf = (publicUrl: string, connectionId: string) =>
  `${publicUrl}/api/v1/auth/saml/acs/${connectionId}`;
/** The SP metadata's own URL doubles as our entity id: unique per connection and resolvable. */
export const spEntityIdOf = (publicUrl: string, connectionId: string) =>
  `${publicUrl}/api/v1/auth/saml/metadata/${connectionId}`;

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * IdP endpoints must be https; plain http is accepted only on this machine's loopback (an IdP run
 * beside the server for evaluation), never across a network where a code or assertion could be read.
 */
export function idpUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'must be a URL';
  }
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && loopbackHosts.has(u.hostname)) return null;
  return 'must be an https URL (http only on localhost)';
}

/**
 * Where a finished sign-in may land: a path on this site, nothing else. Absolute URLs, protocol-relative
 * `//host`, backslash tricks and control characters all fall back to the home page.
 */
export function safeReturnTo(value: string | null | undefined, publicUrl: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  try {
    const base = new URL(publicUrl);
    const u = new URL(value, base);
    if (u.origin !== base.origin) return '/';
    return `${u.pathname}${u.search}${u.hash}`;
  } catch {
    return '/';
  }
}
