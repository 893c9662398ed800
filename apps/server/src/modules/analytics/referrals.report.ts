import { sql, type SQL } from 'drizzle-orm';
import type { ReferralReport } from '@partnergraph/shared/contracts/analytics';
import type { Queryable } from '../../db/client';
import { findPartnerTypeNames } from '../organizations/organizations.repository';
import { type Scope, periodOf } from './period';
import { wonCte } from './revenue.service';
import { none, partnerMatch, ratio, value } from './sql';

/**
 * Partner-to-partner referrals created in P whose referrer matches the
 * filters (metrics.md: referral filters apply to the referrer; country and
 * industry to the referred customer). Alias `rf`.
 */
export function p2pReferrals(scope: Scope, orgs?: { referrer?: string; recipient?: string }): SQL {
  const f = scope.filters;
  return sql`rf.source = 'partner' and not rf.to_vendor and rf.referrer_org_id is not null
    and rf.created_at >= ${scope.from.toISOString()}::timestamptz and rf.created_at < ${scope.to.toISOString()}::timestamptz
    ${f.country ? sql`and rf.country = ${f.country}` : sql``}
    ${f.industry ? sql`and rf.industry = ${f.industry}` : sql``}
    and ${partnerMatch(sql`rf.referrer_org_id`, f)}
    ${orgs?.referrer ? sql`and rf.referrer_org_id = ${orgs.referrer}::uuid` : sql``}
    ${orgs?.recipient ? sql`and rf.recipient_org_id = ${orgs.recipient}::uuid` : sql``}`;
}

export interface ReferralCounts {
  total: number;
  byStatus: Record<'submitted' | 'accepted' | 'rejected' | 'converted', number>;
  outcomes: Record<'won' | 'lost' | 'open', number>;
}

export async function referralCounts(
  q: Queryable,
  scope: Scope,
  orgs?: { referrer?: string; recipient?: string },
): Promise<ReferralCounts> {
  const res = await q.execute<{ status: string; outcome: string | null; n: number }>(sql`
    select rf.status, case when rf.status = 'converted' then
        case when d.status in ('won', 'lost') then d.status else 'open' end end as outcome,
      count(*)::int as n
    from referrals rf left join deals d on d.referral_id = rf.id
    where ${p2pReferrals(scope, orgs)}
    group by 1, 2`);
  const out: ReferralCounts = {
    total: 0,
    byStatus: { submitted: 0, accepted: 0, rejected: 0, converted: 0 },
    outcomes: { won: 0, lost: 0, open: 0 },
  };
  for (const r of res.rows) {
    out.total += r.n;
    out.byStatus[r.status as keyof ReferralCounts['byStatus']] += r.n;
    if (r.outcome) out.outcomes[r.outcome as keyof ReferralCounts['outcomes']] += r.n;
  }
  return out;
}

const NO_DECIDED = 'No referral created in this period has been decided yet';

/** Acceptance and conversion rates of metrics.md from the counts. */
export function referralRates(c: ReferralCounts) {
  const acceptedOrLater = c.byStatus.accepted + c.byStatus.converted;
  const decided = acceptedOrLater + c.byStatus.rejected;
  return {
    acceptanceRate: ratio(acceptedOrLater, decided, NO_DECIDED),
    conversionRate: ratio(c.outcomes.won, decided, NO_DECIDED),
  };
}

/**
 * Deals won in P that came from a partner-to-partner referral whose referrer
 * matches the filters: their revenue and the fees owed on them (fee % fixed at
 * conversion), each summed exactly and rounded once.
 */
