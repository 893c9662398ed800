// SQL injection, generated from the OpenAPI document: every query parameter
// of every GET route is sent classic injection payloads. Each must be read as
// text: a 2xx or a 4xx, never a 5xx, and never more than the caller sees with
// no filter at all. Search boxes (marketplace, public locator, member
// directory) are checked to answer nothing extra for a payload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemberProfileRecord } from '../src/seed/community-factories';
import { createPartnerOrganization, createProfileRecord, createUser } from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';
import { examples } from './route-examples';
import {
  admits,
  errorType,
  idsIn,
  isJson,
  operationsOf,
  scimHeaders,
  send,
  urlOf,
  type Operation,
} from './openapi-walk';

let t: TestApp;
let e: Ecosystem;
let operations: Operation[] = [];
const sessions = {} as Record<'admin' | 'partner_admin' | 'partner_user', Session>;

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  sessions.admin = await signIn(t.app, e.admin.email, PASSWORD);
  sessions.partner_admin = await signIn(t.app, e.aAdmin.email, PASSWORD);
  sessions.partner_user = await signIn(t.app, e.aUser.email, PASSWORD);
  operations = (await operationsOf(t)).operations.filter(
    (o) => o.method === 'GET' && o.parameters.some((p) => p.in === 'query'),
  );
  // Some of everything for B, and a few listed partners, so a payload has something to leak.
  for (const op of operations) await examples[`GET ${op.path}`]!({ e, owner: e.partnerB, user: e.bAdmin, t });
  for (const name of ['Backup Heroes', 'Cloud Keepers', 'Data Guardians']) {
    const org = await createPartnerOrganization(t.database.db, { name, types: ['msp'], country: 'US' });
    await createProfileRecord(t.database.db, org.id, { fields: { services: ['Managed backup'] } });
    const member = await createUser(t.database.db, { organizationId: org.id, role: 'partner_user' });
    await createMemberProfileRecord(t.database.db, { userId: member.id });
  }
});
afterAll(() => t?.close());

const payloads = [
  "' OR '1'='1",
  "' OR 1=1 --",
  '1) OR (1=1',
  "'; DROP TABLE users; --",
  "%' OR '%'='",
  '" OR ""="',
  "' UNION SELECT id, email, password_hash FROM users --",
  "1'; SELECT pg_sleep(0); --",
  '\\',
  '$1',
  '%_%',
];

describe('SQL injection', () => {
  it('every query parameter of every GET route reads a payload as text: never 5xx, never more than unfiltered', async () => {
    let checked = 0;
    let accepted = 0;
    for (const op of operations) {
      // /scim/v2 is read by partner A's identity provider, with its SCIM token.
      const scim = op.access === 'scim';
      const role = scim
        ? 'partner_admin'
        : (['partner_user', 'partner_admin', 'admin'] as const).find((r) => admits(r, op.access));
      if (!role) continue;
      const session = op.access === 'public' || scim ? null : sessions[role];
      const auth = scim ? { headers: await scimHeaders(t, e.partnerA.id) } : {};
      const user = role === 'partner_user' ? e.aUser : e.aAdmin;
      const example = await examples[`GET ${op.path}`]!({ e, owner: e.partnerA, user, t });
      const base = new URLSearchParams(example.query ?? '');
      const baseline = await send(t, 'GET', urlOf(op.path, example), session, auth);
      const json = baseline.statusCode < 300 && isJson(baseline);
      // What the caller sees with the example's own filters but the largest page, and without them.
      const seen = new Set<string>();
      if (json) idsIn(baseline.json(), seen);
      const limitOk = op.parameters.some((p) => p.name === 'limit');
      const wide = await send(t, 'GET', urlOf(op.path, example, limitOk ? 'limit=200' : ''), session, auth);
      if (wide.statusCode < 300 && isJson(wide)) idsIn(wide.json(), seen);
      // SCIM's text reaching SQL is its filter (paging numbers and attribute names never do).
      for (const param of op.parameters.filter((p) => p.in === 'query' && (!scim || p.name === 'filter'))) {
        for (const payload of payloads) {
          const q = new URLSearchParams(base);
          q.set(param.name, payload);
          if (limitOk && param.name !== 'limit') q.set('limit', '200');
          const res = await send(t, 'GET', urlOf(op.path, example, q.toString()), session, auth);
          expect(
            res.statusCode,
            `GET ${op.path}?${param.name}=${payload}: ${res.body.slice(0, 200)}`,
          ).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(res.headers['content-type']).toContain(errorType(op.path));
          } else if (isJson(res)) {
            accepted++;
            const extra = [...idsIn(res.json())].filter((id) => !seen.has(id));
            expect(
              extra,
              `GET ${op.path}?${param.name}=${payload} as ${role} answers records it does not see otherwise`,
            ).toEqual([]);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    // Most payloads reach the query as text (free-text and id filters), not just the validator.
    expect(accepted).toBeGreaterThan(150);
    // And the tables are all still there.
    expect((await as(t.app, sessions.partner_user).get('/api/v1/me')).statusCode).toBe(200);
  }, 120_000);

  it('a classic payload in marketplace search, the public locator and the member directory finds nothing', async () => {
    const marketplace = await as(t.app, sessions.partner_user).get('/api/v1/marketplace/search?q=backup');
    expect(marketplace.json().items.length).toBeGreaterThanOrEqual(3);
    const members = await as(t.app, sessions.partner_user).get('/api/v1/members?limit=200');
    expect(members.json().items.length).toBeGreaterThanOrEqual(3);
    for (const payload of [
      "' OR '1'='1",
      "backup' OR '1'='1",
      "%' OR 1=1 --",
      "x' UNION SELECT email FROM users --",
    ]) {
      const q = encodeURIComponent(payload);
      const search = await as(t.app, sessions.partner_user).get(`/api/v1/marketplace/search?q=${q}`);
      expect(search.statusCode, payload).toBe(200);
      // "backup' OR …" may still find the backup partners by the word backup; never more than them.
      expect(search.json().items.length, payload).toBeLessThanOrEqual(
        payload.startsWith('backup') ? marketplace.json().items.length : 0,
      );
      const locator = await t.app.inject({
        method: 'GET',
        url: `/api/v1/public/partners?q=${q}`,
        remoteAddress: '203.0.113.9',
      });
      expect(locator.statusCode, payload).toBe(200);
      expect(locator.json().items.length, payload).toBeLessThanOrEqual(
        payload.startsWith('backup') ? marketplace.json().items.length : 0,
      );
      const found = await as(t.app, sessions.partner_user).get(`/api/v1/members?q=${q}`);
      expect(found.statusCode, payload).toBe(200);
      expect(found.json().items, payload).toEqual([]);
    }
  });

  it('a network filter that matches no partner answers an empty graph with betweenness (was a 500)', async () => {
    const res = await as(t.app, sessions.admin).get(
      '/api/v1/analytics/network?betweenness=true&partnerType=nobody',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ nodes: 0, graph: { nodes: [], filtered: true } });
  });
});
