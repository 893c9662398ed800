import { describe, expect, it } from 'vitest';
import { countryName, countryOptions } from './countries';
import { searchDate, searchOneOf, searchText } from './search-params';

describe('search parameter readers', () => {
  it('read what a person typed in the URL, and nothing unexpected', () => {
    expect(searchText(2024)).toBe('2024');
    expect(searchText('  north  ')).toBe('north');
    expect(searchText('   ')).toBeUndefined();
    expect(searchText({ q: 1 })).toBeUndefined();
    expect(searchOneOf(['open', 'won'] as const, 'won')).toBe('won');
    expect(searchOneOf(['open', 'won'] as const, 'WON')).toBeUndefined();
    expect(searchDate('2026-12-06')).toBe('2026-12-06');
    expect(searchDate('06/12/2026')).toBeUndefined();
  });
});

describe('countries', () => {
  it('offers every code the API accepts, named and sorted for a person', () => {
    const codes = countryOptions.map((o) => o.value);
    expect(codes).toContain('DE');
    expect(codes).toContain('XK');
    expect(new Set(codes).size).toBe(codes.length);
    expect(countryOptions.find((o) => o.value === 'DE')?.label).toBe('Germany');
    const labels = countryOptions.map((o) => o.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en')));
    expect(countryName('GB')).toBe('United Kingdom');
    expect(countryName(null)).toBe('');
  });
});
