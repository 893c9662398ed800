import { z } from 'zod';
import { countryCode, idSchema, timestamp, versionField } from './common';
import { dealStage, dealStatus, industryCode, involvementRole } from './deals';
import { currencyCode } from './money';
import { partnerTypeCode } from './organizations';

// Account mapping: populations, mapping partnerships with sharing levels, and the runs of the private set
// intersection (packages/shared/src/psi). Points travel as base64url of n × 32-byte ristretto255 encodings.

const text = (max: number) => z.string().trim().max(max);

export const sharingLevels = ['hidden', 'counts', 'overlaps', 'full'] as const;
export const sharingLevel = z.enum(sharingLevels);
export type SharingLevel = z.infer<typeof sharingLevel>;
/** Levels in the order they disclose more. */
export const levelRank = (l: SharingLevel) => sharingLevels.indexOf(l);

export const populationKinds = ['customers', 'open_opportunities', 'prospects', 'custom'] as const;
export const populationSources = ['won_deals', 'open_deals', 'deal_filter', 'upload', 'browser'] as const;

/**
 * A custom population over the vendor's deals (source `deal_filter`): every deal that meets each criterion
 * given (an omitted criterion lets every deal through; a list matches any of its values). Rebuilt from the
 * deals when it is created, when the filter changes and on refresh, like the customers and open deals.
 */
const filterShape = (country: z.ZodType<string, string>, currency: z.ZodType<string, string>) => ({
  statuses: z.array(dealStatus).min(1).max(6).describe('Deal statuses, e.g. registered and approved'),
  stages: z.array(dealStage).max(5).optional().describe('Deal stages; a deal with no stage matches none'),
  industries: z.array(industryCode).max(30).optional(),
  countries: z.array(country).max(250).optional(),
  amount: z
    .strictObject({
      currency: currency.describe('Deals in other currencies are converted at the rates in force today'),
      min: z.number().int().min(0).optional().describe('Minor units of `currency`, inclusive'),
      max: z.number().int().min(0).optional().describe('Minor units of `currency`, inclusive'),
    })
    .refine((a) => a.min === undefined || a.max === undefined || a.min <= a.max, {
      path: ['max'],
      message: 'The maximum is below the minimum',
    })
    .refine((a) => a.min !== undefined || a.max !== undefined, {
      path: ['min'],
      message: 'Give a minimum, a maximum or both',
    })
    .optional(),
  partnerTypes: z
    .array(partnerTypeCode)
    .max(20)
    .optional()
    .describe('Deals registered by a partner of one of these types (the vendor-recorded ones match none)'),
});
export const populationFilterSchema = z
  .strictObject(filterShape(countryCode, currencyCode))
  .describe('Which of your deals make up the population');
/** The filter as the server answers it (codes already upper-cased). */
const populationFilterOut = z.object(filterShape(z.string(), z.string()));
export type PopulationFilter = z.infer<typeof populationFilterSchema>;

/** Fields an account may carry and share; the matching key (its domains) is never one of them. */
export const accountFields = ['name', 'owner', 'stage', 'industry', 'country', 'amount'] as const;
export const accountField = z.enum(accountFields);

export const populationSchema = z.object({
  id: idSchema,
  organizationId: idSchema,
  name: z.string(),
  kind: z.enum(populationKinds),
  source: z.enum(populationSources),
  filter: populationFilterOut.nullable().describe('The deal filter of a `deal_filter` population'),
  defaultLevel: sharingLevel,
  sharedFields: z.array(accountField),
  accountCount: z.number().int(),
  version: z.number().int(),
  updatedAt: timestamp,
});
export type Population = z.infer<typeof populationSchema>;

