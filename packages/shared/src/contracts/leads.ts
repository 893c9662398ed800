import { z } from 'zod';
import { countryCode, idSchema, timestamp, versionField } from './common';
import { dealSchema, industryCode } from './deals';
import { calendarDate, currencyCode, minorAmount } from './money';
import { companySizes, leadRoutingStrategies, leadSources, leadStatuses } from '../lead-codes';

export { companySizes, leadRoutingStrategies, leadSources, leadStatuses } from '../lead-codes';

const text = (max: number) => z.string().trim().max(max);
const products = z.array(z.string().trim().min(1).max(100)).max(30);
const tags = z.array(z.string().trim().min(1).max(100)).max(50);
const orgRef = z.object({ id: z.string(), name: z.string() });

export const companySize = z.enum(companySizes).describe('Employees, as a band');
export const leadStatus = z.enum(leadStatuses);
export const leadSource = z.enum(leadSources);
export const leadRoutingStrategy = z.enum(leadRoutingStrategies);

// --- Routing rules ---

/** Conditions on the lead: each list is "any of"; an empty list matches every lead. */
export const leadRuleMatch = z.strictObject({
  countries: z
    .array(countryCode)
    .max(250)
    .default([])
    .describe('The lead’s country is one of these (a region is its countries)'),
  industries: z.array(industryCode).max(30).default([]),
  products: products.default([]).describe('The lead asks for at least one of these products'),
  sizes: z.array(companySize).max(companySizes.length).default([]),
});
export type LeadRuleMatch = z.output<typeof leadRuleMatch>;

/** Which partners may receive a lead this rule matches. */
export const leadRulePartners = z.strictObject({
  types: z.array(z.string().trim().min(1).max(40)).max(20).default([]).describe('Partner type codes, any of'),
  tiers: tags.default([]).describe('Tier names the partner holds in an active enrollment, any of'),
  specializations: tags.default([]).describe('Published specializations, any of'),
  servesLeadCountry: z
    .boolean()
    .default(true)
    .describe('The partner’s published profile lists the lead’s country among the countries it serves'),
  maxOpenLeads: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .nullable()
    .default(null)
    .describe('Capacity: a partner holding this many open leads (offered or accepted) is skipped'),
  minAcceptanceRate: z
    .number()
    .min(0)
    .max(100)
    .nullable()
    .default(null)
    .describe('Percent; a partner with no decided leads yet passes'),
  minConversionRate: z
    .number()
    .min(0)
    .max(100)
    .nullable()
    .default(null)
    .describe('Percent of accepted leads converted into deals; a partner with no accepted leads yet passes'),
  certifications: z
    .array(
      z.strictObject({
        code: z.string().trim().toLowerCase().min(1).max(60).describe('A certification type’s code'),
        atLeast: z.number().int().min(1).max(10_000).describe('Active people holding it, in force today'),
      }),
    )
    .max(10)
    .default([])
    .describe('Certified people: the partner has at least `atLeast` people certified in each type listed'),
});
export type LeadRulePartners = z.output<typeof leadRulePartners>;

const tierWeights = z
  .record(z.string().trim().min(1).max(100), z.number().min(0).max(1000))
  .refine((r) => Object.keys(r).length <= 50, 'At most 50 tier weights')
  .default({})
  .describe('Weighted round robin: a tier name’s share; partners without a listed tier weigh 1');

const ruleFields = {
  name: text(200).min(2),
  enabled: z.boolean().default(true),
  match: leadRuleMatch.default({ countries: [], industries: [], products: [], sizes: [] }),
  partners: leadRulePartners.default({
    types: [],
    tiers: [],
    specializations: [],
    servesLeadCountry: true,
    maxOpenLeads: null,
    minAcceptanceRate: null,
    minConversionRate: null,
    certifications: [],
  }),
  strategy: leadRoutingStrategy.default('round_robin'),
  tierWeights,
  deadlineHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(48)
    .describe('Hours a partner has to accept'),
};

export const createLeadRuleBody = z.strictObject({
  ...ruleFields,
  position: z.number().int().min(1).max(10_000).optional().describe('1 = first; omitted = last'),
});
export const updateLeadRuleBody = z.strictObject({
  version: versionField,
  name: ruleFields.name.optional(),
  enabled: z.boolean().optional(),
  match: leadRuleMatch.optional(),
  partners: leadRulePartners.optional(),
  strategy: leadRoutingStrategy.optional(),
  tierWeights: tierWeights.optional(),
  deadlineHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  position: z.number().int().min(1).max(10_000).optional(),
});

export const leadRuleWarning = z.object({
  kind: z.enum(['never_matches', 'shadowed', 'no_partner']),
  message: z.string(),
  ruleId: z.string().nullable().describe('For "shadowed": the higher rule that matches every lead first'),
});

