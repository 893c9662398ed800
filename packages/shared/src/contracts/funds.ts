import { z } from 'zod';
import { countryCode, idSchema, timestamp, versionField } from './common';
import { calendarDate, currencyCode, minorAmount } from './money';

// --- The ledger ---

export const ledgerAccounts = ['incentive_expense', 'mdf_expense', 'accrued', 'approved', 'paid'] as const;
export type LedgerAccount = (typeof ledgerAccounts)[number];
export const entryStates = ['accrued', 'approved', 'paid', 'reversed'] as const;
export type EntryState = (typeof entryStates)[number];
export const entrySources = [
  'referral_fee',
  'rebate',
  'spiff',
  'mdf_claim',
  'clawback',
  'adjustment',
] as const;
export type EntrySource = (typeof entrySources)[number];

export const ledgerEntrySchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  source: z.enum(entrySources),
  state: z.enum(entryStates),
  amount: z.number().int().describe('Signed minor units: a clawback is negative'),
  currency: z.string(),
  occurredOn: z.string().describe('The date it was earned (a deal’s close date, a quarter’s last day)'),
  explanation: z.string().describe('How the amount was computed, in words'),
  ruleId: z.string().nullable(),
  ruleVersionId: z.string().nullable(),
  dealId: z.string().nullable(),
  claimId: z.string().nullable(),
  reversesEntryId: z.string().nullable(),
  payoutBatchId: z.string().nullable(),
  paymentReference: z.string().nullable(),
  paidAt: timestamp.nullable(),
  version: z.number().int(),
  createdAt: timestamp,
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export const ledgerQuery = z.object({
  partnerId: idSchema.optional(),
  state: z.enum(entryStates).optional(),
  source: z.enum(entrySources).optional(),
  currency: currencyCode.optional(),
  from: calendarDate.optional(),
  to: calendarDate.optional(),
});

export const ledgerBalanceSchema = z.object({
  partnerId: z.string(),
  partnerName: z.string(),
  currency: z.string(),
  accrued: z.number().int(),
  approved: z.number().int(),
  paid: z.number().int(),
});
export const ledgerSummarySchema = z.object({
  balances: z.array(ledgerBalanceSchema).describe('What each partner is owed, per currency and state'),
  trialBalance: z
    .array(z.object({ currency: z.string(), account: z.enum(ledgerAccounts), balance: z.number().int() }))
    .describe('Debits minus credits per account; each currency sums to zero'),
});

export const approveEntriesBody = z.strictObject({
  entryIds: z.array(idSchema).min(1).max(500),
});
export const manualAccrualBody = z.strictObject({
  partnerId: idSchema,
  amount: z
    .number()
    .int()
    .refine((n) => n !== 0, 'An adjustment is not zero'),
  currency: currencyCode,
  occurredOn: calendarDate,
  explanation: z.string().trim().min(3).max(500),
});

// --- Incentive rules ---

export const ruleKinds = ['rebate', 'spiff'] as const;
const percentText = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, 'A percent such as 2.5')
  .refine((s) => Number(s) <= 100, 'At most 100');

/** Revenue, thresholds and the rebate are in the reporting currency, like tier thresholds. */
export const rebateParams = z.strictObject({
  kind: z.literal('rebate'),
  tiers: z
    .array(
      z.strictObject({
        tierName: z.string().trim().min(1).max(80).describe('A tier name ("Gold"), matched in any program'),
        percent: percentText,
        thresholdMinor: z
          .number()
          .int()
          .min(0)
          .describe('Quarterly sourced revenue below this earns no rebate'),
        accelerators: z
          .array(z.strictObject({ aboveMinor: z.number().int().min(0), percent: percentText }))
          .max(10)
          .default([])
          .describe('The revenue above aboveMinor earns this percent instead'),
      }),
    )
    .min(1)
    .max(20),
});
export const spiffParams = z
  .strictObject({
    kind: z.literal('spiff'),
    currency: currencyCode,
    amountMinor: minorAmount.describe('Paid per qualifying won deal'),
    product: z.string().trim().min(1).max(120).describe('A deal qualifies when it lists this product'),
    from: calendarDate,
    to: calendarDate.describe('Last close date that qualifies'),
  })
  .refine((p) => p.from <= p.to, { message: 'The window ends before it starts', path: ['to'] });
