import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { EntrySource, EntryState, LedgerAccount } from '@partnergraph/shared/contracts/funds';
import { users } from '../identity/identity.tables';
import { organizations } from '../organizations/organizations.tables';
import { deals } from '../deals/deals.tables';
import { leads } from '../leads/leads.tables';

// --- Incentive rules: the rule and its effective-dated versions (never edited, so accruals replay). ---

export const incentiveRules = pgTable('incentive_rules', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ['rebate', 'spiff'] }).notNull(),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const incentiveRuleVersions = pgTable(
  'incentive_rule_versions',
  {
    id: uuid('id').primaryKey(),
    ruleId: uuid('rule_id')
      .notNull()
      .references(() => incentiveRules.id, { onDelete: 'cascade' }),
    effectiveFrom: date('effective_from').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('incentive_rule_versions_effective').on(t.ruleId, t.effectiveFrom)],
);

// --- MDF ---

export const fundBudgets = pgTable(
  'fund_budgets',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    fund: text('fund').notNull(),
    programId: uuid('program_id'),
    tierName: text('tier_name'),
    region: text('region'),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    currency: text('currency').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    secondApprovalAbove: bigint('second_approval_above', { mode: 'number' }),
    claimDays: integer('claim_days').notNull().default(60),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fund_budgets_period_idx').on(t.periodStart, t.id),
    check('fund_budgets_amount_positive', sql`${t.amount} > 0`),
    check('fund_budgets_period', sql`${t.periodStart} <= ${t.periodEnd}`),
  ],
);

export const fundAllocations = pgTable(
  'fund_allocations',
  {
    id: uuid('id').primaryKey(),
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => fundBudgets.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    method: text('method', { enum: ['fixed_per_tier', 'revenue_share', 'manual'] }).notNull(),
    basis: text('basis').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('fund_allocations_budget_partner').on(t.budgetId, t.partnerId),
    index('fund_allocations_partner_idx').on(t.partnerId),
    check('fund_allocations_amount', sql`${t.amount} >= 0`),
  ],
);

export const fundRequests = pgTable(
  'fund_requests',
  {
    id: uuid('id').primaryKey(),
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => fundBudgets.id),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    requestedByUserId: uuid('requested_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    activityType: text('activity_type').notNull(),
    title: text('title').notNull(),
    plan: text('plan').notNull().default(''),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    expectedLeads: integer('expected_leads').notNull().default(0),
    expectedPipeline: bigint('expected_pipeline', { mode: 'number' }).notNull().default(0),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    status: text('status', { enum: ['submitted', 'approved', 'rejected', 'claimed', 'closed'] }).notNull(),
    approvals: jsonb('approvals')
      .$type<{ userId: string; name: string; at: string }[]>()
      .notNull()
      .default([]),
    approvalsNeeded: integer('approvals_needed').notNull().default(1),
    /** Held against the budget from approval until the claim is decided or the deadline passes. */
    reserved: bigint('reserved', { mode: 'number' }).notNull().default(0),
    released: bigint('released', { mode: 'number' }).notNull().default(0),
    claimDeadline: date('claim_deadline'),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fund_requests_partner_idx').on(t.partnerId, t.createdAt),
    index('fund_requests_budget_idx').on(t.budgetId),
    index('fund_requests_deadline_idx')
      .on(t.claimDeadline)
      .where(sql`${t.status} = 'approved'`),
    check('fund_requests_amount_positive', sql`${t.amount} > 0`),
    check('fund_requests_reserved', sql`${t.reserved} >= 0 and ${t.released} >= 0`),
  ],
);

/** Deals the partner tagged to an activity: the activity's return is measured over them. */
export const fundRequestDeals = pgTable(
  'fund_request_deals',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => fundRequests.id, { onDelete: 'cascade' }),
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.dealId] })],
);

/** Leads a partner tags to its funded activity: they count in its return, and so do the deals they became. */
export const fundRequestLeads = pgTable(
  'fund_request_leads',
  {
    requestId: uuid('request_id')
      .notNull()
      .references(() => fundRequests.id, { onDelete: 'cascade' }),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.leadId] }),
    index('fund_request_leads_lead_idx').on(t.leadId),
  ],
);

