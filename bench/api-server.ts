// The process the API benchmark loads (forked by bench/api.ts, so the load
// generator never shares an event loop with the server): a scratch database
// filled by fillScale, then two HTTP servers on loopback over one `pg` pool —
//   app   — the whole product (buildApp: helmet, cookies, the session lookup,
//           the access gate with its CSRF check, Zod validation and
//           serialization, the routes' services and repositories);
//   floor — a bare Fastify instance whose routes run the very statements the
//           product's route ran (recorded from one request through the app,
//           replayed with raw `pg`: the session lookup with the cookie's token
//           hashed per request, the request's own id or customer, fresh ids for
//           inserted rows), answering the rows as JSON; plus a hello world.
// Only one of the two is under load at any time.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import Fastify from 'fastify';
import type pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { migrateDatabase, openDatabase } from '../apps/server/src/db/client';
import { createMemoryMailer } from '../apps/server/src/lib/mail';
import { newId } from '../apps/server/src/lib/ids';
import { hashToken } from '../apps/server/src/lib/tokens';
import { createUser, createVendorOrganization, DEMO_PASSWORD } from '../apps/server/src/seed/factories';
import { fillScale, type Scale } from '../apps/server/src/seed/scale';
import { recordStatements, type RecordedStatement } from '../apps/server/test/statements';
import { CUSTOMER_TOKEN, dealBody, SEARCH_QUERY, type ServerReady } from './api-shared';

type Recorded = RecordedStatement;

/** Partner profiles of the active partners published with services and search columns (fillScale leaves drafts). */
async function publishProfiles(db: Awaited<ReturnType<typeof openDatabase>>['db']) {
  await db.execute(sql`
    with shaped as (
      select o.id, o.name, o.country, t.type_code, abs(hashtext(o.id::text)) as h
      from organizations o join organization_partner_types t on t.organization_id = o.id and t.is_primary
      where o.kind = 'partner' and o.status = 'active'
    ), p as (
      select s.*,
        array[(array['Managed backup','Managed SIEM','Cloud migration','Licensing','Help desk','Data integration','Identity management','Edge deployment','Training','Compliance reporting'])[1 + h % 10],
              (array['Patch management','Monitoring','Implementation','Procurement','Threat hunting','Analytics','Custom development'])[1 + (h / 10) % 7]] as services,
        array[country] as countries
      from shaped s
    ), j as (
      select p.*, jsonb_build_object('description', name || ' helps customers with ' || lower(array_to_string(services, ' and ')) || '.',
        'services', to_jsonb(services), 'countries', to_jsonb(countries), 'industries', '[]'::jsonb,
        'logoUrl', null, 'website', null, 'specializations', '[]'::jsonb, 'certifications', '[]'::jsonb,
        'integrations', '[]'::jsonb, 'caseStudies', '[]'::jsonb, 'languages', '[]'::jsonb,
        'contactEmail', null, 'contactUrl', null, 'showBadges', true) as doc
      from p
    )
    update partner_profiles pp set status = 'published', draft = j.doc, published = j.doc, published_at = now(),
      search_name = j.name, search_text = lower(j.name || ' ' || (j.doc->>'description') || ' ' || array_to_string(j.services, ' ')),
      search_vector = setweight(to_tsvector('english', j.name), 'A') || setweight(to_tsvector('english', array_to_string(j.services, ' ')), 'B')
        || setweight(to_tsvector('english', j.doc->>'description'), 'C'),
      types = array[j.type_code], countries = j.countries, industries = '{}', services = j.services,
      badges = case when j.h % 10 = 0 then array['Gold reseller'] else '{}'::text[] end,
      boost = case when j.h % 10 = 0 then 1.5 else 1 end
    from j where pp.organization_id = j.id`);
  await db.execute(sql`
    insert into marketplace_words (word)
    select distinct w from partner_profiles, regexp_split_to_table(search_text, '[^[:alnum:]]+') w
    where length(w) between 3 and 40 on conflict do nothing`);
  await db.execute(sql`analyze`);
}

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** The milliseconds a UUIDv7 carries. */
const msOf = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16);

