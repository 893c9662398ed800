import { z } from 'zod';
import { countryCode, idSchema, timestamp, versionField } from './common';
import { calendarDate, currencyCode, minorAmount } from './money';
import { attributionModels, dealStages, dealStatuses, involvementRoles, referralStatuses } from '../codes';

export { attributionModels, dealStages, dealStatuses, involvementRoles, referralStatuses } from '../codes';

// Codes from metrics.md.
export const dealStatus = z.enum(dealStatuses);
export type DealStatus = z.infer<typeof dealStatus>;

/** Where an open deal stands; descriptive only: the status is what metrics read. */
export const dealStage = z.enum(dealStages);

export const involvementRole = z.enum(involvementRoles);
export type InvolvementRole = z.infer<typeof involvementRole>;

export const attributionModel = z.enum(attributionModels);

/** NAICS sector code ("51", "31-33"); the server checks it against the NAICS list (`/reference/industries`). */
export const industryCode = z
  .string()
  .regex(/^\d{2}(-\d{2})?$/, 'A NAICS sector code, e.g. 51 or 31-33')
  .describe('NAICS sector code (see /reference/industries)');

const text = (max: number) => z.string().trim().max(max);
const products = z.array(z.string().trim().min(1).max(100)).max(30);

// --- Deals ---

const orgRef = z.object({ id: z.string(), name: z.string() });

export const involvementSchema = z.object({
  organization: orgRef,
  role: involvementRole,
  status: z.enum(['proposed', 'confirmed']),
  note: z.string().nullable().describe('Visible to the vendor and to the organization that wrote it'),
  proposedBy: orgRef
    .nullable()
    .describe('Who proposed it: a partner, or the vendor inviting a partner; null when the vendor added it'),
  invitation: z
    .boolean()
    .describe('Proposed by the vendor: the invited partner accepts it (…/accept) or declines it (DELETE)'),
  involvedAt: timestamp.describe('When the partner became involved; orders first/last-touch attribution'),
  confirmedAt: timestamp.nullable(),
});
export type Involvement = z.infer<typeof involvementSchema>;

