import { createHash, randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { compactVerify, decodeJwt, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { Queryable } from '../../db/client';
import type { SecretBox } from '../../lib/secrets';
import { badgeIssuerKeys } from './enablement.tables';

// Open Badges 3.0 credentials as VC-JWTs (EdDSA over Ed25519, signed and verified by jose). The issuer
// key is generated once, its private half sealed with the server's secrets key; the public half is
// published at /api/v1/certifications/issuer so anyone can verify a badge without asking us.

const KEY_ID = 'key-1';
const sealContext = `enablement.badge-issuer:${KEY_ID}`;

export const issuerUrl = (publicUrl: string) =>
  `${publicUrl.replace(/\/$/, '')}/api/v1/certifications/issuer`;
export const verificationMethodId = (publicUrl: string) => `${issuerUrl(publicUrl)}#${KEY_ID}`;
/** The revocation status list every badge points at (W3C Bitstring Status List), one list for the issuer. */
export const statusListUrl = (publicUrl: string) =>
  `${publicUrl.replace(/\/$/, '')}/api/v1/certifications/status-list`;
export const badgePageUrl = (publicUrl: string, id: string) => `${publicUrl.replace(/\/$/, '')}/badges/${id}`;

async function issuerKeyRow(q: Queryable, secrets: SecretBox) {
  const [existing] = await q.select().from(badgeIssuerKeys).where(eq(badgeIssuerKeys.id, KEY_ID));
  if (existing) return existing;
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid: KEY_ID, alg: 'EdDSA', use: 'sig' };
  const privateJwk = await exportJWK(privateKey);
  // Two first issues at once: one key wins, the other reads it back.
  await q
    .insert(badgeIssuerKeys)
    .values({
      id: KEY_ID,
      publicJwk,
      privateKeySealed: secrets.seal(JSON.stringify(privateJwk), sealContext),
    })
    .onConflictDoNothing();
  const [row] = await q.select().from(badgeIssuerKeys).where(eq(badgeIssuerKeys.id, KEY_ID));
  return row!;
}

/** The issuer's public key, or null before the first badge (nothing to verify yet). */
export async function findIssuerJwk(q: Queryable): Promise<JWK | null> {
  const [row] = await q.select().from(badgeIssuerKeys).where(eq(badgeIssuerKeys.id, KEY_ID));
  return row ? (row.publicJwk as JWK) : null;
}

export interface BadgeInput {
  certificationId: string;
  publicUrl: string;
  issuerName: string;
  achievement: { id: string; code: string; name: string; description: string };
  recipient: { name: string; email: string };
  issuedOn: string;
  expiresOn: string | null;
  /** The certification's bit in the revocation status list. */
  statusListIndex: number;
}

/** The recipient's e-mail as OB 3.0 carries it: salted and hashed, so the public badge does not reveal it. */
function identityObject(email: string) {
  const salt = randomBytes(8).toString('hex');
  const hash = createHash('sha256')
    .update(email.toLowerCase() + salt)
    .digest('hex');
  return {
    type: 'IdentityObject',
    identityHash: `sha256$${hash}`,
    identityType: 'emailAddress',
    hashed: true,
    salt,
  };
}

export function buildCredential(b: BadgeInput) {
  const base = b.publicUrl.replace(/\/$/, '');
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: `urn:uuid:${b.certificationId}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuerUrl(base), type: ['Profile'], name: b.issuerName, url: base },
    validFrom: `${b.issuedOn}T00:00:00Z`,
    ...(b.expiresOn ? { validUntil: `${b.expiresOn}T00:00:00Z` } : {}),
    name: b.achievement.name,
    credentialSubject: {
      type: ['AchievementSubject'],
      name: b.recipient.name,
      identifier: [identityObject(b.recipient.email)],
      achievement: {
        id: `urn:uuid:${b.achievement.id}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: b.achievement.name,
        description: b.achievement.description || b.achievement.name,
        criteria: { narrative: `Awarded by ${b.issuerName} for the ${b.achievement.name} certification.` },
      },
    },
    // Where a verifier checks revocation without asking us about this badge: its bit in the issuer's list.
    credentialStatus: {
      id: `${statusListUrl(base)}#${b.statusListIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(b.statusListIndex),
      statusListCredential: statusListUrl(base),
    },
    // Where a person checks it, revocation included (the JSON beside it: /api/v1/certifications/verify/{id}).
    evidence: [{ id: badgePageUrl(base, b.certificationId), type: ['Evidence'], name: 'Verification page' }],
  };
}

async function issuerSigningKey(q: Queryable, secrets: SecretBox) {
  const row = await issuerKeyRow(q, secrets);
  const privateJwk = JSON.parse(secrets.open(row.privateKeySealed, sealContext)) as JWK;
  return importJWK(privateJwk, 'EdDSA');
}

/** Signs the credential as a VC-JWT with the issuer key (created on first use, inside the caller's transaction). */
export async function signCredential(q: Queryable, secrets: SecretBox, b: BadgeInput): Promise<string> {
  const key = await issuerSigningKey(q, secrets);
  const credential = JSON.parse(JSON.stringify(buildCredential(b))) as Record<string, unknown>;
  const jwt = new SignJWT(credential)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', kid: verificationMethodId(b.publicUrl) })
    .setIssuer(issuerUrl(b.publicUrl))
    .setJti(`urn:uuid:${b.certificationId}`)
    .setNotBefore(new Date(`${b.issuedOn}T00:00:00Z`));
  if (b.expiresOn) jwt.setExpirationTime(new Date(`${b.expiresOn}T00:00:00Z`));
  return jwt.sign(key);
}

export type SignatureCheck =
  | { ok: true; payload: Record<string, unknown> }
  | { ok: false; reason: string; payload: Record<string, unknown> | null };

/**
 * Whether a VC-JWT was signed by this issuer and left unaltered. Expiry is the caller's to judge
 * (an expired badge is shown as expired, not as forged), so the time claims are not enforced here.
 */
export async function checkSignature(q: Queryable, jwt: string, publicUrl: string): Promise<SignatureCheck> {
  let payload: Record<string, unknown> | null = null;
  try {
    payload = decodeJwt(jwt);
  } catch {
    return { ok: false, reason: 'This is not a JWT credential', payload: null };
  }
  const jwk = await findIssuerJwk(q);
  if (!jwk) return { ok: false, reason: 'No badge has been issued here yet', payload };
  try {
    const key = await importJWK(jwk, 'EdDSA');
    const { protectedHeader } = await compactVerify(jwt, key, { algorithms: ['EdDSA'] });
    if (protectedHeader.kid !== verificationMethodId(publicUrl) || payload.iss !== issuerUrl(publicUrl)) {
      return { ok: false, reason: 'Signed for another issuer', payload };
    }
    return { ok: true, payload };
  } catch {
    return {
      ok: false,
      reason: 'The signature does not verify: the credential was altered or not issued here',
      payload,
    };
  }
}

// The Bitstring Status List: bit i (counted from the most significant bit of the first byte) is set
// when the certification at index i is revoked. The spec's minimum of 16 KiB (131,072 entries) keeps a
// verifier's fetch from revealing which badge it checks; the list grows by that much when needed.
const MIN_LIST_BITS = 131_072;

/** The list's `encodedList`: the bitstring gzipped, then multibase base64url (the `u` prefix). */
export function encodeStatusList(revokedIndexes: number[]): string {
  const highest = revokedIndexes.reduce((m, i) => Math.max(m, i), -1);
  const bits = Math.ceil((highest + 1) / MIN_LIST_BITS) * MIN_LIST_BITS || MIN_LIST_BITS;
  const list = Buffer.alloc(bits / 8);
  for (const i of revokedIndexes) list[i >> 3]! |= 0x80 >> (i & 7);
  return `u${gzipSync(list).toString('base64url')}`;
}

/** The bit at `index` of an `encodedList`: 1 revoked, 0 not. An index past the list's end is 0. */
export function statusListBit(encodedList: string, index: number): 0 | 1 {
  if (!encodedList.startsWith('u')) throw new Error('The encoded list is not multibase base64url');
  const list = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  const byte = list[index >> 3];
  return byte !== undefined && byte & (0x80 >> (index & 7)) ? 1 : 0;
}

export function buildStatusListCredential(publicUrl: string, encodedList: string, validFrom: Date) {
  const url = statusListUrl(publicUrl);
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuerUrl(publicUrl),
    validFrom: validFrom.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList,
    },
  };
}

/**
 * The status list credential as a VC-JWT signed with the badge key, so a verifier trusts the list as it
 * trusts the badge. Before the first badge there is no key, and nothing to revoke: null.
 */
export async function signStatusList(
  q: Queryable,
  secrets: SecretBox,
  publicUrl: string,
  encodedList: string,
): Promise<string | null> {
  if (!(await findIssuerJwk(q))) return null;
  const key = await issuerSigningKey(q, secrets);
  const now = new Date();
  const credential = JSON.parse(
    JSON.stringify(buildStatusListCredential(publicUrl, encodedList, now)),
  ) as Record<string, unknown>;
  return new SignJWT(credential)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', kid: verificationMethodId(publicUrl) })
    .setIssuer(issuerUrl(publicUrl))
    .setJti(statusListUrl(publicUrl))
    .setIssuedAt(now)
    .sign(key);
}
