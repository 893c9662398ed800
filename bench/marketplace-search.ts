// Marketplace search at scale: fills a fresh database with N published
// profiles (default 100,000) and times the search three ways in one run:
//   floor  — the same search function straight on the database (no HTTP, no session, no validation),
//   api    — GET /api/v1/marketplace/search through the whole stack (session, access gate, Zod, serialization),
//   public — GET /api/v1/public/partners (the locator: rate limit bookkeeping included).
// Prints p50/p95 per query shape and the API/floor ratio, and the shared buffers the slowest statement of
// each search touches (EXPLAIN (ANALYZE, BUFFERS): the work done, which a busy machine does not change);
// writes bench/results/marketplace-search-<engine>.json with those plans.
//
//   npx tsx bench/marketplace-search.ts [--profiles 100000] [--runs 40]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/marketplace-search.ts
// With DATABASE_URL a scratch database is created next to the named one and dropped afterwards.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql, type SQL } from 'drizzle-orm';
import { migrateDatabase, type Database, type Queryable } from '../apps/server/src/db/client';
import { searchProfiles } from '../apps/server/src/modules/marketplace/search.service';
import { marketplaceSearchQuery } from '../packages/shared/src/contracts/marketplace';
import { openScratch, pct, serveWithUser, time, writeResult } from './support';

const { values } = parseArgs({
  options: { profiles: { type: 'string', default: '100000' }, runs: { type: 'string', default: '40' } },
});
const N = Number(values.profiles);
const RUNS = Number(values.runs);

/** N partners with published profiles, generated in SQL (reproducible: the values derive from the row number). */
async function fill(database: Database) {
  const { db } = database;
  const started = performance.now();
  await db.execute(sql`
    insert into organizations (id, kind, name, status, country)
    select gen_random_uuid(), 'partner',
      (array['Northwind','Contoso','Fabrikam','Tailspin','Litware','Adatum','Proseware','Wingtip','Coho','Lucerne'])[1 + i % 10]
        || ' ' || (array['Systems','Cloud','Networks','Digital','Labs','Group','Partners','Consulting'])[1 + (i / 10) % 8] || ' ' || i,
      'active', (array['US','GB','DE','FR','NL','SE','ES','IT','JP','AU','CA','BR'])[1 + i % 12]
    from generate_series(1, ${N}) i`);
  await db.execute(sql`
    insert into organization_partner_types (organization_id, type_code, is_primary)
    select id, (array['reseller','distributor','msp','system_integrator','isv','technology_partner','referral_partner','community_influencer'])[1 + abs(hashtext(id::text)) % 8], true
    from organizations where kind = 'partner'`);
  await db.execute(sql`
    with base as (
      select o.id, o.name, o.country, t.type_code, abs(hashtext(o.id::text)) as h
      from organizations o join organization_partner_types t on t.organization_id = o.id where o.kind = 'partner'
    ), shaped as (
      select *,
        array[(array['Managed backup','Managed SIEM','Cloud migration','Licensing','Help desk','Data integration','Identity management','Edge deployment','Training','Compliance reporting'])[1 + h % 10],
              (array['Patch management','Monitoring','Implementation','Procurement','Threat hunting','Analytics','Custom development'])[1 + (h / 10) % 7]] as services,
        array[country, (array['US','GB','DE','FR','NL','SE','ES','IT','JP','AU','CA','BR'])[1 + (h / 7) % 12]] as countries,
        array[(array['51','52','54','62','31-33','44-45','48-49','61','92','22'])[1 + (h / 3) % 10]] as industries
      from base
    )
    insert into partner_profiles (organization_id, status, draft, published, published_at, search_name, search_text, search_vector,
      types, countries, industries, services, badges, boost)
    select id, 'published', p, p, now(), name,
      lower(name || ' ' || (p->>'description') || ' ' || array_to_string(services, ' ')),
      setweight(to_tsvector('english', name), 'A') || setweight(to_tsvector('english', array_to_string(services, ' ')), 'B')
        || setweight(to_tsvector('english', p->>'description'), 'C'),
      array[type_code], countries, industries, services,
      case when h % 10 = 0 then array['Gold reseller'] when h % 10 < 3 then array['Silver reseller'] else '{}'::text[] end,
      case when h % 10 = 0 then 1.5 else 1 end
    from (
      select s.*, jsonb_build_object(
        'description', name || ' helps customers with ' || lower(array_to_string(services, ' and ')) || ' across ' || array_to_string(countries, ', ') || '.',
        'services', to_jsonb(services), 'countries', to_jsonb(countries), 'industries', to_jsonb(industries),
        'logoUrl', null, 'website', null, 'specializations', '[]'::jsonb, 'certifications', '[]'::jsonb,
        'integrations', '[]'::jsonb, 'caseStudies', '[]'::jsonb, 'languages', '[]'::jsonb,
        'contactEmail', null, 'contactUrl', null, 'showBadges', true) as p
      from shaped s
    ) x`);
  await db.execute(sql`
    insert into marketplace_words (word)
    select distinct w from partner_profiles, regexp_split_to_table(search_text, '[^[:alnum:]]+') w
    where length(w) between 3 and 40 on conflict do nothing`);
  await db.execute(sql`analyze`);
  return performance.now() - started;
}

