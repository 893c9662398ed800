// The codes of metrics.md and the reference lists, with no Zod: the web app
// imports these without pulling validation code into its bundle; the
// contracts build their schemas from them. The list of languages is in languages.ts: it is computed when
// the module loads, which a bundler cannot drop, and the web app's route search parsers import this file.

export const dealStatuses = ['registered', 'approved', 'rejected', 'won', 'lost', 'expired'] as const;

export const dealStages = ['qualification', 'discovery', 'proposal', 'negotiation', 'commit'] as const;

export const involvementRoles = [
  'sourced',
  'referred',
  'co_sell',
  'implementation',
  'integration',
  'influenced',
] as const;

export const attributionModels = ['even', 'first_touch', 'last_touch'] as const;
export type AttributionModel = (typeof attributionModels)[number];

export const referralStatuses = ['submitted', 'accepted', 'rejected', 'converted'] as const;

export const connectionKinds = [
  'referral',
  'technology_integration',
  'co_sell',
  'implementation',
  'resale',
  'joint_solution',
] as const;

export const connectionStatuses = ['requested', 'active', 'declined', 'ended'] as const;

export const integrationStatuses = ['draft', 'submitted', 'published', 'rejected'] as const;

/** Tier-rule metrics that are amounts of money: values and thresholds in integer minor units of the reporting currency. */
export const moneyMetrics = ['sourced_revenue'] as const;
export const isMoneyMetric = (metric: string) => (moneyMetrics as readonly string[]).includes(metric);