export const createPopulationBody = z
  .strictObject({
    name: text(120).min(2),
    kind: z.enum(populationKinds),
    source: z
      .enum(populationSources)
      .describe(
        "won_deals / open_deals / deal_filter / upload: the vendor's, kept on the server. browser: a partner's, whose accounts never leave its browser",
      ),
    filter: populationFilterSchema.optional().describe('Required with source deal_filter, refused otherwise'),
    defaultLevel: sharingLevel.default('counts'),
    sharedFields: z.array(accountField).max(accountFields.length).default(['name']),
  })
  .superRefine((b, ctx) => {
    if (b.source === 'deal_filter' && !b.filter)
      ctx.addIssue({
        code: 'custom',
        path: ['filter'],
        message: 'A custom population needs its deal filter',
      });
    if (b.source !== 'deal_filter' && b.filter)
      ctx.addIssue({
        code: 'custom',
        path: ['filter'],
        message: 'Only a deal_filter population has a filter',
      });
  });

export const updatePopulationBody = z.strictObject({
  name: text(120).min(2).optional(),
  defaultLevel: sharingLevel.optional(),
  sharedFields: z.array(accountField).max(accountFields.length).optional(),
  filter: populationFilterSchema.optional().describe('A deal_filter population only: its new filter'),
  /** A partner's browser reports how many accounts it holds (the count alone). */
  accountCount: z.number().int().min(0).max(1_000_000).optional(),
  version: versionField,
});

export const accountRow = z.strictObject({
  name: text(200).min(1),
  domains: z.array(text(253)).min(1).max(20),
  fields: z.partialRecord(accountField, text(200)).default({}),
});

export const replaceAccountsBody = z.strictObject({
  accounts: z.array(accountRow).max(100_000),
  version: versionField,
});

export const accountSchema = z.object({
  id: idSchema,
  name: z.string(),
  domains: z.array(z.string()),
  fields: z.record(z.string(), z.string()),
});

export const partnershipSchema = z.object({
  id: idSchema,
  kind: z.enum(['vendor_partner', 'partner_partner']),
  counterpart: z.object({ id: idSchema, name: z.string(), kind: z.enum(['vendor', 'partner']) }),
  status: z.enum(['pending', 'active']),
  /** Whether my organization has opted in, and the counterpart. */
  optedIn: z.boolean(),
  counterpartOptedIn: z.boolean(),
  /** My populations with the level this counterpart gets, and the counterpart's as they are shared with me. */
  mine: z.array(
    z.object({
      populationId: idSchema,
      name: z.string(),
      level: sharingLevel,
      sharedFields: z.array(accountField),
      overridden: z.boolean(),
    }),
  ),
  theirs: z.array(
    z.object({
      populationId: idSchema,
      name: z.string(),
      kind: z.enum(populationKinds),
      level: sharingLevel,
      sharedFields: z.array(accountField),
    }),
  ),
  createdAt: timestamp,
});

export const createPartnershipBody = z.strictObject({
  counterpartOrganizationId: idSchema
    .optional()
    .describe('Another partner to map with (it must opt in too); omit to map with the vendor'),
});

export const setLevelBody = z.strictObject({
  level: sharingLevel.nullable().describe('null: back to the population default'),
  sharedFields: z.array(accountField).max(accountFields.length).optional(),
});
export const levelParams = z.object({ id: idSchema, populationId: idSchema });

export const levelRequestSchema = z.object({
  id: idSchema,
  partnershipId: idSchema,
  populationId: idSchema,
  populationName: z.string(),
  requestedLevel: sharingLevel,
  message: z.string(),
  status: z.enum(['open', 'granted', 'declined']),
  fromMe: z.boolean(),
  createdAt: timestamp,
});
export const createLevelRequestBody = z.strictObject({
  populationId: idSchema.describe("The counterpart's population you would like to see more of"),
  requestedLevel: z.enum(['counts', 'overlaps', 'full']),
  message: text(1000).default(''),
});
export const answerLevelRequestBody = z.strictObject({ grant: z.boolean() });

// --- Runs ---

export const runSchema = z.object({
  id: idSchema,
  partnershipId: idSchema,
  initiatorOrganizationId: idSchema,
  period: z.string().describe('The key period (calendar month, UTC): the server key b rotates with it'),
  status: z.enum(['awaiting_points', 'awaiting_response', 'answered', 'finished']),
  kind: z.enum(['vendor_partner', 'partner_partner']),
  /** Whether the viewer's organization started it (else it answers it, in a partner ↔ partner run). */
  mine: z.boolean(),
  maxPoints: z.number().int(),
  results: z.array(
    z.object({
      initiatorPopulationId: idSchema,
      responderPopulationId: idSchema,
      /** Null when under the minimum: shown as "fewer than 3". */
      count: z.number().int().nullable(),
      shown: z.string(),
    }),
  ),
  startedBy: z.string().nullable(),
  createdAt: timestamp,
  finishedAt: timestamp.nullable(),
});
export type MappingRun = z.infer<typeof runSchema>;

