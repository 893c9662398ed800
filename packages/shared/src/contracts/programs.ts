import { z } from 'zod';
import { countryCode, timestamp, versionField } from './common';
import { partnerTypeCode } from './organizations';

// --- Partner types (vendor-managed) ---

export const createPartnerTypeBody = z.strictObject({
  code: partnerTypeCode,
  name: z.string().trim().min(2).max(100),
  description: z.string().max(1000).default(''),
});
export const updatePartnerTypeBody = z.strictObject({
  name: z.string().trim().min(2).max(100).optional(),
  description: z.string().max(1000).optional(),
});
export const typeCodeParams = z.object({ code: z.string().min(1).max(40) });

// --- Tier rules and benefits ---

export const metricKeys = [
  'sourced_revenue',
  'won_deals',
  'converted_referrals_sent',
  'certified_users',
  'engagement_score',
  'active_connections',
  'manual_attestation',
  'lead_acceptance_rate',
] as const;
export const metricKey = z.enum(metricKeys);
export type MetricKey = z.infer<typeof metricKey>;

export { isMoneyMetric, moneyMetrics } from '../codes';

export const comparisons = ['gte', 'gt', 'lte', 'lt', 'eq'] as const;

export const tierRuleSchema = z.strictObject({
  metric: metricKey,
  comparison: z.enum(comparisons).default('gte'),
  threshold: z
    .number()
    .min(0, 'A threshold cannot be negative')
    .max(1e15)
    .describe('For a money metric (sourced revenue), integer minor units of the reporting currency'),
  /** Trailing window in days for metrics counted over time (revenue, deals, referrals, engagement). */
  windowDays: z.number().int().min(1).max(3650).default(365),
  /** For manual attestation: what the vendor attests (e.g. "Completed security review"). */
  label: z.string().trim().min(1).max(200).optional(),
});
export type TierRule = z.infer<typeof tierRuleSchema>;

export const benefitKinds = [
  'discount_pct',
  'referral_fee_pct',
  'mdf_allowance',
  'deal_protection_days',
  'marketplace_boost',
  'badge',
  'custom',
] as const;

export const tierBenefitSchema = z.strictObject({
  kind: z.enum(benefitKinds),
  /** Percent for *_pct, minor units for MDF, days for protection, a multiplier for the boost. */
  value: z.number().min(0).max(1e12).optional(),
  currency: z.string().length(3).optional().describe('For MDF allowance'),
  period: z.enum(['month', 'quarter', 'year']).optional().describe('For MDF allowance'),
  text: z.string().trim().max(500).optional().describe('Badge label or custom benefit text'),
});
export type TierBenefit = z.infer<typeof tierBenefitSchema>;

export const tierInput = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Lower-case letters, digits and underscores'),
  name: z.string().trim().min(1).max(100),
  requirements: z.array(tierRuleSchema).max(20).default([]),
  benefits: z.array(tierBenefitSchema).max(30).default([]),
});

export const replaceTiersBody = z.strictObject({
  version: versionField,
  /** Ordered from the entry tier up. */
  tiers: z.array(tierInput).min(1, 'A program needs at least one tier').max(10),
});

export const tierSchema = z.object({
  id: z.string(),
  programVersion: z.number().int(),
  rank: z.number().int(),
  code: z.string(),
  name: z.string(),
  requirements: z.array(tierRuleSchema),
  benefits: z.array(tierBenefitSchema),
});
export type Tier = z.infer<typeof tierSchema>;

// --- Programs ---

export const agreementTypes = [
  'reseller',
  'distribution',
  'msp',
  'referral',
  'technology_partner',
  'system_integrator',
  'nda',
  'custom',
] as const;
export const agreementType = z.enum(agreementTypes);

export const checklistItemSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  kind: z.enum(['accept_agreement', 'complete_profile', 'invite_teammate', 'custom']),
  title: z.string().trim().min(1).max(200),
});

export const programStatus = z.enum(['draft', 'published', 'retired']);

export const programSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: programStatus,
  eligibleTypes: z.array(z.string()),
  tracks: z.array(z.string()),
  requiredAgreementTypes: z.array(agreementType),
  checklist: z.array(checklistItemSchema),
  demotionGraceDays: z.number().int(),
  agreementDeadlineDays: z.number().int(),
  tiersVersion: z.number().int(),
  tiers: z.array(tierSchema),
  enrollmentCount: z
    .number()
    .int()
    .nullable()
    .describe(
      'Live enrollments; vendor staff only (null for partners: an ecosystem figure under the 5-organization floor)',
    ),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Program = z.infer<typeof programSchema>;

