import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { where } from '../../lib/pagination';
import type { EntrySource, EntryState } from '@partnergraph/shared/contracts/funds';
import { ledgerEntries, ledgerPostings, payoutBatches } from './funds.tables';
import { visibleEntries, visiblePayoutBatches } from './funds.visibility';

export type EntryRow = typeof ledgerEntries.$inferSelect;
export type PostingRow = typeof ledgerPostings.$inferSelect;
export type PayoutBatchRow = typeof payoutBatches.$inferSelect;

export interface EntryFilters {
  partnerId?: string | undefined;
  state?: EntryState | undefined;
  source?: EntrySource | undefined;
  currency?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export async function findEntries(q: Queryable, actor: Actor, f: EntryFilters) {
  if (f.partnerId !== undefined && !isId(f.partnerId)) return [];
  return q
    .select()
    .from(ledgerEntries)
    .where(
      where(
        visibleEntries(actor),
        f.partnerId ? eq(ledgerEntries.partnerId, f.partnerId) : undefined,
        f.state ? eq(ledgerEntries.state, f.state) : undefined,
        f.source ? eq(ledgerEntries.source, f.source) : undefined,
        f.currency ? eq(ledgerEntries.currency, f.currency) : undefined,
        f.from ? gte(ledgerEntries.occurredOn, f.from) : undefined,
        f.to ? lt(ledgerEntries.occurredOn, f.to) : undefined,
      ),
    )
    .orderBy(asc(ledgerEntries.occurredOn), asc(ledgerEntries.id))
    .limit(2000);
}

export async function findEntryById(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  if (!isId(id)) return undefined;
  const query = q
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.id, id), visibleEntries(actor)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** Entries of deals (for a clawback), locked: whatever the caller's reach, the deal's service decided. */
export function findEntriesOfDeal(q: Queryable, dealId: string) {
  return q.select().from(ledgerEntries).where(eq(ledgerEntries.dealId, dealId)).for('update');
}

export function findEntriesOfRulePeriod(q: Queryable, ruleId: string, period: string) {
  return q
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.ruleId, ruleId), eq(ledgerEntries.period, period)))
    .for('update');
}

/** The latest period end any paid entry of a rule covers: a version may not take effect on or before it. */
export async function findLastPaidDateOfRule(q: Queryable, ruleId: string) {
  const [row] = await q
    .select({ last: sql<string | null>`max(${ledgerEntries.occurredOn})::text` })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.ruleId, ruleId), eq(ledgerEntries.state, 'paid')));
  return row?.last ?? null;
}

export async function findEntriesByIds(q: Queryable, actor: Actor, ids: string[]) {
  const valid = ids.filter(isId);
  if (!valid.length) return [];
  return q
    .select()
    .from(ledgerEntries)
    .where(and(inArray(ledgerEntries.id, valid), visibleEntries(actor)))
    .for('update');
}

export async function insertEntry(q: Queryable, row: typeof ledgerEntries.$inferInsert) {
  const [created] = await q.insert(ledgerEntries).values(row).returning();
  return created!;
}

export async function updateEntry(q: Queryable, id: string, set: Partial<typeof ledgerEntries.$inferInsert>) {
  const [row] = await q
    .update(ledgerEntries)
    .set({ ...set, updatedAt: new Date(), version: sql`${ledgerEntries.version} + 1` })
    .where(eq(ledgerEntries.id, id))
    .returning();
  return row!;
}

export async function insertPostings(q: Queryable, rows: (typeof ledgerPostings.$inferInsert)[]) {
  if (rows.length) await q.insert(ledgerPostings).values(rows);
}

/** Debits minus credits per currency and account, over what the actor may see. */
export async function findTrialBalance(q: Queryable, actor: Actor) {
  const vis = visibleEntries(actor) ? sql`where ${ledgerPostings.partnerId} = ${actor.orgId}` : sql``;
  const result = await q.execute<{ currency: string; account: string; balance: string }>(sql`
    select currency, account, sum(signed)::text as balance from (
      select ${ledgerPostings.currency} as currency, ${ledgerPostings.debit} as account, ${ledgerPostings.amount} as signed
      from ${ledgerPostings} ${vis}
      union all
      select ${ledgerPostings.currency}, ${ledgerPostings.credit}, -${ledgerPostings.amount}
      from ${ledgerPostings} ${vis}) as lines
    group by currency, account order by currency, account`);
  return result.rows.map((r) => ({ currency: r.currency, account: r.account, balance: Number(r.balance) }));
}

