// Bad input never becomes a 5xx. Every route with a body or a query string is
// called with its valid example bent out of shape — every field with every
// nasty value (wrong types, NUL bytes, huge strings, deep nesting, SQL), then
// random bends from fast-check — and must answer below 500, with
// problem+json for every refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { can, type Role } from '@partnergraph/shared/permissions';
import type { Access } from '../src/plugins/access';
import { signIn, startTestApp, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';
import { errorType, scimHeaders } from './openapi-walk';
import { examples } from './route-examples';
import { createPartnerOrganization, createUser } from '../src/seed/factories';

let t: TestApp;
let e: Ecosystem;

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
});
afterAll(() => t?.close());

let nested: unknown = 'bottom';
for (let i = 0; i < 2000; i++) nested = [nested];

/** Values every field of every example is tried with. */
const nasty: unknown[] = [
  'a\u0000b',
  '',
  ' ',
  'x'.repeat(300_000),
  "'; drop table users; --",
  '%_\\',
  '\u{1F600}\u202E',
  -1,
  0,
  1e308,
  1.5,
  true,
  null,
  [],
  {},
  nested,
];

const weird = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }),
  fc.object({ maxDepth: 2 }),
);

function bent(base: Record<string, unknown>) {
  const keys = Object.keys(base);
  return fc.oneof(
    keys.length ? fc.tuple(fc.constantFrom(...keys), weird).map(([k, v]) => ({ ...base, [k]: v })) : weird,
    fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), weird).map(([k, v]) => ({ ...base, [k]: v })),
    weird,
  );
}

const queryKeys = [
  'limit',
  'cursor',
  'sort',
  'q',
  'status',
  'from',
  'to',
  'organizationId',
  'type',
  'country',
];
const queryValue = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom("1' or '1'='1", '-1', '1e99', '2025-13-45', '%00'),
);

describe('bad input', () => {
  it('never answers 5xx, on any route', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const accessOf = new Map(t.app.routeAccess.map((r) => [`${r.method} ${r.url}`, r.access]));
    let calls = 0;
    let accepted = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const m of Object.keys(ops)) {
        const method = m.toUpperCase();
        const access = accessOf.get(`${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`) ?? 'public';
        // /scim/v2 is called by the owner's identity provider (its SCIM token), as a partner admin would set it up.
        const role = (['admin', 'partner_admin', 'partner_user'] as const).find(
          (r: Role) =>
            access === 'public' ||
            access === 'authenticated' ||
            (access === 'scim'
              ? r === 'partner_admin'
              : can(r, access as Exclude<Access, 'public' | 'authenticated' | 'scim'>)),
        );
        if (!role) continue;
        // A fresh partner and session per route: earlier routes may have terminated, signed out or changed the last ones.
        const owner = await createPartnerOrganization(t.database.db, { types: ['reseller', 'msp', 'isv'] });
        const ownerAdmin = await createUser(t.database.db, {
          organizationId: owner.id,
          role: 'partner_admin',
        });
        const ownerUser = await createUser(t.database.db, { organizationId: owner.id, role: 'partner_user' });
        const account = { admin: e.admin, partner_admin: ownerAdmin, partner_user: ownerUser }[role];
        const session =
          access === 'public' || access === 'scim' ? null : await signIn(t.app, account.email, PASSWORD);
        const user = role === 'partner_user' ? ownerUser : ownerAdmin;
        const example = await examples[`${method} ${path}`]!({ e, owner, user, t });
        const url = path.replace(/\{(\w+)\}/g, (_, k: string) =>
          encodeURIComponent(example.params?.[k] ?? 'x'),
        );
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
          ...(access === 'scim' ? await scimHeaders(t, owner.id) : {}),
        };
        const hasBody = method !== 'GET' && method !== 'DELETE';
        const check = async (input: Record<string, unknown> | unknown) => {
          const res = await t.app.inject({
            method: method as 'GET',
            url: hasBody ? url : `${url}?${new URLSearchParams(input as Record<string, string>).toString()}`,
            headers,
            // Spread over addresses so the suite measures input handling, not the rate limits.
            remoteAddress: `10.9.${calls % 250}.${Math.floor(calls / 250) % 250}`,
            ...(hasBody ? { payload: JSON.stringify(input) } : {}),
          });
          calls++;
          if (res.statusCode < 300) accepted++;
          if (res.statusCode >= 500) {
            const sent = JSON.stringify(input).slice(0, 200);
            throw new Error(
              `${method} ${path} answered ${res.statusCode} to ${sent}: ${res.body.slice(0, 300)}`,
            );
          }
          if (res.statusCode >= 400) {
            expect(res.headers['content-type'], `${method} ${path}`).toContain(errorType(path));
          }
        };
        const base = (
          hasBody ? (example.body ?? {}) : Object.fromEntries(new URLSearchParams(example.query ?? ''))
        ) as Record<string, unknown>;
        for (const key of Object.keys(base)) {
          for (const value of nasty) {
            await check({ ...base, [key]: hasBody ? value : String(value).slice(0, 2000) });
          }
        }
        const random = hasBody ? bent(base) : fc.dictionary(fc.constantFrom(...queryKeys), queryValue);
        await fc.assert(fc.asyncProperty(random, check), { numRuns: 12, seed: 20261123 });
      }
    }
    expect(calls).toBeGreaterThan(1000);
    // Enough bent requests still pass validation to reach the services: the suite tests more than the gate.
    expect(accepted).toBeGreaterThan(200);
  }, 300_000);
});
