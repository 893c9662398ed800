import { describe, expect, it } from 'vitest';
import { quarterBounds, rebate, referralFee, spiff, versionInForce } from './incentive-rules';

const params = {
  kind: 'rebate' as const,
  tiers: [
    {
      tierName: 'Gold',
      percent: '2',
      thresholdMinor: 5_000_000,
      accelerators: [{ aboveMinor: 20_000_000, percent: '3.5' }],
    },
    { tierName: 'Silver', percent: '1', thresholdMinor: 5_000_000, accelerators: [] },
  ],
};

describe('incentive rules', () => {
  it('rebates a percent of quarterly sourced revenue, with the accelerator on the part above its mark', () => {
    // $300,000: 2% of the first $200,000 = $4,000; 3.5% of the next $100,000 = $3,500.
    const r = rebate(params, ['Gold'], 30_000_000, 'USD', '2026-Q1');
    expect(r.amount).toBe(750_000);
    expect(r.explanation).toContain('2% of $200,000.00');
    expect(r.explanation).toContain('3.5% of $100,000.00');
    expect(r.explanation).toContain('= $7,500.00');
  });

  it('earns nothing below the threshold, and says why', () => {
    const r = rebate(params, ['Gold'], 4_999_999, 'USD', '2026-Q1');
    expect(r.amount).toBe(0);
    expect(r.explanation).toContain('below the $50,000.00 threshold');
    expect(rebate(params, ['Platinum'], 40_000_000, 'USD', '2026-Q1').amount).toBe(0);
  });

  it('takes the best of the partner’s tiers and rounds half-up once', () => {
    expect(rebate(params, ['Silver', 'Gold'], 10_000_050, 'USD', 'Q').amount).toBe(200_001);
    expect(rebate(params, ['Silver'], 10_000_050, 'USD', 'Q').amount).toBe(100_001);
  });

  it('fixes the referral fee at the converted percent', () => {
    const f = referralFee(
      { amount: 1_234_567, currency: 'EUR', customerName: 'Acme' },
      { percent: '7.5000', basis: 'Gold tier' },
    );
    expect(f.amount).toBe(92_593);
    expect(f.explanation).toContain('7.5% of €12,345.67');
  });

  it('pays a SPIFF only for the product inside the window', () => {
    const p = {
      kind: 'spiff' as const,
      currency: 'USD',
      amountMinor: 50_000,
      product: 'Backup',
      from: '2026-01-01',
      to: '2026-03-31',
    };
    expect(spiff(p, { products: ['backup'], closeDate: '2026-02-01', customerName: 'A' })?.amount).toBe(
      50_000,
    );
    expect(spiff(p, { products: ['backup'], closeDate: '2026-04-01', customerName: 'A' })).toBeNull();
    expect(spiff(p, { products: ['Sync'], closeDate: '2026-02-01', customerName: 'A' })).toBeNull();
  });

  it('picks the version in force on a date, and knows a quarter’s bounds', () => {
    const vs = [
      { id: 'a', effectiveFrom: '2026-01-01' },
      { id: 'b', effectiveFrom: '2026-04-01' },
    ];
    expect(versionInForce(vs, '2026-03-31')?.id).toBe('a');
    expect(versionInForce(vs, '2026-04-01')?.id).toBe('b');
    expect(versionInForce(vs, '2025-12-31')).toBeUndefined();
    expect(quarterBounds('2026-Q4')).toEqual({ from: '2026-10-01', to: '2027-01-01', last: '2026-12-31' });
  });
});
