import { describe, expect, it } from 'vitest';
import { formatMinor, minorToMajorText, parseMajorAmount } from './money-format';

describe('formatMinor', () => {
  it('shows major units with the currency symbol, by the currency exponent', () => {
    expect(formatMinor(3_795_196, 'USD')).toBe('$37,951.96');
    expect(formatMinor(50_000_000, 'USD')).toBe('$500,000.00');
    expect(formatMinor(5000, 'JPY')).toBe('¥5,000');
    expect(formatMinor(1_234_567, 'BHD')).toBe('BHD\u00a01,234.567');
    expect(formatMinor(5, 'BHD')).toBe('BHD\u00a00.005');
    expect(formatMinor(0, 'EUR')).toBe('€0.00');
    expect(formatMinor(-1999, 'USD')).toBe('-$19.99');
  });

  it('is exact for amounts a float division would round', () => {
    // 9,007,199,254,740,993 is not a double, but the largest amount we store is: no cent is lost.
    expect(formatMinor(9_999_999_999_999, 'USD')).toBe('$99,999,999,999.99');
    expect(minorToMajorText(9_999_999_999_999, 'USD')).toBe('99999999999.99');
    expect(minorToMajorText(7, 'USD')).toBe('0.07');
    expect(minorToMajorText(250, 'JPY')).toBe('250');
  });
});

describe('parseMajorAmount', () => {
  it('reads major units, so 250000 means $250,000.00', () => {
    expect(parseMajorAmount('250000', 'USD')).toEqual({ minor: 25_000_000 });
    expect(parseMajorAmount('$250,000', 'USD')).toEqual({ minor: 25_000_000 });
    expect(parseMajorAmount('1,234.56', 'USD')).toEqual({ minor: 123_456 });
    expect(parseMajorAmount('0.07', 'USD')).toEqual({ minor: 7 });
    expect(parseMajorAmount('.5', 'USD')).toEqual({ minor: 50 });
    expect(parseMajorAmount('1.10', 'USD')).toEqual({ minor: 110 });
  });

  it('converts exactly where a float multiplication would not', () => {
    // 1.005 * 100 = 100.49999999999999 and 4.35 * 100 = 434.99999999999994 as floats.
    expect(parseMajorAmount('4.35', 'USD')).toEqual({ minor: 435 });
    expect(parseMajorAmount('1.005', 'BHD')).toEqual({ minor: 1005 });
    expect(parseMajorAmount('99999999999.99', 'USD')).toEqual({ minor: 9_999_999_999_999 });
  });

  it("respects the currency's minor unit: none for JPY, three for BHD", () => {
    expect(parseMajorAmount('5000', 'JPY')).toEqual({ minor: 5000 });
    expect(parseMajorAmount('5000.00', 'JPY')).toEqual({ minor: 5000 });
    expect(parseMajorAmount('5000.5', 'JPY')).toEqual({ error: 'JPY amounts have no decimal places' });
    expect(parseMajorAmount('12.345', 'BHD')).toEqual({ minor: 12_345 });
    expect(parseMajorAmount('12.3456', 'BHD')).toEqual({
      error: 'BHD amounts have at most 3 decimal places',
    });
    expect(parseMajorAmount('1.234', 'USD')).toEqual({ error: 'USD amounts have at most 2 decimal places' });
  });

  it('names what is wrong with anything else', () => {
    expect(parseMajorAmount('', 'USD')).toEqual({ error: 'Give an amount' });
    expect(parseMajorAmount('-5', 'USD')).toEqual({ error: 'Give an amount as a number, e.g. 1234.56' });
    expect(parseMajorAmount('1e6', 'USD')).toEqual({ error: 'Give an amount as a number, e.g. 1234.56' });
    expect(parseMajorAmount('.', 'USD')).toEqual({ error: 'Give an amount as a number, e.g. 1234.56' });
    expect(parseMajorAmount('0', 'USD')).toEqual({ error: 'An amount must be positive' });
    expect(parseMajorAmount('0', 'USD', { allowZero: true })).toEqual({ minor: 0 });
    expect(parseMajorAmount('100000000000.01', 'USD')).toEqual({ error: 'Amount too large' });
  });

  it('round-trips with the text a form shows', () => {
    for (const [minor, currency] of [
      [123_456, 'USD'],
      [7, 'USD'],
      [5000, 'JPY'],
      [1005, 'BHD'],
    ] as const) {
      expect(parseMajorAmount(minorToMajorText(minor, currency), currency)).toEqual({ minor });
    }
  });
});
