import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '@faker-js/faker';
import { sql, type SQL } from 'drizzle-orm';
import type { Figure } from '@partnergraph/shared/contracts/analytics';
import { loadConfig } from '../src/config';
import { overview } from '../src/modules/analytics/overview.service';
import { resolveScope } from '../src/modules/analytics/period';
import { bootstrap } from '../src/seed/bootstrap';
import { startTestApp, type TestApp } from './app';

// The demo is what a newcomer judges the product by: its history has to read like a real ecosystem's.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await bootstrap(
    t.database.db,
    loadConfig({ ADMIN_PASSWORD: 'demo-admin-password', LOG_LEVEL: 'silent', DATA_DIR: os.tmpdir() }),
  );
});
afterAll(() => t?.close());

/** The offending rows of an invariant: empty when it holds, and named in the failure when not. */
const offending = async (query: SQL) => (await t.database.db.execute<Record<string, unknown>>(query)).rows;

describe('the demo’s dates agree', () => {
  it('a partner exists before it enrolls, and its people before they act', async () => {
    expect(
      await offending(sql`select o.name, e.created_at as enrolled, o.created_at as created
        from enrollments e join organizations o on o.id = e.organization_id where e.created_at < o.created_at`),
      'enrollments before their partner existed',
    ).toEqual([]);
    expect(
      await offending(sql`select u.email, u.created_at, o.name, o.created_at as org_created
        from users u join organizations o on o.id = u.organization_id
        where o.kind = 'partner' and u.created_at < o.created_at`),
      'people before their organization existed',
    ).toEqual([]);
    expect(
      await offending(sql`select h.at, e.created_at from tier_history h join enrollments e on e.id = h.enrollment_id
        where h.at < e.created_at`),
      'tier changes before the enrollment',
    ).toEqual([]);
  });

  it('a partner registers and joins deals only once enrolled', async () => {
    expect(
      await offending(sql`select d.customer_name, d.created_at, o.name from deals d
        join organizations o on o.id = d.registered_by_org_id
        where o.kind = 'partner' and not exists (
          select 1 from enrollments e where e.organization_id = o.id and e.created_at <= d.created_at)`),
      'deals registered by a partner not yet enrolled',
    ).toEqual([]);
    expect(
      await offending(sql`select d.customer_name, i.role, i.involved_at, o.name from deal_involvements i
        join deals d on d.id = i.deal_id join organizations o on o.id = i.organization_id
        where not exists (
          select 1 from enrollments e where e.organization_id = o.id and e.created_at <= i.involved_at)`),
      'involvements of a partner not yet enrolled',
    ).toEqual([]);
    expect(
      await offending(sql`select customer_name, created_at, approved_at, close_date from deals
        where approved_at < created_at or close_date < created_at::date`),
      'deals approved or closed before they were registered',
    ).toEqual([]);
  });

  it('a tier that requires an agreement holds it, accepted before the tier was reached', async () => {
    expect(
      await offending(sql`select o.name, p.name as program, t.name as tier, a.type, h.at as tier_since
        from enrollments e
        join organizations o on o.id = e.organization_id
        join programs p on p.id = e.program_id
        join program_tiers t on t.id = e.tier_id
        join lateral (select max(at) as at from tier_history where enrollment_id = e.id and to_tier_id = e.tier_id) h on true
        cross join lateral jsonb_array_elements_text(p.required_agreement_types) as req(type)
        join agreements a on a.type = req.type
        where e.status = 'active' and not exists (
          select 1 from agreement_acceptances x
          where x.organization_id = o.id and x.agreement_id = a.id and x.accepted_at <= h.at)`),
      'active tiers without their agreement accepted first',
    ).toEqual([]);
  });

  it('a referral comes before its decision, its deal and its conversion', async () => {
    expect(
      await offending(sql`select r.company_name, r.created_at, r.decided_at, r.converted_at, d.created_at as deal_created
        from referrals r left join deals d on d.referral_id = r.id
        where r.decided_at < r.created_at or r.converted_at < r.created_at or d.created_at < r.created_at
          or (r.status = 'converted' and d.id is not null and r.converted_at is not null and d.created_at < r.converted_at - interval '1 day')`),
      'referrals dated after what came of them',
    ).toEqual([]);
  });

  it('a certificate follows its course, and a claim its request', async () => {
    expect(
      await offending(sql`select c.issued_on, u.email from certifications c join users u on u.id = c.user_id
        where c.issued_on < (select min(created_at)::date from courses)
          or c.issued_on < u.created_at::date`),
      'certifications before the course or the person existed',
    ).toEqual([]);
    expect(
      await offending(sql`select c.course_id, c.completed_at from course_completions c join courses k on k.id = c.course_id
        where c.completed_at < k.created_at`),
      'course completions before the course existed',
    ).toEqual([]);
    expect(
      await offending(sql`select r.title, r.created_at, c.submitted_at, c.reviewed_at from fund_claims c
        join fund_requests r on r.id = c.request_id
        where c.submitted_at < r.created_at or c.reviewed_at < c.submitted_at`),
      'fund claims before their request',
    ).toEqual([]);
    expect(
      await offending(sql`select r.title, r.created_at, r.starts_on from fund_requests r
        where r.status <> 'submitted' and r.created_at::date > r.starts_on`),
      'approved activities requested after they started',
    ).toEqual([]);
  });

  it('nobody posts, comments or answers before their account exists', async () => {
    for (const [table, column] of [
      ['posts', 'author_user_id'],
      ['comments', 'author_user_id'],
    ] as const) {
      expect(
        await offending(sql`select x.created_at, u.email, u.created_at as joined from ${sql.raw(table)} x
          join users u on u.id = x.${sql.raw(column)} where x.created_at < u.created_at`),
        `${table} before their author joined`,
      ).toEqual([]);
    }
  });
});

