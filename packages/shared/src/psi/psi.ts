import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { bytesToNumberLE } from '@noble/curves/utils.js';

// ECDH private set intersection over ristretto255 (RFC 9496) with RFC 9380 hash-to-curve. The browser and
// the server run this very file, so both sides of a mapping compute the same thing by construction.
// Nothing here is new cryptography: it composes the curve's scalar multiplication, hash-to-curve with our
// own domain-separation tag, HKDF-SHA-256 and AES-256-GCM from WebCrypto. docs/ACCOUNT-MAPPING.md has the
// protocol in steps and the threat model.

const Point = ristretto255.Point;
type RPoint = InstanceType<typeof Point>;
const Fn = Point.Fn;

/** Domain separation: points hashed for account mapping are useless to any other protocol, and vice versa. */
export const PSI_DST = 'PartnerGraph-AccountMapping-V1-ristretto255_XMD:SHA-512_R255MAP_RO_';
export const POINT_BYTES = 32;
export const TAG_BYTES = 16;
/** Points in one set of one message: checked before any curve work, so a huge upload costs nothing. */
export const MAX_SET_POINTS = 100_000;

const encoder = new TextEncoder();

// --- Scalars ---

/** A uniformly random non-zero scalar: 64 random bytes reduced mod the group order (RFC 9496 §4.4). */
export function randomScalar(): bigint {
  for (;;) {
    const s = Fn.create(bytesToNumberLE(crypto.getRandomValues(new Uint8Array(64))));
    if (s !== 0n) return s;
  }
}

export const scalarToHex = (s: bigint) => toHex(Fn.toBytes(s));

export function scalarFromHex(hex: string): bigint {
  const s = Fn.fromBytes(fromHex(hex));
  if (s === 0n) throw new Error('a zero scalar');
  return s;
}

// --- Points, packed as n × 32 bytes ---

function hashKeyToPoint(key: string): RPoint {
  return ristretto255_hasher.hashToCurve(encoder.encode(key), { DST: PSI_DST }) as RPoint;
}

/** H(k), encoded: the point a key hashes to. */
export const hashKeyToBytes = (key: string): Uint8Array => hashKeyToPoint(key).toBytes();

/** a·H(k) for each key, packed in order. */
export function blindKeys(keys: readonly string[], scalar: bigint): Uint8Array {
  const out = new Uint8Array(keys.length * POINT_BYTES);
  keys.forEach((k, i) => out.set(hashKeyToPoint(k).multiply(scalar).toBytes(), i * POINT_BYTES));
  return out;
}

/** s·P for each packed point (already validated by `decodePoints`). */
export function multiplyPoints(packed: Uint8Array, scalar: bigint): Uint8Array {
  const out = new Uint8Array(packed.length);
  for (let i = 0; i < packed.length; i += POINT_BYTES) {
    const p = Point.fromBytes(packed.subarray(i, i + POINT_BYTES));
    out.set(p.multiply(scalar).toBytes(), i);
  }
  return out;
}

/** s⁻¹·P: the initiator removes its own blinding from b·a·H(d), leaving b·H(d). */
export const unblindPoints = (packed: Uint8Array, scalar: bigint) => multiplyPoints(packed, Fn.inv(scalar));

export type Decoded = { ok: true; bytes: Uint8Array; count: number } | { ok: false; message: string };

/**
 * Reads a message's points: base64url of n × 32 bytes. Refuses, before any curve work, more than `max`
 * points or a length that is not a whole number of points; then each point must be a canonical ristretto255
 * encoding and not the identity (which would match nothing and only probes).
 */