const programFields = {
  name: z.string().trim().min(2).max(200),
  description: z.string().max(5000),
  eligibleTypes: z.array(partnerTypeCode).min(1, 'Name at least one eligible partner type').max(20),
  tracks: z.array(z.string().trim().min(1).max(60)).max(10),
  requiredAgreementTypes: z.array(agreementType).max(8),
  checklist: z
    .array(checklistItemSchema)
    .max(30)
    .refine(
      (items) => new Set(items.map((i) => i.key)).size === items.length,
      'Each checklist key at most once',
    ),
  demotionGraceDays: z.number().int().min(0).max(730),
  agreementDeadlineDays: z.number().int().min(1).max(365),
};

export const createProgramBody = z.strictObject({
  ...programFields,
  description: programFields.description.default(''),
  tracks: programFields.tracks.default([]),
  requiredAgreementTypes: programFields.requiredAgreementTypes.default([]),
  checklist: programFields.checklist.default([]),
  demotionGraceDays: programFields.demotionGraceDays.default(90),
  agreementDeadlineDays: programFields.agreementDeadlineDays.default(30),
  tiers: z.array(tierInput).min(1, 'A program needs at least one tier').max(10),
});

export const updateProgramBody = z.strictObject({
  version: versionField,
  ...Object.fromEntries(Object.entries(programFields).map(([k, v]) => [k, v.optional()])),
} as { version: typeof versionField } & {
  [K in keyof typeof programFields]: z.ZodOptional<(typeof programFields)[K]>;
});

export const programListQuery = z.object({ status: programStatus.optional() });

// --- Enrollments ---

export const enrollmentStatus = z.enum(['pending_agreement', 'active', 'suspended', 'terminated']);

export const ruleResultSchema = z.object({
  metric: metricKey,
  comparison: z.enum(comparisons),
  threshold: z.number(),
  windowDays: z.number().int(),
  label: z.string().nullable(),
  value: z.number().nullable(),
  currency: z
    .string()
    .optional()
    .describe('For a money metric: the currency of value and threshold, both in integer minor units'),
  met: z.boolean(),
  reason: z.string().describe('Why the rule is met or not, in words'),
});

