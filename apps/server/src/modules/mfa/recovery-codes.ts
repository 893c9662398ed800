import { randomInt } from 'node:crypto';
import { hashToken } from '../../lib/tokens';

export const RECOVERY_CODE_COUNT = 10;
// Crockford-like alphabet without look-alikes (0/o, 1/l/i): people copy these from paper.
const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** One code: 10 characters from 31 (about 50 bits) in two groups, e.g. `k7xq2-mfp9w`. */
function newCode() {
  const chars = Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export function newRecoveryCodes() {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

/** Case, spaces and the dash do not matter when typing a code back. */
export const hashRecoveryCode = (code: string) => hashToken(code.toLowerCase().replace(/[^a-z0-9]/g, ''));