describe('the demo’s history', () => {
  it('spans two years, so every period-over-period card has a previous period', async () => {
    const months =
      await offending(sql`select to_char(date_trunc('month', created_at), 'YYYY-MM') as m, count(*)::int as n
      from deals where created_at > now() - interval '24 months' group by 1 order by 1`);
    expect(months.length, 'months with new deals in the last two years').toBeGreaterThanOrEqual(24);
    const scope = resolveScope({}, 'USD');
    const report = await overview(t.database.db, scope);
    const missing = report.headlines
      .filter((h) => !['coverage', 'integrationCustomerShare'].includes(h.metric))
      .filter((h) => h.previous.value === null)
      .map((h) => h.metric);
    expect(missing, 'overview cards without a previous figure').toEqual([]);
    // The business grows: this year's partner-sourced revenue is above last year's.
    const sourced = report.headlines.find((h) => h.metric === 'sourced')!;
    expect(sourced.current.value!).toBeGreaterThan(sourced.previous.value!);
  });

  it('shows network and share figures in the ranges a real ecosystem shows', async () => {
    const report = await overview(t.database.db, resolveScope({}, 'USD'));
    const figure = (metric: string): number => {
      const f: Figure | undefined = report.headlines.find((h) => h.metric === metric)?.current;
      return f?.value ?? Number.NaN;
    };
    const all = await offending(sql`select
        sum(case when exists (select 1 from deal_involvements i where i.deal_id = d.id and i.role = 'sourced') then 1 else 0 end)::float / count(*) as sourced_deals,
        sum(case when (select count(*) from deal_involvements i where i.deal_id = d.id) >= 2 then 1 else 0 end)::float / count(*) as multi_partner
      from deals d where d.status = 'won' and d.close_date >= current_date - 365`);
    const figures = {
      ecosystemShare: figure('ecosystemShare'),
      conversionRate: figure('conversionRate'),
      acceptanceRate: figure('acceptanceRate'),
      participationRate: figure('participationRate'),
      density: figure('density'),
      networkRevenueShare: figure('networkRevenueShare'),
      sourcedDealShare: Number(all[0]!.sourced_deals),
      multiPartnerDealShare: Number(all[0]!.multi_partner),
    };
    // The ranges and why: see the comment above loadDemoDeals in src/seed/demo-deals.ts.
    const ranges: Record<keyof typeof figures, [number, number]> = {
      ecosystemShare: [0.4, 0.8],
      sourcedDealShare: [0.25, 0.7],
      multiPartnerDealShare: [0.08, 0.35],
      conversionRate: [0.15, 0.45],
      acceptanceRate: [0.55, 0.9],
      participationRate: [0.35, 0.85],
      density: [0.02, 0.15],
      networkRevenueShare: [0.1, 0.4],
    };
    const outside = Object.entries(ranges)
      .filter(([k, [lo, hi]]) => {
        const v = figures[k as keyof typeof figures];
        return !(v >= lo && v <= hi);
      })
      .map(
        ([k, [lo, hi]]) => `${k} = ${figures[k as keyof typeof figures].toFixed(3)}, not in [${lo}, ${hi}]`,
      );
    expect(outside).toEqual([]);
  });
});

describe('the demo’s text', () => {
  it('is written for each partner, not filler', async () => {
    // Faker's own word lists recognize its filler: Latin lorem words, catch-phrases (an adjective then a
    // descriptor: "Multi-layered client-driven…") and bs ("a verb then a buzz adjective: "leverage scalable…").
    const set = (words: readonly string[]) => new Set(words.map((w) => w.toLowerCase()));
    const lorem = new Set([...set(en.lorem!.word!)].filter((w) => w.length >= 5));
    const [adjective, descriptor, buzzVerb, buzzAdjective] = [
      set(en.company!.adjective!),
      set(en.company!.descriptor!),
      set(en.company!.buzz_verb!),
      set(en.company!.buzz_adjective!),
    ];
    const isFiller = (text: string) => {
      const words = text
        .toLowerCase()
        .split(/[^a-z0-9/-]+/)
        .filter(Boolean);
      if (new Set(words.filter((w) => lorem.has(w))).size >= 2) return true;
      return words.some(
        (w, i) =>
          (adjective.has(w) && descriptor.has(words[i + 1] ?? '')) ||
          (buzzVerb.has(w) && buzzAdjective.has(words[i + 1] ?? '')),
      );
    };
    const texts = await offending(sql`
      select 'organization' as kind, name, description as text from organizations
      union all select 'profile', organization_id::text, published->>'description' from partner_profiles
      union all select 'case study', organization_id::text, c->>'summary' from partner_profiles,
        jsonb_array_elements(coalesce(published->'caseStudies', '[]'::jsonb)) c
      union all select 'deal', customer_name, notes from deals
      union all select 'referral', company_name, need from referrals
      union all select 'application', company_name, message from applications
      union all select 'event', title, description from community_events
      union all select 'post', title, body from posts
      union all select 'comment', id::text, body from comments
      union all select 'connection', id::text, message from connections`);
    expect(texts.length).toBeGreaterThan(500);
    expect(
      texts.filter((r) => isFiller(String(r.text ?? ''))).map((r) => `${r.kind} ${r.name}: ${r.text}`),
    ).toEqual([]);
    // Every generated partner describes itself by what it does, not with one sentence shared by all.
    const descriptions = await offending(
      sql`select count(*)::int as n, count(distinct description)::int as d from organizations where kind = 'partner'`,
    );
    expect(descriptions[0]!.d).toBe(descriptions[0]!.n);
  });
});
