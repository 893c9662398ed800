import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 bits from the OS: session ids, CSRF tokens, invitation, reset and API tokens. */
export const randomToken = (prefix = '') => `${prefix}${randomBytes(32).toString('base64url')}`;

/** Only hashes of bearer secrets are stored: a database leak yields nothing usable. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function safeEqual(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