/** A parameter with every occurrence of a `from` replaced by its `to` (in strings, arrays and JSON alike). */
function substitute(v: unknown, map: Map<string, string>): unknown {
  if (typeof v === 'string') {
    let out = v;
    for (const [from, to] of map) if (out.includes(from)) out = out.split(from).join(to);
    return out;
  }
  if (Array.isArray(v)) return v.map((x) => substitute(x, map));
  return v;
}

function objects(res: pg.QueryResult): Record<string, unknown>[] {
  if (!res.rows.length || !Array.isArray(res.rows[0])) return res.rows as Record<string, unknown>[];
  return (res.rows as unknown[][]).map((r) => Object.fromEntries(res.fields.map((f, i) => [f.name, r[i]])));
}

async function main() {
  const scale = (process.env.BENCH_SCALE ?? 'S') as Scale;
  const database = await openDatabase({
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
    dataDir: process.env.BENCH_DATA_DIR ?? '',
  });
  const { db, pool } = database;
  await migrateDatabase(db);
  const vendor = await createVendorOrganization(db, 'Bench Vendor');
  const user = await createUser(db, {
    organizationId: vendor.id,
    role: 'admin',
    email: 'bench@vendor.test',
    name: 'Bench',
  });
  const t0 = performance.now();
  await fillScale(db, scale);
  await publishProfiles(db);
  const fillSeconds = (performance.now() - t0) / 1000;

  const config = loadConfig({
    // As shipped: `info` logs every request (to stdout, which the benchmark discards).
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    DEMO_DATA: 'false',
    DATA_DIR: os.tmpdir(),
    PORT: '0',
    JOBS: 'false',
  });
  const app = await buildApp({
    config,
    db,
    mailer: createMemoryMailer(),
    logger: config.LOG_LEVEL !== 'silent',
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const appBase = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = await fetch(`${appBase}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: DEMO_PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const token = cookie.split('=')[1]!;
  const { csrfToken: csrf } = (await login.json()) as { csrfToken: string };
  const partnerIds = (
    await db.execute<{ id: string }>(
      sql`select id from organizations where kind = 'partner' order by id limit 1000`,
    )
  ).rows.map((r) => r.id);
  const probeId = partnerIds[0]!;

  // One request of each route through the app, its statements recorded.
  const record = async (path: string, init: RequestInit = {}) => {
    // Warm first (caches the app keeps, such as the marketplace's totals, behave as under load).
    const send = () => fetch(`${appBase}${path}`, { ...init, headers: { cookie, ...(init.headers ?? {}) } });
    if (init.method !== 'POST') await (await send()).arrayBuffer();
    const started = Date.now();
    const {
      result: { res, body },
      statements,
    } = await recordStatements(async () => {
      const res = await send();
      return { res, body: await res.text() };
    });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${body}`);
    return { statements, started, body };
  };
  const routes = {
    'partner by id': await record(`/api/v1/partners/${probeId}`),
    'partner list': await record('/api/v1/partners?limit=50'),
    'marketplace search': await record(`/api/v1/marketplace/search?${SEARCH_QUERY}`),
    'deal registration': await record('/api/v1/deals', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(dealBody(0)),
    }),
  };
  const tokenHash = hashToken(token);

  const floor = Fastify({ logger: false });
  floor.get('/hello', async () => ({ hello: 'world' }));

  /**
   * Replays a route's recorded statements: the session
   * lookup with the hash of this request's cookie, `map` applied to every
   * parameter. Answers every result's rows as objects.
   */
  const replay = async (
    statements: Recorded[],
    cookieHeader: string | undefined,
    map: Map<string, string>,
  ) => {
    const given = /pg_session=([^;]+)/.exec(cookieHeader ?? '')?.[1];
    if (!given) throw new Error('no session');
    map.set(tokenHash, hashToken(given));
    // As the app does: a statement outside a transaction takes a pooled connection for itself;
    // a transaction (begin … commit) keeps one connection from its begin to its end.
    const out: Record<string, unknown>[][] = [];
    let client: pg.PoolClient | null = null;
    try {
      for (const s of statements) {
        if (/^\s*begin\b/i.test(s.text)) client = await pool.connect();
        const query = {
          text: s.text,
          values: s.values.map((v) => substitute(v, map)),
          ...(s.rowMode ? { rowMode: 'array' as const } : {}),
          // A prepared statement of the app's is prepared by the floor too (once per connection, as pg does).
          ...(s.name ? { name: s.name } : {}),
        };
        const res = client ? await client.query(query) : await pool.query(query);
        out.push(objects(res));
        if (client && /^\s*(commit|rollback)\b/i.test(s.text)) {
          client.release();
          client = null;
        }
      }
      return out;
    } finally {
      client?.release();
    }
  };
  const routeFor = (statements: Recorded[]) => async (req: { headers: Record<string, unknown> }) =>
    (await replay(statements, req.headers.cookie as string, new Map())).filter((rows) => rows.length);

  floor.get('/floor/partners', routeFor(routes['partner list'].statements));
  floor.get('/floor/search', routeFor(routes['marketplace search'].statements));
  floor.get('/floor/partners/:id', async (req) => {
    const { id } = req.params as { id: string };
    const rows = await replay(
      routes['partner by id'].statements,
      req.headers.cookie,
      new Map([[probeId, id]]),
    );
    return rows.filter((r) => r.length);
  });
  const deal = routes['deal registration'];
  // Ids the registration made (UUIDv7s minted at or after the request started) get fresh ones per request.
  const minted = [
    ...new Set(
      deal.statements.flatMap((s) =>
        s.values.flatMap((v) => (typeof v === 'string' ? (v.match(uuid) ?? []) : [])),
      ),
    ),
  ].filter((id) => msOf(id) >= deal.started - 5);
  floor.post('/floor/deals', async (req, reply) => {
    const body = req.body as { customerName: string };
    const customer = body.customerName.slice('Customer '.length);
    if ((req.headers['x-csrf-token'] as string | undefined) !== csrf) throw new Error('csrf');
    const map = new Map<string, string>([[`${CUSTOMER_TOKEN}0`, customer]]);
    for (const id of minted) map.set(id, newId());
    const rows = await replay(deal.statements, req.headers.cookie, map);
    return reply.code(201).send(rows.filter((r) => r.length));
  });
  await floor.listen({ host: '127.0.0.1', port: 0 });
  const floorBase = `http://127.0.0.1:${(floor.server.address() as { port: number }).port}`;

  const slowest = Object.entries(routes)
    .flatMap(([route, r]) =>
      r.statements.map((s) => ({ route, ms: +s.ms.toFixed(2), text: s.text, values: s.values })),
    )
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3);
  const ready: ServerReady = {
    type: 'ready',
    app: appBase,
    floor: floorBase,
    cookie,
    csrf,
    partnerIds,
    fillSeconds,
    statements: Object.fromEntries(Object.entries(routes).map(([k, r]) => [k, r.statements.length])),
    statementTexts: Object.fromEntries(
      Object.entries(routes).map(([k, r]) => [
        k,
        r.statements.map((s) => `${s.ms.toFixed(1)} ms: ${s.text.replace(/\s+/g, ' ').trim().slice(0, 160)}`),
      ]),
    ),
    slowest,
  };
  process.send!(ready);

  process.on('message', (m: { type: string; text?: string; values?: unknown[] }) => {
    if (m.type === 'explain') {
      void pool
        .query({ text: `explain (analyze, buffers) ${m.text!}`, values: m.values })
        .then((r) =>
          process.send!({
            type: 'explained',
            plan: r.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n'),
          }),
        )
        .catch((err: Error) => process.send!({ type: 'explained', plan: `EXPLAIN failed: ${err.message}` }));
    }
    if (m.type === 'stop') {
      void (async () => {
        await floor.close();
        await app.close();
        await database.close();
        process.exit(0);
      })();
    }
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.send?.({
    type: 'error',
    message: err instanceof Error ? err.message : String(err),
    id: randomUUID(),
  });
  process.exit(1);
});
