import { isMoneyMetric } from '@partnergraph/shared/codes';
import { formatMinor } from '@partnergraph/shared/money-format';
import type {
  agreementType,
  benefitKinds,
  checklistItemSchema,
  comparisons,
  enrollmentStatus,
  MetricKey,
  programStatus,
  TierBenefit,
  TierRule,
} from '@partnergraph/shared/contracts/programs';

// Words for the contract's codes. Typed by the contract, so a new code there is a type error here
// until it has a label (the contract is imported for types only: no validation code in the bundle).

export type AgreementType = (typeof agreementType)['_output'];
export type BenefitKind = (typeof benefitKinds)[number];
export type Comparison = (typeof comparisons)[number];
export type ChecklistKind = (typeof checklistItemSchema)['_output']['kind'];
export type ProgramStatus = (typeof programStatus)['_output'];
export type EnrollmentStatus = (typeof enrollmentStatus)['_output'];

export const metricLabels: Record<MetricKey, string> = {
  sourced_revenue: 'Sourced revenue',
  won_deals: 'Won deals',
  converted_referrals_sent: 'Converted referrals sent',
  certified_users: 'Certified users',
  engagement_score: 'Engagement score',
  active_connections: 'Active connections',
  manual_attestation: 'Vendor attestation',
  lead_acceptance_rate: 'Lead acceptance rate',
};

/** Metrics counted over a trailing window; the others are a count as of now. */
export const windowedMetrics: readonly MetricKey[] = [
  'sourced_revenue',
  'won_deals',
  'converted_referrals_sent',
  'engagement_score',
  'lead_acceptance_rate',
];

export const comparisonLabels: Record<Comparison, string> = {
  gte: 'at least (≥)',
  gt: 'more than (>)',
  lte: 'at most (≤)',
  lt: 'less than (<)',
  eq: 'exactly (=)',
};

export const comparisonSymbols: Record<Comparison, string> = {
  gte: '≥',
  gt: '>',
  lte: '≤',
  lt: '<',
  eq: '=',
};

export const benefitLabels: Record<BenefitKind, string> = {
  discount_pct: 'Discount',
  referral_fee_pct: 'Referral fee',
  mdf_allowance: 'Market development funds',
  deal_protection_days: 'Deal protection',
  marketplace_boost: 'Marketplace boost',
  badge: 'Badge',
  custom: 'Other benefit',
};

export const agreementTypeLabels: Record<AgreementType, string> = {
  reseller: 'Reseller',
  distribution: 'Distribution',
  msp: 'Managed service provider',
  referral: 'Referral',
  technology_partner: 'Technology partner',
  system_integrator: 'System integrator',
  nda: 'Non-disclosure (NDA)',
  custom: 'Custom',
};

export const checklistKindLabels: Record<ChecklistKind, string> = {
  accept_agreement: 'Accept the required agreements',
  complete_profile: 'Complete the company profile',
  invite_teammate: 'Invite a teammate',
  custom: 'Custom task (ticked by hand)',
};

export const programStatusCopy: Record<ProgramStatus, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray' },
  published: { label: 'Published', color: 'green' },
  retired: { label: 'Retired', color: 'dark' },
};

export const enrollmentStatusCopy: Record<EnrollmentStatus, { label: string; color: string }> = {
  pending_agreement: { label: 'Waiting for agreement', color: 'yellow' },
  active: { label: 'Active', color: 'green' },
  suspended: { label: 'Suspended', color: 'orange' },
  terminated: { label: 'Terminated', color: 'red' },
};

export const periodLabels = { month: 'per month', quarter: 'per quarter', year: 'per year' } as const;

/** A benefit as a person reads it: "20% discount", "Deal protection for 90 days". */
export function describeBenefit(b: TierBenefit): string {
  const v = b.value ?? 0;
  switch (b.kind) {
    case 'discount_pct':
      return `${v}% discount`;
    case 'referral_fee_pct':
      return `${v}% referral fee`;
    case 'mdf_allowance':
      return `${formatMinor(v, b.currency ?? 'USD')} market development funds${b.period ? ` ${periodLabels[b.period]}` : ''}`;
    case 'deal_protection_days':
      return `Deal protection for ${v} days`;
    case 'marketplace_boost':
      return `Marketplace boost ×${v}`;
    case 'badge':
      return `Badge: ${b.text ?? ''}`;
    case 'custom':
      return b.text ?? 'Custom benefit';
  }
}

const integerFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/**
 * A metric's value or threshold as a person reads it: money (integer minor units) in `currency`,
 * the reporting currency — "$500,000.00" — and any other metric as a number.
 */
export function formatMetric(metric: MetricKey, v: number, currency: string): string {
  return isMoneyMetric(metric) ? formatMinor(v, currency) : integerFormat.format(v);
}

/** A requirement as a person reads it: "Won deals ≥ 5 over the last 365 days", "Sourced revenue ≥ $500,000.00 …". */
export function describeRule(
  r: Pick<TierRule, 'metric' | 'comparison' | 'threshold' | 'windowDays' | 'label'>,
  currency: string,
): string {
  if (r.metric === 'manual_attestation') return `Vendor attests: ${r.label ?? '(no label)'}`;
  const window = windowedMetrics.includes(r.metric) ? ` over the last ${r.windowDays} days` : '';
  return `${metricLabels[r.metric]} ${comparisonSymbols[r.comparison]} ${formatMetric(r.metric, r.threshold, currency)}${window}`;
}

/** A code such as `system_integrator` as words, for codes the server offers without a name. */
export function humanizeCode(code: string): string {
  const words = code.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
