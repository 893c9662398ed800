// Analytics at scale: fills a scratch database with a generated ecosystem
// (reproducible: every value derives from the row number) and times each
// analytics endpoint through the whole stack beside its floor — the same
// aggregation written directly in SQL and run on the same database, in the
// same run. Prints p50 per endpoint and the ratio; writes
// bench/results/analytics-<scale>-<engine>.json.
//
//   npx tsx bench/analytics.ts [--scale S|M|L] [--runs 5]
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/analytics.ts --scale L
//
// S: 1,000 partners, 10,000 deals, 3,000 referrals. M: 10× S. L: 100,000
// partners, 1,000,000 deals, 300,000 referrals, 200,000 connections.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { migrateDatabase } from '../apps/server/src/db/client';
import { refreshPartnerGraph } from '../apps/server/src/modules/analytics/network.service';
import { fillScale, scales } from '../apps/server/src/seed/scale';
import { openScratch, pct, serveWithUser, time, writeResult } from './support';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: 'S' }, runs: { type: 'string', default: '5' } },
});
const scaleName = (values.scale ?? 'S').toUpperCase() as keyof typeof scales;
if (!(scaleName in scales)) throw new Error('--scale is S, M or L');
const SCALE = scales[scaleName];
const RUNS = Number(values.runs);

// The period every endpoint is asked for: the last full year of generated data.
const FROM = '2025-01-01';
const TO = '2026-01-01';

// The floors: each endpoint's main aggregation as a person would write it in SQL, with the same
// period and the same rules, without the stack (session, access gate, validation, JSON) around it.
const rates = `rates as (select currency, effective_date as f, lead(effective_date) over (partition by currency order by effective_date) as t,
  rate * case currency when 'JPY' then 100 else 1 end as factor from fx_rates where reporting_currency = 'USD'
  union all select 'USD', '-infinity'::date, null, 1)`;
const won = `won as (select d.*, r.factor, d.amount * r.factor as amt from deals d
    join rates r on r.currency = d.currency and r.f <= d.close_date and (r.t is null or d.close_date < r.t)
    where d.status = 'won' and d.close_date >= '${FROM}' and d.close_date < '${TO}')`;
