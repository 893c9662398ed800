import { sql } from 'drizzle-orm';
import type { IntegrationReport } from '@partnergraph/shared/contracts/analytics';
import type { Queryable } from '../../db/client';
import { type Scope, periodOf } from './period';
import { wonCte } from './revenue.service';
import { dealFilter, NO_WON, none, ratio, value } from './sql';

/**
 * Integration-driven adoption (metrics.md): (a) the share of won deals in P
 * with an `integration` involvement, (c) their revenue, and (b) customers —
 * distinct registrable domains with a won deal, ever — that have an installed
 * partner integration recorded for that domain.
 */
export async function integrationFigures(q: Queryable, scope: Scope) {
  return { ...(await integrationWon(q, scope)), ...(await integrationCustomers(q, scope)) };
}

/** (a) and (c) over the won deals of P. */
export async function integrationWon(q: Queryable, scope: Scope) {
  const a = await q.execute<{ n: number; with_int: number; revenue: string | null }>(sql`
    with ${wonCte(scope)}
    select count(*)::int as n, count(*) filter (where integration)::int as with_int,
      coalesce(round(sum(amt) filter (where integration)), 0)::text as revenue from won`);
  return integrationDeals(a.rows[0]!);
}

/** (a) and (c) from their sums over the won deals of P (live or from the rollup). */
export function integrationDeals(won: { n: number; with_int: number; revenue: string | null }) {
  return {
    wonDeals: won.n,
    wonWithIntegration: won.with_int,
    dealShare: ratio(won.with_int, won.n, NO_WON),
    revenue: won.n ? value(Number(won.revenue)) : none(NO_WON),
  };
}

/** (b): customers are counted over all time, whatever the period. */
export async function integrationCustomers(q: Queryable, scope: Scope) {
  const b = await q.execute<{ customers: number; with_install: number }>(sql`
    with customers as (
      select distinct d.customer_root_domain as domain from deals d
      where d.status = 'won' and d.customer_root_domain is not null and ${dealFilter(scope.filters)}
    )
    select count(*)::int as customers,
      count(*) filter (where exists (select 1 from integration_installs ii where ii.customer_domain = c.domain))::int as with_install
    from customers c`);
  const cust = b.rows[0]!;
  return {
    customers: cust.customers,
    customersWithInstall: cust.with_install,
    customerShare: ratio(
      cust.with_install,
      cust.customers,
      'No customer has a won deal with a known domain yet',
    ),
  };
}

export async function integrationReport(q: Queryable, scope: Scope): Promise<IntegrationReport> {
  const figures = await integrationFigures(q, scope);
  const listings = await q.execute<{
    id: string;
    name: string;
    org: string;
    partner: string;
    installs: number;
    customers: number;
  }>(sql`
    select l.id::text as id, l.name, l.organization_id::text as org, o.name as partner,
      count(ii.customer_domain)::int as installs,
      count(ii.customer_domain) filter (where exists (select 1 from deals d
        where d.customer_root_domain = ii.customer_domain and d.status = 'won' and ${dealFilter(scope.filters)}))::int as customers
    from integration_listings l
    join organizations o on o.id = l.organization_id
    left join integration_installs ii on ii.listing_id = l.id
    where l.status = 'published'
    group by l.id, l.name, l.organization_id, o.name
    order by installs desc, l.name
    limit 100`);
  return {
    period: periodOf(scope),
    ...figures,
    byIntegration: listings.rows.map((r) => ({
      listingId: r.id,
      name: r.name,
      organizationId: r.org,
      partnerName: r.partner,
      installs: r.installs,
      customersWithWonDeal: r.customers,
    })),
  };
}
