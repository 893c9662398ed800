import { aliasedTable, and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { dealListQuery, Deal, Involvement } from '@partnergraph/shared/contracts/deals';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { convertMinor, trimDecimal } from '../../lib/money';
import { containing, keyset, where, type PageRequest } from '../../lib/pagination';
import { users } from '../identity/identity.tables';
import { organizations } from '../organizations/organizations.tables';
import { readSettings } from '../settings/settings.service';
import { dealInvolvements, deals } from './deals.tables';
import { redactDeal, visibleDeals } from './deals.visibility';

export type DealRow = typeof deals.$inferSelect;
export type InvolvementRow = typeof dealInvolvements.$inferSelect;

const registrant = aliasedTable(organizations, 'registrant');
// Drizzle types a query joining two aliases of one table as `never`: the proposer's name is a subquery.
const involved = aliasedTable(organizations, 'involved');

const dealColumns = {
  deal: deals,
  registrantName: registrant.name,
  registrantKind: registrant.kind,
  registrantManagerId: registrant.channelManagerId,
  userName: users.name,
};

export interface LoadedDeal {
  deal: DealRow;
  registrantName: string;
  registrantKind: 'vendor' | 'partner';
  registrantManagerId: string | null;
  userName: string | null;
}

function baseQuery(q: Queryable) {
  return q
    .select(dealColumns)
    .from(deals)
    .innerJoin(registrant, eq(registrant.id, deals.registeredByOrgId))
    .leftJoin(users, eq(users.id, deals.registeredByUserId));
}

/** A deal the actor may see, or undefined (the caller answers 404). */
export async function findDeal(
  q: Queryable,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<LoadedDeal | undefined> {
  if (!isId(id)) return undefined;
  const query = baseQuery(q).where(and(eq(deals.id, id), visibleDeals(actor)));
  const [row] = opts.forUpdate ? await query.for('update', { of: deals }) : await query;
  return row;
}

const sorts = {
  createdAt: { column: deals.createdAt, cast: 'timestamptz' },
  expectedCloseDate: { column: deals.expectedCloseDate, cast: 'date' },
  customerName: { column: deals.customerName, cast: 'text' },
} as const;

export async function listDeals(
  q: Queryable,
  actor: Actor,
  query: z.output<typeof dealListQuery>,
  page: Omit<PageRequest, 'sort'>,
) {
  const ks = keyset(sorts, deals.id, { ...page, sort: query.sort });
  const vendor = actor.orgKind === 'vendor';
  const rows = await baseQuery(q)
    .where(
      where(
        visibleDeals(actor),
        query.status ? eq(deals.status, query.status) : undefined,
        query.country ? eq(deals.country, query.country) : undefined,
        query.q
          ? or(
              ilike(deals.customerName, containing(query.q)),
              ilike(deals.customerDomain, containing(query.q)),
            )
          : undefined,
        // Organization filters narrow the vendor's view; a partner's view is its own already.
        vendor && query.registeredBy
          ? isId(query.registeredBy)
            ? eq(deals.registeredByOrgId, query.registeredBy)
            : sql`false`
          : undefined,
        vendor && query.involved
          ? isId(query.involved)
            ? sql`exists (select 1 from deal_involvements i where i.deal_id = ${deals.id} and i.organization_id = ${query.involved})`
            : sql`false`
          : undefined,
        // Vendor staff (channel managers, and admins who manage partners too): deals of partners assigned to them.
        query.mine === 'true' && vendor ? eq(registrant.channelManagerId, actor.userId) : undefined,
        query.vendorRecorded ? eq(deals.vendorRecorded, query.vendorRecorded === 'true') : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(
    rows.map((r) => ({ ...r, id: r.deal.id })),
    (r) =>
      query.sort.endsWith('createdAt')
        ? r.deal.createdAt
        : query.sort.endsWith('expectedCloseDate')
          ? r.deal.expectedCloseDate
          : r.deal.customerName,
  );
  return { items: await toDealDtos(q, actor, items), nextCursor };
}

export function involvementsOf(q: Queryable, dealIds: string[]) {
  return q
    .select({
      involvement: dealInvolvements,
      orgName: involved.name,
      proposerName: sql<
        string | null
      >`(select p.name from organizations p where p.id = ${dealInvolvements.proposedByOrgId})`,
    })
    .from(dealInvolvements)
    .innerJoin(involved, eq(involved.id, dealInvolvements.organizationId))
    .where(dealIds.length ? inArray(dealInvolvements.dealId, dealIds) : sql`false`)
    .orderBy(asc(dealInvolvements.involvedAt), asc(dealInvolvements.organizationId));
}

type InvolvementLoaded = Awaited<ReturnType<typeof involvementsOf>>[number];

/**
 * What of an involvement the actor reads: the vendor everything; a partner the
 * confirmed ones and its own proposals (the registering partner every proposal
 * on its deal), and a note only when its own organization wrote it.
 */
export function involvementDto(
  actor: Actor,
  registeredByOrgId: string,
  i: InvolvementLoaded,
): Involvement | null {
  const v = i.involvement;
  const vendor = actor.orgKind === 'vendor';
  if (
    !vendor &&
    v.status !== 'confirmed' &&
    v.proposedByOrgId !== actor.orgId &&
    registeredByOrgId !== actor.orgId
  )
    return null;
  return {
    organization: { id: v.organizationId, name: i.orgName },
    role: v.role,
    status: v.status,
    note: vendor || v.notedByOrgId === actor.orgId ? v.note : null,
    proposedBy: v.proposedByOrgId ? { id: v.proposedByOrgId, name: i.proposerName ?? '' } : null,
    involvedAt: v.involvedAt.toISOString(),
    confirmedAt: v.confirmedAt?.toISOString() ?? null,
  };
}

/** Today as a UTC calendar date. */
export const today = () => new Date().toISOString().slice(0, 10);

/** The date a deal converts at (metrics.md): its close date once closed, today while open. */
export const conversionDate = (d: Pick<DealRow, 'closeDate'>) => d.closeDate ?? today();

export async function toDealDtos(q: Queryable, actor: Actor, rows: LoadedDeal[]): Promise<Deal[]> {
  if (!rows.length) return [];
  const { reportingCurrency } = await readSettings(q);
  const involvements = await involvementsOf(
    q,
    rows.map((r) => r.deal.id),
  );
  // One rate lookup per distinct (currency, date) on the page.
  const rates = new Map<string, { rate: string; rateDate: string } | null>();
  for (const r of rows) {
    const key = `${r.deal.currency}|${conversionDate(r.deal)}`;
    if (rates.has(key)) continue;
    if (r.deal.currency === reportingCurrency) {
      rates.set(key, { rate: '1', rateDate: conversionDate(r.deal) });
      continue;
    }
    const result = await q.execute<{ rate: string; effective_date: string }>(sql`
      select rate::text as rate, effective_date::text as effective_date from fx_rates
      where currency = ${r.deal.currency} and reporting_currency = ${reportingCurrency}
        and effective_date <= ${conversionDate(r.deal)}::date
      order by effective_date desc limit 1`);
    const row = result.rows[0];
    rates.set(key, row ? { rate: trimDecimal(row.rate), rateDate: row.effective_date } : null);
  }
  return rows.map((r) => {
    // Everything below reads the deal as this actor may (the fields it may not read are null).
    const d = redactDeal(actor, r.deal);
    const mine = involvements.filter((i) => i.involvement.dealId === d.id);
    const fx = rates.get(`${d.currency}|${conversionDate(d)}`) ?? null;
    const myRole =
      mine.find((i) => i.involvement.organizationId === actor.orgId && i.involvement.status === 'confirmed')
        ?.involvement.role ?? null;
    return {
      id: d.id,
      externalId: d.externalId,
      status: d.status,
      stage: d.stage,
      registeredBy: { id: d.registeredByOrgId, name: r.registrantName },
      registeredByUser:
        d.registeredByUserId && r.userName ? { id: d.registeredByUserId, name: r.userName } : null,
      vendorRecorded: d.vendorRecorded,
      customer: { name: d.customerName, domain: d.customerDomain, country: d.country, industry: d.industry },
      amount: d.amount,
      currency: d.currency,
      // A rate added later could push a converted amount past what JSON counts exactly: then none is shown.
      reporting:
        fx && Number.isSafeInteger(convertMinor(d.amount, d.currency, fx.rate, reportingCurrency))
          ? {
              amount: convertMinor(d.amount, d.currency, fx.rate, reportingCurrency),
              currency: reportingCurrency,
              rate: fx.rate,
              rateDate: fx.rateDate,
            }
          : null,
      products: d.products,
      expectedCloseDate: d.expectedCloseDate,
      notes: d.notes,
      protection:
        d.approvedAt && d.protectionExpiresAt && d.protectionDays
          ? {
              days: d.protectionDays,
              startedAt: d.approvedAt.toISOString(),
              expiresAt: d.protectionExpiresAt.toISOString(),
              extensionRequest:
                d.extensionRequestedAt && d.extensionDays
                  ? {
                      days: d.extensionDays,
                      reason: d.extensionReason ?? '',
                      at: d.extensionRequestedAt.toISOString(),
                    }
                  : null,
            }
          : null,
      decisionReason: d.decisionReason,
      decidedAt: d.decidedAt?.toISOString() ?? null,
      closeDate: d.closeDate,
      lostReason: d.lostReason,
      referralId: d.referralId,
      involvements: mine
        .map((i) => involvementDto(actor, d.registeredByOrgId, i))
        .filter((i): i is Involvement => i !== null),
      myRole,
      version: d.version,
      createdAt: d.createdAt.toISOString(),
      updatedAt: d.updatedAt.toISOString(),
    };
  });
}