export async function referralRevenue(q: Queryable, scope: Scope, referrer?: string) {
  // The deal set here is not narrowed by involved partners: the partner filters apply to the referrer.
  const dealScope: Scope = {
    ...scope,
    filters: { country: scope.filters.country, industry: scope.filters.industry },
  };
  const res = await q.execute<{ n: number; revenue: string | null; fees: string | null }>(sql`
    with ${wonCte(
      dealScope,
      sql`exists (select 1 from referrals rf where rf.id = d.referral_id and rf.source = 'partner'
        and not rf.to_vendor and ${partnerMatch(sql`rf.referrer_org_id`, scope.filters)}
        ${referrer ? sql`and rf.referrer_org_id = ${referrer}::uuid` : sql``})`,
    )}
    select count(*)::int as n, round(sum(w.amt))::text as revenue,
      round(sum(w.amt * coalesce(rf.fee_percent, 0) / 100))::text as fees
    from won w join referrals rf on rf.id = w.referral_id`);
  return referralMoney(res.rows[0]);
}

/** Referral-sourced revenue and fees from their sums over the won deals (live or from the rollup). */
export function referralMoney(r: { n: number; revenue: string | null; fees: string | null } | undefined) {
  if (!r?.n) {
    const empty = none('No deal from a partner-to-partner referral was won in this period');
    return { deals: 0, revenue: empty, fees: empty };
  }
  return { deals: r.n, revenue: value(Number(r.revenue)), fees: value(Number(r.fees)) };
}

export async function referralReport(q: Queryable, scope: Scope): Promise<ReferralReport> {
  const counts = await referralCounts(q, scope);
  const matrix = await q.execute<{ a: string; b: string; n: number }>(sql`
    select coalesce(ta.type_code, 'unknown') as a, coalesce(tb.type_code, 'unknown') as b, count(*)::int as n
    from referrals rf
    left join organization_partner_types ta on ta.organization_id = rf.referrer_org_id and ta.is_primary
    left join organization_partner_types tb on tb.organization_id = rf.recipient_org_id and tb.is_primary
    where ${p2pReferrals(scope)} group by 1, 2`);
  const apart = await q.execute<{ to_vendor: number; locator: number }>(sql`
    select count(*) filter (where rf.source = 'partner' and rf.to_vendor
        and ${partnerMatch(sql`rf.referrer_org_id`, scope.filters)})::int as to_vendor,
      count(*) filter (where rf.source = 'locator')::int as locator
    from referrals rf
    where rf.created_at >= ${scope.from.toISOString()}::timestamptz and rf.created_at < ${scope.to.toISOString()}::timestamptz
      ${scope.filters.country ? sql`and rf.country = ${scope.filters.country}` : sql``}
      ${scope.filters.industry ? sql`and rf.industry = ${scope.filters.industry}` : sql``}`);
  const types = await findPartnerTypeNames(q);
  const used = new Set(matrix.rows.flatMap((r) => [r.a, r.b]));
  if (used.has('unknown')) types.push({ code: 'unknown', name: 'No partner type' });
  const money = await referralRevenue(q, scope);
  const rates = referralRates(counts);
  const decided = counts.byStatus.accepted + counts.byStatus.converted + counts.byStatus.rejected;
  return {
    period: periodOf(scope),
    total: counts.total,
    byStatus: Object.entries(counts.byStatus).map(([status, count]) => ({ status, count })),
    convertedOutcomes: Object.entries(counts.outcomes).map(([outcome, count]) => ({ outcome, count })),
    matrix: {
      types,
      cells: matrix.rows
        .map((r) => ({ referrerType: r.a, recipientType: r.b, count: r.n }))
        .sort((x, y) => y.count - x.count),
    },
    funnel: [
      { stage: 'created', count: counts.total },
      { stage: 'decided', count: decided },
      { stage: 'accepted', count: counts.byStatus.accepted + counts.byStatus.converted },
      { stage: 'converted', count: counts.byStatus.converted },
      { stage: 'won', count: counts.outcomes.won },
    ],
    ...rates,
    referralSourcedRevenue: money.revenue,
    feesOwed: money.fees,
    apart: { toVendor: apart.rows[0]?.to_vendor ?? 0, locatorLeads: apart.rows[0]?.locator ?? 0 },
  };
}