export const startRunBody = z.strictObject({ partnershipId: idSchema });

const pointsField = z.string().max(6_000_000).describe('base64url of n × 32-byte ristretto255 points');

export const round1Body = z.strictObject({
  runId: idSchema,
  round: z.literal(1),
  sets: z
    .array(z.strictObject({ populationId: idSchema, points: pointsField }))
    .min(1)
    .max(10),
});

export const round2Schema = z.object({
  runId: idSchema,
  round: z.literal(2),
  pending: z
    .boolean()
    .optional()
    .describe(
      'true: the other partner answers from its browser later; read it from GET /mapping/runs/{id}/answer',
    ),
  responses: z.array(
    z.object({
      populationId: idSchema.describe("The responder's population"),
      level: sharingLevel,
      /** True when this level lets the initiator learn which of its accounts matched. */
      ordered: z.boolean(),
      tags: z.string().describe('base64url of n × 16-byte tags, one per key'),
      owners: z.array(z.number().int()),
      sealed: z.array(z.string()).nullable(),
      evaluated: z.array(z.object({ populationId: idSchema, points: z.string() })),
    }),
  ),
  reverse: z
    .array(z.object({ populationId: idSchema, points: z.string() }))
    .optional()
    .describe(
      "Partner ↔ partner: the answering partner's blinded sets, for the initiator to answer in round 3",
    ),
});
export type Round2 = z.infer<typeof round2Schema>;

/** Round 1 as the responding partner's browser reads it from the mailbox. */
export const round1Schema = z.object({
  runId: idSchema,
  round: z.literal(1),
  sets: z.array(z.object({ populationId: idSchema, points: z.string() })),
});

/** One answering population, as a partner's browser posts it (round 2, or the reverse answer of round 3). */
const answerBody = z.strictObject({
  populationId: idSchema,
  level: sharingLevel,
  ordered: z.boolean(),
  tags: z.string().max(3_000_000),
  owners: z.array(z.number().int().min(0)).max(100_000),
  sealed: z.array(z.string().max(4000)).max(100_000).nullable(),
  evaluated: z.array(z.strictObject({ populationId: idSchema, points: pointsField })).max(10),
});

/** Round 2 as the responding partner's browser posts it to the mailbox. */
export const round2Body = z.strictObject({
  runId: idSchema,
  round: z.literal(2),
  responses: z.array(answerBody).max(10),
  /**
   * Partner ↔ partner: the answering partner's own populations, blinded under a fresh scalar of its own.
   * The initiator answers them in round 3, so each side learns what the other's levels grant it.
   */
  reverse: z
    .array(z.strictObject({ populationId: idSchema, points: pointsField }))
    .max(10)
    .optional(),
});

export const round3Body = z.strictObject({
  runId: idSchema,
  round: z.literal(3),
  results: z
    .array(
      z.strictObject({
        populationId: idSchema,
        againstPopulationId: idSchema,
        count: z.number().int().min(0),
        /** Only when my level for this population discloses overlaps: which responder accounts matched. */
        matches: z
          .array(
            z.strictObject({
              responderAccount: z.number().int().min(0),
              fields: z.partialRecord(accountField, text(200)).default({}),
            }),
          )
          .max(100_000)
          .optional(),
      }),
    )
    .max(100),
  /** Partner ↔ partner: the initiator's answer to the other partner's reverse sets of round 2. */
  reverse: z.array(answerBody).max(10).optional(),
});