const windows = `windows(ws, we) as (select m - interval '12 months', m from generate_series(timestamptz '${FROM}' + interval '1 month', timestamptz '${TO}', interval '1 month') m)`;
const floors: Record<string, string[]> = {
  revenue: [
    `with ${rates}, ${won}
    select date_trunc('quarter', w.close_date), t.type_code, round(sum(w.amt)),
      round(sum(w.amt) filter (where s.organization_id is not null)),
      round(sum(w.amt) filter (where exists (select 1 from deal_involvements i where i.deal_id = w.id and i.role <> 'sourced')))
    from won w
    left join deal_involvements s on s.deal_id = w.id and s.role = 'sourced'
    left join organization_partner_types t on t.organization_id = s.organization_id and t.is_primary
    group by grouping sets ((1, 2), (1), (2), ())`,
    `with ${rates}, ${won}, inv as (
      select w.id, w.amount, w.factor, i.organization_id as org, i.role,
        count(*) filter (where i.role <> 'sourced') over (partition by w.id) as n,
        row_number() over (partition by w.id, i.role = 'sourced' order by i.organization_id) as k
      from won w join deal_involvements i on i.deal_id = w.id)
    select org, round(sum(case when role = 'sourced' then amount * factor else ((amount / n) + case when k <= amount % n then 1 else 0 end) * factor end))
    from inv group by org order by 2 desc limit 100`,
  ],
  pipeline: [
    `with ${rates}, pts(t) as (select generate_series(timestamptz '${FROM}' + interval '1 month', timestamptz '${TO}', interval '1 month'))
    select p.t, t.type_code, count(*), round(sum(d.amount * r.factor)) from pts p
    join deals d on d.approved_at <= p.t and (d.ended_at is null or d.ended_at > p.t)
    join rates r on r.currency = d.currency and r.f <= (p.t - interval '1 ms')::date and (r.t is null or (p.t - interval '1 ms')::date < r.t)
    left join deal_involvements s on s.deal_id = d.id and s.role = 'sourced'
    left join organization_partner_types t on t.organization_id = s.organization_id and t.is_primary
    where exists (select 1 from deal_involvements i where i.deal_id = d.id)
    group by grouping sets ((1), (1, 2))`,
  ],
  referrals: [
    `select rf.status, d.status, count(*) from referrals rf left join deals d on d.referral_id = rf.id
    where rf.source = 'partner' and not rf.to_vendor and rf.created_at >= '${FROM}' and rf.created_at < '${TO}' group by 1, 2`,
    `select a.type_code, b.type_code, count(*) from referrals rf
    join organization_partner_types a on a.organization_id = rf.referrer_org_id and a.is_primary
    join organization_partner_types b on b.organization_id = rf.recipient_org_id and b.is_primary
    where rf.source = 'partner' and not rf.to_vendor and rf.created_at >= '${FROM}' and rf.created_at < '${TO}'
    group by 1, 2`,
    `with ${rates}, ${won}
    select round(sum(w.amt)), round(sum(w.amt * coalesce(rf.fee_percent, 0) / 100))
    from won w join referrals rf on rf.id = w.referral_id and rf.source = 'partner' and not rf.to_vendor`,
  ],
  coverage: [
    `select c, i, count(distinct o.id) from organizations o
    join partner_profiles pp on pp.organization_id = o.id
    cross join lateral jsonb_array_elements_text(pp.draft->'countries') c
    cross join lateral jsonb_array_elements_text(pp.draft->'industries') i
    where o.kind = 'partner' and o.status = 'active'
      and exists (select 1 from enrollments e where e.organization_id = o.id and e.status = 'active')
    group by 1, 2`,
  ],
  integrations: [
    `with ${rates}, ${won}
    select count(*), count(*) filter (where x.i), round(sum(amt) filter (where x.i)) from won w
    cross join lateral (select exists (select 1 from deal_involvements i where i.deal_id = w.id and i.role = 'integration') as i) x`,
    `select count(*), count(*) filter (where exists (select 1 from integration_installs ii where ii.customer_domain = c.d))
    from (select distinct customer_root_domain d from deals where status = 'won') c`,
  ],
  network: [
    `with ${windows}, x as (
      select least(requester_org_id, recipient_org_id) a, greatest(requester_org_id, recipient_org_id) b, started_at t0, coalesce(ended_at, 'infinity') t1
        from connections where started_at is not null
      union all select least(referrer_org_id, recipient_org_id), greatest(referrer_org_id, recipient_org_id), created_at, created_at
        from referrals where source = 'partner' and not to_vendor and created_at >= timestamptz '${FROM}' - interval '12 months'
      union all select i1.organization_id, i2.organization_id, d.created_at, d.created_at from deals d
        join deal_involvements i1 on i1.deal_id = d.id join deal_involvements i2 on i2.deal_id = d.id and i1.organization_id < i2.organization_id
        where d.status <> 'rejected' and d.created_at >= timestamptz '${FROM}' - interval '12 months' and d.created_at < '${TO}'),
    pairs as (select distinct w.we, x.a, x.b from windows w join x on x.t0 < w.we and x.t1 >= w.ws)
    select we, count(*), (select count(*) from (select a from pairs p2 where p2.we = p.we union select b from pairs p2 where p2.we = p.we) n)
    from pairs p group by we`,
    `with ${rates}, ${won}
    select date_trunc('month', w.close_date), round(sum(w.amt) filter (where (select count(*) from deal_involvements i where i.deal_id = w.id) >= 2 or w.referral_id is not null))
    from won w group by 1`,
  ],
};

