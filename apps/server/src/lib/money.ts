import { currencyDigits } from '@partnergraph/shared/contracts/money';

/** A decimal string as an exact fraction: "1.0842" → 10842 / 10000. */
function fraction(decimal: string): [bigint, bigint] {
  const [whole, frac = ''] = decimal.split('.');
  return [BigInt(`${whole}${frac}`), 10n ** BigInt(frac.length)];
}

/** n / d rounded half-up (away from zero for halves), for non-negative n and positive d. */
export function divideHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/**
 * Converts integer minor units of one currency into minor units of another at
 * an exact decimal rate (target units per one source unit), rounding half-up
 * once (metrics.md). 1234 USD cents at "0.9" into EUR → 1111 EUR cents.
 */
export function convertMinor(amount: number, from: string, rate: string, to: string): number {
  const [num, den] = fraction(rate);
  const scaleFrom = 10n ** BigInt(currencyDigits(from));
  const scaleTo = 10n ** BigInt(currencyDigits(to));
  return Number(divideHalfUp(BigInt(amount) * num * scaleTo, den * scaleFrom));
}

/** Splits `total` minor units in whole units by percent, half-up: 12.5% of 1001 → 125. */
export function percentOf(total: number, percent: string): number {
  const [num, den] = fraction(percent);
  return Number(divideHalfUp(BigInt(total) * num, den * 100n));
}

/**
 * Largest-remainder split of `total` into `n` even shares (metrics.md): each
 * share is the floor, and the leftover units go one each to the first shares
 * (the caller orders them: ties go to the lower partner id).
 */
export function evenSplit(total: number, n: number): number[] {
  const base = Math.floor(total / n);
  const left = total - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < left ? 1 : 0));
}

/** "1.084200000000" → "1.0842": rates as people write them. */
export function trimDecimal(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/**
 * Sums amounts in several currencies into one, exactly, rounding half-up once
 * at the end (metrics.md). Rates have at most 12 decimals and currencies at
 * most 4, so every term is a whole number of 10^-24 units. A term may count
 * only a `share` [numerator, denominator] of its amount (a budget's days in a
 * period): such a term is kept to 10^-24 of a minor unit, far finer than any
 * such fraction's own denominator, so the half-up rounding at the end is
 * still the exact one.
 */
export function sumConverted(
  terms: { amount: number; currency: string; rate: string; share?: [number, number] }[],
  to: string,
): number {
  const unit = 10n ** 24n;
  let total = 0n;
  const scaleTo = 10n ** BigInt(currencyDigits(to));
  for (const t of terms) {
    const [num, den] = fraction(t.rate);
    const [shareNum, shareDen] = (t.share ?? [1, 1]).map(BigInt) as [bigint, bigint];
    const scaleFrom = 10n ** BigInt(currencyDigits(t.currency));
    total += (BigInt(t.amount) * num * scaleTo * unit * shareNum) / (den * scaleFrom * shareDen);
  }
  // Net sums (accruals less clawbacks) may be negative: round the magnitude, half away from zero.
  return Number(total < 0n ? -divideHalfUp(-total, unit) : divideHalfUp(total, unit));
}

/**
 * Converts minor units of `from` into `to` when both only have rates into the reporting currency
 * (reporting units per one unit of each): amount × fromRate / toRate, rounded half-up once.
 */
export function crossConvertMinor(
  amount: number,
  from: string,
  fromRate: string,
  to: string,
  toRate: string,
): number {
  const [fn, fd] = fraction(fromRate);
  const [tn, td] = fraction(toRate);
  const n = BigInt(amount) * fn * td * 10n ** BigInt(currencyDigits(to));
  const d = fd * tn * 10n ** BigInt(currencyDigits(from));
  return Number(n < 0n ? -divideHalfUp(-n, d) : divideHalfUp(n, d));
}
