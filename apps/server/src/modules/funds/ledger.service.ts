import type { z } from 'zod';
import type {
  approveEntriesBody,
  EntrySource,
  EntryState,
  LedgerAccount,
  LedgerEntry,
  manualAccrualBody,
} from '@partnergraph/shared/contracts/funds';
import { formatMinor } from '@partnergraph/shared/contracts/money';
import type { Db, Queryable } from '../../db/client';
import { runChange, type ChangeRecorder, type Tx } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { notFound, unprocessable } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { findOrganizationsByIds, findPartnerOrganization } from '../organizations/organizations.repository';
import { accrual, assertBalanced, transition, type Posting } from './ledger';
import {
  findBalances,
  findEntries,
  findEntriesByIds,
  findEntriesOfDeal,
  findTrialBalance,
  insertEntry,
  insertPostings,
  updateEntry,
  type EntryFilters,
  type EntryRow,
} from './ledger.repository';

export const today = () => new Date().toISOString().slice(0, 10);

export async function partnerNames(q: Queryable, ids: string[]) {
  return new Map((await findOrganizationsByIds(q, ids)).map((o) => [o.id, o.name]));
}

export function entryDto(row: EntryRow, names: Map<string, string>): LedgerEntry {
  return {
    id: row.id,
    partnerId: row.partnerId,
    partnerName: names.get(row.partnerId) ?? '',
    source: row.source,
    state: row.state,
    amount: row.amount,
    currency: row.currency,
    occurredOn: row.occurredOn,
    explanation: row.explanation,
    ruleId: row.ruleId,
    ruleVersionId: row.ruleVersionId,
    dealId: row.dealId,
    claimId: row.claimId,
    reversesEntryId: row.reversesEntryId,
    payoutBatchId: row.payoutBatchId,
    paymentReference: row.paymentReference,
    paidAt: row.paidAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function entryDtos(q: Queryable, rows: EntryRow[]) {
  const names = await partnerNames(
    q,
    rows.map((r) => r.partnerId),
  );
  return rows.map((r) => entryDto(r, names));
}

async function post(tx: Tx, entry: EntryRow, postings: Posting[], postedOn: string) {
  assertBalanced(postings);
  await insertPostings(
    tx,
    postings.map((p) => ({
      id: newId(),
      entryId: entry.id,
      partnerId: entry.partnerId,
      currency: entry.currency,
      ...p,
      postedOn,
    })),
  );
}

export interface NewEntry {
  partnerId: string;
  source: EntrySource;
  amount: number;
  currency: string;
  occurredOn: string;
  explanation: string;
  ruleId?: string | null;
  ruleVersionId?: string | null;
  period?: string | null;
  dealId?: string | null;
  claimId?: string | null;
  reversesEntryId?: string | null;
  /** `approved`: booked and approved at once (an MDF claim the vendor has just reviewed). */
  state?: 'accrued' | 'approved';
  postedOn?: string;
}

/** Books a new entry: the entry row and its accrual (and approval) postings, in the caller's transaction. */
export async function bookEntry(tx: Tx, record: ChangeRecorder, input: NewEntry) {
  const postedOn = input.postedOn ?? today();
  const row = await insertEntry(tx, {
    id: newId(),
    partnerId: input.partnerId,
    source: input.source,
    state: 'accrued',
    amount: input.amount,
    currency: input.currency,
    occurredOn: input.occurredOn,
    explanation: input.explanation,
    ruleId: input.ruleId ?? null,
    ruleVersionId: input.ruleVersionId ?? null,
    period: input.period ?? null,
    dealId: input.dealId ?? null,
    claimId: input.claimId ?? null,
    reversesEntryId: input.reversesEntryId ?? null,
  });
  await post(tx, row, accrual(row), postedOn);
  let result = row;
  if (input.state === 'approved') result = await moveEntry(tx, row, 'approved', postedOn);
  record.audit({
    action: 'ledger.accrued',
    entityType: 'ledger_entry',
    entityId: row.id,
    after: { partnerId: row.partnerId, source: row.source, amount: row.amount, currency: row.currency },
  });
  record.event({
    type: 'ledger.accrued',
    entityType: 'ledger_entry',
    entityId: row.id,
    organizationIds: [row.partnerId],
    payload: {
      id: row.id,
      source: row.source,
      amount: row.amount,
      currency: row.currency,
      state: result.state,
    },
  });
  return result;
}

/** Moves an entry to its next state (or reverses it), posting the movement. */
export async function moveEntry(
  tx: Tx,
  entry: EntryRow,
  to: EntryState,
  postedOn = today(),
  set: Partial<EntryRow> = {},
) {
  let postings: Posting[];
  try {
    postings = transition(entry, to);
  } catch (err) {
    throw unprocessable(`Entry ${entry.id}: ${(err as Error).message}`);
  }
  await post(tx, entry, postings, postedOn);
  return updateEntry(tx, entry.id, { ...set, state: to });
}

/**
 * Takes back what a deal earned when it is no longer won: entries not yet paid are reversed; a paid
 * one is answered by a clawback entry of the opposite amount, netted from the partner's next payout.
 */
export async function clawBackDeal(tx: Tx, record: ChangeRecorder, dealId: string, reason: string) {
  const entries = await findEntriesOfDeal(tx, dealId);
  const reversedIds = new Set(entries.filter((e) => e.reversesEntryId).map((e) => e.reversesEntryId!));
  let count = 0;
  for (const e of entries) {
    if (e.state === 'reversed' || e.source === 'clawback' || reversedIds.has(e.id)) continue;
    count++;
    if (e.state === 'paid') {
      await bookEntry(tx, record, {
        partnerId: e.partnerId,
        source: 'clawback',
        amount: -e.amount,
        currency: e.currency,
        occurredOn: today(),
        explanation: `Clawback of ${formatMinor(e.amount, e.currency)} paid on ${e.occurredOn}: ${reason}`,
        dealId,
        ruleId: e.ruleId,
        ruleVersionId: e.ruleVersionId,
        reversesEntryId: e.id,
      });
    } else {
      await moveEntry(tx, e, 'reversed', today(), {
        explanation: `${e.explanation}. Reversed: ${reason}`,
      });
      record.audit({
        action: 'ledger.reversed',
        entityType: 'ledger_entry',
        entityId: e.id,
        before: { state: e.state },
        after: { state: 'reversed', reason },
      });
    }
  }
  return count;
}

// --- Routes' services ---

export async function listEntries(db: Db, ctx: Ctx, filters: EntryFilters) {
  return { items: await entryDtos(db, await findEntries(db, ctx.actor, filters)) };
}

export async function ledgerSummary(db: Db, ctx: Ctx, partnerId?: string) {
  const rows = await findBalances(db, ctx.actor, partnerId);
  const names = await partnerNames(
    db,
    rows.map((r) => r.partnerId),
  );
  const byKey = new Map<
    string,
    {
      partnerId: string;
      partnerName: string;
      currency: string;
      accrued: number;
      approved: number;
      paid: number;
    }
  >();
  for (const r of rows) {
    const key = `${r.partnerId}|${r.currency}`;
    const b = byKey.get(key) ?? {
      partnerId: r.partnerId,
      partnerName: names.get(r.partnerId) ?? '',
      currency: r.currency,
      accrued: 0,
      approved: 0,
      paid: 0,
    };
    if (r.state !== 'reversed') b[r.state] += Number(r.total);
    byKey.set(key, b);
  }
  const trialBalance = (await findTrialBalance(db, ctx.actor)).map((t) => ({
    ...t,
    account: t.account as LedgerAccount,
  }));
  return {
    balances: [...byKey.values()].sort(
      (a, b) => a.partnerName.localeCompare(b.partnerName) || a.currency.localeCompare(b.currency),
    ),
    trialBalance,
  };
}

/** Vendor admins approve accruals for payment. */
export async function approveEntries(db: Db, ctx: Ctx, input: z.output<typeof approveEntriesBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const rows = await findEntriesByIds(tx, ctx.actor, input.entryIds);
    if (rows.length !== new Set(input.entryIds).size) throw notFound('ledger entry');
    const out: EntryRow[] = [];
    for (const e of rows) {
      if (e.state !== 'accrued')
        throw unprocessable(`Entry ${e.id} is ${e.state}: only accrued entries are approved`);
      out.push(await moveEntry(tx, e, 'approved'));
      record.audit({
        action: 'ledger.approved',
        entityType: 'ledger_entry',
        entityId: e.id,
        before: { state: 'accrued' },
        after: { state: 'approved' },
      });
    }
    return { items: await entryDtos(tx, out) };
  });
}

/** A hand-made adjustment (positive or negative), explained, booked as accrued. */
export async function addAdjustment(db: Db, ctx: Ctx, input: z.output<typeof manualAccrualBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const partner = await findPartnerOrganization(tx, input.partnerId);
    if (!partner) throw notFound('partner');
    const row = await bookEntry(tx, record, {
      partnerId: partner.id,
      source: 'adjustment',
      amount: input.amount,
      currency: input.currency,
      occurredOn: input.occurredOn,
      explanation: `Adjustment by ${ctx.actor.name}: ${input.explanation}`,
    });
    return entryDto(row, new Map([[partner.id, partner.name]]));
  });
}
