import type { z } from 'zod';
import type {
  createPayoutBatchBody,
  PayoutBatch,
  paymentStatusBody,
} from '@partnergraph/shared/contracts/funds';
import { minorToMajorText } from '@partnergraph/shared/contracts/money';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { invalid, notFound, unprocessable } from '../../lib/errors';
import { newId } from '../../lib/ids';
import {
  findEntriesOfBatch,
  findPayableEntries,
  findPayoutBatchById,
  findPayoutBatches,
  insertPayoutBatch,
  updateEntry,
  updatePayoutBatch,
  type EntryRow,
  type PayoutBatchRow,
} from './ledger.repository';
import { moveEntry, partnerNames } from './ledger.service';

// Payout batches: what accounts payable (or a payment rail) pays. PartnerGraph moves no money; it
// records the batch, exports it, and books each partner's payment when its status comes back.

async function batchDto(q: Queryable, batch: PayoutBatchRow): Promise<PayoutBatch> {
  const entries = await findEntriesOfBatch(q, batch.id);
  const byPartner = new Map<string, EntryRow[]>();
  for (const e of entries) byPartner.set(e.partnerId, [...(byPartner.get(e.partnerId) ?? []), e]);
  const ids = Object.keys(batch.payments);
  const names = await partnerNames(q, ids);
  const lines = ids.map((partnerId) => {
    const es = byPartner.get(partnerId) ?? [];
    const pay = batch.payments[partnerId]!;
    return {
      partnerId,
      partnerName: names.get(partnerId) ?? '',
      amount: es.reduce((s, e) => s + e.amount, 0),
      entries: es.length,
      status: pay.status,
      reference: pay.reference,
    };
  });
  lines.sort((a, b) => a.partnerName.localeCompare(b.partnerName));
  return {
    id: batch.id,
    currency: batch.currency,
    status: batch.status,
    total: lines.filter((l) => l.status !== 'failed').reduce((s, l) => s + l.amount, 0),
    lines,
    createdAt: batch.createdAt.toISOString(),
    version: batch.version,
  };
}

export async function listPayoutBatches(db: Db, ctx: Ctx) {
  const rows = await findPayoutBatches(db, ctx.actor);
  return { items: await Promise.all(rows.map((b) => batchDto(db, b))) };
}

export async function getPayoutBatch(db: Db, ctx: Ctx, id: string) {
  const batch = await findPayoutBatchById(db, ctx.actor, id);
  if (!batch) throw notFound('payout batch');
  return batchDto(db, batch);
}

/**
 * Gathers every approved, unbatched entry of a currency. A partner is paid its net (earnings less
 * clawbacks); one whose net is not positive is left out, its entries waiting for the next batch.
 */
export async function createPayoutBatch(db: Db, ctx: Ctx, input: z.output<typeof createPayoutBatchBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const entries = await findPayableEntries(tx, input.currency);
    const net = new Map<string, EntryRow[]>();
    for (const e of entries) net.set(e.partnerId, [...(net.get(e.partnerId) ?? []), e]);
    const payable = [...net].filter(([, es]) => es.reduce((s, e) => s + e.amount, 0) > 0);
    if (!payable.length) throw unprocessable(`Nothing approved is payable in ${input.currency}`);
    const batch = await insertPayoutBatch(tx, {
      id: newId(),
      currency: input.currency,
      status: 'open',
      payments: Object.fromEntries(
        payable.map(([p]) => [p, { status: 'pending' as const, reference: null }]),
      ),
      createdByUserId: ctx.actor.userId,
    });
    for (const [, es] of payable)
      for (const e of es) await updateEntry(tx, e.id, { payoutBatchId: batch.id });
    record.audit({
      action: 'payout_batch.created',
      entityType: 'payout_batch',
      entityId: batch.id,
      after: { currency: batch.currency, partners: payable.length },
    });
    return batchDto(tx, batch);
  });
}

/** The batch as accounts payable imports it: one line per partner, major units and minor units. */
export async function exportPayoutBatch(db: Db, ctx: Ctx, id: string, format: 'csv' | 'json') {
  const dto = await getPayoutBatch(db, ctx, id);
  if (format === 'json') return { type: 'application/json', body: JSON.stringify(dto) };
  const cell = (v: string) =>
    /[",\n\r]/.test(v) || /^[=+\-@\t\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  const rows = [
    [
      'batch_id',
      'partner_id',
      'partner_name',
      'currency',
      'amount',
      'amount_minor',
      'entries',
      'status',
      'reference',
    ],
    ...dto.lines.map((l) => [
      dto.id,
      l.partnerId,
      l.partnerName,
      dto.currency,
      minorToMajorText(l.amount, dto.currency),
      String(l.amount),
      String(l.entries),
      l.status,
      l.reference ?? '',
    ]),
  ];
  return {
    type: 'text/csv; charset=utf-8',
    body: rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n',
  };
}

/**
 * Payment status from the payment rail (by API, or a CSV of partner_id,status,reference): a paid
 * partner's entries move to paid with the reference; a failed one's leave the batch for the next.
 */
export async function recordPayments(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.output<typeof paymentStatusBody>,
) {
  return runChange(db, ctx, async (tx, record) => {
    const batch = await findPayoutBatchById(tx, ctx.actor, id, true);
    if (!batch) throw notFound('payout batch');
    assertVersion(batch, input.version);
    const payments = { ...batch.payments };
    const entries = await findEntriesOfBatch(tx, batch.id);
    input.payments.forEach((p, i) => {
      const line = payments[p.partnerId];
      if (!line)
        throw invalid([
          { path: `body.payments.${i}.partnerId`, message: 'This partner is not in the batch' },
        ]);
      if (line.status !== 'pending') {
        throw invalid([
          { path: `body.payments.${i}.status`, message: `This payment is already ${line.status}` },
        ]);
      }
    });
    const now = new Date();
    for (const p of input.payments) {
      payments[p.partnerId] = { status: p.status, reference: p.reference };
      for (const e of entries.filter((x) => x.partnerId === p.partnerId)) {
        if (p.status === 'paid')
          await moveEntry(tx, e, 'paid', now.toISOString().slice(0, 10), {
            paidAt: now,
            paymentReference: p.reference,
          });
        else await updateEntry(tx, e.id, { payoutBatchId: null });
      }
      record.audit({
        action: `payout.${p.status}`,
        entityType: 'payout_batch',
        entityId: batch.id,
        after: { partnerId: p.partnerId, reference: p.reference },
      });
      record.event({
        type: `payout.${p.status}`,
        entityType: 'payout_batch',
        entityId: batch.id,
        organizationIds: [p.partnerId],
        payload: { batchId: batch.id, partnerId: p.partnerId, reference: p.reference },
      });
    }
    const settled = Object.values(payments).every((x) => x.status !== 'pending');
    const updated = await updatePayoutBatch(tx, batch.id, { payments, status: settled ? 'settled' : 'open' });
    return batchDto(tx, updated);
  });
}

/** Reads a payment-status CSV (partner_id,status,reference with a header row) into the API's shape. */
export function parsePaymentsCsv(text: string, version: number): z.input<typeof paymentStatusBody> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split(',').map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  if (col('partner_id') < 0 || col('status') < 0 || col('reference') < 0) {
    throw invalid([{ path: 'body', message: 'The header row names partner_id, status and reference' }]);
  }
  return {
    version,
    payments: lines.map((l) => {
      const cells = l.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
      return {
        partnerId: cells[col('partner_id')] ?? '',
        status: (cells[col('status')] ?? '') as 'paid' | 'failed',
        reference: cells[col('reference')] ?? '',
      };
    }),
  };
}