export const ruleParams = z.discriminatedUnion('kind', [rebateParams, spiffParams]);
export type RuleParams = z.infer<typeof ruleParams>;

export const ruleVersionSchema = z.object({
  id: z.string(),
  effectiveFrom: z.string(),
  params: z.record(z.string(), z.unknown()),
  createdAt: timestamp,
});
export const incentiveRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ruleKinds),
  active: z.boolean(),
  versions: z.array(ruleVersionSchema),
  version: z.number().int(),
  createdAt: timestamp,
});
export type IncentiveRule = z.infer<typeof incentiveRuleSchema>;

export const createRuleBody = z.strictObject({
  name: z.string().trim().min(2).max(120),
  effectiveFrom: calendarDate,
  params: ruleParams,
});
export const addRuleVersionBody = z.strictObject({
  version: versionField,
  effectiveFrom: calendarDate,
  params: ruleParams,
});
export const runRebateBody = z.strictObject({
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/, 'A quarter such as 2026-Q1')
    .describe('The calendar quarter whose sourced revenue is rebated'),
});
export const rebateRunSchema = z.object({
  quarter: z.string(),
  entries: z
    .array(ledgerEntrySchema)
    .describe('New accruals and adjustments; an unchanged partner adds none'),
});

// --- MDF: budgets, allocations, requests, claims ---

export const budgetSchema = z.object({
  id: z.string(),
  name: z.string(),
  fund: z.string(),
  programId: z.string().nullable(),
  tierName: z.string().nullable(),
  region: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  currency: z.string(),
  amount: z.number().int(),
  allocated: z.number().int(),
  reserved: z.number().int().describe('Approved requests not yet claimed'),
  spent: z.number().int().describe('Approved claims'),
  secondApprovalAbove: z.number().int().nullable(),
  claimDays: z.number().int(),
  version: z.number().int(),
  createdAt: timestamp,
});
export type Budget = z.infer<typeof budgetSchema>;
export const createBudgetBody = z
  .strictObject({
    name: z.string().trim().min(2).max(120),
    fund: z.string().trim().min(2).max(60).default('MDF').describe('MDF, Co-op, …'),
    programId: idSchema.optional(),
    tierName: z.string().trim().min(1).max(80).optional().describe('Only partners at this tier draw on it'),
    region: countryCode.optional(),
    periodStart: calendarDate,
    periodEnd: calendarDate.describe('Last day of the period'),
    currency: currencyCode,
    amount: minorAmount,
    secondApprovalAbove: minorAmount
      .optional()
      .describe('Requests above this need a second approval by a vendor admin'),
    claimDays: z.number().int().min(1).max(365).default(60).describe('Days after the activity to claim'),
  })
  .refine((b) => b.periodStart <= b.periodEnd, {
    message: 'The period ends before it starts',
    path: ['periodEnd'],
  });

export const allocationSchema = z.object({
  id: z.string(),
  budgetId: z.string(),
  budgetName: z.string(),
  fund: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  method: z.enum(['fixed_per_tier', 'revenue_share', 'manual']),
  basis: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  available: z.number().int().describe('Allocation less what is reserved or spent'),
  createdAt: timestamp,
});
export type Allocation = z.infer<typeof allocationSchema>;
export const allocateBody = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('manual'), partnerId: idSchema, amount: minorAmount }),
  z.strictObject({ method: z.literal('fixed_per_tier'), amount: minorAmount }),
  z.strictObject({
    method: z.literal('revenue_share'),
    percent: percentText,
    trailingDays: z.number().int().min(1).max(730).default(365),
  }),
]);

