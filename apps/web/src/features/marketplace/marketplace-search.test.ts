import { describe, expect, it } from 'vitest';
import { resultTotal } from './marketplace-search';

describe('the result total a visitor reads', () => {
  it('says "1,000+" when the search matched more than it read, and the exact count otherwise', () => {
    expect(resultTotal({ total: 1000, totalExact: false })).toBe('1,000+ partners');
    expect(resultTotal({ total: 1000, totalExact: true })).toBe('1,000 partners');
    expect(resultTotal({ total: 1, totalExact: true })).toBe('1 partner');
    expect(resultTotal(undefined)).toBe('0 partners');
  });
});