async function main() {
  const { database, engine, drop } = await openScratch();
  try {
    await migrateDatabase(database.db);
    // The vendor organization comes first: vendor-recorded deals belong to it.
    const { app, base, cookie } = await serveWithUser(database);
    console.log(`Filling ${scaleName} on ${engine}:`, SCALE);
    const started = performance.now();
    await fillScale(database.db, scaleName, (line) => console.log(`  ${line}`));
    const fillMs = performance.now() - started;
    const graphT0 = performance.now();
    const mem0 = process.memoryUsage().rss;
    const graph = await refreshPartnerGraph(database.db, new Date(`${TO}T00:00:00Z`));
    const graphJob = {
      seconds: +((performance.now() - graphT0) / 1000).toFixed(1),
      ...graph,
      rssGrowthMb: Math.round((process.memoryUsage().rss - mem0) / 2 ** 20),
    };
    console.log('graph job:', graphJob);

    const query = `from=${FROM}&to=${TO}`;
    const get = (path: string) => async () => {
      const r = await fetch(`${base}/api/v1${path}`, { headers: { cookie } });
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      await r.arrayBuffer();
    };
    // Cold: the report computed (no kept snapshot); warm: as the next viewer gets it (a slow report is kept).
    const cold = (path: string) => async () => {
      await database.db.execute(sql`delete from analytics_snapshots`);
      await get(path)();
    };
    const raw = (qs: string[]) => async () => {
      for (const q of qs) await database.db.execute(sql.raw(q));
    };
    const rows: Record<string, unknown>[] = [];
    const floorMs: Record<string, number> = {};
    for (const name of Object.keys(floors)) {
      const floor = await time(raw(floors[name]!), RUNS);
      const api = await time(cold(`/analytics/${name}?${query}`), RUNS);
      const warm = await time(get(`/analytics/${name}?${query}`), RUNS);
      floorMs[name] = pct(floor, 50);
      rows.push({
        endpoint: `/analytics/${name}`,
        'floor p50 ms': +pct(floor, 50).toFixed(1),
        'api p50 ms': +pct(api, 50).toFixed(1),
        'api max ms': +Math.max(...api).toFixed(1),
        'api/floor': +(pct(api, 50) / pct(floor, 50)).toFixed(2),
        'warm p50 ms': +pct(warm, 50).toFixed(1),
      });
    }
    // The overview computes the headlines of two periods: its floor is the floors it is made of, twice.
    const overview = await time(cold(`/analytics/overview?${query}`), RUNS);
    const overviewWarm = await time(get(`/analytics/overview?${query}`), RUNS);
    const overviewFloor =
      2 *
        (floorMs.revenue! +
          floorMs.pipeline! +
          floorMs.referrals! +
          floorMs.integrations! +
          floorMs.network!) +
      floorMs.coverage!;
    rows.push({
      endpoint: '/analytics/overview',
      'floor p50 ms': +overviewFloor.toFixed(1),
      'api p50 ms': +pct(overview, 50).toFixed(1),
      'api max ms': +Math.max(...overview).toFixed(1),
      'api/floor': +(pct(overview, 50) / overviewFloor).toFixed(2),
      'warm p50 ms': +pct(overviewWarm, 50).toFixed(1),
    });
    const counts = (
      await database.db.execute<{ deals: number; referrals: number; partners: number }>(
        sql`select (select count(*) from deals)::int as deals, (select count(*) from referrals)::int as referrals,
          (select count(*) from organizations where kind = 'partner')::int as partners`,
      )
    ).rows[0];
    const partnerId = (
      await database.db.execute<{ id: string }>(
        sql`select organization_id::text as id from deal_involvements group by 1 order by count(*) desc limit 1`,
      )
    ).rows[0]!.id;
    const scorecard = await time(get(`/analytics/partners/${partnerId}/scorecard?${query}`), RUNS);
    rows.push({
      endpoint: '/analytics/partners/{id}/scorecard',
      'api p50 ms': +pct(scorecard, 50).toFixed(1),
    });
    await app.close();
    const result = {
      engine,
      scale: scaleName,
      ...counts,
      runs: RUNS,
      fillSeconds: +(fillMs / 1000).toFixed(1),
      graphJob,
      at: new Date().toISOString(),
      rows,
    };
    console.log(
      `\nAnalytics at scale ${scaleName} on ${engine} (fill ${result.fillSeconds} s, ${RUNS} runs each)`,
    );
    console.table(rows);
    writeResult(`analytics-${scaleName}-${engine}`, result);
  } finally {
    await database.close();
    await drop();
  }
}

await main();