export const overlapSchema = z.object({
  id: idSchema,
  runId: idSchema,
  initiatorPopulationId: idSchema,
  initiatorPopulationName: z.string(),
  responderPopulationId: idSchema,
  responderPopulationName: z.string(),
  /** The vendor's account fields, as far as the viewer may see them. */
  account: z.object({
    name: z.string().nullable(),
    domains: z.array(z.string()),
    fields: z.record(z.string(), z.string()),
  }),
  /** What the partner shared about its matching account. */
  partnerFields: z.record(z.string(), z.string()),
  openDeals: z
    .array(
      z.object({
        id: idSchema,
        customerName: z.string(),
        status: z.enum(['registered', 'approved']),
        amount: z.number().int().describe('Minor units of `currency`'),
        currency: z.string(),
        registrant: z.string().describe('The registering organization'),
        counterpartOnIt: z
          .boolean()
          .describe('The partner of this partnership is already on it (or invited)'),
      }),
    )
    .describe("The vendor's open deals at this account: the vendor's staff only, [] for a partner"),
  canRequestInvolvement: z
    .boolean()
    .describe(
      'A partner: the vendor disclosed this account as an open opportunity and has an open deal there the partner is not on; ask to join it with POST …/overlaps/{overlapId}/involvement',
    ),
  createdAt: timestamp,
});

/**
 * From an overlap, an involvement on the vendor's open deal at that account: the vendor invites the partner
 * (who accepts or declines on the deal), or the partner asks to join (the vendor confirms or removes it).
 */
export const overlapInvolvementBody = z.strictObject({
  dealId: idSchema
    .optional()
    .describe(
      'The vendor only: which of its open deals at the account (default: the approved one, else the latest)',
    ),
  role: involvementRole.exclude(['sourced']).default('co_sell'),
  note: text(2000).min(1).optional().describe('Read by the vendor and your own organization'),
});
export const overlapInvolvementParams = z.object({ id: idSchema, overlapId: idSchema });

export const overlapInvolvementSchema = z.object({
  status: z.literal('proposed'),
  role: involvementRole,
  organization: z.object({ id: idSchema, name: z.string() }).describe('The partner proposed on the deal'),
  deal: z
    .object({ id: idSchema, customerName: z.string() })
    .nullable()
    .describe('The vendor only; null for a partner, who sees the deal once the vendor confirms it'),
});

export const matrixSchema = z.object({
  runId: idSchema.nullable(),
  finishedAt: timestamp.nullable(),
  cells: z.array(
    z.object({
      initiatorPopulationId: idSchema,
      initiatorPopulationName: z.string(),
      responderPopulationId: idSchema,
      responderPopulationName: z.string(),
      count: z.number().int().nullable(),
      shown: z.string(),
    }),
  ),
});

export const introBody = z.strictObject({
  companyName: text(200).min(2),
  companyDomain: text(253),
  contactName: text(200).min(2),
  contactEmail: z.email().max(254),
  need: text(5000).min(3),
});

export const overlapPipelineSchema = z.object({
  currency: z.string().describe('The reporting currency of `total`'),
  at: timestamp.describe('Rates are those in force on this day'),
  deals: z.number().int(),
  byCurrency: z.array(
    z.object({
      currency: z.string(),
      amount: z.number().int().describe('Minor units of the currency'),
      deals: z.number().int(),
    }),
  ),
  total: z
    .number()
    .int()
    .nullable()
    .describe('Minor units of the reporting currency, rounded half-up once; null with no such deal'),
});

export const mappingMetricsSchema = z.object({
  partners: z.array(
    z.object({
      organizationId: idSchema,
      organizationName: z.string(),
      runId: idSchema,
      finishedAt: timestamp.nullable(),
      pairs: z.array(
        z.object({
          initiatorPopulation: z.string(),
          initiatorKind: z.enum(populationKinds),
          responderPopulation: z.string(),
          responderKind: z.enum(populationKinds),
          count: z.number().int().nullable(),
          shown: z.string(),
        }),
      ),
    }),
  ),
  openOpportunitiesWithPartnerOverlap: z
    .number()
    .int()
    .describe(
      'My open-opportunity accounts that a partner disclosed an overlap with (latest run per partner)',
    ),
  openPipelineWithPartnerOverlap: overlapPipelineSchema
    .nullable()
    .describe(
      "The vendor's open deals at those accounts (null for a partner: its deals stay in its browser)",
    ),
});
