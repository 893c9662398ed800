// Idempotency-Key on creates (plugins/idempotency.ts): a retry with the same
// key returns the first answer and creates nothing new; the same key with a
// different body is refused (422); two copies sent at once create one record;
// a key is one user's, so another user's key never replays their answer.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { posts } from '../src/modules/community/community.tables';
import { deals, referrals } from '../src/modules/deals/deals.tables';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';
import { examples } from './route-examples';

let t: TestApp;
let e: Ecosystem;
let aUser: Session;
let bUser: Session;
beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  aUser = await signIn(t.app, e.aUser.email, PASSWORD);
  bUser = await signIn(t.app, e.bUser.email, PASSWORD);
});
afterAll(() => t?.close());

const count = async (table: typeof deals | typeof referrals | typeof posts) =>
  Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n);

/** The create routes under test, each with a body builder and the table its record lands in. */
const creates = [
  {
    route: 'POST /api/v1/deals',
    table: deals,
    prepare: async (s: Session, user = e.aUser) => ({
      url: '/api/v1/deals',
      body: (await examples['POST /api/v1/deals']!({ e, owner: e.partnerA, user, t })).body as Record<
        string,
        unknown
      >,
      session: s,
    }),
  },
  {
    route: 'POST /api/v1/referrals',
    table: referrals,
    prepare: async (s: Session, user = e.aUser) => ({
      url: '/api/v1/referrals',
      body: (await examples['POST /api/v1/referrals']!({ e, owner: e.partnerA, user, t })).body as Record<
        string,
        unknown
      >,
      session: s,
    }),
  },
  {
    route: 'POST /api/v1/spaces/{id}/posts',
    table: posts,
    prepare: async (s: Session, user = e.aUser) => {
      const ex = await examples['POST /api/v1/spaces/{id}/posts']!({ e, owner: e.partnerA, user, t });
      return {
        url: `/api/v1/spaces/${ex.params!.id}/posts`,
        body: ex.body as Record<string, unknown>,
        session: s,
      };
    },
  },
];

let keys = 0;
const newKey = () => `retry-${Date.now()}-${keys++}`;

describe('Idempotency-Key', () => {
  for (const c of creates) {
    it(`${c.route}: a replay answers the first result and creates one record`, async () => {
      const { url, body, session } = await c.prepare(aUser);
      const key = newKey();
      const before = await count(c.table);
      const first = await as(t.app, session).post(url, body, { 'idempotency-key': key });
      expect(first.statusCode, first.body).toBe(201);
      const again = await as(t.app, session).post(url, body, { 'idempotency-key': key });
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toEqual(first.json());
      expect(await count(c.table)).toBe(before + 1);
      // Without a key the same body is a new request.
      const fresh = await as(t.app, session).post(url, body);
      expect(fresh.statusCode).toBe(201);
      expect(fresh.json().id).not.toBe(first.json().id);
      expect(await count(c.table)).toBe(before + 2);
    });

    it(`${c.route}: the same key with a different body answers 422 and creates nothing`, async () => {
      const { url, body, session } = await c.prepare(aUser);
      const key = newKey();
      expect((await as(t.app, session).post(url, body, { 'idempotency-key': key })).statusCode).toBe(201);
      const before = await count(c.table);
      const changed: Record<string, unknown> = { ...body, ...(body.title ? { title: 'Another title' } : {}) };
      if (!body.title) changed[Object.keys(body).find((k) => typeof body[k] === 'string')!] = 'Changed text';
      const res = await as(t.app, session).post(url, changed, { 'idempotency-key': key });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toMatch(/Idempotency-Key/);
      expect(await count(c.table)).toBe(before);
    });

    it(`${c.route}: two copies sent at once create one record`, async () => {
      const { url, body, session } = await c.prepare(aUser);
      const key = newKey();
      const before = await count(c.table);
      const results = await Promise.all(
        [0, 1].map(() => as(t.app, session).post(url, body, { 'idempotency-key': key })),
      );
      const codes = results.map((r) => r.statusCode).sort();
      // Serialized (PGlite): the second is a replay; raced (PostgreSQL): it may find the first in progress (409).
      expect([
        [201, 201],
        [201, 409],
      ]).toContainEqual(codes);
      const ids = new Set(results.filter((r) => r.statusCode === 201).map((r) => r.json().id));
      expect(ids.size).toBe(1);
      expect(await count(c.table)).toBe(before + 1);
    });
  }

  it("is one user's: another user's same key creates their own record, never replays the first answer", async () => {
    const key = newKey();
    const mine = await creates[0]!.prepare(aUser);
    const first = await as(t.app, aUser).post(mine.url, mine.body, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    const theirs = await creates[0]!.prepare(bUser, e.bUser);
    const other = await as(t.app, bUser).post(theirs.url, theirs.body, { 'idempotency-key': key });
    expect(other.statusCode).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(other.json().id).not.toBe(first.json().id);
    const [row] = await t.database.db.select().from(deals).where(eq(deals.id, other.json().id));
    expect(row!.registeredByOrgId).toBe(e.partnerB.id);
  });

  it('a refused first attempt keeps nothing: the retry with the same key runs', async () => {
    const key = newKey();
    const { url, body } = await creates[0]!.prepare(aUser);
    // Past validation, refused by the rules (no SEK rate is in force): the key was claimed, then released.
    const bad = await as(t.app, aUser).post(url, { ...body, currency: 'SEK' }, { 'idempotency-key': key });
    expect(bad.statusCode, bad.body).toBe(422);
    const good = await as(t.app, aUser).post(url, body, { 'idempotency-key': key });
    expect(good.statusCode).toBe(201);
  });
});
