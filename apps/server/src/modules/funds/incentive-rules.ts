import type { z } from 'zod';
import { formatMinor } from '@partnergraph/shared/contracts/money';
import type { rebateParams, spiffParams } from '@partnergraph/shared/contracts/funds';
import { divideHalfUp, percentOf } from '../../lib/money';

// Incentive rules as pure functions: each answers an amount and, in words, how it was reached, so an
// accrual can be replayed and explained line by line on a statement.

export type RebateParams = z.output<typeof rebateParams>;
export type SpiffParams = z.output<typeof spiffParams>;

export interface Computed {
  amount: number;
  explanation: string;
}

export interface VersionLike {
  id: string;
  effectiveFrom: string;
}

/** The version in force on a date: the latest that took effect on or before it. */
export function versionInForce<V extends VersionLike>(versions: V[], on: string): V | undefined {
  return versions
    .filter((v) => v.effectiveFrom <= on)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
}

/** "2026-Q1" → its first day, the first day after it, and its last day. */
export function quarterBounds(quarter: string) {
  const [y, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  const month = (q - 1) * 3;
  const from = new Date(Date.UTC(y, month, 1));
  const to = new Date(Date.UTC(y, month + 3, 1));
  const last = new Date(to.getTime() - 86_400_000);
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { from: iso(from), to: iso(to), last: iso(last) };
}

/** The referral fee fixed when the referral became a deal, earned on the deal's final amount. */
export function referralFee(
  deal: { amount: number; currency: string; customerName: string },
  fee: { percent: string; basis: string | null },
): Computed {
  const amount = percentOf(deal.amount, fee.percent);
  return {
    amount,
    explanation: `Referral fee: ${trimPercent(fee.percent)}% of ${formatMinor(deal.amount, deal.currency)} won with ${deal.customerName} = ${formatMinor(amount, deal.currency)}${fee.basis ? ` (${fee.basis}, fixed at conversion)` : ''}`,
  };
}

const trimPercent = (p: string) => (p.includes('.') ? p.replace(/0+$/, '').replace(/\.$/, '') : p);
/** A percent text with at most 4 decimals as an integer of ten-thousandths of a percent. */
const pctUnits = (p: string) => {
  const [whole, frac = ''] = p.split('.');
  return BigInt(whole!) * 10_000n + BigInt(frac.padEnd(4, '0').slice(0, 4) || '0');
};

/**
 * A quarterly rebate on sourced revenue. The partner's best matching tier applies; below its threshold
 * nothing is earned; each accelerator pays its own percent on the revenue above its mark (marginal, like
 * tax brackets), and the sum is rounded half-up once.
 */
export function rebate(
  params: RebateParams,
  partnerTiers: string[],
  revenue: number,
  currency: string,
  quarter: string,
): Computed {
  const names = new Set(partnerTiers.map((t) => t.toLowerCase()));
  const candidates = params.tiers.filter((t) => names.has(t.tierName.toLowerCase()));
  if (!candidates.length) {
    return {
      amount: 0,
      explanation: `No rebate tier matches the partner's tiers (${partnerTiers.join(', ') || 'none'})`,
    };
  }
  const results = candidates.map((tier) => {
    const fmt = (n: number) => formatMinor(n, currency);
    if (revenue < tier.thresholdMinor || revenue <= 0) {
      return {
        amount: 0,
        explanation: `${tier.tierName} rebate for ${quarter}: sourced revenue ${fmt(revenue)} is below the ${fmt(tier.thresholdMinor)} threshold`,
      };
    }
    const marks = [...tier.accelerators].sort((a, b) => a.aboveMinor - b.aboveMinor);
    const bands: { from: number; to: number; percent: string }[] = [];
    let start = 0;
    let percent = tier.percent;
    for (const m of marks) {
      if (m.aboveMinor >= revenue) break;
      if (m.aboveMinor > start) bands.push({ from: start, to: m.aboveMinor, percent });
      start = Math.max(start, m.aboveMinor);
      percent = m.percent;
    }
    bands.push({ from: start, to: revenue, percent });
    const exact = bands.reduce((s, b) => s + BigInt(b.to - b.from) * pctUnits(b.percent), 0n);
    const amount = Number(divideHalfUp(exact, 1_000_000n));
    const parts = bands.map((b) =>
      bands.length === 1
        ? `${trimPercent(b.percent)}% of ${fmt(b.to - b.from)}`
        : `${trimPercent(b.percent)}% of ${fmt(b.to - b.from)} (${fmt(b.from)}–${fmt(b.to)})`,
    );
    return {
      amount,
      explanation: `${tier.tierName} rebate for ${quarter}: sourced revenue ${fmt(revenue)} (threshold ${fmt(tier.thresholdMinor)} met); ${parts.join(' + ')} = ${fmt(amount)}`,
    };
  });
  return results.sort((a, b) => b.amount - a.amount)[0]!;
}

/** A SPIFF: a fixed amount for a won deal that lists the product and closed inside the window. */
export function spiff(
  params: SpiffParams,
  deal: { products: string[]; closeDate: string; customerName: string },
): Computed | null {
  const product = params.product.toLowerCase();
  if (!deal.products.some((p) => p.toLowerCase() === product)) return null;
  if (deal.closeDate < params.from || deal.closeDate > params.to) return null;
  return {
    amount: params.amountMinor,
    explanation: `SPIFF: ${formatMinor(params.amountMinor, params.currency)} for a won deal with ${deal.customerName} listing ${params.product}, closed ${deal.closeDate} (window ${params.from} to ${params.to})`,
  };
}
