// The sharing model beyond ids in paths (cross-tenant.test.ts covers those):
// list filters a partner forges with another partner's ids, and the fields
// the OpenAPI document marks vendor-only, checked in every GET answer a
// partner can get. Both are generated from the live OpenAPI document.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDealRecord, createProfileRecord } from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';
import { examples } from './route-examples';
import {
  admits,
  idsIn,
  isJson,
  operationsOf,
  resolve,
  send,
  tableCounts,
  urlOf,
  type JsonSchema,
  type OpenApiDoc,
  type Operation,
} from './openapi-walk';

let t: TestApp;
let e: Ecosystem;
let doc: OpenApiDoc;
let operations: Operation[] = [];
const s = {} as Record<'admin' | 'analyst' | 'aAdmin' | 'aUser' | 'bAdmin' | 'bUser', Session>;

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  for (const [k, u] of [
    ['admin', e.admin],
    ['analyst', e.analyst],
    ['aAdmin', e.aAdmin],
    ['aUser', e.aUser],
    ['bAdmin', e.bAdmin],
    ['bUser', e.bUser],
  ] as const)
    s[k] = await signIn(t.app, u.email, PASSWORD);
  ({ doc, operations } = await operationsOf(t));
  // Give B a record behind every route: each example builds its records for its owner.
  for (const op of operations) {
    if (op.method !== 'GET') continue;
    for (const user of [e.bAdmin, e.bUser])
      await examples[`${op.method} ${op.path}`]!({ e, owner: e.partnerB, user, t });
  }
  // Every imported-record id set, so "vendor only" has something to hide.
  for (const table of ['deals', 'referrals', 'connections'])
    await t.database.db.execute(
      sql.raw(`update "${table}" set external_id = 'EXT-' || id where external_id is null`),
    );
});
afterAll(() => t?.close());

const listRoutes = () =>
  operations.filter((o) => o.method === 'GET' && !o.path.includes('{') && o.access !== 'public');

/** The answer's ids, with the largest page, for a partner session. */
async function visibleIds(op: Operation, session: Session, query = '') {
  const limit = op.parameters.some((p) => p.name === 'limit') ? 'limit=200' : '';
  const url = `${op.path}?${[limit, query].filter(Boolean).join('&')}`;
  const res = await send(t, 'GET', url, session);
  return {
    res,
    ids: res.statusCode < 300 && isJson(res) ? idsIn(res.json()) : new Set<string>(),
  };
}

/** Query parameters that name an organization, a user or a record. */
const idLike = (name: string) => /(^|[a-z])(Id|id)$|^registeredBy$|^involved$/.test(name);

