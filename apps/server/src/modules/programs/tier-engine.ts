// The tier engine's rules, free of I/O so they can be tested by hand: which
// tier an organization qualifies for, why, and whether that changes its tier
// now (promotions at once, demotions after a grace period).
import { isMoneyMetric, type MetricKey, type TierRule } from '@partnergraph/shared/contracts/programs';
import { formatMinor } from '@partnergraph/shared/money-format';

export interface TierDef {
  id: string;
  code: string;
  name: string;
  rank: number;
  requirements: TierRule[];
}

export interface MetricReading {
  value: number | null;
  /** Why there is no value, when there is none. */
  missing?: string;
}

export interface RuleResult {
  metric: MetricKey;
  comparison: TierRule['comparison'];
  threshold: number;
  windowDays: number;
  label: string | null;
  value: number | null;
  /** For a money metric: the currency its value and threshold (integer minor units) are in. */
  currency?: string;
  met: boolean;
  reason: string;
}

const symbols = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' } as const;

export const metricNames: Record<MetricKey, string> = {
  sourced_revenue: 'sourced revenue',
  won_deals: 'won deals',
  converted_referrals_sent: 'converted referrals sent',
  certified_users: 'certified users',
  engagement_score: 'engagement score',
  active_connections: 'active connections',
  manual_attestation: 'attestation',
  lead_acceptance_rate: 'lead acceptance rate (%)',
};

/** A metric's name to start a sentence with: "Sourced revenue". */
export const metricLabel = (metric: MetricKey) =>
  metricNames[metric].charAt(0).toUpperCase() + metricNames[metric].slice(1);

export function compare(value: number, comparison: TierRule['comparison'], threshold: number): boolean {
  switch (comparison) {
    case 'gte':
      return value >= threshold;
    case 'gt':
      return value > threshold;
    case 'lte':
      return value <= threshold;
    case 'lt':
      return value < threshold;
    case 'eq':
      return value === threshold;
  }
}

/** A stable key for one rule's reading, so each distinct metric/window/label is read once. */
export const readingKey = (r: TierRule) => `${r.metric}|${r.windowDays}|${r.label ?? ''}`;

/**
 * Judges one rule. Money metrics read and compare in integer minor units of `currency` (the
 * reporting currency) and are explained in it: "$37,951.96, needs ≥ $500,000.00".
 */
/** A metric's value or threshold in words: money (integer minor units) in `currency`, anything else as is. */
export const formatMetricValue = (metric: MetricKey, v: number, currency: string) =>
  isMoneyMetric(metric) ? formatMinor(v, currency) : String(v);

export function judgeRule(rule: TierRule, reading: MetricReading, currency = 'USD'): RuleResult {
  const money = isMoneyMetric(rule.metric);
  const amount = (v: number) => formatMetricValue(rule.metric, v, currency);
  const base = {
    metric: rule.metric,
    comparison: rule.comparison,
    threshold: rule.threshold,
    windowDays: rule.windowDays,
    label: rule.label ?? null,
    value: reading.value,
    ...(money ? { currency } : {}),
  };
  const what =
    rule.metric === 'manual_attestation' ? `attestation "${rule.label ?? ''}"` : metricNames[rule.metric];
  if (reading.value === null) {
    return { ...base, met: false, reason: `Unmet: ${reading.missing ?? `no value for ${what}`}` };
  }
  const met = compare(reading.value, rule.comparison, rule.threshold);
  const window = ['sourced_revenue', 'won_deals', 'converted_referrals_sent', 'engagement_score'].includes(
    rule.metric,
  )
    ? ` over the last ${rule.windowDays} days`
    : '';
  if (rule.metric === 'manual_attestation') {
    return {
      ...base,
      met,
      reason: met ? `Met: ${what} recorded by the vendor` : `Unmet: ${what} not recorded yet`,
    };
  }
  return {
    ...base,
    met,
    reason: `${met ? 'Met' : 'Unmet'}: ${what}${window} is ${amount(reading.value)}, needs ${symbols[rule.comparison]} ${amount(rule.threshold)}`,
  };
}

export function evaluateTiers(tiers: TierDef[], readings: Map<string, MetricReading>, currency = 'USD') {
  const sorted = [...tiers].sort((a, b) => a.rank - b.rank);
  const results = sorted.map((tier) => {
    const rules = tier.requirements.map((r) =>
      judgeRule(r, readings.get(readingKey(r)) ?? { value: null }, currency),
    );
    return {
      id: tier.id,
      code: tier.code,
      name: tier.name,
      rank: tier.rank,
      qualified: rules.every((r) => r.met),
      rules,
    };
  });
  // The entry tier is the floor: an enrolled partner never falls below it.
  const entry = results[0];
  const best = [...results].reverse().find((t) => t.qualified) ?? entry;
  return { tiers: results, qualified: best ?? null };
}

export type TierDecision =
  | { kind: 'none'; clearPending: boolean }
  | { kind: 'promotion'; toRank: number }
  | { kind: 'demotion'; toRank: number }
  | { kind: 'demotion_pending'; since: Date; effectiveAt: Date };

/** Promotions apply at once; a demotion waits `graceDays` from when the shortfall was first seen. */
export function decideTierChange(input: {
  currentRank: number | null;
  qualifiedRank: number;
  demotionPendingSince: Date | null;
  graceDays: number;
  now: Date;
}): TierDecision {
  const { currentRank, qualifiedRank, demotionPendingSince, graceDays, now } = input;
  if (currentRank === null || qualifiedRank > currentRank)
    return { kind: 'promotion', toRank: qualifiedRank };
  if (qualifiedRank === currentRank) return { kind: 'none', clearPending: demotionPendingSince !== null };
  const since = demotionPendingSince ?? now;
  const effectiveAt = new Date(since.getTime() + graceDays * 24 * 3600_000);
  if (effectiveAt.getTime() <= now.getTime()) return { kind: 'demotion', toRank: qualifiedRank };
  return { kind: 'demotion_pending', since, effectiveAt };
}
