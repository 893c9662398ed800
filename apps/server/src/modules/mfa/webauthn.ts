import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { decodeClientDataJSON, isoBase64URL } from '@simplewebauthn/server/helpers';
import type { Queryable } from '../../db/client';
import {
  deleteStaleSignInState,
  findPasskeyByCredentialId,
  insertChallenge,
  recordPasskeyUse,
  spendChallenge,
  type ChallengePurpose,
  type PasskeyRow,
} from './mfa.repository';

/** Who the passkeys are for: the host and origin people reach the web app at (PUBLIC_URL). */
export interface RelyingParty {
  id: string;
  name: string;
  origin: string;
}

export function relyingPartyOf(config: { PUBLIC_URL: string; VENDOR_NAME: string }): RelyingParty {
  const url = new URL(config.PUBLIC_URL);
  return { id: url.hostname, origin: url.origin, name: `${config.VENDOR_NAME} on PartnerGraph` };
}

/** The options go to the browser as they are: JSON, typed by the API contract as an open object. */
const asJson = (options: object) => options as Record<string, unknown>;

const CHALLENGE_TTL_MS = 5 * 60_000;
const TIMEOUT_MS = 120_000;

const credentialOf = (p: PasskeyRow) => ({
  id: p.credentialId,
  transports: p.transports as AuthenticatorTransportFuture[],
});

async function keepChallenge(
  q: Queryable,
  challenge: string,
  purpose: ChallengePurpose,
  userId: string | null,
) {
  const now = Date.now();
  await deleteStaleSignInState(q, new Date(now - CHALLENGE_TTL_MS));
  await insertChallenge(q, { challenge, purpose, userId, expiresAt: new Date(now + CHALLENGE_TTL_MS) });
}

/**
 * Options to create a passkey. Discoverable ("resident") keys are required so
 * the same passkey also signs in without a password; the user handle is the
 * user's id, which the browser keeps with the key.
 */
export async function passkeyRegistrationOptions(
  q: Queryable,
  rp: RelyingParty,
  user: { id: string; email: string; name: string },
  existing: PasskeyRow[],
) {
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    timeout: TIMEOUT_MS,
    excludeCredentials: existing.map(credentialOf),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  await keepChallenge(q, options.challenge, 'register', user.id);
  return asJson(options);
}

/** Options to prove a passkey: the person's own keys for a second factor, any discoverable key without a password. */
export async function passkeyAuthenticationOptions(
  q: Queryable,
  rp: RelyingParty,
  who: { userId: string; passkeys: PasskeyRow[] } | null,
) {
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    timeout: TIMEOUT_MS,
    userVerification: who ? 'preferred' : 'required',
    ...(who ? { allowCredentials: who.passkeys.map(credentialOf) } : {}),
  });
  await keepChallenge(q, options.challenge, who ? 'authenticate' : 'passwordless', who?.userId ?? null);
  return asJson(options);
}

/** The challenge the browser signed, read from its client data; null when that is not readable. */
function challengeIn(clientDataJSON: string): string | null {
  try {
    const challenge = decodeClientDataJSON(clientDataJSON).challenge;
    return typeof challenge === 'string' && challenge.length > 0 && challenge.length < 200 ? challenge : null;
  } catch {
    return null;
  }
}

export class PasskeyRefused extends Error {}

/** Verifies a new passkey against a challenge issued to `userId`, spending it; throws PasskeyRefused. */
export async function verifyPasskeyRegistration(
  q: Queryable,
  rp: RelyingParty,
  userId: string,
  response: RegistrationResponseJSON,
) {
  const challenge = challengeIn(response.response.clientDataJSON);
  const issued = challenge ? await spendChallenge(q, challenge, 'register', userId) : undefined;
  if (!issued) throw new PasskeyRefused('This passkey request expired or was already used: try again');
  const result = await verifyRegistrationResponse({
    response,
    expectedChallenge: issued.challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    requireUserVerification: false,
  }).catch((err: unknown) => {
    throw new PasskeyRefused(`The passkey could not be verified: ${(err as Error).message}`);
  });
  if (!result.verified) throw new PasskeyRefused('The passkey could not be verified');
  const info = result.registrationInfo;
  return {
    credentialId: info.credential.id,
    publicKey: isoBase64URL.fromBuffer(info.credential.publicKey),
    counter: info.credential.counter,
    transports: info.credential.transports ?? response.response.transports ?? [],
    backedUp: info.credentialBackedUp,
  };
}

/**
 * Verifies an assertion against a challenge of `purpose` (issued to `userId`,
 * or to nobody for passwordless), spending it, and moves the key's counter
 * forward. Answers the passkey used; throws PasskeyRefused.
 */
export async function verifyPasskeyAssertion(
  q: Queryable,
  rp: RelyingParty,
  purpose: 'authenticate' | 'passwordless',
  userId: string | null,
  response: AuthenticationResponseJSON,
) {
  const challenge = challengeIn(response.response.clientDataJSON);
  const issued = challenge ? await spendChallenge(q, challenge, purpose, userId) : undefined;
  if (!issued) throw new PasskeyRefused('This passkey request expired or was already used: try again');
  const passkey = await findPasskeyByCredentialId(q, response.id);
  if (!passkey || (userId && passkey.userId !== userId))
    throw new PasskeyRefused('This passkey is not registered here');
  const result = await verifyAuthenticationResponse({
    response,
    expectedChallenge: issued.challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: {
      id: passkey.credentialId,
      publicKey: isoBase64URL.toBuffer(passkey.publicKey),
      counter: passkey.counter,
      transports: credentialOf(passkey).transports,
    },
    // Without a password the passkey is both factors: the authenticator must have checked its owner.
    requireUserVerification: purpose === 'passwordless',
  }).catch((err: unknown) => {
    throw new PasskeyRefused(`The passkey could not be verified: ${(err as Error).message}`);
  });
  if (!result.verified) throw new PasskeyRefused('The passkey could not be verified');
  const moved = await recordPasskeyUse(
    q,
    passkey.id,
    passkey.counter,
    result.authenticationInfo.newCounter,
    result.authenticationInfo.credentialBackedUp,
  );
  if (!moved) throw new PasskeyRefused('This passkey was just used: try again');
  return passkey;
}
