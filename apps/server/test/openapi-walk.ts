// Helpers for the suites that are generated from the OpenAPI document
// (authz, mass-assignment, sql-injection): every operation with the access it
// declares, the role that may call it, and the fingerprint of what is stored.
import { sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { can, type Role } from '@partnergraph/shared/permissions';
import type { Access } from '../src/plugins/access';
import { insertScimTokenRecord } from '../src/modules/scim/scim.records';
import { createPartnerOrganization, createUser } from '../src/seed/factories';
import { signIn, type Session, type TestApp } from './app';
import { PASSWORD, type Ecosystem } from './ecosystem';
import type { ExampleRequest } from './route-examples';

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  description?: string;
  enum?: unknown[];
  format?: string;
};

export interface Parameter {
  name: string;
  in: string;
  schema?: JsonSchema;
}
export interface Operation {
  method: string;
  path: string;
  access: Access;
  parameters: Parameter[];
  requestBody?: JsonSchema;
  response?: JsonSchema;
}
export interface OpenApiDoc {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Every operation of the live document, with the access its route declares. */
export async function operationsOf(t: TestApp): Promise<{ doc: OpenApiDoc; operations: Operation[] }> {
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as OpenApiDoc;
  const accessOf = new Map(t.app.routeAccess.map((r) => [`${r.method} ${r.url}`, r.access]));
  const operations: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase();
      const access = accessOf.get(`${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`) ?? 'public';
      const body = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content?.['application/json']?.schema;
      const responses = op.responses as Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
      const ok = Object.entries(responses ?? {}).find(([code]) => /^2\d\d$/.test(code))?.[1];
      operations.push({
        method,
        path,
        access,
        parameters: (op.parameters as Parameter[] | undefined) ?? [],
        requestBody: body,
        response: ok?.content?.['application/json']?.schema,
      });
    }
  }
  return {
    doc,
    operations: operations.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`)),
  };
}

export function resolve(doc: OpenApiDoc, s: JsonSchema | undefined): JsonSchema | undefined {
  if (!s?.$ref) return s;
  return resolve(doc, doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')]);
}

/** The properties a body schema names, across the branches of a union. */
export function propertiesOf(doc: OpenApiDoc, s: JsonSchema | undefined): Record<string, JsonSchema> {
  const r = resolve(doc, s);
  if (!r) return {};
  const out: Record<string, JsonSchema> = { ...(r.properties ?? {}) };
  for (const branch of [...(r.anyOf ?? []), ...(r.oneOf ?? []), ...(r.allOf ?? [])])
    Object.assign(out, propertiesOf(doc, branch));
  return out;
}

export const partnerRoles = ['partner_admin', 'partner_user'] as const;

/** Whether a person in `role` may call a route: never one of /scim/v2, which only SCIM tokens open. */
export function admits(role: Role, access: Access) {
  if (access === 'scim') return false;
  return (
    access === 'public' ||
    access === 'authenticated' ||
    can(role, access as Exclude<Access, 'public' | 'authenticated' | 'scim'>)
  );
}

/** The credential of an organization's identity provider, for the routes with access 'scim'. */
export async function scimHeaders(t: TestApp, organizationId: string) {
  const { token } = await insertScimTokenRecord(t.database.db, { organizationId, name: 'suite' });
  return { authorization: `Bearer ${token}` };
}

/** The content type of a refusal: SCIM error bodies on /scim/v2, problem+json everywhere else. */
export const errorType = (path: string) =>
  path.startsWith('/scim/') ? 'application/scim+json' : 'application/problem+json';

/**
 * A fresh partner organization with an admin and a user, and a session for
 * whichever of the vendor admin, the partner admin or the partner user the
 * route admits (in that order), like the fuzz suite: earlier routes may have
 * signed out, terminated or rate-limited the last ones.
 */
export async function callerFor(
  t: TestApp,
  e: Ecosystem,
  access: Access,
  prefer: Role[] = ['admin', 'partner_admin', 'partner_user'],
) {
  const role = prefer.find((r) => admits(r, access));
  if (!role) return null;
  const owner = await createPartnerOrganization(t.database.db, { types: ['reseller', 'msp', 'isv'] });
  const ownerAdmin = await createUser(t.database.db, { organizationId: owner.id, role: 'partner_admin' });
  const ownerUser = await createUser(t.database.db, { organizationId: owner.id, role: 'partner_user' });
  const account = role === 'partner_user' ? ownerUser : role === 'partner_admin' ? ownerAdmin : e.admin;
  const session = access === 'public' ? null : await signIn(t.app, account.email, PASSWORD);
  return { role, owner, user: role === 'partner_user' ? ownerUser : ownerAdmin, session };
}

export function urlOf(path: string, req: ExampleRequest, query = req.query) {
  const filled = path.replace(/\{(\w+)\}/g, (_, k: string) =>
    encodeURIComponent(req.params?.[k] ?? 'missing'),
  );
  return query ? `${filled}?${query}` : filled;
}

let addresses = 0;
/** A request as `session`, each from its own client address so only the rate limit under test trips. */
export function send(
  t: TestApp,
  method: string,
  url: string,
  session: Session | null,
  opts: { payload?: string; headers?: Record<string, string> } = {},
) {
  addresses++;
  return t.app.inject({
    method: method as InjectOptions['method'],
    url,
    remoteAddress: `10.77.${Math.floor(addresses / 250) % 250}.${addresses % 250}`,
    headers: {
      ...(opts.payload !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrfToken } : {}),
      ...opts.headers,
    },
    ...(opts.payload !== undefined ? { payload: opts.payload } : {}),
  }) as Promise<LightMyRequestResponse>;
}

/** Row counts of every table: "nothing was stored" means this did not change. */
export async function tableCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = await t.database.db.execute<{ name: string }>(sql`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  const names = tables.rows.map((r) => r.name);
  const counts = await t.database.db.execute<{ name: string; n: number }>(
    sql.raw(names.map((n) => `select '${n}' as name, count(*)::int as n from "${n}"`).join(' union all ')),
  );
  return Object.fromEntries(counts.rows.map((r) => [r.name, Number(r.n)]));
}

/** Every `id` anywhere in a JSON answer. */
export function idsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) idsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'id' && typeof v === 'string') out.add(v);
      else idsIn(v, out);
    }
  }
  return out;
}

/** Whether an answer is JSON (and not a CSV or a calendar file). */
export const isJson = (res: LightMyRequestResponse) =>
  String(res.headers['content-type'] ?? '').includes('json');
