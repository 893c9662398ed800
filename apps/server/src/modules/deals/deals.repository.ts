import { and, asc, eq, gt, ilike, inArray, lte, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { dealListQuery, Deal, Involvement } from '@partnergraph/shared/contracts/deals';
import type { Queryable } from '../../db/client';
import { prepared } from '../../db/prepared';
import type { Actor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { isId } from '../../lib/ids';
import { convertMinor } from '../../lib/money';
import { containing, countOver, keyset, where, type PageRequest } from '../../lib/pagination';
import { userNameOf } from '../identity/identity.repository';
import {
  findOrganizationsByIds,
  organizationIdsManagedBy,
  organizationsView,
} from '../organizations/organizations.repository';
import { rateInForce, readSettings, type SettingsRow } from '../settings/settings.service';
import { involvementDto, involvementsOf } from './deal-involvements.repository';
import { dealInvolvements, deals } from './deals.tables';
import { redactDeal, seesWholeEcosystem, visibleDeals, visibleDealsTo } from './deals.visibility';

export type DealRow = typeof deals.$inferSelect;
export type InvolvementRow = typeof dealInvolvements.$inferSelect;

export interface LoadedDeal {
  deal: DealRow;
  registrantName: string;
  registrantKind: 'vendor' | 'partner';
  registrantManagerId: string | null;
  userName: string | null;
}

/** A deal's registering organization and person, joined to the deal (the registering user may be gone). */
const registrant = {
  registrantName: organizationsView.name,
  registrantKind: organizationsView.kind,
  registrantManagerId: organizationsView.channelManagerId,
  userName: userNameOf(deals.registeredByUserId),
};

/** Deal rows with their registering organization and person, in one query for the page. */
async function withRegistrants(q: Queryable, rows: DealRow[]): Promise<LoadedDeal[]> {
  if (!rows.length) return [];
  const joined = await q
    .select({ id: deals.id, ...registrant })
    .from(deals)
    .innerJoin(organizationsView, eq(organizationsView.id, deals.registeredByOrgId))
    .where(
      inArray(
        deals.id,
        rows.map((r) => r.id),
      ),
    );
  const byId = new Map(joined.map((r) => [r.id, r]));
  return rows.map((deal) => {
    const r = byId.get(deal.id)!;
    return {
      deal,
      registrantName: r.registrantName,
      registrantKind: r.registrantKind,
      registrantManagerId: r.registrantManagerId,
      userName: deal.registeredByUserId ? r.userName : null,
    };
  });
}

/**
 * A deal by id with its registering organization and person, as the actor may see it: one prepared
 * statement per visibility shape (the read after a registration, and every other read of one deal).
 */
function visibleDealById(q: Queryable, actor: Actor, id: string): Promise<LoadedDeal[]> {
  return prepared(q, `deal_by_id_${actor.orgKind}`, (on) =>
    on
      .select({ deal: deals, ...registrant })
      .from(deals)
      .innerJoin(organizationsView, eq(organizationsView.id, deals.registeredByOrgId))
      .where(
        and(eq(deals.id, sql.placeholder('id')), visibleDealsTo(actor.orgKind, sql.placeholder('orgId'))),
      ),
  ).execute({ id, orgId: actor.orgId });
}

/** A deal the actor may see, or undefined (the caller answers 404). */
export async function findVisibleDeal(
  q: Queryable,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<LoadedDeal | undefined> {
  if (!isId(id)) return undefined;
  if (!opts.forUpdate) return (await visibleDealById(q, actor, id))[0];
  // Locked: the deal row alone, then its registrant (a lock taken through a join would lock those rows too).
  const rows = await q
    .select()
    .from(deals)
    .where(and(eq(deals.id, id), visibleDeals(actor)))
    .for('update');
  return (await withRegistrants(q, rows))[0];
}

/** A deal the actor may see; any other answers 404. */
export async function loadVisibleDeal(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  const loaded = await findVisibleDeal(q, actor, id, { forUpdate });
  if (!loaded) throw notFound('deal');
  return loaded;
}

/** A deal as stored, whoever may see it: for the notices sent after a change commits. */
export async function findDealRecord(q: Queryable, id: string) {
  const [row] = await q.select().from(deals).where(eq(deals.id, id));
  return row;
}

const sorts = {
  createdAt: { column: deals.createdAt, cast: 'timestamptz' },
  expectedCloseDate: { column: deals.expectedCloseDate, cast: 'date' },
  customerName: { column: deals.customerName, cast: 'text' },
} as const;

export async function listVisibleDeals(
  q: Queryable,
  actor: Actor,
  query: z.output<typeof dealListQuery>,
  page: Omit<PageRequest, 'sort'>,
) {
  const ks = keyset(sorts, deals.id, { ...page, sort: query.sort });
  const whole = seesWholeEcosystem(actor);
  const rows = await q
    .select()
    .from(deals)
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
        whole && query.registeredBy
          ? isId(query.registeredBy)
            ? eq(deals.registeredByOrgId, query.registeredBy)
            : sql`false`
          : undefined,
        whole && query.involved
          ? isId(query.involved)
            ? sql`exists (select 1 from deal_involvements i where i.deal_id = ${deals.id} and i.organization_id = ${query.involved})`
            : sql`false`
          : undefined,
        // Vendor staff (channel managers, and admins who manage partners too): deals of partners assigned to them.
        query.mine === 'true' && whole
          ? inArray(deals.registeredByOrgId, organizationIdsManagedBy(q, actor.userId))
          : undefined,
        query.vendorRecorded ? eq(deals.vendorRecorded, query.vendorRecorded === 'true') : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(rows, (r) =>
    query.sort.endsWith('createdAt')
      ? r.createdAt
      : query.sort.endsWith('expectedCloseDate')
        ? r.expectedCloseDate
        : r.customerName,
  );
  return { items: await toDealDtos(q, actor, await withRegistrants(q, items)), nextCursor };
}

/** Approved deals whose protection ran out by `now`, for the scheduled job. */
export function findDealsDueToExpire(q: Queryable, now: Date) {
  return q
    .select({ id: deals.id })
    .from(deals)
    .where(and(eq(deals.status, 'approved'), lte(deals.protectionExpiresAt, now)))
    .limit(1000);
}

/** Bumps a deal's version with whatever else changed (a change of its involvements changes the deal). */
export async function setDealFields(q: Queryable, id: string, patch: Partial<typeof deals.$inferInsert>) {
  await q
    .update(deals)
    .set({ ...patch, version: sql`${deals.version} + 1`, updatedAt: new Date() })
    .where(eq(deals.id, id));
}

/** Today as a UTC calendar date. */
export const today = () => new Date().toISOString().slice(0, 10);

/** The date a deal converts at (metrics.md): its close date once closed, today while open. */
export const conversionDate = (d: Pick<DealRow, 'closeDate'>) => d.closeDate ?? today();

export async function toDealDtos(
  q: Queryable,
  actor: Actor,
  rows: LoadedDeal[],
  /** The settings the request already read (one settings read per request). */
  settings?: Pick<SettingsRow, 'reportingCurrency'>,
): Promise<Deal[]> {
  if (!rows.length) return [];
  const { reportingCurrency } = settings ?? (await readSettings(q));
  const involvements = await involvementsOf(
    q,
    rows.map((r) => r.deal.id),
  );
  // One rate lookup per distinct (currency, date) on the page.
  const rates = new Map<string, { rate: string; rateDate: string } | null>();
  for (const r of rows) {
    const key = `${r.deal.currency}|${conversionDate(r.deal)}`;
    if (!rates.has(key))
      rates.set(key, await rateInForce(q, r.deal.currency, reportingCurrency, conversionDate(r.deal)));
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

/**
 * The oldest registrations awaiting review that the actor reviews, with how many wait in all (the daily
 * digest): every one for an admin, those of the partners assigned to them for a channel manager.
 */
export function findDealsAwaitingReview(q: Queryable, actor: Actor, limit: number) {
  return q
    .select({
      id: deals.id,
      customerName: deals.customerName,
      partnerName: organizationsView.name,
      amount: deals.amount,
      currency: deals.currency,
      since: deals.createdAt,
      total: countOver(),
    })
    .from(deals)
    .innerJoin(organizationsView, eq(organizationsView.id, deals.registeredByOrgId))
    .where(
      and(
        visibleDeals(actor),
        eq(deals.status, 'registered'),
        actor.role === 'channel_manager' ? eq(organizationsView.channelManagerId, actor.userId) : undefined,
      ),
    )
    .orderBy(asc(deals.createdAt), asc(deals.id))
    .limit(limit);
}

/** The actor's organization's approved deals whose protection ends within the window, soonest first (the digest). */
export async function findDealsWithProtectionEnding(
  q: Queryable,
  actor: Actor,
  window: { from: Date; to: Date },
  limit: number,
) {
  const rows = await q
    .select({
      id: deals.id,
      customerName: deals.customerName,
      expiresAt: deals.protectionExpiresAt,
      total: countOver(),
    })
    .from(deals)
    .where(
      and(
        visibleDeals(actor),
        eq(deals.registeredByOrgId, actor.orgId),
        eq(deals.status, 'approved'),
        gt(deals.protectionExpiresAt, window.from),
        lte(deals.protectionExpiresAt, window.to),
      ),
    )
    .orderBy(asc(deals.protectionExpiresAt), asc(deals.id))
    .limit(limit);
  // The filter above holds only deals with an expiry.
  return rows.map((r) => ({ ...r, expiresAt: r.expiresAt! }));
}

/** Deals a CRM sync works on (approved and closed ones), oldest change first, whoever registered them. */
export function findDealsForCrmSync(q: Queryable, statuses: DealRow['status'][]) {
  return q
    .select()
    .from(deals)
    .where(inArray(deals.status, statuses))
    .orderBy(asc(deals.updatedAt), asc(deals.id));
}

/**
 * The deals a custom account-mapping population is defined by: each criterion given narrows them (a list
 * matches any of its values; an empty list is no criterion). Amounts are compared by the caller, which converts them. Partner types are
 * the registering organization's, so a vendor-recorded deal matches none.
 */
export function findDealsByFilter(
  q: Queryable,
  filter: {
    statuses: DealRow['status'][];
    stages?: NonNullable<DealRow['stage']>[] | undefined;
    industries?: string[] | undefined;
    countries?: string[] | undefined;
    partnerTypes?: string[] | undefined;
  },
) {
  return q
    .select()
    .from(deals)
    .where(
      and(
        inArray(deals.status, filter.statuses),
        filter.stages?.length ? inArray(deals.stage, filter.stages) : undefined,
        filter.industries?.length ? inArray(deals.industry, filter.industries) : undefined,
        filter.countries?.length ? inArray(deals.country, filter.countries) : undefined,
        filter.partnerTypes?.length
          ? and(
              eq(deals.vendorRecorded, false),
              sql`exists (select 1 from organization_partner_types t
                where t.organization_id = ${deals.registeredByOrgId}
                and t.type_code in (${sql.join(
                  filter.partnerTypes.map((c) => sql`${c}`),
                  sql`, `,
                )}))`,
            )
          : undefined,
      ),
    )
    .orderBy(asc(deals.updatedAt), asc(deals.id));
}

/**
 * The open deals (registered or approved) at these registrable domains, with the organizations already on
 * each (registrant and every involvement): account mapping's door to the vendor's pipeline at an overlap.
 * Callers decide who may learn of them.
 */
export async function findOpenDealsAtDomains(q: Queryable, domains: string[]) {
  const list = [...new Set(domains)];
  if (!list.length) return [];
  const rows = await q
    .select()
    .from(deals)
    .where(and(inArray(deals.customerRootDomain, list), inArray(deals.status, ['registered', 'approved'])))
    // The approved deal first (it holds the customer), then the most recently touched.
    .orderBy(sql`${deals.status} = 'approved' desc`, sql`${deals.updatedAt} desc`, asc(deals.id));
  const on = await q
    .select({ dealId: dealInvolvements.dealId, organizationId: dealInvolvements.organizationId })
    .from(dealInvolvements)
    .where(
      rows.length
        ? inArray(
            dealInvolvements.dealId,
            rows.map((d) => d.id),
          )
        : sql`false`,
    );
  const names = new Map(
    (
      await findOrganizationsByIds(
        q,
        rows.map((d) => d.registeredByOrgId),
      )
    ).map((o) => [o.id, o.name]),
  );
  return rows.map((deal) => ({
    deal,
    registrantName: names.get(deal.registeredByOrgId) ?? '',
    organizationIds: new Set([
      deal.registeredByOrgId,
      ...on.filter((i) => i.dealId === deal.id).map((i) => i.organizationId),
    ]),
  }));
}

/** Customer names of the deals among these ids that the actor may see (the audit log names its records). */
export function findDealNamesByIds(q: Queryable, actor: Actor, ids: string[]) {
  const valid = [...new Set(ids.filter(isId))];
  if (!valid.length) return Promise.resolve([]);
  return q
    .select({ id: deals.id, name: deals.customerName })
    .from(deals)
    .where(and(inArray(deals.id, valid), visibleDeals(actor)));
}