export const evaluationSchema = z.object({
  enrollmentId: z.string(),
  evaluatedAt: timestamp,
  currentTier: z.object({ id: z.string(), name: z.string(), rank: z.number().int() }).nullable(),
  qualifiedTier: z.object({ id: z.string(), name: z.string(), rank: z.number().int() }).nullable(),
  tiers: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      rank: z.number().int(),
      qualified: z.boolean(),
      rules: z.array(ruleResultSchema),
    }),
  ),
  change: z
    .object({
      kind: z.enum(['promotion', 'demotion']),
      fromTier: z.string().nullable(),
      toTier: z.string(),
      reason: z.string(),
    })
    .nullable(),
  demotionPendingSince: timestamp.nullable(),
  demotionEffectiveAt: timestamp.nullable(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

export const checklistProgressSchema = z.object({
  key: z.string(),
  kind: checklistItemSchema.shape.kind,
  title: z.string(),
  done: z.boolean(),
  completedAt: timestamp.nullable(),
});

export const enrollmentSchema = z.object({
  id: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  program: z.object({ id: z.string(), name: z.string() }),
  track: z.string().nullable(),
  status: enrollmentStatus,
  statusReason: z.string().nullable(),
  tier: tierSchema.nullable(),
  actionRequired: z.boolean(),
  actionRequiredReason: z.string().nullable(),
  actionDeadline: timestamp.nullable(),
  pendingAgreements: z.array(
    z.object({
      agreementId: z.string(),
      name: z.string(),
      type: agreementType,
      versionId: z.string(),
      versionNumber: z.number().int(),
    }),
  ),
  checklist: z.array(checklistProgressSchema),
  lastEvaluation: evaluationSchema.nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Enrollment = z.infer<typeof enrollmentSchema>;

export const enrollmentListQuery = z.object({
  organizationId: z.string().max(64).optional(),
  programId: z.string().max(64).optional(),
  status: enrollmentStatus.optional(),
  actionRequired: z.enum(['true', 'false']).optional(),
});

export const createEnrollmentBody = z.strictObject({
  organizationId: z.string().max(64),
  programId: z.string().max(64),
  track: z.string().trim().max(60).optional(),
});

export const enrollmentStatusAction = z.strictObject({
  version: versionField,
  reason: z.string().trim().max(1000).optional(),
});

export const tierHistorySchema = z.object({
  id: z.string(),
  at: timestamp,
  kind: z.enum(['initial', 'promotion', 'demotion', 'manual']),
  fromTier: z.string().nullable(),
  toTier: z.string(),
  reason: z.string(),
});

export const attestBody = z.strictObject({
  label: z.string().trim().min(1).max(200),
  attested: z.boolean().default(true),
});
export const checklistParams = z.object({ id: z.string().max(64), key: z.string().max(40) });

// --- Agreements ---

export const agreementVersionSchema = z.object({
  id: z.string(),
  versionNumber: z.number().int(),
  body: z.string(),
  contentHash: z.string().describe('SHA-256 of the Markdown text'),
  publishedAt: timestamp,
});

export const agreementSchema = z.object({
  id: z.string(),
  type: agreementType,
  name: z.string(),
  currentVersion: agreementVersionSchema,
  versions: z.array(agreementVersionSchema.omit({ body: true })),
  acceptedByMe: z
    .object({ versionId: z.string(), versionNumber: z.number().int(), acceptedAt: timestamp })
    .nullable()
    .describe("The caller's organization's latest acceptance"),
  createdAt: timestamp,
});
export type Agreement = z.infer<typeof agreementSchema>;

export const createAgreementBody = z.strictObject({
  type: agreementType,
  name: z.string().trim().min(2).max(200),
  body: z.string().trim().min(1).max(200_000),
});
export const publishAgreementVersionBody = z.strictObject({ body: z.string().trim().min(1).max(200_000) });
export const acceptAgreementBody = z.strictObject({ versionId: z.string().max(64) });

export const acceptanceSchema = z.object({
  id: z.string(),
  agreementId: z.string(),
  versionId: z.string(),
  versionNumber: z.number().int(),
  contentHash: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  user: z.object({ id: z.string(), name: z.string() }),
  acceptedAt: timestamp,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});

// --- Applications ---

export const applicationStatus = z.enum(['submitted', 'approved', 'rejected']);

export const createApplicationBody = z.strictObject({
  companyName: z.string().trim().min(2).max(200),
  website: z.url({ protocol: /^https?$/ }).max(500),
  country: countryCode,
  partnerTypes: z.array(partnerTypeCode).min(1).max(8),
  programIds: z.array(z.string().max(64)).min(1, 'Choose at least one program').max(10),
  contactName: z.string().trim().min(1).max(200),
  contactEmail: z.email().max(254),
  message: z.string().max(5000).optional(),
});

export const duplicateMatchSchema = z.object({
  kind: z.enum(['organization', 'application']),
  id: z.string(),
  name: z.string(),
  reason: z.string(),
});

export const applicationSchema = z.object({
  id: z.string(),
  companyName: z.string(),
  website: z.string(),
  domain: z.string().nullable(),
  country: z.string(),
  partnerTypes: z.array(z.string()),
  programs: z.array(z.object({ id: z.string(), name: z.string() })),
  contactName: z.string(),
  contactEmail: z.string(),
  message: z.string(),
  status: applicationStatus,
  decisionReason: z.string().nullable(),
  decidedAt: timestamp.nullable(),
  organizationId: z.string().nullable(),
  duplicates: z.array(duplicateMatchSchema),
  version: z.number().int(),
  createdAt: timestamp,
});

export const applicationReceipt = z.object({
  id: z.string(),
  status: applicationStatus,
  message: z.string(),
});

export const applicationListQuery = z.object({ status: applicationStatus.optional() });

export const approveApplicationBody = z.strictObject({
  version: versionField,
  /** Link to this existing organization instead of creating one (e.g. a detected duplicate). */
  organizationId: z.string().max(64).optional(),
});
export const rejectApplicationBody = z.strictObject({
  version: versionField,
  reason: z.string().trim().min(1).max(2000),
});

export const publicProgramSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  eligibleTypes: z.array(z.string()),
});