export const dealSchema = z.object({
  id: z.string(),
  externalId: z.string().nullable().describe('Its id in the system it was imported from (vendor only)'),
  status: dealStatus,
  stage: dealStage.nullable(),
  registeredBy: orgRef.describe('The registering organization (the vendor for vendor-recorded deals)'),
  registeredByUser: orgRef
    .nullable()
    .describe('Who registered it; shown to the registering organization and the vendor'),
  vendorRecorded: z.boolean(),
  customer: z.object({
    name: z.string(),
    domain: z.string().nullable(),
    country: z.string(),
    industry: z.string().nullable(),
  }),
  amount: z.number().int().describe('Minor units; the final amount once won'),
  currency: z.string(),
  reporting: z
    .object({
      amount: z.number().int(),
      currency: z.string(),
      rate: z.string(),
      rateDate: z.string(),
    })
    .nullable()
    .describe('The amount in the reporting currency at the close date (closed) or today (open)'),
  products: z.array(z.string()),
  expectedCloseDate: z.string(),
  notes: z
    .string()
    .nullable()
    .describe("The registering organization's notes; null for anyone else but the vendor"),
  protection: z
    .object({
      days: z.number().int(),
      startedAt: timestamp,
      expiresAt: timestamp,
      extensionRequest: z.object({ days: z.number().int(), reason: z.string(), at: timestamp }).nullable(),
    })
    .nullable(),
  decisionReason: z.string().nullable().describe('Why it was rejected'),
  decidedAt: timestamp.nullable(),
  closeDate: z.string().nullable(),
  lostReason: z.string().nullable(),
  referralId: z.string().nullable(),
  involvements: z.array(involvementSchema),
  myRole: involvementRole.nullable().describe("The caller's organization's confirmed role, if any"),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Deal = z.infer<typeof dealSchema>;

export const conflictSchema = z.object({
  deal: z.object({
    id: z.string(),
    customerName: z.string(),
    customerDomain: z.string().nullable(),
    country: z.string(),
    status: dealStatus,
    registeredBy: orgRef,
    createdAt: timestamp,
    protectionExpiresAt: timestamp.nullable(),
  }),
  reasons: z.array(z.string()).min(1).describe('Why it matched, in words'),
  score: z.number().describe('0–1: 1 for the same domain, else the name similarity'),
  strong: z
    .boolean()
    .describe(
      'The same registrable domain or the same normalized name (not a similar name or a domain named like it)',
    ),
  blocking: z
    .boolean()
    .describe(
      'A strong match protected for another partner: approving over it is refused unless a permitted reviewer overrides with a reason',
    ),
});
export type Conflict = z.infer<typeof conflictSchema>;

const protectedByAnotherPartner = z
  .boolean()
  .describe(
    'The customer is under another partner’s deal protection (never who, for how much or until when); false when the vendor turned this notice off',
  );

export const dealCreatedSchema = dealSchema.extend({
  conflicts: z
    .array(conflictSchema)
    .describe('Open deals that look like the same customer; a partner sees only its own organization’s'),
  protectedByAnotherPartner,
});

export const conflictCheckSchema = z.object({
  items: z.array(conflictSchema),
  protectedByAnotherPartner,
});
export type ConflictCheck = z.infer<typeof conflictCheckSchema>;

const customerFields = {
  customerName: text(200).min(2),
  customerDomain: text(253)
    .optional()
    .describe('The customer’s web domain or an address on it; normalized (acme.com)'),
  country: countryCode,
  industry: industryCode.optional(),
};

export const createDealBody = z.strictObject({
  ...customerFields,
  amount: minorAmount,
  currency: currencyCode,
  products: products.default([]),
  expectedCloseDate: calendarDate,
  stage: dealStage.optional(),
  notes: text(5000).default(''),
});

/** Details only: status moves by actions (approve, reject, close), never by PATCH. */
export const updateDealBody = z.strictObject({
  version: versionField,
  customerName: customerFields.customerName.optional(),
  customerDomain: text(253).nullable().optional(),
  country: countryCode.optional(),
  industry: industryCode.nullable().optional(),
  amount: minorAmount.optional(),
  currency: currencyCode.optional(),
  products: products.optional(),
  expectedCloseDate: calendarDate.optional(),
  stage: dealStage.nullable().optional(),
  notes: text(5000).optional(),
});

export const dealListQuery = z.object({
  status: dealStatus.optional(),
  q: z.string().trim().max(200).optional().describe('Customer name or domain contains'),
  registeredBy: idSchema.optional().describe('Registering organization (vendor staff)'),
  involved: idSchema.optional().describe('Organizations involved in any role (vendor staff)'),
  mine: z
    .enum(['true', 'false'])
    .optional()
    .describe('Channel managers: only deals of partners assigned to me'),
  vendorRecorded: z.enum(['true', 'false']).optional(),
  country: countryCode.optional(),
  sort: z
    .enum([
      'createdAt',
      '-createdAt',
      'expectedCloseDate',
      '-expectedCloseDate',
      'customerName',
      '-customerName',
    ])
    .default('-createdAt'),
});

export const conflictCheckQuery = z.object({
  customerName: text(200).min(2),
  customerDomain: text(253).optional(),
  excludeDealId: idSchema.optional(),
});

export const approveDealBody = z.strictObject({
  version: versionField,
  protectionDays: z
    .number()
    .int()
    .min(1)
    .max(730)
    .optional()
    .describe('Overrides the days from the partner’s best active tier'),
  overrideReason: text(2000)
    .min(3)
    .optional()
    .describe(
      'Approves over another partner’s protection of the same customer (roles in the protectionOverrideRoles setting); audited on both deals',
    ),
});
export const rejectDealBody = z.strictObject({ version: versionField, reason: text(2000).min(3) });
export const requestExtensionBody = z.strictObject({
  version: versionField,
  days: z.number().int().min(1).max(365),
  reason: text(2000).min(3),
});
export const extendDealBody = z.strictObject({
  version: versionField,
  days: z.number().int().min(1).max(365).optional().describe('Defaults to the days requested'),
});
/** Reopening a closed deal (a won deal reversed: cancelled, refunded): back to approved, its earnings clawed back. */
export const reopenDealBody = z.strictObject({
  version: versionField,
  reason: text(2000).min(3),
});

export const closeDealBody = z.discriminatedUnion('outcome', [
  z.strictObject({
    version: versionField,
    outcome: z.literal('won'),
    amount: minorAmount.describe('The final amount, in the deal currency'),
    closeDate: calendarDate,
  }),
  z.strictObject({
    version: versionField,
    outcome: z.literal('lost'),
    closeDate: calendarDate,
    reason: text(2000).min(3),
  }),
]);

export const addInvolvementBody = z.strictObject({
  organizationId: idSchema,
  role: involvementRole,
  note: text(2000).optional(),
});
export const updateInvolvementBody = z.strictObject({
  role: involvementRole,
  note: text(2000).nullable().optional(),
});
export const involvementParams = z.object({ id: idSchema, organizationId: idSchema });

export const attributionQuery = z.object({ model: attributionModel.default('even') });
export const attributionSchema = z.object({
  dealId: z.string(),
  model: attributionModel,
  amount: z.number().int(),
  currency: z.string(),
  credits: z
    .array(
      z.object({
        organization: orgRef,
        role: involvementRole,
        sourcedCredit: z.number().int().describe('Minor units of the deal currency'),
        influenceCredit: z.number().int(),
      }),
    )
    .describe('Vendor staff see every partner; a partner sees its own row'),
});

export const timelineEntrySchema = z.object({
  at: timestamp,
  action: z.string(),
  actor: z
    .string()
    .nullable()
    .describe('A person for your own organization and the vendor’s staff; else the organization'),
  summary: z.string(),
});

// --- Referrals ---

export const referralStatus = z.enum(referralStatuses);

export const referralSchema = z.object({
  id: z.string(),
  externalId: z.string().nullable().describe('Its id in the system it was imported from (vendor only)'),
  status: referralStatus,
  source: z.enum(['partner', 'locator']).describe('locator: a lead from the public partner locator'),
  referrer: orgRef.nullable().describe('null for public locator leads'),
  referrerUser: orgRef.nullable(),
  recipient: orgRef,
  toVendor: z.boolean(),
  connectionId: z.string().nullable().describe('The connection it was sent under'),
  company: z.object({
    name: z.string(),
    domain: z.string().nullable(),
    country: z.string().nullable(),
    industry: z.string().nullable(),
  }),
  contact: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }),
  need: z.string(),
  estimatedValue: z.object({ amount: z.number().int(), currency: z.string() }).nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: timestamp.nullable(),
  deal: z
    .object({
      id: z.string(),
      status: dealStatus,
      amount: z.number().int(),
      currency: z.string(),
      closeDate: z.string().nullable(),
    })
    .nullable()
    .describe('The deal it was converted into; its status is the referral’s outcome'),
  fee: z
    .object({
      percent: z.string(),
      basis: z.string().describe('Where the percentage comes from, in words'),
      amount: z.number().int(),
      currency: z.string(),
    })
    .nullable()
    .describe('Shown to both parties once the deal is won'),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Referral = z.infer<typeof referralSchema>;

export const createReferralBody = z
  .strictObject({
    recipientOrganizationId: idSchema.optional().describe('Omit to refer the prospect to the vendor'),
    connectionId: idSchema
      .optional()
      .describe('An active connection with the recipient: its terms set the referral fee'),
    companyName: text(200).min(2),
    companyDomain: text(253).optional(),
    country: countryCode.optional(),
    industry: industryCode.optional(),
    contactName: text(200).min(2),
    contactEmail: z.email().max(254),
    contactPhone: text(40).optional(),
    need: text(5000).min(3),
    estimatedAmount: minorAmount.optional(),
    estimatedCurrency: currencyCode.optional(),
  })
  .refine((b) => (b.estimatedAmount === undefined) === (b.estimatedCurrency === undefined), {
    message: 'Give an estimated amount and its currency together',
    path: ['estimatedCurrency'],
  });

export const referralListQuery = z.object({
  box: z
    .enum(['inbox', 'outbox', 'all'])
    .default('all')
    .describe('inbox: received by my organization; outbox: sent by it'),
  status: referralStatus.optional(),
  source: z.enum(['partner', 'locator']).optional(),
  q: z.string().trim().max(200).optional(),
});

export const decideReferralBody = z.strictObject({ version: versionField });
export const rejectReferralBody = z.strictObject({ version: versionField, reason: text(2000).min(3) });
export const convertReferralBody = z.strictObject({
  version: versionField,
  amount: minorAmount,
  currency: currencyCode,
  expectedCloseDate: calendarDate,
  country: countryCode.optional().describe("Defaults to the referral's country"),
  industry: industryCode.optional(),
  products: products.default([]),
  notes: text(5000).default(''),
});
export const convertedReferralSchema = z.object({ referral: referralSchema, deal: dealSchema });

export const counterpartSchema = z.object({ id: z.string(), name: z.string() });
