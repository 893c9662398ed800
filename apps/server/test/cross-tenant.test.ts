// Walks every operation in the OpenAPI document. Each one needs an example
// request in route-examples.ts; a route without one fails this suite, so every route that
// ever lands is checked for: 401 without a session, 403 for each role the
// permission matrix excludes, 404 for a partner reaching into another
// partner's records (with a control call proving the example is valid), and
// 404 for malformed ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Role } from '@partnergraph/shared/permissions';
import type { Access } from '../src/plugins/access';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';
import { errorType, scimHeaders } from './openapi-walk';
import { examples, versionOf, type ExampleRequest } from './route-examples';

let t: TestApp;
let e: Ecosystem;
const sessions = {} as Record<Role | 'partner_admin_b' | 'partner_user_b', Session>;
let operations: { method: string; path: string; access: Access }[] = [];
const shared: string[] = [];

function url(path: string, req: ExampleRequest) {
  const filled = path.replace(/\{(\w+)\}/g, (_, k: string) =>
    encodeURIComponent(req.params?.[k] ?? 'missing'),
  );
  return req.query ? `${filled}?${req.query}` : filled;
}

async function call(
  method: string,
  path: string,
  req: ExampleRequest,
  session: Session | null,
  auth: Record<string, string> = {},
) {
  const client = as(t.app, session);
  const u = url(path, req);
  const headers = { ...req.headers, ...auth };
  if (method === 'GET') return client.get(u, headers);
  if (method === 'PATCH') return client.patch(u, req.body, headers);
  if (method === 'PUT') return client.put(u, req.body, headers);
  if (method === 'DELETE') return client.delete(u, headers);
  return client.post(u, req.body, headers);
}

/** An organization's identity provider: the caller of the routes with access 'scim'. */
const providers = new Map<string, Record<string, string>>();
async function provider(orgId: string) {
  if (!providers.has(orgId)) providers.set(orgId, await scimHeaders(t, orgId));
  return providers.get(orgId)!;
}

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  const who: [keyof typeof sessions, { email: string }][] = [
    ['admin', e.admin],
    ['channel_manager', e.cm],
    ['analyst', e.analyst],
    ['partner_admin', e.aAdmin],
    ['partner_user', e.aUser],
    ['partner_admin_b', e.bAdmin],
    ['partner_user_b', e.bUser],
  ];
  for (const [k, u] of who) sessions[k] = await signIn(t.app, u.email, PASSWORD);
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  const accessOf = new Map(t.app.routeAccess.map((r) => [`${r.method} ${r.url}`, r.access]));
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops)) {
      const fastifyPath = path.replace(/\{(\w+)\}/g, ':$1');
      const access = accessOf.get(`${method.toUpperCase()} ${fastifyPath}`) ?? 'public';
      operations.push({ method: method.toUpperCase(), path, access });
    }
  }
  operations = operations.sort((a, b) => a.path.localeCompare(b.path));
});
afterAll(() => t?.close());

// Each walk visits every route, so its time grows with the API (about 30 s for the 404 walk at
// 300 operations on a quiet machine); the limit is the suite's default scaled for that, not a speed check.
const WALK_TIMEOUT = 180_000;

