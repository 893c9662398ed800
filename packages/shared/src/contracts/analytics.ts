import { z } from 'zod';
import { attributionModels } from '../codes';
import { countryCode, timestamp } from './common';
import { industryCode } from './deals';

// Ecosystem intelligence (metrics.md). Every response names the period,
// filters and currency it was computed for; a figure that cannot be computed
// is `{ value: null, reason }`, never 0, NaN or infinity.

/** `2025-01-01` (UTC midnight) or an ISO timestamp (api.md). */
const instant = z
  .string()
  .max(40)
  .refine((s) => /^\d{4}-\d{2}-\d{2}(T.+)?$/.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'A date (YYYY-MM-DD) or an ISO-8601 timestamp',
  })
  .refine((s) => s.slice(0, 4) >= '1990' && s.slice(0, 4) <= '2100', { message: 'Out of range (1990–2100)' });

export const analyticsFilters = z.object({
  country: countryCode.optional().describe('Customer country of the deals (referrals: of the referral)'),
  industry: industryCode.optional().describe('Customer industry (NAICS sector)'),
  partnerType: z
    .string()
    .max(64)
    .optional()
    .describe(
      'Keeps deals with at least one involved partner of this primary type (sourced revenue: the sourced partner; referrals: the referrer)',
    ),
  programId: z.uuid().optional().describe('…with an active enrollment in this program'),
  tierId: z.uuid().optional().describe('…whose active enrollment is at this tier'),
});

export const analyticsQuery = analyticsFilters.extend({
  from: instant.optional().describe('Start of the period, inclusive (default: 12 months before `to`)'),
  to: instant
    .optional()
    .describe('End of the period, exclusive (default: tomorrow 00:00 UTC, so today counts)'),
  format: z.enum(['json', 'csv']).default('json').describe('`csv` answers exactly the figures of the JSON'),
  section: z
    .string()
    .max(40)
    .regex(/^[a-z_]+$/)
    .optional()
    .describe('CSV only: keep the rows of one section (one chart)'),
});

export const revenueQuery = analyticsQuery.extend({
  model: z.enum(attributionModels).default('even').describe('How influence credit is shared among partners'),
});

export const networkQuery = analyticsQuery.extend({
  betweenness: z
    .enum(['true', 'false'])
    .default('false')
    .describe('Also compute betweenness centrality (slow on large graphs)'),
});

export const scorecardQuery = analyticsQuery
  .pick({ from: true, to: true, format: true, section: true })
  .extend({
    model: z.enum(attributionModels).default('even'),
  });

export const figure = z
  .object({
    value: z.number().nullable(),
    reason: z.string().optional().describe('Why there is no value, when there is none'),
  })
  .describe('A money figure is in minor units of the reporting currency; a rate is a fraction 0–1');
export type Figure = z.infer<typeof figure>;

export const periodSchema = z.object({
  from: timestamp,
  to: timestamp,
  currency: z.string().describe('The reporting currency of every money figure'),
  filters: z.record(z.string(), z.string()),
  computedAt: timestamp,
});

const typed = { partnerType: z.string(), partnerTypeName: z.string() };

export const revenueTotalsSchema = z.object({
  allWon: figure.describe('Every won deal, vendor-direct included'),
  wonDeals: z.number().int(),
  sourced: figure,
  influenced: figure,
  touched: figure,
  vendorDirect: figure,
  ecosystemShare: figure,
});

export const revenueSchema = z.object({
  period: periodSchema,
  model: z.enum(attributionModels),
  totals: revenueTotalsSchema,
  sourcedByType: z.array(z.object({ ...typed, amount: figure })),
  quarters: z.array(
    z.object({
      label: z.string(),
      from: timestamp,
      to: timestamp,
      byType: z.array(z.object({ partnerType: z.string(), amount: z.number() })),
      totals: revenueTotalsSchema,
    }),
  ),
  partners: z
    .array(
      z.object({
        organizationId: z.string(),
        name: z.string(),
        ...typed,
        sourcedCredit: z.number(),
        influenceCredit: z.number(),
        deals: z.number().int(),
      }),
    )
    .describe('Per-partner credit under the chosen model, highest first (at most 100)'),
});
export type RevenueReport = z.infer<typeof revenueSchema>;

export const pipelineSchema = z.object({
  period: periodSchema,
  at: timestamp.describe('The instant the headline pipeline is taken at'),
  pipeline: figure,
  openDeals: z.number().int(),
  byType: z.array(z.object({ ...typed, amount: z.number(), deals: z.number().int() })),
  series: z.array(z.object({ at: timestamp, pipeline: figure, openDeals: z.number().int() })),
});
export type PipelineReport = z.infer<typeof pipelineSchema>;