// Responses are plain shapes: the request schemas transform (country codes) and fill defaults.
const leadRuleMatchOut = z.object({
  countries: z.array(z.string()),
  industries: z.array(z.string()),
  products: z.array(z.string()),
  sizes: z.array(companySize),
});
const leadRulePartnersOut = z.object({
  types: z.array(z.string()),
  tiers: z.array(z.string()),
  specializations: z.array(z.string()),
  servesLeadCountry: z.boolean(),
  maxOpenLeads: z.number().int().nullable(),
  minAcceptanceRate: z.number().nullable(),
  minConversionRate: z.number().nullable(),
  certifications: z.array(z.object({ code: z.string(), atLeast: z.number().int() })),
});

export const leadRuleSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  name: z.string(),
  enabled: z.boolean(),
  match: leadRuleMatchOut,
  partners: leadRulePartnersOut,
  strategy: leadRoutingStrategy,
  tierWeights: z.record(z.string(), z.number()),
  deadlineHours: z.number().int(),
  warnings: z.array(leadRuleWarning).describe('Checked against the other rules and today’s partners'),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type LeadRule = z.infer<typeof leadRuleSchema>;
export const leadRuleList = z.object({ items: z.array(leadRuleSchema) });

// --- Leads ---

const leadFields = {
  companyName: text(200).min(2),
  companyDomain: text(253).optional(),
  country: countryCode,
  industry: industryCode.optional(),
  size: companySize.optional(),
  contactName: text(200).min(2),
  contactEmail: z.email().max(254),
  contactPhone: text(40).optional(),
  need: text(5000).min(3),
  products: products.default([]),
  estimatedAmount: minorAmount.optional(),
  estimatedCurrency: currencyCode.optional(),
};
const amountTogether = {
  message: 'Give an estimated amount and its currency together',
  path: ['estimatedCurrency'],
};
const bothOrNeither = (b: { estimatedAmount?: number; estimatedCurrency?: string }) =>
  (b.estimatedAmount === undefined) === (b.estimatedCurrency === undefined);

export const createLeadBody = z
  .strictObject({
    ...leadFields,
    source: z.enum(['vendor', 'api']).default('vendor'),
    route: z.boolean().default(true).describe('Route it through the rules at once'),
  })
  .refine(bothOrNeither, amountTogether);

/** The rule preview: a lead that is not stored. */
export const testLeadRuleBody = z.strictObject({
  rule: createLeadRuleBody,
  lead: z.strictObject({
    country: countryCode,
    industry: industryCode.optional(),
    size: companySize.optional(),
    products: products.default([]),
  }),
});

/** The public locator's "find me a partner": routed by the rules like any lead. */
export const publicLeadRequestBody = z.strictObject({
  name: text(200).min(2),
  email: z.email().max(254),
  company: text(200).min(2),
  companyDomain: text(253).optional(),
  country: countryCode,
  industry: industryCode.optional(),
  size: companySize.optional(),
  phone: text(40).optional(),
  message: text(3000).min(10, 'Tell us a little more (10 characters or more)'),
  /** Spam trap: a hidden field people leave empty. */
  homepage: z.string().max(500).optional(),
});
export const publicLeadReceipt = z.object({ status: z.literal('sent'), message: z.string() });

export const leadListQuery = z.object({
  status: leadStatus.optional(),
  source: leadSource.optional(),
  partnerId: idSchema.optional().describe('Vendor only: leads offered to or held by this partner'),
  country: countryCode.optional(),
  overdue: z.enum(['true', 'false']).optional().describe('Offers past their deadline'),
  box: z
    .enum(['current', 'left'])
    .default('current')
    .describe('Partners: "left" lists the leads taken back from you'),
  q: text(200).optional(),
});

export const versionBody = z.strictObject({ version: versionField });
export const declineLeadBody = z.strictObject({ version: versionField, reason: text(2000).min(3) });
export const assignLeadBody = z.strictObject({
  version: versionField,
  organizationId: idSchema.optional().describe('Assign by hand; omit to route through the rules again'),
  deadlineHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  note: text(1000).optional(),
});
export const referLeadBody = z.strictObject({
  version: versionField,
  organizationId: idSchema.describe('The partner the lead is referred on to'),
  note: text(1000).min(3),
});
export const convertLeadBody = z.strictObject({
  version: versionField,
  amount: minorAmount,
  currency: currencyCode,
  expectedCloseDate: calendarDate,
  products: products.default([]),
  notes: text(5000).default(''),
});
export const closeLeadBody = z.strictObject({ version: versionField, reason: text(2000).min(3) });
export const bulkLeadBody = z.strictObject({
  action: z.enum(['route', 'assign', 'close']),
  leadIds: z.array(idSchema).min(1).max(200),
  organizationId: idSchema.optional().describe('For "assign"'),
  reason: text(2000).optional().describe('For "close"'),
});
export const bulkLeadResult = z.object({
  items: z.array(
    z.object({
      leadId: z.string(),
      ok: z.boolean(),
      status: leadStatus.nullable(),
      error: z.string().nullable(),
    }),
  ),
});