describe('every route in the OpenAPI document', () => {
  it('is documented and gated', () => {
    expect(operations.length).toBeGreaterThan(10);
    const missing = operations
      .filter((o) => !examples[`${o.method} ${o.path}`])
      .map((o) => `${o.method} ${o.path}`);
    expect(missing, 'routes without an example request in cross-tenant.test.ts').toEqual([]);
  });

  it(
    'answers 401 without a session, unless public',
    async () => {
      for (const op of operations.filter((o) => o.access !== 'public')) {
        const req = await examples[`${op.method} ${op.path}`]!({ e, owner: e.partnerB, user: e.bUser, t });
        const res = await call(op.method, op.path, req, null);
        expect(res.statusCode, `${op.method} ${op.path}`).toBe(401);
        expect(res.headers['content-type']).toContain(errorType(op.path));
      }
    },
    WALK_TIMEOUT,
  );

  it(
    'answers 403 to every role the permission matrix excludes',
    async () => {
      const roles: Role[] = ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'];
      let checked = 0;
      for (const op of operations.filter((o) => o.access !== 'public' && o.access !== 'authenticated')) {
        if (op.access === 'scim') {
          // A signed-in person of any role is no identity provider: only a SCIM token opens these.
          for (const role of ['admin', 'partner_user'] as const) {
            const req = await examples[`${op.method} ${op.path}`]!({
              e,
              owner: e.partnerA,
              user: e.aUser,
              t,
            });
            const res = await call(op.method, op.path, req, sessions[role]);
            expect(res.statusCode, `${op.method} ${op.path} as ${role}`).toBe(401);
          }
          continue;
        }
        for (const role of roles.filter(
          (r) => !can(r, op.access as Exclude<Access, 'public' | 'authenticated' | 'scim'>),
        )) {
          const req = await examples[`${op.method} ${op.path}`]!({ e, owner: e.partnerA, user: e.aUser, t });
          const res = await call(op.method, op.path, req, sessions[role]);
          expect(res.statusCode, `${op.method} ${op.path} as ${role}`).toBe(403);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(5);
    },
    WALK_TIMEOUT,
  );

  it(
    "answers 404 to a partner reaching another partner's records, and 2xx to their owner",
    async () => {
      let checked = 0;
      for (const op of operations.filter((o) => o.path.includes('{') && o.access !== 'public')) {
        const example = examples[`${op.method} ${op.path}`]!;
        if (op.access === 'scim') {
          // A's identity provider with B's ids, then B's own provider with the same request.
          for (const user of [e.bUser]) {
            const owner = { e, owner: e.partnerB, user, t };
            const before = await versionOf(t, e.partnerB.id);
            const res = await call(
              op.method,
              op.path,
              await example(owner),
              null,
              await provider(e.partnerA.id),
            );
            expect(res.statusCode, `${op.method} ${op.path} with A's SCIM token and B's ids`).toBe(404);
            expect(await versionOf(t, e.partnerB.id), 'nothing of B changed').toBe(before);
            const control = await call(
              op.method,
              op.path,
              await example(owner),
              null,
              await provider(e.partnerB.id),
            );
            expect(
              control.statusCode,
              `${op.method} ${op.path} with B's own SCIM token: ${control.body}`,
            ).toBeLessThan(300);
            checked++;
          }
          continue;
        }
        for (const role of ['partner_admin', 'partner_user'] as const) {
          if (
            op.access !== 'authenticated' &&
            !can(role, op.access as Exclude<Access, 'public' | 'authenticated' | 'scim'>)
          )
            continue;
          const owner = { e, owner: e.partnerB, user: role === 'partner_admin' ? e.bAdmin : e.bUser, t };
          const before = await versionOf(t, e.partnerB.id);
          const req = await example(owner);
          if (req.shared) {
            shared.push(`${op.method} ${op.path}: ${req.shared}`);
            continue;
          }
          const res = await call(op.method, op.path, req, sessions[role]);
          expect(res.statusCode, `${op.method} ${op.path} as A's ${role} with B's ids`).toBe(404);
          expect(await versionOf(t, e.partnerB.id), 'nothing of B changed').toBe(before);
          const control = await call(op.method, op.path, await example(owner), sessions[`${role}_b`]);
          expect(
            control.statusCode,
            `${op.method} ${op.path} as B's own ${role}: ${control.body}`,
          ).toBeLessThan(300);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(2);
      // Shared records are listed, so a reader sees every exception in one place.
      // (Counted per route: each is checked for both partner roles.)
      expect(new Set(shared.map((s) => s.split(':')[0])).size).toBeLessThanOrEqual(6);
    },
    WALK_TIMEOUT,
  );

  it(
    'answers 404 for a malformed id',
    async () => {
      for (const op of operations.filter((o) => o.path.includes('{') && o.access !== 'public')) {
        const req = await examples[`${op.method} ${op.path}`]!({ e, owner: e.partnerA, user: e.aUser, t });
        const params = Object.fromEntries(Object.keys(req.params ?? {}).map((k) => [k, 'not-an-id']));
        if (op.access === 'scim') {
          const res = await call(op.method, op.path, { ...req, params }, null, await provider(e.partnerA.id));
          expect(res.statusCode, `${op.method} ${op.path}`).toBe(404);
          continue;
        }
        // Ask as a role the route admits, so the answer is about the id, not the role.
        const role = (['admin', 'channel_manager', 'partner_admin', 'partner_user', 'analyst'] as const).find(
          (r) =>
            op.access === 'authenticated' ||
            can(r, op.access as Exclude<Access, 'public' | 'authenticated' | 'scim'>),
        )!;
        const res = await call(op.method, op.path, { ...req, params }, sessions[role]);
        expect(res.statusCode, `${op.method} ${op.path}`).toBe(404);
      }
    },
    WALK_TIMEOUT,
  );
});
