// The statements a hot route runs per request, counted through the same recorder the API benchmark
// uses (bench/api-server.ts, apps/server/test/statements.ts). Counts are deterministic where timings
// are not: a statement that comes back (a second settings read, the session's organization read on
// its own again, a lookup with an empty list) fails here first. docs/PERFORMANCE.md lists them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';
import { oneLine, recordStatements } from './statements';

let t: TestApp;
let e: Ecosystem;
let admin: Session, aUser: Session;
let n = 0;
const dealBody = () => ({
  customerName: `Customer counted ${++n}`,
  customerDomain: `counted${n}.example.com`,
  country: 'US',
  amount: 250_000,
  currency: 'USD',
  expectedCloseDate: '2099-06-30',
  notes: 'Registered by the statement count',
});

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  aUser = await signIn(t.app, e.aUser.email, PASSWORD);
});
afterAll(async () => {
  await t?.close();
});

/** The statements of one request, after a warm-up request of the same kind (as the benchmark records). */
async function statementsOf(send: () => Promise<{ statusCode: number; body: string }>) {
  const warm = await send();
  expect(warm.statusCode, warm.body).toBeLessThan(300);
  const { result, statements } = await recordStatements(send);
  expect(result.statusCode, result.body).toBeLessThan(300);
  return statements.map((s) => oneLine(s, 100_000));
}

const session = expect.stringMatching(/^select .*"sessions"/);
const selectFrom = (table: string) => expect.stringMatching(new RegExp(`^select .* from "${table}"`));
const insertInto = (table: string) => `insert into "${table}"`;

describe('statements per request of the benchmarked routes', () => {
  it('GET /partners/{id}: the session (with its user and organization), the partner, its types, its manager', async () => {
    const list = await statementsOf(() => as(t.app, admin).get(`/api/v1/partners/${e.partnerA.id}`));
    expect(list, list.join('\n')).toHaveLength(4);
    expect(list[0]).toEqual(session);
  });

  it('GET /partners?limit=50: the session, the page, its types, its managers', async () => {
    const list = await statementsOf(() => as(t.app, admin).get('/api/v1/partners?limit=50'));
    expect(list, list.join('\n')).toHaveLength(4);
    expect(list[0]).toEqual(session);
  });

  it('POST /deals by a partner: one session read, one settings read, one transaction', async () => {
    const list = await statementsOf(() => as(t.app, aUser).post('/api/v1/deals', dealBody()));
    expect(list, list.join('\n')).toHaveLength(13);
    expect(list.slice(0, 9)).toEqual([
      session,
      'begin',
      selectFrom('settings'),
      selectFrom('organizations'), // the registering partner is active
      expect.stringContaining(insertInto('deals')),
      expect.stringContaining(insertInto('deal_involvements')),
      expect.stringContaining(insertInto('audit_log')),
      expect.stringContaining(insertInto('outbox')),
      'commit',
    ]);
    // The read-back and the conflict checks reuse the transaction's settings row, and each reads the
    // organizations it names in its own statement (a join), none on their own.
    expect(list.filter((s) => /from "settings"/.test(s))).toHaveLength(1);
    const joined = (table: string, tail = '') =>
      expect.stringMatching(
        new RegExp(
          `^select .* from "${table}" inner join \\(select .* from "organizations"\\) "organizations_view".*${tail}`,
        ),
      );
    expect(list.slice(9)).toEqual([
      joined('deals'), // the read-back, with its registrant and the registering user's name
      joined('deal_involvements'), // its involvements, with their organizations
      joined('deals', ' limit '), // the conflict candidates, with their registrants
      joined('deals', ' order by "deals"."approved_at"'), // the deals protecting the customer, with theirs
    ]);
  });

  it('POST /deals by the vendor (as the benchmark registers)', async () => {
    const list = await statementsOf(() => as(t.app, admin).post('/api/v1/deals', dealBody()));
    expect(list, list.join('\n')).toHaveLength(11);
    expect(list[0]).toEqual(session);
    expect(list.filter((s) => /from "settings"/.test(s))).toHaveLength(1);
    expect(list.filter((s) => / where false/.test(s))).toEqual([]);
  });
});