export const requestStatuses = ['submitted', 'approved', 'rejected', 'claimed', 'closed'] as const;
export const fundRequestSchema = z.object({
  id: z.string(),
  budgetId: z.string(),
  budgetName: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  activityType: z.string(),
  title: z.string(),
  plan: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  expectedLeads: z.number().int(),
  expectedPipeline: z.number().int(),
  amount: z.number().int(),
  currency: z.string(),
  status: z.enum(requestStatuses),
  approvals: z.array(z.object({ userId: z.string(), name: z.string(), at: timestamp })),
  approvalsNeeded: z.number().int(),
  reserved: z.number().int(),
  released: z.number().int(),
  claimDeadline: z.string().nullable(),
  decisionReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: timestamp,
});
export type FundRequest = z.infer<typeof fundRequestSchema>;
export const activityTypes = [
  'event',
  'webinar',
  'digital_campaign',
  'content',
  'training',
  'other',
] as const;
export const createFundRequestBody = z
  .strictObject({
    budgetId: idSchema,
    activityType: z.enum(activityTypes),
    title: z.string().trim().min(2).max(200),
    plan: z.string().trim().max(5000).default(''),
    startsOn: calendarDate,
    endsOn: calendarDate,
    expectedLeads: z.number().int().min(0).max(1_000_000).default(0),
    expectedPipeline: z.number().int().min(0).max(10_000_000_000_000).default(0),
    amount: minorAmount,
    currency: currencyCode,
  })
  .refine((r) => r.startsOn <= r.endsOn, { message: 'The activity ends before it starts', path: ['endsOn'] });
export const decideBody = z.strictObject({ version: versionField });
export const rejectBody = z.strictObject({
  version: versionField,
  reason: z.string().trim().min(3).max(1000),
});
export const fundRequestQuery = z.object({
  status: z.enum(requestStatuses).optional(),
  partnerId: idSchema.optional(),
});
export const tagDealBody = z.strictObject({ dealId: idSchema });
export const tagLeadBody = z.strictObject({ leadId: idSchema });
export const activityReturnSchema = z.object({
  requestId: z.string(),
  cost: z.number().int().describe('Approved claim, else the reserved amount, in the request currency'),
  currency: z.string(),
  leads: z.number().int().describe('Leads tagged to the activity'),
  deals: z
    .number()
    .int()
    .describe('Opportunities: deals tagged to the activity and deals its tagged leads became'),
  pipeline: z
    .number()
    .int()
    .describe(
      'Approved opportunities (whatever they became since) at their registration amounts, in the request currency (other currencies converted at their approval dates’ rates)',
    ),
  wonRevenue: z
    .number()
    .int()
    .describe(
      'Won tagged deals in the request currency (other currencies converted at their close dates’ rates)',
    ),
  notConverted: z
    .array(z.string())
    .describe('Tagged deals whose currency had no rate in force: counted in deals, left out of the sums'),
  costPerOpportunity: z
    .object({ value: z.number().int().nullable(), reason: z.string().optional() })
    .describe('Cost divided by tagged deals'),
  dealIds: z.array(z.string()),
  leadIds: z.array(z.string()),
});

export const claimStatuses = ['submitted', 'approved', 'partially_approved', 'rejected'] as const;
export const claimSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  requestTitle: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  amount: z.number().int(),
  approvedAmount: z.number().int().nullable(),
  currency: z.string(),
  status: z.enum(claimStatuses),
  note: z.string(),
  reviewNote: z.string().nullable(),
  files: z.array(
    z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), bytes: z.number().int() }),
  ),
  submittedAt: timestamp,
  reviewedAt: timestamp.nullable(),
  version: z.number().int(),
});
export type Claim = z.infer<typeof claimSchema>;
export const createClaimBody = z.strictObject({
  requestId: idSchema,
  amount: minorAmount,
  note: z.string().trim().max(2000).default(''),
});
export const approveClaimBody = z.strictObject({
  version: versionField,
  approvedAmount: minorAmount.describe('At most the claimed amount; less is a partial approval'),
  note: z.string().trim().max(1000).optional(),
});
export const claimQuery = z.object({
  status: z.enum(claimStatuses).optional(),
  partnerId: idSchema.optional(),
});
export const fileParams = z.object({ id: idSchema, fileId: idSchema });

// --- Statements and payouts ---

export const statementQuery = z
  .object({
    partnerId: idSchema.optional().describe('Vendor staff name the partner; a partner gets its own'),
    currency: currencyCode,
    from: calendarDate,
    to: calendarDate.describe('Exclusive end'),
    format: z.enum(['json', 'csv', 'pdf']).default('json'),
  })
  .refine((q) => q.from < q.to, { message: 'The period ends before it starts', path: ['to'] });
