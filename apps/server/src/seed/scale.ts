// A generated ecosystem at a chosen scale, for benchmarks and load: every
// value derives from the row number, so every run builds the same data, and
// all of it is written by set-based SQL (seconds for S, about a minute and a
// half for L on PostgreSQL). The vendor organization must exist (vendor-
// recorded deals belong to it); the database should otherwise be empty.
//   S: 1,000 partners, 10,000 deals, 3,000 referrals, 2,000 connections
//   M: ten times S
//   L: 100,000 partners, 1,000,000 deals, 300,000 referrals, 200,000 connections
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { createProgramRecord } from './factories';

export const scales = {
  S: { partners: 1_000, deals: 10_000, referrals: 3_000, connections: 2_000 },
  M: { partners: 10_000, deals: 100_000, referrals: 30_000, connections: 20_000 },
  L: { partners: 100_000, deals: 1_000_000, referrals: 300_000, connections: 200_000 },
} as const;
export type Scale = keyof typeof scales;

export async function fillScale(db: Db, scale: Scale, log: (line: string) => void = () => {}) {
  const { partners: N, deals: M, referrals: R, connections: C } = scales[scale];
  const started = performance.now();
  const { program, tiers } = await createProgramRecord(db, { name: 'Bench program' });
  const types = `array['reseller','distributor','msp','system_integrator','isv','technology_partner','referral_partner','community_influencer']`;
  const countries = `array['US','GB','DE','FR','NL','SE','ES','IT','JP','AU','CA','BR']`;
  const industries = `array['51','52','54','62','31-33','44-45','48-49','61','92','22']`;
  const step = async (label: string, q: ReturnType<typeof sql>) => {
    const t0 = performance.now();
    await db.execute(q);
    log(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  };
  // Partners are numbered 1..N through a mapping table, so deals and referrals can name them by number.
  await step(
    'partners',
    sql.raw(`
    create table bench_partners as
      select i as n, gen_random_uuid() as id from generate_series(1, ${N}) i;
    create index on bench_partners (n);
    insert into organizations (id, kind, name, status, country)
      select id, 'partner', 'Partner ' || n, case when n % 20 = 0 then 'suspended' else 'active' end,
        (${countries})[1 + n % 12]
      from bench_partners;
    insert into organization_partner_types (organization_id, type_code, is_primary)
      select id, (${types})[1 + (n * 7) % 8], true from bench_partners;
    insert into enrollments (id, organization_id, program_id, tier_id, status)
      select gen_random_uuid(), id, '${program.id}', '${tiers[0]!.id}', case when n % 10 = 0 then 'pending_agreement' else 'active' end
      from bench_partners;
    insert into partner_profiles (organization_id, status, draft)
      select id, 'draft', jsonb_build_object(
        'countries', jsonb_build_array((${countries})[1 + n % 12], (${countries})[1 + (n / 12) % 12]),
        'industries', jsonb_build_array((${industries})[1 + (n / 5) % 10]))
      from bench_partners;
    update settings set direct_coverage = '[{"country":"US","industry":"51"},{"country":"US","industry":"52"},{"country":"GB","industry":"51"},{"country":"DE","industry":"54"}]';
    insert into fx_rates (id, currency, reporting_currency, rate, effective_date)
      select gen_random_uuid(), c, 'USD', case c when 'EUR' then 1.05 + (m % 7) * 0.01 else 0.0065 + (m % 5) * 0.0001 end,
        date '2022-01-01' + make_interval(months => m)
      from unnest(array['EUR','JPY']) c, generate_series(0, 59) m;
  `),
  );
  // Deals over 2023–2025: won 40%, lost 15%, approved 25%, registered 10%, rejected 5%, expired 5%.
  await step(
    'deals',
    sql.raw(`
    insert into deals (id, registered_by_org_id, vendor_recorded, customer_name, customer_name_key, customer_domain,
        customer_root_domain, customer_domain_label, country, industry, amount, currency, expected_close_date, status,
        approved_at, close_date, ended_at, created_at, updated_at)
    select gen_random_uuid(), case when i % 10 = 0 then v.id else p.id end, i % 10 = 0,
      'Customer ' || (i % ${Math.max(1, Math.floor(M / 3))}), 'customer ' || (i % ${Math.max(1, Math.floor(M / 3))}),
      'cust' || (i % ${Math.max(1, Math.floor(M / 3))}) || '.com', 'cust' || (i % ${Math.max(1, Math.floor(M / 3))}) || '.com',
      'cust' || (i % ${Math.max(1, Math.floor(M / 3))}),
      (${countries})[1 + i % 12], (${industries})[1 + (i / 3) % 10],
      10000 + (i::bigint * 7919) % 5000000, case when i % 20 < 15 then 'USD' when i % 20 < 19 then 'EUR' else 'JPY' end,
      x.created::date + 60,
      x.status,
      case when x.status in ('registered', 'rejected') then null else x.created + interval '1 day' end,
      case when x.status in ('won', 'lost') then (x.created + interval '45 days')::date end,
      case when x.status in ('won', 'lost') then (x.created + interval '46 days')::date::timestamptz
           when x.status in ('rejected') then x.created + interval '2 days'
           when x.status = 'expired' then x.created + interval '91 days' end,
      x.created, x.created
    from generate_series(1, ${M}) i
    join bench_partners p on p.n = 1 + (i::bigint * 13) % ${N}
    cross join (select id from organizations where kind = 'vendor') v
    cross join lateral (select
      timestamptz '2023-01-01' + ((i::bigint * 104729) % (3 * 365 * 24)) * interval '1 hour' as created,
      (array['won','won','won','won','won','won','won','won','lost','lost','lost','approved','approved','approved','approved','approved','registered','registered','rejected','expired'])[1 + i % 20] as status) x;
    insert into deal_involvements (deal_id, organization_id, role, status, involved_at, confirmed_at)
      select id, registered_by_org_id, 'sourced', 'confirmed', created_at, created_at from deals where not vendor_recorded;
    insert into deal_involvements (deal_id, organization_id, role, status, involved_at, confirmed_at)
      select d.id, p.id, (array['co_sell','implementation','integration','influenced','referred'])[1 + d.n % 5], 'confirmed',
        d.created_at + interval '3 days', d.created_at + interval '3 days'
      from (select id, created_at, registered_by_org_id, row_number() over (order by created_at, id) as n from deals) d
      join bench_partners p on p.n = 1 + (d.n * 31) % ${N}
      where d.n % 3 = 0 and p.id <> d.registered_by_org_id;
  `),
  );
  await step(
    'referrals, connections, integrations',
    sql.raw(`
    insert into referrals (id, source, referrer_org_id, recipient_org_id, to_vendor, company_name, country, contact_name,
        contact_email, need, status, fee_percent, created_at, updated_at)
    select gen_random_uuid(), 'partner', a.id, b.id, false, 'Prospect ' || i, (${countries})[1 + i % 12], 'Pat', 'pat@example.com',
      'A rollout', (array['submitted','accepted','rejected','converted','converted'])[1 + i % 5],
      case when i % 5 >= 3 then 10 end,
      timestamptz '2023-01-01' + ((i::bigint * 7907) % (3 * 365 * 24)) * interval '1 hour',
      timestamptz '2023-01-01' + ((i::bigint * 7907) % (3 * 365 * 24)) * interval '1 hour'
    from generate_series(1, ${R}) i
    join bench_partners a on a.n = 1 + (i::bigint * 17) % ${N}
    join bench_partners b on b.n = 1 + (i::bigint * 17 + 1 + i % 50) % ${N};
    -- Converted referrals became deals: link each to one won or open deal of its recipient, at most once.
    update deals d set referral_id = x.rid from (
      select distinct on (d2.id) d2.id as did, r.id as rid
      from (select id, recipient_org_id, row_number() over (partition by recipient_org_id order by id) as k
            from referrals where status = 'converted') r
      join lateral (select id from deals where registered_by_org_id = r.recipient_org_id
                    order by created_at offset r.k - 1 limit 1) d2 on true
      order by d2.id
    ) x where d.id = x.did;
    insert into connections (id, requester_org_id, recipient_org_id, kind, status, started_at, ended_at, created_at, updated_at)
    select gen_random_uuid(), a.id, b.id, (array['referral','co_sell','technology_integration','implementation','resale','joint_solution'])[1 + i % 6],
      case when i % 10 = 0 then 'ended' else 'active' end,
      timestamptz '2023-01-01' + ((i::bigint * 6007) % (3 * 365)) * interval '1 day',
      case when i % 10 = 0 then timestamptz '2023-01-01' + ((i::bigint * 6007) % (3 * 365) + 120) * interval '1 day' end,
      timestamptz '2023-01-01' + ((i::bigint * 6007) % (3 * 365)) * interval '1 day',
      timestamptz '2023-01-01' + ((i::bigint * 6007) % (3 * 365)) * interval '1 day'
    from generate_series(1, ${C}) i
    join bench_partners a on a.n = 1 + (i::bigint * 11) % ${N}
    join bench_partners b on b.n = 1 + (i::bigint * 11 + 2 + i % 97) % ${N};
    insert into integration_listings (id, organization_id, name, category, description, status, published_at)
      select gen_random_uuid(), id, 'Connector ' || n, 'Security', 'A connector', 'published', now()
      from bench_partners where n % 100 = 0;
    insert into integration_installs (listing_id, customer_domain, installed_at)
      select l.id, 'cust' || ((l.n * 37 + k) % ${Math.max(1, Math.floor(M / 3))}) || '.com', date '2024-06-01'
      from (select id, row_number() over (order by id) as n from integration_listings) l, generate_series(1, 50) k
      on conflict do nothing;
    drop table bench_partners;
    analyze;
  `),
  );
  return performance.now() - started;
}