/** The database, recording every statement run through it or its transactions, with its milliseconds. */
function recording(q: Queryable, seen: { statement: SQL; ms: number }[]): Queryable {
  return new Proxy(q, {
    get(target, prop) {
      if (prop === 'execute')
        return async (statement: SQL) => {
          const t0 = performance.now();
          const out = await target.execute(statement);
          seen.push({ statement, ms: performance.now() - t0 });
          return out;
        };
      if (prop === 'transaction')
        return (fn: (tx: Queryable) => Promise<unknown>) =>
          target.transaction((tx) => fn(recording(tx, seen)));
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/**
 * The search's slowest statement under EXPLAIN (ANALYZE, BUFFERS), after the statements before it (a
 * similarity threshold, say) in one transaction rolled back: its plan, and its shared buffers.
 */
async function explainSlowest(database: Database, query: Parameters<typeof searchProfiles>[1]) {
  const seen: { statement: SQL; ms: number }[] = [];
  await searchProfiles(recording(database.db, seen), query);
  const slowest = seen.reduce((a, b) => (b.ms > a.ms ? b : a));
  let plan = '';
  await database.db
    .transaction(async (tx) => {
      for (const s of seen.slice(0, seen.indexOf(slowest))) await tx.execute(s.statement);
      const rows = (
        await tx.execute<{ 'QUERY PLAN': string }>(sql`explain (analyze, buffers) ${slowest.statement}`)
      ).rows;
      plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      tx.rollback();
    })
    .catch((err: Error) => {
      if (!plan) throw err;
    });
  // The first Buffers line is the top node's: every node under it, CTEs and subqueries included.
  const top = /Buffers: shared((?: \w+=\d+)+)/.exec(plan)?.[1] ?? '';
  const buffers = [...top.matchAll(/(hit|read)=(\d+)/g)].reduce((n, m) => n + Number(m[2]), 0);
  return { statements: seen.length, buffers, plan };
}

const shapes: Record<string, string> = {
  'no words, first page': '',
  'one word': 'q=backup',
  typo: 'q=managd%20bakup',
  'words + country facet': 'q=cloud%20migration&country=DE',
  'facets only': 'country=FR&type=msp&industry=51',
};

async function main() {
  const loadAtStart = os.loadavg().map((l) => +l.toFixed(1));
  const { database, engine, drop } = await openScratch();
  try {
    await migrateDatabase(database.db);
    const fillMs = await fill(database);
    const { app, base, cookie } = await serveWithUser(database);

    const rows: Record<string, unknown>[] = [];
    const plans: Record<string, string> = {};
    for (const [label, qs] of Object.entries(shapes)) {
      const query = marketplaceSearchQuery.parse(Object.fromEntries(new URLSearchParams(qs)));
      const floor = await time(() => searchProfiles(database.db, query), RUNS);
      const api = await time(async () => {
        const r = await fetch(`${base}/api/v1/marketplace/search?${qs}`, { headers: { cookie } });
        if (r.status !== 200) throw new Error(`api ${r.status}`);
        await r.arrayBuffer();
      }, RUNS);
      // Public: one loopback address, so stay under the locator's 60 a minute (10 runs per shape).
      const pub = await time(async () => {
        const r = await fetch(`${base}/api/v1/public/partners?${qs}`);
        if (r.status !== 200) throw new Error(`public ${r.status}`);
        await r.arrayBuffer();
      }, 10);
      const total = (await searchProfiles(database.db, query)).total;
      const explained = await explainSlowest(database, query);
      plans[label] = explained.plan;
      rows.push({
        query: label,
        matches: total,
        'floor p50 ms': +pct(floor, 50).toFixed(1),
        'floor p95 ms': +pct(floor, 95).toFixed(1),
        'api p50 ms': +pct(api, 50).toFixed(1),
        'api p95 ms': +pct(api, 95).toFixed(1),
        'api/floor (p50)': +(pct(api, 50) / pct(floor, 50)).toFixed(2),
        'public p95 ms': +pct(pub, 95).toFixed(1),
        statements: explained.statements,
        'slowest: buffers': explained.buffers,
      });
    }
    await app.close();
    const result = {
      engine,
      profiles: N,
      runs: RUNS,
      fillSeconds: +(fillMs / 1000).toFixed(1),
      at: new Date().toISOString(),
      loadAverage: { atStart: loadAtStart, atEnd: os.loadavg().map((l) => +l.toFixed(1)) },
      rows,
      plans,
    };
    console.log(
      `\nMarketplace search, ${N.toLocaleString('en')} published profiles on ${engine} (fill ${result.fillSeconds} s, ${RUNS} runs each; load average ${loadAtStart.join(' / ')} at start, ${result.loadAverage.atEnd.join(' / ')} at the end)`,
    );
    console.table(rows);
    writeResult(`marketplace-search-${engine}`, result);
  } finally {
    await database.close();
    await drop();
  }
}

await main();
