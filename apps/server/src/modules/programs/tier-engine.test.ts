import { describe, expect, it } from 'vitest';
import type { TierRule } from '@partnergraph/shared/contracts/programs';
import { decideTierChange, evaluateTiers, readingKey, type MetricReading, type TierDef } from './tier-engine';

const rule = (metric: TierRule['metric'], threshold: number, extra: Partial<TierRule> = {}): TierRule => ({
  metric,
  comparison: 'gte',
  threshold,
  windowDays: 365,
  ...extra,
});
const tiers: TierDef[] = [
  { id: 't1', code: 'registered', name: 'Registered', rank: 1, requirements: [] },
  {
    id: 't2',
    code: 'silver',
    name: 'Silver',
    rank: 2,
    requirements: [rule('won_deals', 3), rule('certified_users', 1)],
  },
  {
    id: 't3',
    code: 'gold',
    name: 'Gold',
    rank: 3,
    requirements: [rule('won_deals', 10), rule('manual_attestation', 1, { label: 'Security review' })],
  },
];
const readings = (m: Record<string, MetricReading>) => new Map(Object.entries(m));

describe('tier evaluation', () => {
  it('qualifies for the highest tier whose every rule is met, and explains each rule', () => {
    const r = evaluateTiers(
      tiers,
      readings({
        [readingKey(rule('won_deals', 0))]: { value: 4 },
        [readingKey(rule('certified_users', 0))]: { value: 2 },
        [readingKey(rule('manual_attestation', 0, { label: 'Security review' }))]: { value: 1 },
      }),
    );
    expect(r.qualified?.code).toBe('silver');
    const gold = r.tiers.find((t) => t.code === 'gold')!;
    expect(gold.qualified).toBe(false);
    expect(gold.rules[0]).toMatchObject({
      value: 4,
      met: false,
      reason: 'Unmet: won deals over the last 365 days is 4, needs ≥ 10',
    });
    expect(gold.rules[1]).toMatchObject({
      met: true,
      reason: 'Met: attestation "Security review" recorded by the vendor',
    });
  });

  it('reads a missing metric as unmet with its reason, and never falls below the entry tier', () => {
    const r = evaluateTiers(
      tiers,
      readings({
        [readingKey(rule('won_deals', 0))]: { value: null, missing: 'deals are not recorded yet' },
      }),
    );
    expect(r.qualified?.code).toBe('registered');
    expect(r.tiers[1]!.rules[0]!.reason).toBe('Unmet: deals are not recorded yet');
  });

  it('treats a threshold of 0 as met by a value of 0', () => {
    const r = evaluateTiers(
      [{ id: 'x', code: 'x', name: 'X', rank: 1, requirements: [rule('won_deals', 0)] }],
      readings({ [readingKey(rule('won_deals', 0))]: { value: 0 } }),
    );
    expect(r.tiers[0]!.qualified).toBe(true);
  });

  it("explains money in the reporting currency's major unit, never in cents", () => {
    const revenue = rule('sourced_revenue', 50_000_000);
    const usd = evaluateTiers(
      [{ id: 'g', code: 'gold', name: 'Gold', rank: 1, requirements: [revenue] }],
      readings({ [readingKey(revenue)]: { value: 3_795_196 } }),
      'USD',
    );
    expect(usd.tiers[0]!.rules[0]).toMatchObject({
      value: 3_795_196,
      threshold: 50_000_000,
      currency: 'USD',
      reason: 'Unmet: sourced revenue over the last 365 days is $37,951.96, needs ≥ $500,000.00',
    });
    // The exponent is the currency's: yen have no minor unit, so the same integers read as yen.
    const jpy = evaluateTiers(
      [{ id: 'g', code: 'gold', name: 'Gold', rank: 1, requirements: [revenue] }],
      readings({ [readingKey(revenue)]: { value: 50_000_000 } }),
      'JPY',
    );
    expect(jpy.tiers[0]!.rules[0]!.reason).toBe(
      'Met: sourced revenue over the last 365 days is ¥50,000,000, needs ≥ ¥50,000,000',
    );
    // A count carries no currency.
    expect(usd.tiers[0]!.rules[0]).toHaveProperty('currency');
    const counts = evaluateTiers(tiers, readings({}), 'USD');
    expect(counts.tiers[1]!.rules[0]).not.toHaveProperty('currency');
  });
});

describe('tier changes', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  it('promotes at once', () => {
    expect(
      decideTierChange({ currentRank: 1, qualifiedRank: 3, demotionPendingSince: null, graceDays: 90, now }),
    ).toEqual({ kind: 'promotion', toRank: 3 });
  });
  it('waits out the grace period before demoting, counted from the first shortfall', () => {
    const first = decideTierChange({
      currentRank: 3,
      qualifiedRank: 2,
      demotionPendingSince: null,
      graceDays: 30,
      now,
    });
    expect(first).toEqual({
      kind: 'demotion_pending',
      since: now,
      effectiveAt: new Date('2026-07-01T00:00:00Z'),
    });
    const later = new Date('2026-07-01T00:00:00Z');
    expect(
      decideTierChange({
        currentRank: 3,
        qualifiedRank: 2,
        demotionPendingSince: now,
        graceDays: 30,
        now: later,
      }),
    ).toEqual({ kind: 'demotion', toRank: 2 });
  });
  it('clears a pending demotion when the partner qualifies again', () => {
    expect(
      decideTierChange({ currentRank: 2, qualifiedRank: 2, demotionPendingSince: now, graceDays: 30, now }),
    ).toEqual({ kind: 'none', clearPending: true });
  });
  it('demotes at once with no grace period', () => {
    expect(
      decideTierChange({ currentRank: 2, qualifiedRank: 1, demotionPendingSince: null, graceDays: 0, now }),
    ).toEqual({ kind: 'demotion', toRank: 1 });
  });
});