/** Sums per partner, currency and state. */
export async function findBalances(q: Queryable, actor: Actor, partnerId?: string) {
  if (partnerId !== undefined && !isId(partnerId)) return [];
  return q
    .select({
      partnerId: ledgerEntries.partnerId,
      currency: ledgerEntries.currency,
      state: ledgerEntries.state,
      total: sql<string>`sum(${ledgerEntries.amount})::text`,
    })
    .from(ledgerEntries)
    .where(where(visibleEntries(actor), partnerId ? eq(ledgerEntries.partnerId, partnerId) : undefined))
    .groupBy(ledgerEntries.partnerId, ledgerEntries.currency, ledgerEntries.state);
}

/** Postings of one partner and currency, oldest first, with the entry each moves (for statements). */
export function findPostingsOfPartner(q: Queryable, partnerId: string, currency: string, before: string) {
  return q
    .select({ posting: ledgerPostings, entry: ledgerEntries })
    .from(ledgerPostings)
    .innerJoin(ledgerEntries, eq(ledgerEntries.id, ledgerPostings.entryId))
    .where(
      and(
        eq(ledgerPostings.partnerId, partnerId),
        eq(ledgerPostings.currency, currency),
        lt(ledgerPostings.postedOn, before),
      ),
    )
    .orderBy(asc(ledgerPostings.postedOn), asc(ledgerPostings.createdAt), asc(ledgerPostings.id));
}

// --- Payout batches ---

export async function findPayoutBatches(q: Queryable, actor: Actor) {
  return q
    .select()
    .from(payoutBatches)
    .where(visiblePayoutBatches(actor))
    .orderBy(sql`${payoutBatches.createdAt} desc`)
    .limit(200);
}

export async function findPayoutBatchById(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  if (!isId(id)) return undefined;
  const query = q
    .select()
    .from(payoutBatches)
    .where(and(eq(payoutBatches.id, id), visiblePayoutBatches(actor)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertPayoutBatch(q: Queryable, row: typeof payoutBatches.$inferInsert) {
  const [created] = await q.insert(payoutBatches).values(row).returning();
  return created!;
}

export async function updatePayoutBatch(
  q: Queryable,
  id: string,
  set: Partial<typeof payoutBatches.$inferInsert>,
) {
  const [row] = await q
    .update(payoutBatches)
    .set({ ...set, updatedAt: new Date(), version: sql`${payoutBatches.version} + 1` })
    .where(eq(payoutBatches.id, id))
    .returning();
  return row!;
}

/** Approved entries not yet in a batch, locked for the batch being made. */
export function findPayableEntries(q: Queryable, currency: string) {
  return q
    .select()
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.state, 'approved'),
        eq(ledgerEntries.currency, currency),
        sql`${ledgerEntries.payoutBatchId} is null`,
      ),
    )
    .orderBy(asc(ledgerEntries.partnerId), asc(ledgerEntries.occurredOn))
    .for('update');
}

export function findEntriesOfBatch(q: Queryable, batchId: string) {
  return q
    .select()
    .from(ledgerEntries)
    .where(eq(ledgerEntries.payoutBatchId, batchId))
    .orderBy(asc(ledgerEntries.partnerId), asc(ledgerEntries.occurredOn));
}

/**
 * Incentive accruals (fees, rebates, SPIFFs, net of clawbacks; MDF claims and manual adjustments are
 * no incentive, metrics.md) dated in [from, to), per
 * currency and date, with the rate into the reporting currency in force on that date (null when none
 * is): the incentive cost share converts each at its own date's rate.
 */
export async function findIncentiveCostIn(q: Queryable, from: string, to: string, reporting: string) {
  const result = await q.execute<{ currency: string; total: string; rate: string | null }>(sql`
    select e.currency, sum(e.amount)::text as total,
      case when e.currency = ${reporting} then '1' else (
        select r.rate::text from fx_rates r
        where r.currency = e.currency and r.reporting_currency = ${reporting}
          and r.effective_date <= e.occurred_on
        order by r.effective_date desc limit 1) end as rate
    from ledger_entries e
    where e.source in ('referral_fee', 'rebate', 'spiff', 'clawback') and e.state <> 'reversed'
      and e.occurred_on >= ${from}::date and e.occurred_on < ${to}::date
    group by e.currency, e.occurred_on`);
  return result.rows.map((r) => ({ currency: r.currency, amount: Number(r.total), rate: r.rate }));
}