describe('forged list filters', () => {
  it("never return another partner's records, whatever id a partner puts in a filter", async () => {
    const bValues = [e.partnerB.id, e.bAdmin.id, e.bUser.id];
    // What belongs to B alone, from the database: no list of A's may ever hold it. (B's people
    // are not here: the community's member directory lists them by design.)
    const bOnly = new Set(
      (
        await t.database.db.execute<{ id: string }>(sql`
          select d.id from deals d where d.registered_by_org_id = ${e.partnerB.id}
            and not exists (select 1 from deal_involvements i where i.deal_id = d.id and i.organization_id = ${e.partnerA.id})
          union all select r.id from referrals r where ${e.partnerB.id} in (r.referrer_org_id, r.recipient_org_id)
            and ${e.partnerA.id} not in (r.recipient_org_id, coalesce(r.referrer_org_id, r.recipient_org_id))
          union all select c.id from connections c where ${e.partnerB.id} in (c.requester_org_id, c.recipient_org_id)
            and ${e.partnerA.id} not in (c.requester_org_id, c.recipient_org_id)
          union all select n.id from enrollments n where n.organization_id = ${e.partnerB.id}`)
      ).rows.map((r) => r.id),
    );
    expect(bOnly.size).toBeGreaterThan(10);
    let checked = 0;
    let privateSeen = 0;
    for (const [me, other] of [
      ['aAdmin', 'bAdmin'],
      ['aUser', 'bUser'],
    ] as const) {
      const role = me === 'aAdmin' ? 'partner_admin' : 'partner_user';
      for (const op of listRoutes().filter((o) => admits(role, o.access))) {
        const mine = (await visibleIds(op, s[me])).ids;
        const theirs = (await visibleIds(op, s[other])).ids;
        const private_ = [...theirs].filter((id) => !mine.has(id));
        expect(
          [...mine].filter((id) => bOnly.has(id)),
          `GET ${op.path} as ${me} lists B's own records`,
        ).toEqual([]);
        privateSeen += private_.length;
        const params = [
          ...op.parameters.filter((p) => p.in === 'query' && idLike(p.name)).map((p) => p.name),
          // Names a client might guess: unknown ones are refused or ignored, never obeyed.
          'partnerId',
          'organizationId',
          'programId',
        ];
        for (const name of new Set(params)) {
          for (const value of [...bValues, ...private_.slice(0, 2)]) {
            const { res, ids } = await visibleIds(op, s[me], `${name}=${encodeURIComponent(value)}`);
            expect(res.statusCode, `${op.path}?${name}= as ${me}: ${res.body.slice(0, 300)}`).toBeLessThan(
              500,
            );
            const leaked = [...ids].filter(
              (id) => private_.includes(id) || (!mine.has(id) && bValues.includes(id)),
            );
            expect(leaked, `GET ${op.path}?${name}=<B's id> as ${me}`).toEqual([]);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    // B has plenty A must not see, so an empty leak list means something.
    expect(privateSeen).toBeGreaterThan(20);
  }, 120_000);

  it('narrow a vendor’s list to the partner named, so the filters are live', async () => {
    const all = await as(t.app, s.admin).get('/api/v1/users?limit=200');
    const onlyB = await as(t.app, s.admin).get(`/api/v1/users?limit=200&organizationId=${e.partnerB.id}`);
    expect(onlyB.statusCode).toBe(200);
    const ids = onlyB.json().items.map((u: { id: string }) => u.id);
    expect(ids).toEqual(expect.arrayContaining([e.bAdmin.id, e.bUser.id]));
    expect(ids).not.toContain(e.aAdmin.id);
    expect(all.json().items.length).toBeGreaterThan(ids.length);
    // The same filter from A's admin answers A's own people at most.
    const forged = await as(t.app, s.aAdmin).get(`/api/v1/users?limit=200&organizationId=${e.partnerB.id}`);
    expect(forged.statusCode).toBeLessThan(500);
    if (forged.statusCode === 200)
      for (const u of forged.json().items as { id: string }[])
        expect([e.bAdmin.id, e.bUser.id]).not.toContain(u.id);
  });
});

/** Property names the document marks vendor-only somewhere in a schema. */
const vendorOnly = /\(vendor only\)|vendor staff only/i;
/** Fields for the record's own organization and the vendor: another partner gets null. */
const ownerAndVendor =
  /organization and the vendor only|null for anyone else but the vendor|registering organization and the vendor|vendor and to the organization that wrote it/i;

function fieldsMarked(
  marker: RegExp,
  schema: JsonSchema | undefined,
  out = new Set<string>(),
  seen = new Set<unknown>(),
) {
  const r = resolve(doc, schema);
  if (!r || seen.has(r)) return out;
  seen.add(r);
  for (const [name, prop] of Object.entries(r.properties ?? {})) {
    const p = resolve(doc, prop);
    if (marker.test(p?.description ?? prop.description ?? '')) out.add(name);
    fieldsMarked(marker, prop, out, seen);
  }
  for (const sub of [r.items, ...(r.anyOf ?? []), ...(r.oneOf ?? []), ...(r.allOf ?? [])])
    if (sub) fieldsMarked(marker, sub, out, seen);
  if (typeof r.additionalProperties === 'object') fieldsMarked(marker, r.additionalProperties, out, seen);
  return out;
}

/** Where in an answer a vendor-only field holds something. */
function filled(value: unknown, fields: Set<string>, path = '$', out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v, i) => filled(v, fields, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (fields.has(k) && v !== null && v !== undefined)
        out.push(`${path}.${k}=${JSON.stringify(v).slice(0, 60)}`);
      else filled(v, fields, `${path}.${k}`, out);
    }
  return out;
}

describe('vendor-only fields', () => {
  it('are null in every GET answer a partner gets, and filled for the vendor', async () => {
    let checked = 0;
    const marked = new Set<string>();
    let vendorSaw = 0;
    for (const op of operations.filter((o) => o.method === 'GET')) {
      const fields = fieldsMarked(vendorOnly, op.response);
      if (!fields.size) continue;
      fields.forEach((f) => marked.add(f));
      for (const [session, user, role] of [
        [s.bAdmin, e.bAdmin, 'partner_admin'],
        [s.bUser, e.bUser, 'partner_user'],
      ] as const) {
        if (!admits(role, op.access)) continue;
        const example = await examples[`GET ${op.path}`]!({ e, owner: e.partnerB, user, t });
        const res = await send(t, 'GET', urlOf(op.path, example), session);
        expect(res.statusCode, `GET ${op.path} as B's ${role}: ${res.body.slice(0, 200)}`).toBeLessThan(300);
        if (!isJson(res)) continue;
        expect(filled(res.json(), fields), `GET ${op.path} as ${role}`).toEqual([]);
        checked++;
      }
      const example = await examples[`GET ${op.path}`]!({ e, owner: e.partnerB, user: e.bAdmin, t });
      const res = await send(t, 'GET', urlOf(op.path, example), s.admin);
      if (res.statusCode < 300 && isJson(res) && filled(res.json(), fields).length) vendorSaw++;
    }
    expect([...marked]).toContain('externalId');
    expect(checked).toBeGreaterThan(10);
    // The vendor sees them filled on some routes: the check above looks at real values.
    expect(vendorSaw).toBeGreaterThan(3);
  }, 120_000);

  it("are null in another partner's answer where a record is shared with it", async () => {
    const calls: { op: Operation; url: string; session: Session; role: string; fields: Set<string> }[] = [];
    for (const op of operations.filter((o) => o.method === 'GET' && o.path.includes('{'))) {
      const fields = new Set([
        ...fieldsMarked(vendorOnly, op.response),
        ...fieldsMarked(ownerAndVendor, op.response),
      ]);
      if (!fields.size) continue;
      for (const [session, user, role] of [
        [s.aAdmin, e.bAdmin, 'partner_admin'],
        [s.aUser, e.bUser, 'partner_user'],
      ] as const) {
        if (!admits(role, op.access)) continue;
        const example = await examples[`GET ${op.path}`]!({ e, owner: e.partnerB, user, t });
        calls.push({ op, url: urlOf(op.path, example), session, role, fields });
      }
    }
    // B publishes its profile and keeps editing the draft: the published one is everyone's, the draft B's.
    await createProfileRecord(t.database.db, e.partnerB.id, {
      status: 'published',
      draft: { description: 'Draft: we are about to drop the ISV line' },
    });
    let shared = 0;
    for (const { op, url, session, role, fields } of calls) {
      const res = await send(t, 'GET', url, session);
      if (res.statusCode === 404) continue;
      expect(res.statusCode, `GET ${op.path} as A's ${role} with B's record`).toBeLessThan(300);
      if (!isJson(res)) continue;
      expect(filled(res.json(), fields), `GET ${op.path} as A's ${role} with B's record`).toEqual([]);
      expect(res.body).not.toContain('about to drop');
      shared++;
    }
    expect(shared).toBeGreaterThan(0);
  });

  it("hide the registering partner's notes, reasons and people from a partner involved on its deal", async () => {
    const deal = await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerA.id,
      registeredByUserId: e.aUser.id,
      customerName: 'Umbrella Corp',
      status: 'approved',
      notes: 'Internal: the champion leaves in May',
      involvements: [
        { organizationId: e.partnerA.id, role: 'sourced' },
        { organizationId: e.partnerB.id, role: 'co_sell' },
      ],
    } as Parameters<typeof createDealRecord>[1]);
    await t.database.db.execute(
      sql`update deals set external_id = ${`CRM-${deal.id}`}, decision_reason = 'Fits the territory' where id = ${deal.id}`,
    );
    const own = (await as(t.app, s.aUser).get(`/api/v1/deals/${deal.id}`)).json();
    expect(own).toMatchObject({ notes: 'Internal: the champion leaves in May', externalId: null });
    const vendor = (await as(t.app, s.admin).get(`/api/v1/deals/${deal.id}`)).json();
    expect(vendor.externalId).toBe(`CRM-${deal.id}`);
    for (const who of [s.bAdmin, s.bUser]) {
      const one = await as(t.app, who).get(`/api/v1/deals/${deal.id}`);
      expect(one.statusCode).toBe(200);
      expect(one.json()).toMatchObject({
        customer: { name: 'Umbrella Corp' },
        notes: null,
        externalId: null,
        registeredByUser: null,
        decisionReason: null,
      });
      const listed = (await as(t.app, who).get('/api/v1/deals?limit=200'))
        .json()
        .items.find((d: { id: string }) => d.id === deal.id);
      expect(listed).toMatchObject({ notes: null, externalId: null, registeredByUser: null });
      const csv = await as(t.app, who).get('/api/v1/exports/deals?format=csv');
      expect(csv.statusCode).toBe(200);
      expect(csv.body).toContain('Umbrella Corp');
      expect(csv.body).not.toContain('champion leaves');
      expect(csv.body).not.toContain(`CRM-${deal.id}`);
      expect(csv.body).not.toContain('Fits the territory');
    }
  });
});

/**
 * What an analyst still writes: its own account, never the ecosystem's
 * records (routes open to any signed-in user, like signing out or changing
 * one's password, are everyone's and not listed).
 */
const analystOwnAccount: Record<string, string> = {
  'POST /api/v1/tokens': 'its own API tokens',
  'DELETE /api/v1/tokens/{id}': 'its own API tokens',
  'POST /api/v1/notifications/read-all': 'the read marks of its own bell',
  'POST /api/v1/notifications/{id}/read': 'the read marks of its own bell',
  'PUT /api/v1/notifications/settings': 'which notifications it is e-mailed',
  'POST /api/v1/announcements/{id}/read': 'its read receipt of an announcement it reads',
  'POST /api/v1/community/preview': 'renders Markdown and stores nothing',
};

describe('the analyst', () => {
  it('only reads (product.md): every route that is not a GET answers 403, and nothing is stored', async () => {
    const writes = operations.filter((o) => o.method !== 'GET');
    for (const key of Object.keys(analystOwnAccount))
      expect(
        writes.some((o) => `${o.method} ${o.path}` === key),
        key,
      ).toBe(true);
    const calls: { key: string; url: string; payload?: string; headers?: Record<string, string> }[] = [];
    for (const op of writes) {
      const key = `${op.method} ${op.path}`;
      // /scim/v2 answers any person 401 (only SCIM tokens open it): cross-tenant.test.ts checks that.
      if (op.access === 'public' || op.access === 'authenticated' || op.access === 'scim') continue;
      if (analystOwnAccount[key]) {
        expect(admits('analyst', op.access), `${key}: ${analystOwnAccount[key]}`).toBe(true);
        continue;
      }
      // A request that would succeed for a role allowed to make it.
      const example = await examples[key]!({ e, owner: e.partnerA, user: e.aUser, t });
      const payload =
        example.body === undefined
          ? undefined
          : typeof example.body === 'string'
            ? example.body
            : JSON.stringify(example.body);
      calls.push({
        key,
        url: urlOf(op.path, example),
        ...(payload !== undefined ? { payload } : {}),
        ...(example.headers ? { headers: example.headers } : {}),
      });
    }
    expect(calls.length).toBeGreaterThan(100);
    const before = await tableCounts(t);
    for (const c of calls) {
      const res = await send(t, c.key.split(' ')[0]!, c.url, s.analyst, {
        ...(c.payload !== undefined ? { payload: c.payload } : {}),
        ...(c.headers ? { headers: c.headers } : {}),
      });
      expect(res.statusCode, `${c.key} as an analyst: ${res.body.slice(0, 200)}`).toBe(403);
    }
    expect(await tableCounts(t)).toEqual(before);
  }, 180_000);
});