const candidateExplanation = z.object({
  organizationId: z.string(),
  name: z.string(),
  eligible: z.boolean(),
  reasons: z.array(z.string()).describe('Why it was or was not eligible'),
  weight: z.number().nullable(),
  score: z.number().nullable(),
  openLeads: z.number().int(),
  assignedByRule: z.number().int().describe('Leads this rule already gave it'),
});
export const routingExplanation = z.object({
  summary: z.string(),
  rule: z.object({ id: z.string(), name: z.string(), position: z.number().int() }).nullable(),
  strategy: z.enum([...leadRoutingStrategies, 'referred', 'by_hand']).nullable(),
  skippedRules: z.array(z.object({ id: z.string(), name: z.string(), why: z.string() })),
  candidates: z.array(candidateExplanation),
  chosen: z.object({ organizationId: z.string(), name: z.string(), why: z.string() }).nullable(),
});
export type RoutingExplanation = z.infer<typeof routingExplanation>;

export const leadAssignmentSchema = z.object({
  id: z.string(),
  organization: orgRef,
  method: z.enum(['rule', 'by_hand', 'referred']),
  assignedAt: timestamp,
  deadlineAt: timestamp.nullable(),
  outcome: z.enum(['waiting', 'accepted', 'declined', 'withdrawn', 'reassigned', 'referred']),
  outcomeAt: timestamp.nullable(),
  reason: z.string().nullable(),
  explanation: routingExplanation,
});

export const leadDuplicate = z.object({
  kind: z.enum(['lead', 'deal']),
  id: z.string(),
  name: z.string(),
  reason: z.string(),
});

export const leadSchema = z.object({
  id: z.string(),
  view: z
    .enum(['full', 'offer', 'left'])
    .describe('offer: before acceptance, no contact details; left: the lead was taken back from you'),
  status: leadStatus.nullable(),
  source: leadSource.nullable(),
  company: z
    .object({
      name: z.string(),
      domain: z.string().nullable(),
      country: z.string(),
      industry: z.string().nullable(),
      size: companySize.nullable(),
    })
    .nullable(),
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }).nullable(),
  need: z.string().nullable(),
  products: z.array(z.string()),
  estimatedAmount: z.number().int().nullable(),
  estimatedCurrency: z.string().nullable(),
  assignedTo: orgRef.nullable(),
  assignedAt: timestamp.nullable(),
  deadlineAt: timestamp.nullable(),
  acceptedAt: timestamp.nullable(),
  dealId: z.string().nullable(),
  duplicates: z.array(leadDuplicate),
  leftAt: timestamp.nullable().describe('view "left": when the lead was taken back from your organization'),
  leftAs: z.enum(['declined', 'withdrawn', 'reassigned', 'referred']).nullable(),
  history: z
    .array(leadAssignmentSchema)
    .describe('The vendor sees every assignment; a partner its own current one'),
  closedReason: z.string().nullable(),
  routing: routingExplanation
    .nullable()
    .describe('Vendor only: why the last routing left the lead in the queue'),
  version: z.number().int(),
  createdAt: timestamp.nullable(),
});
export type Lead = z.infer<typeof leadSchema>;

export const leadPage = z.object({ items: z.array(leadSchema), nextCursor: z.string().nullable() });

export const leadSlaSchema = z.object({
  waiting: z.number().int(),
  overdue: z.number().int(),
  unassigned: z.number().int(),
  medianHoursToAccept: z.number().nullable(),
  partners: z.array(
    z.object({
      organization: orgRef,
      waiting: z.number().int(),
      overdue: z.number().int(),
      accepted: z.number().int(),
      declined: z.number().int(),
      withdrawn: z.number().int(),
      medianHoursToAccept: z.number().nullable(),
    }),
  ),
});

export const leadMetricsQuery = z.object({ from: calendarDate, to: calendarDate });
export const leadMetricsSchema = z.object({
  from: z.string(),
  to: z.string(),
  distributed: z.number().int(),
  acceptanceRate: z.number().nullable().describe('0..1; null when nothing was decided'),
  medianHoursToAccept: z.number().nullable(),
  conversionToWon: z.number().nullable(),
  leadSourcedRevenue: z.number().int().describe('Minor units of the reporting currency'),
  currency: z.string(),
});

export const testLeadRuleResult = z.object({
  alone: routingExplanation.describe('The rule by itself'),
  amongRules: routingExplanation.describe('The rule in its place among the saved rules'),
  warnings: z.array(leadRuleWarning),
});

export const convertLeadResult = z.object({
  lead: leadSchema,
  deal: dealSchema,
});
