import { and, eq } from 'drizzle-orm';
import type { MetricKey, TierRule } from '@partnergraph/shared/contracts/programs';
import type { Queryable } from '../../db/client';
import type { MetricReading } from './tier-engine';
import { attestations } from './programs.tables';

export interface MetricContext {
  organizationId: string;
  now: Date;
}

/**
 * Where tier rules get their numbers. Each module that owns a metric
 * registers a provider here (deals: sourced revenue and won deals; referrals:
 * converted referrals; marketplace: active connections; analytics:
 * engagement), explicitly where the app is built (providers.ts). A metric with no provider reads as missing, and the
 * rule as unmet, with that reason.
 */
export type MetricProvider = (q: Queryable, ctx: MetricContext, rule: TierRule) => Promise<number>;

const providers = new Map<MetricKey, MetricProvider>();

const owners: Record<MetricKey, string> = {
  sourced_revenue: 'deal registration',
  won_deals: 'deal registration',
  converted_referrals_sent: 'partner-to-partner referrals',
  certified_users: 'certifications',
  engagement_score: 'the community',
  active_connections: 'the marketplace',
  manual_attestation: 'attestations',
  lead_acceptance_rate: 'lead distribution',
};

export function registerMetricProvider(metric: MetricKey, provider: MetricProvider) {
  providers.set(metric, provider);
}

/** Why nothing can read this metric yet ("not measured yet: …"), or null when something records it. */
export function unmeasuredReason(metric: MetricKey): string | null {
  return providers.has(metric) ? null : `not measured yet: ${owners[metric]} is not recording this metric`;
}

export async function readMetric(q: Queryable, ctx: MetricContext, rule: TierRule): Promise<MetricReading> {
  const provider = providers.get(rule.metric);
  if (!provider) return { value: null, missing: unmeasuredReason(rule.metric)! };
  return { value: await provider(q, ctx, rule) };
}

// Attestations are recorded by this module, so their provider lives here.
const manualAttestation: MetricProvider = async (q, ctx, rule) => {
  if (!rule.label) return 0;
  const [row] = await q
    .select({ label: attestations.label })
    .from(attestations)
    .where(and(eq(attestations.organizationId, ctx.organizationId), eq(attestations.label, rule.label)));
  return row ? 1 : 0;
};

export function registerProgramMetrics() {
  registerMetricProvider('manual_attestation', manualAttestation);
}