export function decodePoints(text: string, max = MAX_SET_POINTS): Decoded {
  if (text.length > Math.ceil((max * POINT_BYTES * 4) / 3) + 4)
    return { ok: false, message: `holds more than ${max} points` };
  const bytes = fromBase64Url(text);
  if (!bytes) return { ok: false, message: 'is not base64url' };
  if (bytes.length % POINT_BYTES !== 0)
    return { ok: false, message: `is ${bytes.length} bytes, not a whole number of 32-byte points` };
  const count = bytes.length / POINT_BYTES;
  if (count > max) return { ok: false, message: `holds ${count} points; the limit is ${max}` };
  for (let i = 0; i < count; i++) {
    let p: RPoint;
    try {
      p = Point.fromBytes(bytes.subarray(i * POINT_BYTES, (i + 1) * POINT_BYTES));
    } catch {
      return { ok: false, message: `point ${i} is not a valid ristretto255 encoding` };
    }
    if (p.is0()) return { ok: false, message: `point ${i} is the identity` };
  }
  return { ok: true, bytes, count };
}

// --- Shuffling: with "counts" the responder returns b·a·H(d) out of order, so only the size can be learned ---

/** A uniformly random permutation (Fisher–Yates with rejection sampling, so no modulo bias). */
export function randomPermutation(n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const buf = new Uint32Array(1);
  for (let i = n - 1; i > 0; i--) {
    const range = i + 1;
    const limit = Math.floor(0x1_0000_0000 / range) * range;
    let r: number;
    do r = crypto.getRandomValues(buf)[0]!;
    while (r >= limit);
    const j = r % range;
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export function permutePoints(packed: Uint8Array, order: readonly number[]): Uint8Array {
  const out = new Uint8Array(packed.length);
  order.forEach((from, to) =>
    out.set(packed.subarray(from * POINT_BYTES, (from + 1) * POINT_BYTES), to * POINT_BYTES),
  );
  return out;
}

// --- Tags and sealed fields, from b·H(k) and the run id ---

/**
 * From b·H(k) and the run: a 16-byte tag to compare and a 32-byte AES key for that account's shared fields.
 * The responder never sends b·H(v) itself, only its tag: the initiator can derive b·H(k) solely for keys it
 * blinded and sent in this run, so fields open only for accounts it really holds. The run id as salt makes
 * tags of one run useless in another.
 */
export async function deriveTagsAndKeys(packed: Uint8Array, runId: string) {
  const salt = encoder.encode(`pg-psi-v1:${runId}`);
  const n = packed.length / POINT_BYTES;
  const tags = new Uint8Array(n * TAG_BYTES);
  const keys: Uint8Array[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const ikm = await crypto.subtle.importKey(
      'raw',
      packed.slice(i * POINT_BYTES, (i + 1) * POINT_BYTES),
      'HKDF',
      false,
      ['deriveBits'],
    );
    const bits = new Uint8Array(
      await crypto.subtle.deriveBits(
        { name: 'HKDF', hash: 'SHA-256', salt, info: encoder.encode('tag+fields-key') },
        ikm,
        (TAG_BYTES + 32) * 8,
      ),
    );
    tags.set(bits.subarray(0, TAG_BYTES), i * TAG_BYTES);
    keys[i] = bits.slice(TAG_BYTES);
  }
  return { tags, keys };
}

/** AES-256-GCM of an account's shared fields under its key; base64url of iv ‖ ciphertext. */
export async function sealFields(key: Uint8Array, fields: Record<string, string>): Promise<string> {
  const k = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, k, encoder.encode(JSON.stringify(fields))),
  );
  const out = new Uint8Array(12 + ct.length);
  out.set(iv);
  out.set(ct, 12);
  return toBase64Url(out);
}

export async function openFields(key: Uint8Array, sealed: string): Promise<Record<string, string> | null> {
  const bytes = fromBase64Url(sealed);
  if (!bytes || bytes.length < 28) return null;
  try {
    const k = await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['decrypt']);
    const pt = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, 12) },
      k,
      bytes.subarray(12),
    );
    const parsed: unknown = JSON.parse(new TextDecoder().decode(pt));
    if (!parsed || typeof parsed !== 'object') return null;
    return Object.fromEntries(Object.entries(parsed).map(([k2, v]) => [k2, String(v)]));
  } catch {
    return null;
  }
}

// --- Encoding helpers that work the same in the browser and in Node ---

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

function fromHex(hex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})*$/i.test(hex)) throw new Error('not hex');
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}
