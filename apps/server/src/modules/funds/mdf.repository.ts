import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { where } from '../../lib/pagination';
import {
  fundAllocations,
  fundBudgets,
  fundClaimFiles,
  fundClaims,
  fundRequestDeals,
  fundRequestLeads,
  fundRequests,
} from './funds.tables';
import { visibleAllocations, visibleBudgets, visibleClaims, visibleRequests } from './funds.visibility';

export type BudgetRow = typeof fundBudgets.$inferSelect;
export type AllocationRow = typeof fundAllocations.$inferSelect;
export type RequestRow = typeof fundRequests.$inferSelect;
export type ClaimRow = typeof fundClaims.$inferSelect;

// --- Budgets (the vendor's) ---

export function findBudgets(q: Queryable, actor: Actor) {
  return q
    .select()
    .from(fundBudgets)
    .where(visibleBudgets(actor))
    .orderBy(desc(fundBudgets.periodStart), asc(fundBudgets.id))
    .limit(500);
}

export async function findBudgetById(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  if (!isId(id)) return undefined;
  const query = q
    .select()
    .from(fundBudgets)
    .where(and(eq(fundBudgets.id, id), visibleBudgets(actor)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** A budget a partner draws on, whatever the caller: the caller's allocation was checked first. */
export async function findBudgetRecord(q: Queryable, id: string, forUpdate = false) {
  if (!isId(id)) return undefined;
  const query = q.select().from(fundBudgets).where(eq(fundBudgets.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findBudgetsByIds(q: Queryable, ids: string[]) {
  if (!ids.length) return new Map<string, BudgetRow>();
  const rows = await q
    .select()
    .from(fundBudgets)
    .where(inArray(fundBudgets.id, [...new Set(ids)]));
  return new Map(rows.map((b) => [b.id, b]));
}

export async function insertBudget(q: Queryable, row: typeof fundBudgets.$inferInsert) {
  const [created] = await q.insert(fundBudgets).values(row).returning();
  return created!;
}

/** Allocated, reserved and spent per budget, in its currency. */
export async function findBudgetUse(q: Queryable, ids: string[]) {
  const use = new Map(ids.map((id) => [id, { allocated: 0, reserved: 0, spent: 0 }]));
  if (!ids.length) return use;
  const alloc = await q
    .select({ id: fundAllocations.budgetId, total: sql<string>`sum(${fundAllocations.amount})::text` })
    .from(fundAllocations)
    .where(inArray(fundAllocations.budgetId, ids))
    .groupBy(fundAllocations.budgetId);
  for (const a of alloc) use.get(a.id)!.allocated = Number(a.total);
  const reserved = await q
    .select({ id: fundRequests.budgetId, total: sql<string>`sum(${fundRequests.reserved})::text` })
    .from(fundRequests)
    .where(inArray(fundRequests.budgetId, ids))
    .groupBy(fundRequests.budgetId);
  for (const r of reserved) use.get(r.id)!.reserved = Number(r.total);
  const spent = await q
    .select({
      id: fundRequests.budgetId,
      total: sql<string>`coalesce(sum(${fundClaims.approvedAmount}), 0)::text`,
    })
    .from(fundClaims)
    .innerJoin(fundRequests, eq(fundRequests.id, fundClaims.requestId))
    .where(inArray(fundRequests.budgetId, ids))
    .groupBy(fundRequests.budgetId);
  for (const r of spent) use.get(r.id)!.spent = Number(r.total);
  return use;
}

// --- Allocations ---

export function findAllocations(q: Queryable, actor: Actor, f: { budgetId?: string; partnerId?: string }) {
  if ((f.budgetId && !isId(f.budgetId)) || (f.partnerId && !isId(f.partnerId))) return Promise.resolve([]);
  return q
    .select()
    .from(fundAllocations)
    .where(
      where(
        visibleAllocations(actor),
        f.budgetId ? eq(fundAllocations.budgetId, f.budgetId) : undefined,
        f.partnerId ? eq(fundAllocations.partnerId, f.partnerId) : undefined,
      ),
    )
    .orderBy(asc(fundAllocations.createdAt), asc(fundAllocations.id))
    .limit(2000);
}

export async function findAllocation(q: Queryable, budgetId: string, partnerId: string, forUpdate = false) {
  const query = q
    .select()
    .from(fundAllocations)
    .where(and(eq(fundAllocations.budgetId, budgetId), eq(fundAllocations.partnerId, partnerId)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function upsertAllocation(q: Queryable, row: typeof fundAllocations.$inferInsert) {
  const [saved] = await q
    .insert(fundAllocations)
    .values(row)
    .onConflictDoUpdate({
      target: [fundAllocations.budgetId, fundAllocations.partnerId],
      set: { amount: row.amount, method: row.method, basis: row.basis },
    })
    .returning();
  return saved!;
}

/** Reserved plus spent per (budget, partner): what a partner has drawn on its allocations. */
export async function findDrawn(q: Queryable, pairs: { budgetId: string; partnerId: string }[]) {
  const drawn = new Map<string, number>();
  if (!pairs.length) return drawn;
  const budgets = [...new Set(pairs.map((p) => p.budgetId))];
  const partners = [...new Set(pairs.map((p) => p.partnerId))];
  const reserved = await q
    .select({
      budgetId: fundRequests.budgetId,
      partnerId: fundRequests.partnerId,
      total: sql<string>`sum(${fundRequests.reserved})::text`,
    })
    .from(fundRequests)
    .where(and(inArray(fundRequests.budgetId, budgets), inArray(fundRequests.partnerId, partners)))
    .groupBy(fundRequests.budgetId, fundRequests.partnerId);
  const spent = await q
    .select({
      budgetId: fundRequests.budgetId,
      partnerId: fundRequests.partnerId,
      total: sql<string>`coalesce(sum(${fundClaims.approvedAmount}), 0)::text`,
    })
    .from(fundClaims)
    .innerJoin(fundRequests, eq(fundRequests.id, fundClaims.requestId))
    .where(and(inArray(fundRequests.budgetId, budgets), inArray(fundRequests.partnerId, partners)))
    .groupBy(fundRequests.budgetId, fundRequests.partnerId);
  for (const r of [...reserved, ...spent]) {
    const key = `${r.budgetId}|${r.partnerId}`;
    drawn.set(key, (drawn.get(key) ?? 0) + Number(r.total));
  }
  return drawn;
}

/** Submitted (not yet approved) requests' amounts per (budget, partner): they count against what is available. */
export async function findPendingRequested(q: Queryable, budgetId: string, partnerId: string) {
  const [row] = await q
    .select({ total: sql<string>`coalesce(sum(${fundRequests.amount}), 0)::text` })
    .from(fundRequests)
    .where(
      and(
        eq(fundRequests.budgetId, budgetId),
        eq(fundRequests.partnerId, partnerId),
        eq(fundRequests.status, 'submitted'),
      ),
    );
  return Number(row?.total ?? 0);
}

// --- Requests ---

export function findRequests(
  q: Queryable,
  actor: Actor,
  f: { status?: RequestRow['status'] | undefined; partnerId?: string | undefined },
) {
  if (f.partnerId && !isId(f.partnerId)) return Promise.resolve([]);
  return q
    .select()
    .from(fundRequests)
    .where(
      where(
        visibleRequests(actor),
        f.status ? eq(fundRequests.status, f.status) : undefined,
        f.partnerId ? eq(fundRequests.partnerId, f.partnerId) : undefined,
      ),
    )
    .orderBy(desc(fundRequests.createdAt), asc(fundRequests.id))
    .limit(500);
}

export async function findRequestById(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  if (!isId(id)) return undefined;
  const query = q
    .select()
    .from(fundRequests)
    .where(and(eq(fundRequests.id, id), visibleRequests(actor)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function findRequestsByIds(q: Queryable, ids: string[]) {
  if (!ids.length) return new Map<string, RequestRow>();
  const rows = await q
    .select()
    .from(fundRequests)
    .where(inArray(fundRequests.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function insertRequest(q: Queryable, row: typeof fundRequests.$inferInsert) {
  const [created] = await q.insert(fundRequests).values(row).returning();
  return created!;
}

export async function updateRequest(
  q: Queryable,
  id: string,
  set: Partial<typeof fundRequests.$inferInsert>,
) {
  const [row] = await q
    .update(fundRequests)
    .set({ ...set, updatedAt: new Date(), version: sql`${fundRequests.version} + 1` })
    .where(eq(fundRequests.id, id))
    .returning();
  return row!;
}

/**
 * Notes that the partner was reminded of the claim deadline. Bookkeeping, not a change to the request:
 * the version is left alone, so a reviewer holding the request from before the reminder is not refused
 * with a 409.
 */
export async function markRequestReminded(q: Queryable, id: string, at: Date) {
  const [row] = await q
    .update(fundRequests)
    .set({ reminderSentAt: at })
    .where(and(eq(fundRequests.id, id), sql`${fundRequests.reminderSentAt} is null`))
    .returning();
  return row;
}

/** Approved requests whose claim deadline has passed without a claim: their reservation is released. */
export function findLapsedRequests(q: Queryable, today: string) {
  return q
    .select()
    .from(fundRequests)
    .where(and(eq(fundRequests.status, 'approved'), sql`${fundRequests.claimDeadline} < ${today}::date`))
    .for('update', { skipLocked: true });
}

/** Approved requests whose deadline falls within the window and whose partner was not reminded yet. */
export function findRequestsToRemind(q: Queryable, until: string) {
  return q
    .select()
    .from(fundRequests)
    .where(
      and(
        eq(fundRequests.status, 'approved'),
        lte(fundRequests.claimDeadline, until),
        sql`${fundRequests.reminderSentAt} is null`,
      ),
    );
}

export async function tagDeal(q: Queryable, requestId: string, dealId: string) {
  await q.insert(fundRequestDeals).values({ requestId, dealId }).onConflictDoNothing();
}

export async function findTaggedDealIds(q: Queryable, requestId: string) {
  const rows = await q
    .select({ dealId: fundRequestDeals.dealId })
    .from(fundRequestDeals)
    .where(eq(fundRequestDeals.requestId, requestId))
    .orderBy(asc(fundRequestDeals.createdAt));
  return rows.map((r) => r.dealId);
}

export async function tagLead(q: Queryable, requestId: string, leadId: string) {
  await q.insert(fundRequestLeads).values({ requestId, leadId }).onConflictDoNothing();
}

export async function findTaggedLeadIds(q: Queryable, requestId: string) {
  const rows = await q
    .select({ leadId: fundRequestLeads.leadId })
    .from(fundRequestLeads)
    .where(eq(fundRequestLeads.requestId, requestId))
    .orderBy(asc(fundRequestLeads.createdAt));
  return rows.map((r) => r.leadId);
}

// --- Claims ---

export function findClaims(
  q: Queryable,
  actor: Actor,
  f: { status?: ClaimRow['status'] | undefined; partnerId?: string | undefined; requestId?: string },
) {
  if (f.partnerId && !isId(f.partnerId)) return Promise.resolve([]);
  return q
    .select()
    .from(fundClaims)
    .where(
      where(
        visibleClaims(actor),
        f.status ? eq(fundClaims.status, f.status) : undefined,
        f.partnerId ? eq(fundClaims.partnerId, f.partnerId) : undefined,
        f.requestId ? eq(fundClaims.requestId, f.requestId) : undefined,
      ),
    )
    .orderBy(desc(fundClaims.submittedAt), asc(fundClaims.id))
    .limit(500);
}

export async function findClaimById(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  if (!isId(id)) return undefined;
  const query = q
    .select()
    .from(fundClaims)
    .where(and(eq(fundClaims.id, id), visibleClaims(actor)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertClaim(q: Queryable, row: typeof fundClaims.$inferInsert) {
  const [created] = await q.insert(fundClaims).values(row).returning();
  return created!;
}

export async function updateClaim(q: Queryable, id: string, set: Partial<typeof fundClaims.$inferInsert>) {
  const [row] = await q
    .update(fundClaims)
    .set({ ...set, version: sql`${fundClaims.version} + 1` })
    .where(eq(fundClaims.id, id))
    .returning();
  return row!;
}

export async function insertClaimFile(q: Queryable, row: typeof fundClaimFiles.$inferInsert) {
  await q.insert(fundClaimFiles).values(row);
}

export async function findClaimFiles(q: Queryable, claimIds: string[]) {
  const byClaim = new Map<string, (typeof fundClaimFiles.$inferSelect)[]>(claimIds.map((id) => [id, []]));
  if (!claimIds.length) return byClaim;
  const rows = await q
    .select()
    .from(fundClaimFiles)
    .where(inArray(fundClaimFiles.claimId, claimIds))
    .orderBy(asc(fundClaimFiles.createdAt));
  for (const f of rows) byClaim.get(f.claimId)!.push(f);
  return byClaim;
}

/** The claims of a request the caller has already found visible. */
export function findClaimsOfRequest(q: Queryable, requestId: string) {
  return q
    .select()
    .from(fundClaims)
    .where(eq(fundClaims.requestId, requestId))
    .orderBy(asc(fundClaims.submittedAt));
}

// --- Metrics (docs/METRICS.md) ---

/** Budgets whose period (its last day included) overlaps [from, to). */
export function findBudgetsOverlapping(q: Queryable, from: string, to: string) {
  return q
    .select()
    .from(fundBudgets)
    .where(and(sql`${fundBudgets.periodStart} < ${to}::date`, sql`${fundBudgets.periodEnd} >= ${from}::date`))
    .orderBy(asc(fundBudgets.periodStart), asc(fundBudgets.name), asc(fundBudgets.id));
}

/**
 * Approved claims (in whole or part) of activities starting in [from, to), each with its approval date
 * (UTC) and the rate from its currency into the reporting currency in force on that date (null when
 * none is).
 */
export async function findApprovedClaimsForActivitiesIn(
  q: Queryable,
  from: string,
  to: string,
  reporting: string,
) {
  const result = await q.execute<{
    budget_id: string;
    amount: string;
    currency: string;
    approved_on: string;
    rate: string | null;
  }>(sql`
    select q.budget_id, q.amount::text as amount, q.currency, q.approved_on::text as approved_on,
      case when q.currency = ${reporting} then '1' else (
        select r.rate::text from fx_rates r
        where r.currency = q.currency and r.reporting_currency = ${reporting}
          and r.effective_date <= q.approved_on
        order by r.effective_date desc limit 1) end as rate
    from (
      select fr.budget_id, c.approved_amount as amount, c.currency,
        (c.reviewed_at at time zone 'UTC')::date as approved_on
      from ${fundClaims} c join ${fundRequests} fr on fr.id = c.request_id
      where c.status in ('approved', 'partially_approved')
        and fr.starts_on >= ${from}::date and fr.starts_on < ${to}::date
    ) q`);
  return result.rows.map((r) => ({
    budgetId: r.budget_id,
    amount: Number(r.amount),
    currency: r.currency,
    approvedOn: r.approved_on,
    rate: r.rate,
  }));
}

/** Claims reviewed (approved in whole or part, or rejected) in [from, to). */
export function findClaimsReviewedIn(q: Queryable, from: string, to: string) {
  return q
    .select({ submittedAt: fundClaims.submittedAt, reviewedAt: fundClaims.reviewedAt })
    .from(fundClaims)
    .where(
      and(
        sql`${fundClaims.reviewedAt} >= ${from}::timestamptz`,
        sql`${fundClaims.reviewedAt} < ${to}::timestamptz`,
      ),
    );
}

/** Approved claims of activities (requests) starting in [from, to), with their request. */
export function findApprovedClaimsOfActivitiesIn(q: Queryable, from: string, to: string) {
  return q
    .select({ request: fundRequests, approvedAmount: fundClaims.approvedAmount })
    .from(fundClaims)
    .innerJoin(fundRequests, eq(fundRequests.id, fundClaims.requestId))
    .where(
      and(
        inArray(fundClaims.status, ['approved', 'partially_approved']),
        sql`${fundRequests.startsOn} >= ${from}::date`,
        sql`${fundRequests.startsOn} < ${to}::date`,
      ),
    );
}