export const referralReportSchema = z.object({
  period: periodSchema,
  total: z.number().int(),
  byStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
  convertedOutcomes: z.array(z.object({ outcome: z.string(), count: z.number().int() })),
  matrix: z.object({
    types: z.array(z.object({ code: z.string(), name: z.string() })),
    cells: z.array(
      z.object({ referrerType: z.string(), recipientType: z.string(), count: z.number().int() }),
    ),
  }),
  funnel: z.array(z.object({ stage: z.string(), count: z.number().int() })),
  acceptanceRate: figure,
  conversionRate: figure,
  referralSourcedRevenue: figure,
  feesOwed: figure,
  apart: z
    .object({ toVendor: z.number().int(), locatorLeads: z.number().int() })
    .describe('Referrals to the vendor and public-locator leads created in the period, reported apart'),
});
export type ReferralReport = z.infer<typeof referralReportSchema>;

const cellCounts = z.object({
  cells: z.number().int(),
  countries: z.number().int(),
  industries: z.number().int(),
});

export const coverageSchema = z.object({
  period: periodSchema,
  asOf: timestamp.describe('Coverage is the state now: active partners and what they serve'),
  label: z.enum(['multiplier', 'cells_covered']),
  direct: cellCounts,
  combined: cellCounts,
  multiplier: z.object({ cells: figure, countries: figure, industries: figure }),
  activePartners: z.number().int(),
  countries: z.array(
    z.object({
      country: z.string(),
      partners: z.number().int(),
      cells: z.number().int(),
      direct: z.boolean(),
    }),
  ),
  cells: z.array(
    z.object({ country: z.string(), industry: z.string(), partners: z.number().int(), direct: z.boolean() }),
  ),
  gaps: z
    .array(z.object({ country: z.string(), industry: z.string() }))
    .describe('Direct cells that no active partner serves'),
});
export type CoverageReport = z.infer<typeof coverageSchema>;

export const integrationReportSchema = z.object({
  period: periodSchema,
  wonDeals: z.number().int(),
  wonWithIntegration: z.number().int(),
  dealShare: figure.describe('(a) share of won deals with an integration involvement'),
  customers: z.number().int().describe('Distinct customer domains with a won deal, ever'),
  customersWithInstall: z.number().int(),
  customerShare: figure.describe('(b) those with an installed partner integration'),
  revenue: figure.describe('(c) revenue of the deals in (a)'),
  byIntegration: z.array(
    z.object({
      listingId: z.string(),
      name: z.string(),
      organizationId: z.string(),
      partnerName: z.string(),
      installs: z.number().int(),
      customersWithWonDeal: z.number().int(),
    }),
  ),
});
export type IntegrationReport = z.infer<typeof integrationReportSchema>;

export const graphNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  ...typed,
  degree: z.number().int(),
  pagerank: z.number(),
  cluster: z.number().int(),
  betweenness: z.number().optional(),
  x: z.number(),
  y: z.number(),
});

export const networkSchema = z.object({
  period: periodSchema,
  window: z.object({ from: timestamp, to: timestamp }),
  nodes: z.number().int(),
  edges: z.number().int(),
  participationRate: figure,
  density: figure,
  networkRevenueShare: figure,
  series: z.array(
    z.object({
      month: z.string(),
      participationRate: figure,
      density: figure,
      networkRevenueShare: figure,
    }),
  ),
  graph: z
    .object({
      computedAt: timestamp,
      status: z.enum(['ready', 'computing']),
      nodes: z.array(graphNodeSchema),
      edges: z.array(z.object({ source: z.string(), target: z.string(), weight: z.number().int() })),
      clusters: z.array(z.object({ id: z.number().int(), size: z.number().int(), topPartner: z.string() })),
      drawnNodes: z.number().int().describe('Large graphs are drawn with their highest-PageRank nodes only'),
      filtered: z
        .boolean()
        .describe(
          'Whether the partner filters narrowed the drawn graph (only a graph small enough to compute on request is)',
        ),
      totalNodes: z.number().int().describe('Nodes of the whole graph (the drawn graph ignores filters)'),
    })
    .nullable(),
  connectors: z.array(
    z.object({
      organizationId: z.string(),
      name: z.string(),
      ...typed,
      pagerank: z.number(),
      degree: z.number().int(),
      cluster: z.number().int(),
      betweenness: z.number().optional(),
    }),
  ),
});
export type NetworkReport = z.infer<typeof networkSchema>;

export const benchmarkSchema = z.object({
  metric: z.string(),
  label: z.string(),
  money: z.boolean(),
  you: figure,
  organizations: z
    .number()
    .int()
    .describe(
      'How many other organizations of the type the benchmark is drawn from (at least 5; 0 when none is shown)',
    ),
  reason: z.string().optional().describe('Why no benchmark is shown, when none is'),
  bands: z
    .array(
      z.object({
        key: z.string().describe('Stable name of the band, e.g. mean_ranks_1_5'),
        statistic: z
          .string()
          .describe(
            'What the figure is, in words: "Mean of peers ranked 1–5 of 6, around the 25th percentile"',
          ),
        fromRank: z.number().int().describe('Lowest rank averaged (1 = the lowest value)'),
        toRank: z.number().int(),
        value: figure,
      }),
    )
    .describe(
      'Means of 5 peers ranked around the 25th percentile, the median and the 75th percentile (never one peer’s figure); quartiles that fall on the same 5 peers share one band',
    ),
});