export const statementSchema = z.object({
  partnerId: z.string(),
  partnerName: z.string(),
  currency: z.string(),
  from: z.string(),
  to: z.string(),
  openingBalance: z.number().int().describe('Earned and not reversed before `from`, less paid before `from`'),
  lines: z.array(
    z.object({
      date: z.string(),
      entryId: z.string(),
      kind: z.enum(['earned', 'reversed', 'paid']),
      source: z.enum(entrySources),
      description: z.string(),
      amount: z.number().int().describe('Positive raises what is owed to the partner'),
      balance: z.number().int(),
    }),
  ),
  closingBalance: z.number().int(),
  earnedToDate: z.number().int(),
});
export type Statement = z.infer<typeof statementSchema>;

export const payoutBatchSchema = z.object({
  id: z.string(),
  currency: z.string(),
  status: z.enum(['open', 'settled']),
  total: z.number().int(),
  lines: z.array(
    z.object({
      partnerId: z.string(),
      partnerName: z.string(),
      amount: z.number().int(),
      entries: z.number().int(),
      status: z.enum(['pending', 'paid', 'failed']),
      reference: z.string().nullable(),
    }),
  ),
  createdAt: timestamp,
  version: z.number().int(),
});
export type PayoutBatch = z.infer<typeof payoutBatchSchema>;
export const createPayoutBatchBody = z.strictObject({ currency: currencyCode });
export const paymentStatusBody = z.strictObject({
  version: versionField,
  payments: z
    .array(
      z.strictObject({
        partnerId: idSchema,
        status: z.enum(['paid', 'failed']),
        reference: z.string().trim().min(1).max(200),
      }),
    )
    .min(1)
    .max(1000),
});
export const exportQuery = z.object({ format: z.enum(['csv', 'json']).default('csv') });

// --- Metrics (docs/METRICS.md) ---

const figure = z.object({ value: z.number().nullable(), reason: z.string().optional() });
export const fundsMetricsQuery = z
  .object({ from: calendarDate, to: calendarDate.describe('Exclusive end') })
  .refine((q) => q.from < q.to, { message: 'The period ends before it starts', path: ['to'] });
export const fundsMetricsSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  mdfUtilization: z
    .object({
      currency: z.string().describe('The reporting currency'),
      budget: z
        .number()
        .int()
        .describe('The budgets’ amounts for the period (by their days in it), in the reporting currency'),
      spent: z
        .number()
        .int()
        .describe(
          'Approved claim amounts for activities starting in the period, each at the rate in force on its approval date',
        ),
      utilization: figure,
      notConverted: z
        .array(z.object({ currency: z.string(), amount: z.number().int() }))
        .describe('Approved claim amounts with no rate in force on their approval date, left out of spent'),
      budgets: z.array(
        z.object({
          budgetId: z.string(),
          name: z.string(),
          fund: z.string(),
          currency: z.string().describe('The budget’s own currency'),
          amount: z.number().int().describe('The budget’s amount for the period, in its own currency'),
          budget: z
            .number()
            .int()
            .nullable()
            .describe('That amount in the reporting currency (null: no rate in force)'),
          spent: z.number().int().describe('Its approved claims for the period, in the reporting currency'),
          utilization: figure,
        }),
      ),
    })
    .describe('MDF utilization per budget and in all, in the reporting currency'),
  claimCycleDays: figure.describe('Median days from a claim’s submission to its review'),
  mdfReturn: z.array(
    z.object({
      currency: z.string(),
      cost: z.number().int(),
      pipeline: z.number().int(),
      wonRevenue: z.number().int(),
      pipelinePerUnit: figure,
      wonRevenuePerUnit: figure,
    }),
  ),
  incentiveCostShare: z.object({
    currency: z.string(),
    cost: z
      .number()
      .int()
      .describe('Accruals in the period, each converted to the reporting currency at its date’s rate'),
    notConverted: z
      .array(z.object({ currency: z.string(), amount: z.number().int() }))
      .describe('Accruals in currencies with no rate in force on their date, per currency, left out of cost'),
    sourcedRevenue: z.number().int(),
    share: figure,
  }),
});
