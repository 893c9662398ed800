import { generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 as authenticator apps expect it: SHA-1, 6 digits, 30-second steps (otplib's defaults). */
export const newTotpSecret = () => generateSecret();

export const totpUri = (issuer: string, account: string, secret: string) =>
  generateURI({ issuer, label: account, secret });

/**
 * The time step of `code` when it is right now (one step either side, for a
 * phone's clock a little off) and later than `afterStep`; otherwise null.
 * otplib compares in constant time.
 */
export async function totpStepOf(secret: string, code: string, afterStep: number | null) {
  const result = await verify({
    secret,
    token: code,
    epochTolerance: 30,
    ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
  });
  // The functional verify answers HOTP or TOTP results; a TOTP one carries its time step.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