export const scorecardSchema = z.object({
  partner: z.object({ id: z.string(), name: z.string(), ...typed, status: z.string() }),
  period: periodSchema,
  model: z.enum(attributionModels),
  revenue: z.object({ sourced: figure, influenceCredit: figure, wonDeals: z.number().int() }),
  pipeline: z.object({ at: timestamp, value: figure, openDeals: z.number().int() }),
  referrals: z.object({
    sent: z.number().int(),
    received: z.number().int(),
    acceptanceRate: figure,
    conversionRate: figure,
    feesEarned: figure,
  }),
  leads: z
    .object({
      offered: z.number().int(),
      accepted: z.number().int(),
      acceptanceRate: figure,
      medianHoursToAccept: z.number().nullable(),
    })
    .describe('Leads offered to the partner in the period (docs/METRICS.md, Leads)'),
  engagement: z.object({
    score: z.number(),
    windowDays: z.number().int(),
    activities: z.array(
      z.object({
        kind: z.string(),
        label: z.string(),
        count: z.number().int(),
        weight: z.number(),
        points: z.number(),
        measured: z.boolean().describe('False while no module records this activity (it counts 0)'),
      }),
    ),
  }),
  enablement: z.object({
    certifiedPeople: z
      .number()
      .int()
      .describe('People holding a valid certification on the last day of the period'),
    certifiedByType: z.array(z.object({ typeId: z.string(), name: z.string(), people: z.number().int() })),
    coursesStarted: z.number().int().describe('Person × course pairs first started in the period'),
    coursesCompleted: z.number().int(),
    completionRate: figure.describe('Completed of started, 0–1'),
    contentViews: z.number().int(),
    contentDownloads: z.number().int(),
    contentPeople: z.number().int().describe('Distinct people who viewed or downloaded content'),
  }),
  mapping: z
    .object({
      openAccountsWithOverlap: z
        .number()
        .int()
        .nullable()
        .describe("The vendor's open-opportunity accounts this partner disclosed it knows (latest run)"),
      openPipelineWithOverlap: figure.describe("The vendor's open deals at those accounts"),
    })
    .nullable()
    .describe('Account mapping (docs/METRICS.md): for vendor staff only, null for a partner'),
  health: z.object({
    score: figure.describe('0–100'),
    attainment: z.number().describe('0–1, weight 40%'),
    engagementPercentile: z
      .number()
      .nullable()
      .describe(
        '0–1 within its primary partner type, weight 30%; hidden from a partner with fewer than 5 peers',
      ),
    engagementPercentileReason: z.string().optional(),
    recency: z.number().describe('0–100, weight 30%'),
    lastActivityAt: timestamp.nullable(),
  }),
  tiers: z.array(
    z.object({
      enrollmentId: z.string(),
      programId: z.string(),
      programName: z.string(),
      currentTier: z.string().nullable(),
      targetTier: z.string().nullable(),
      attainment: z.number(),
      requirements: z.array(
        z.object({
          metric: z.string(),
          label: z.string(),
          value: z.number().nullable(),
          reason: z.string().optional().describe('Why there is no value, when there is none'),
          threshold: z.number(),
          attainment: z.number(),
        }),
      ),
    }),
  ),
  benchmarks: z.array(benchmarkSchema),
});
export type Scorecard = z.infer<typeof scorecardSchema>;

export const overviewSchema = z.object({
  period: periodSchema,
  previous: z
    .object({ from: timestamp, to: timestamp })
    .describe('The period of equal length before, for trends'),
  headlines: z.array(
    z.object({
      metric: z.string(),
      label: z.string(),
      unit: z.enum(['money', 'rate', 'count', 'ratio']),
      current: figure,
      previous: figure,
    }),
  ),
  trend: z.array(
    z.object({ month: z.string(), sourced: figure, influenced: figure, touched: figure, pipeline: figure }),
  ),
});
export type Overview = z.infer<typeof overviewSchema>;

// --- settings the metrics read ---

export const coverageCell = z.strictObject({ country: countryCode, industry: industryCode });

export const engagementWeights = z.strictObject({
  post: z.number().min(0).max(100),
  comment: z.number().min(0).max(100),
  eventAttended: z.number().min(0).max(100),
  referralSent: z.number().min(0).max(100),
  dealRegistered: z.number().min(0).max(100),
  profileUpdated: z.number().min(0).max(100),
  lessonCompleted: z.number().min(0).max(100),
  certificationEarned: z.number().min(0).max(100),
});
export type EngagementWeights = z.infer<typeof engagementWeights>;
export const defaultEngagementWeights: EngagementWeights = {
  post: 3,
  comment: 1,
  eventAttended: 5,
  referralSent: 4,
  dealRegistered: 4,
  profileUpdated: 1,
  lessonCompleted: 1,
  certificationEarned: 5,
};