export const fundClaims = pgTable(
  'fund_claims',
  {
    id: uuid('id').primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => fundRequests.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    submittedByUserId: uuid('submitted_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    approvedAmount: bigint('approved_amount', { mode: 'number' }),
    currency: text('currency').notNull(),
    status: text('status', { enum: ['submitted', 'approved', 'partially_approved', 'rejected'] }).notNull(),
    note: text('note').notNull().default(''),
    reviewNote: text('review_note'),
    reviewedByUserId: uuid('reviewed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('fund_claims_partner_idx').on(t.partnerId, t.submittedAt),
    index('fund_claims_request_idx').on(t.requestId),
    check('fund_claims_amount_positive', sql`${t.amount} > 0`),
    check(
      'fund_claims_approved_within',
      sql`${t.approvedAmount} is null or (${t.approvedAmount} >= 0 and ${t.approvedAmount} <= ${t.amount})`,
    ),
  ],
);

/** Proof of performance: files (the files module) attached to a claim. */
export const fundClaimFiles = pgTable(
  'fund_claim_files',
  {
    claimId: uuid('claim_id')
      .notNull()
      .references(() => fundClaims.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.claimId, t.fileId] })],
);

// --- The ledger ---

export const payoutBatches = pgTable('payout_batches', {
  id: uuid('id').primaryKey(),
  currency: text('currency').notNull(),
  status: text('status', { enum: ['open', 'settled'] }).notNull(),
  /** Per partner: the status and reference the payment rail reported. */
  payments: jsonb('payments')
    .$type<Record<string, { status: 'pending' | 'paid' | 'failed'; reference: string | null }>>()
    .notNull()
    .default({}),
  createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What a partner earned (or gives back): one amount with its explanation and state. Its money moves
 * between accounts only through `ledger_postings`, which are the books.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    source: text('source').$type<EntrySource>().notNull(),
    state: text('state').$type<EntryState>().notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    occurredOn: date('occurred_on').notNull(),
    explanation: text('explanation').notNull(),
    ruleId: uuid('rule_id').references(() => incentiveRules.id),
    ruleVersionId: uuid('rule_version_id').references(() => incentiveRuleVersions.id),
    /** The quarter a rebate covers ("2026-Q1"): one rebate total per rule, partner and quarter. */
    period: text('period'),
    dealId: uuid('deal_id').references(() => deals.id, { onDelete: 'set null' }),
    claimId: uuid('claim_id').references(() => fundClaims.id, { onDelete: 'set null' }),
    reversesEntryId: uuid('reverses_entry_id'),
    payoutBatchId: uuid('payout_batch_id').references(() => payoutBatches.id),
    paymentReference: text('payment_reference'),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ledger_entries_partner_idx').on(t.partnerId, t.currency, t.occurredOn),
    index('ledger_entries_deal_idx').on(t.dealId),
    index('ledger_entries_rule_period_idx').on(t.ruleId, t.period),
    check('ledger_entries_amount_nonzero', sql`${t.amount} <> 0`),
  ],
);

/**
 * The books: every movement is one debit and one credit of the same positive amount, so each posting
 * balances by construction (the checks below), and so does every account set of a currency.
 */
export const ledgerPostings = pgTable(
  'ledger_postings',
  {
    id: uuid('id').primaryKey(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => ledgerEntries.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    currency: text('currency').notNull(),
    debit: text('debit').$type<LedgerAccount>().notNull(),
    credit: text('credit').$type<LedgerAccount>().notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    kind: text('kind', { enum: ['accrue', 'approve', 'pay', 'reverse'] }).notNull(),
    postedOn: date('posted_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ledger_postings_partner_idx').on(t.partnerId, t.currency, t.postedOn),
    index('ledger_postings_entry_idx').on(t.entryId),
    check('ledger_postings_positive', sql`${t.amount} > 0`),
    check('ledger_postings_two_sides', sql`${t.debit} <> ${t.credit}`),
  ],
);
