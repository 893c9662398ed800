import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, versionField } from '@partnergraph/shared/contracts/common';
import {
  addRuleVersionBody,
  approveEntriesBody,
  createPayoutBatchBody,
  createRuleBody,
  exportQuery,
  incentiveRuleSchema,
  ledgerEntrySchema,
  ledgerQuery,
  ledgerSummarySchema,
  manualAccrualBody,
  payoutBatchSchema,
  paymentStatusBody,
  rebateRunSchema,
  runRebateBody,
  statementQuery,
  statementSchema,
} from '@partnergraph/shared/contracts/funds';
import type { Deps } from '../../lib/deps';
import { AppError } from '../../lib/errors';
import { binaryBody } from '../files/files.service';
import { addRuleVersion, createRule, getRule, listRules, runRebate } from './incentives.service';
import { addAdjustment, approveEntries, ledgerSummary, listEntries } from './ledger.service';
import {
  createPayoutBatch,
  exportPayoutBatch,
  getPayoutBatch,
  listPayoutBatches,
  parsePaymentsCsv,
  recordPayments,
} from './payouts.service';
import { buildStatement, statementCsv, statementPdf } from './statements.service';

const PAYMENTS_CSV_MAX = 1 << 20;

/** Incentive rules, the partner ledger, statements and payout batches. */
export default async function ledgerRoutes(app: FastifyInstance, { db }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['funds'];
  binaryBody(app);

  // --- Incentive rules (the vendor's terms) ---
  r.get(
    '/incentive-rules',
    {
      config: { access: 'funds:oversee' },
      schema: {
        tags,
        summary: 'List incentive rules (rebates, SPIFFs) with their versions',
        description: 'The vendor’s terms; a partner reads what it earned in its entries’ explanations.',
        response: { 200: z.object({ items: z.array(incentiveRuleSchema) }) },
      },
    },
    async () => listRules(db),
  );
  r.post(
    '/incentive-rules',
    {
      config: { access: 'funds:manage' },
      schema: {
        tags,
        summary: 'Create a rebate or SPIFF rule with its first version',
        description:
          'Referral fees need no rule: the fee fixed when a referral becomes a deal accrues when the deal is won.',
        body: createRuleBody,
        response: { 201: incentiveRuleSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createRule(db, req.ctx, req.body)),
  );
  r.get(
    '/incentive-rules/:id',
    {
      config: { access: 'funds:oversee' },
      schema: {
        tags,
        summary: 'Get an incentive rule',
        params: idParams,
        response: { 200: incentiveRuleSchema },
      },
    },
    async (req) => getRule(db, req.params.id),
  );
  r.post(
    '/incentive-rules/:id/versions',
    {
      config: { access: 'funds:manage' },
      schema: {
        tags,
        summary: 'Add a version that takes effect on a date',
        description:
          'Versions are never edited, so past accruals replay exactly. A version taking effect on or before a period already paid under the rule answers 422.',
        params: idParams,
        body: addRuleVersionBody,
        response: { 200: incentiveRuleSchema },
      },
    },
    async (req) => addRuleVersion(db, req.ctx, req.params.id, req.body),
  );
  r.post(
    '/incentive-rules/:id/run',
    {
      config: { access: 'funds:manage' },
      schema: {
        tags,
        summary: 'Accrue a rebate rule for an ended quarter',
        description:
          'Each partner’s sourced revenue won in the quarter (reporting currency) under the version in force on its last day. Run again, it books only differences.',
        params: idParams,
        body: runRebateBody,
        response: { 200: rebateRunSchema },
      },
    },
    async (req) => runRebate(db, req.ctx, req.params.id, req.body),
  );

  // --- The ledger ---
  r.get(
    '/ledger',
    {
      config: { access: 'funds:read' },
      schema: {
        tags,
        summary: 'Ledger entries: what partners earned, with state and explanation',
        description: 'A partner sees its own.',
        querystring: ledgerQuery,
        response: { 200: z.object({ items: z.array(ledgerEntrySchema) }) },
      },
    },
    async (req) => listEntries(db, req.ctx, req.query),
  );
  r.get(
    '/ledger/summary',
    {
      config: { access: 'funds:read' },
      schema: {
        tags,
        summary: 'Balances per partner and currency, and the trial balance of the books',
        querystring: z.object({ partnerId: z.string().optional() }),
        response: { 200: ledgerSummarySchema },
      },
    },
    async (req) => ledgerSummary(db, req.ctx, req.query.partnerId),
  );
  r.post(
    '/ledger/approve',
    {
      config: { access: 'ledger:manage' },
      schema: {
        tags,
        summary: 'Approve accrued entries for payment',
        body: approveEntriesBody,
        response: { 200: z.object({ items: z.array(ledgerEntrySchema) }) },
      },
    },
    async (req) => approveEntries(db, req.ctx, req.body),
  );
  r.post(
    '/ledger/adjustments',
    {
      config: { access: 'ledger:manage' },
      schema: {
        tags,
        summary: 'Book an explained adjustment (positive or negative) to a partner',
        body: manualAccrualBody,
        response: { 201: ledgerEntrySchema },
      },
    },
    async (req, reply) => reply.code(201).send(await addAdjustment(db, req.ctx, req.body)),
  );

  r.get(
    '/statements',
    {
      config: { access: 'funds:read' },
      schema: {
        tags,
        summary: 'A partner’s statement for a period: JSON, CSV or PDF, line by line',
        description:
          'Read from the books: earned, reversed and paid lines with a running balance of what is owed. Vendor staff name the partner; a partner gets its own.',
        querystring: statementQuery,
        response: { 200: statementSchema },
      },
    },
    async (req, reply) => {
      const s = await buildStatement(db, req.ctx, req.query);
      if (req.query.format === 'json') return s;
      const name = `statement-${s.partnerName.replace(/[^\w.-]+/g, '_')}-${s.from}-${s.currency}`;
      const raw = reply as FastifyReply;
      raw.header('content-disposition', `attachment; filename="${name}.${req.query.format}"`);
      if (req.query.format === 'csv') return raw.type('text/csv; charset=utf-8').send(statementCsv(s));
      return raw.type('application/pdf').send(await statementPdf(s));
    },
  );

  // --- Payout batches ---
  r.get(
    '/payout-batches',
    {
      config: { access: 'funds:oversee' },
      schema: {
        tags,
        summary: 'List payout batches',
        response: { 200: z.object({ items: z.array(payoutBatchSchema) }) },
      },
    },
    async (req) => listPayoutBatches(db, req.ctx),
  );
  r.post(
    '/payout-batches',
    {
      config: { access: 'ledger:manage' },
      schema: {
        tags,
        summary: 'Batch every approved, unpaid entry of a currency for accounts payable',
        description:
          'One line per partner at its net (earnings less clawbacks); a partner whose net is not positive waits.',
        body: createPayoutBatchBody,
        response: { 201: payoutBatchSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createPayoutBatch(db, req.ctx, req.body)),
  );
  r.get(
    '/payout-batches/:id',
    {
      config: { access: 'funds:oversee' },
      schema: { tags, summary: 'Get a payout batch', params: idParams, response: { 200: payoutBatchSchema } },
    },
    async (req) => getPayoutBatch(db, req.ctx, req.params.id),
  );
  r.get(
    '/payout-batches/:id/export',
    {
      config: { access: 'funds:oversee' },
      schema: {
        tags,
        summary: 'The batch as accounts payable imports it (CSV or JSON)',
        params: idParams,
        querystring: exportQuery,
      },
    },
    async (req, reply) => {
      const out = await exportPayoutBatch(db, req.ctx, req.params.id, req.query.format);
      reply.header(
        'content-disposition',
        `attachment; filename="payout-${req.params.id}.${req.query.format}"`,
      );
      return reply.type(out.type).send(out.body);
    },
  );
  r.post(
    '/payout-batches/:id/payments',
    {
      config: { access: 'ledger:manage' },
      schema: {
        tags,
        summary: 'Set payment status per partner (paid with a reference, or failed)',
        description:
          'Paid entries move to paid; a failed partner’s entries leave the batch for the next one.',
        params: idParams,
        body: paymentStatusBody,
        response: { 200: payoutBatchSchema },
      },
    },
    async (req) => recordPayments(db, req.ctx, req.params.id, req.body),
  );
  r.post(
    '/payout-batches/:id/payments/import',
    {
      config: { access: 'ledger:manage', noReplay: true },
      schema: {
        tags,
        summary: 'Import payment status as CSV (partner_id,status,reference): the body is the file',
        params: idParams,
        querystring: z.object({ version: z.coerce.number().pipe(versionField) }),
        response: { 200: payoutBatchSchema },
      },
    },
    async (req) => {
      const body = req.body as Readable | undefined;
      if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function') {
        throw new AppError(
          'unsupported_media_type',
          'Send the CSV as the request body with Content-Type: text/csv',
        );
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const c of body as AsyncIterable<Buffer | string>) {
        const buf = typeof c === 'string' ? Buffer.from(c) : c;
        size += buf.length;
        if (size > PAYMENTS_CSV_MAX)
          throw new AppError('payload_too_large', 'A payments file is at most 1 MiB');
        chunks.push(buf);
      }
      const parsed = paymentStatusBody.safeParse(
        parsePaymentsCsv(Buffer.concat(chunks).toString('utf8'), req.query.version),
      );
      if (!parsed.success) {
        throw new AppError('bad_request', 'Some rows are invalid', {
          errors: parsed.error.issues.map((i) => ({ path: `body.${i.path.join('.')}`, message: i.message })),
        });
      }
      return recordPayments(db, req.ctx, req.params.id, parsed.data);
    },
  );
}
