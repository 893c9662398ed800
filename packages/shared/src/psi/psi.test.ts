import { describe, expect, it } from 'vitest';
import { accountKeys, registrableDomain, splitDomains } from './domains';
import {
  blindAccounts,
  evaluatePoints,
  intersect,
  shownCount,
  tagOwnAccounts,
  type PsiAccount,
} from './protocol';
import {
  blindKeys,
  decodePoints,
  fromBase64Url,
  hashKeyToBytes,
  multiplyPoints,
  randomPermutation,
  randomScalar,
  scalarFromHex,
  scalarToHex,
  toBase64Url,
  unblindPoints,
} from './psi';

const acc = (keys: string[], fields: Record<string, string> = {}): PsiAccount => ({ keys, fields });

describe('registrable domains', () => {
  it('reduces URLs, hosts and e-mail addresses to the registrable domain', () => {
    expect(registrableDomain('https://www.Acme.co.uk/about')).toBe('acme.co.uk');
    expect(registrableDomain('shop.acme.com')).toBe('acme.com');
    expect(registrableDomain('jane@sales.globex.io')).toBe('globex.io');
    expect(registrableDomain('10.0.0.1')).toBeNull();
    expect(registrableDomain('intranet')).toBeNull();
    expect(registrableDomain('')).toBeNull();
  });

  it('gives an account its distinct keys', () => {
    expect(accountKeys(splitDomains('acme.com; www.acme.com, acme.de'))).toEqual(['acme.com', 'acme.de']);
  });
});

describe('points and scalars', () => {
  it('commutes: a·(b·H(k)) = b·(a·H(k)), and unblinding recovers b·H(k)', () => {
    const a = randomScalar();
    const b = randomScalar();
    const ab = multiplyPoints(blindKeys(['acme.com'], a), b);
    const ba = multiplyPoints(blindKeys(['acme.com'], b), a);
    expect(ab).toEqual(ba);
    expect(unblindPoints(ab, a)).toEqual(blindKeys(['acme.com'], b));
    expect(blindKeys(['acme.com'], a)).not.toEqual(blindKeys(['acme.com'], b));
  });

  it('round-trips scalars as hex (how the server seals them)', () => {
    const s = randomScalar();
    expect(scalarFromHex(scalarToHex(s))).toBe(s);
  });

  it('accepts well-formed point messages and names what is wrong with bad ones', () => {
    const good = toBase64Url(blindKeys(['a.com', 'b.com'], randomScalar()));
    expect(decodePoints(good)).toMatchObject({ ok: true, count: 2 });
    expect(decodePoints(toBase64Url(new Uint8Array(33)))).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a whole number'),
    });
    expect(decodePoints(toBase64Url(new Uint8Array(32).fill(0xff)))).toMatchObject({
      ok: false,
      message: 'point 0 is not a valid ristretto255 encoding',
    });
    expect(decodePoints(toBase64Url(new Uint8Array(32)))).toMatchObject({
      ok: false,
      message: 'point 0 is the identity',
    });
    expect(decodePoints('not base64!')).toMatchObject({ ok: false, message: 'is not base64url' });
    expect(decodePoints(good, 1)).toMatchObject({ ok: false });
  });

  it('hashes with its own domain separation (not the RFC test suite tag)', () => {
    expect(hashKeyToBytes('acme.com')).toEqual(hashKeyToBytes('acme.com'));
    expect(hashKeyToBytes('acme.com')).not.toEqual(hashKeyToBytes('acme.de'));
  });

  it('base64url round-trips and permutations are permutations', () => {
    const bytes = Uint8Array.from({ length: 100 }, (_, i) => i * 7);
    expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    expect([...randomPermutation(50)].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});

describe('a whole run', () => {
  const partner = [
    acc(['acme.com']),
    acc(['globex.io', 'globex.de']),
    acc(['initech.com']),
    acc(['umbrella.org']),
  ];
  const vendor = [
    acc(['globex.de'], { name: 'Globex', owner: 'Ana' }),
    acc(['acme.com', 'acme.co.uk'], { name: 'Acme', owner: 'Bo' }),
    acc(['hooli.com'], { name: 'Hooli', owner: 'Cy' }),
  ];

  async function run(ordered: boolean, shareFields: string[] | null) {
    const a = randomScalar();
    const b = randomScalar();
    const runId = 'run-1';
    const round1 = blindAccounts(partner, a);
    const responder = await tagOwnAccounts(vendor, b, runId, shareFields);
    const evaluated = evaluatePoints(round1.points, b, ordered);
    return intersect({ evaluated, ordered, initiatorOwners: round1.owners, responder, a, runId });
  }

  it('at "counts" the initiator learns how many, not which', async () => {
    const r = await run(false, null);
    expect(r.count).toBe(2);
    expect(r.responderAccounts).toEqual([0, 1]);
    expect(r.pairs).toBeNull();
  });

  it('at "overlaps" it learns which accounts matched and opens only their shared fields', async () => {
    const r = await run(true, ['name']);
    expect(r.count).toBe(2);
    expect(r.pairs).toEqual(
      expect.arrayContaining([
        { initiatorAccount: 0, responderAccount: 1, fields: { name: 'Acme' } },
        { initiatorAccount: 1, responderAccount: 0, fields: { name: 'Globex' } },
      ]),
    );
    expect(r.pairs).toHaveLength(2);
  });

  it('tags of one run do not match in another (the run id is the salt)', async () => {
    const a = randomScalar();
    const b = randomScalar();
    const round1 = blindAccounts(partner, a);
    const responder = await tagOwnAccounts(vendor, b, 'run-A', null);
    const evaluated = evaluatePoints(round1.points, b, true);
    const r = await intersect({
      evaluated,
      ordered: true,
      initiatorOwners: round1.owners,
      responder,
      a,
      runId: 'run-B',
    });
    expect(r.count).toBe(0);
  });

  it('shows small counts as "fewer than 3"', () => {
    expect(shownCount(2)).toBe('fewer than 3');
    expect(shownCount(3)).toBe('3');
  });
});
