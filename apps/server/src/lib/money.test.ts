import { describe, expect, it } from 'vitest';
import { convertMinor, evenSplit, percentOf, trimDecimal } from './money';

describe('money', () => {
  it('converts exactly and rounds half-up once', () => {
    expect(convertMinor(1234, 'USD', '0.9', 'EUR')).toBe(1111); // 11.106 → 11.11
    expect(convertMinor(100, 'EUR', '1.085', 'USD')).toBe(109); // 1.085 → 1.09 (half-up)
    expect(convertMinor(1000, 'JPY', '0.0067', 'USD')).toBe(670); // ¥1000 → $6.70
    expect(convertMinor(670, 'USD', '149.25', 'JPY')).toBe(1000); // $6.70 → ¥999.975 → ¥1000
    expect(convertMinor(1, 'KWD', '3.25', 'USD')).toBe(0); // 0.001 KWD → 0.00325 USD
    expect(convertMinor(10_000_000_000_000, 'USD', '1', 'USD')).toBe(10_000_000_000_000);
  });

  it('splits evenly with the remainder to the first shares', () => {
    expect(evenSplit(100, 3)).toEqual([34, 33, 33]);
    expect(evenSplit(101, 3)).toEqual([34, 34, 33]);
    expect(evenSplit(99, 3)).toEqual([33, 33, 33]);
    expect(evenSplit(1, 2)).toEqual([1, 0]);
    expect(evenSplit(7, 1)).toEqual([7]);
  });

  it('takes percentages half-up and prints rates as written', () => {
    expect(percentOf(1001, '12.5')).toBe(125); // 125.125
    expect(percentOf(1004, '12.5')).toBe(126); // 125.5
    expect(percentOf(500_000, '10')).toBe(50_000);
    expect(trimDecimal('1.084200000000')).toBe('1.0842');
    expect(trimDecimal('2.000000000000')).toBe('2');
  });
});
