import { describe, expect, it } from 'vitest';
import { describeFilter, draftOf, emptyDraft, filterOf } from './deal-filter-fields';

describe('a deal filter typed in the web app', () => {
  it('becomes the body the API takes, amounts in minor units and empty lists left out', () => {
    expect(filterOf({ ...emptyDraft, countries: ['DE'], currency: 'EUR', min: '1,000.50', max: '' })).toEqual(
      {
        filter: {
          statuses: ['registered', 'approved'],
          countries: ['DE'],
          amount: { currency: 'EUR', min: 100050 },
        },
      },
    );
    expect(filterOf({ ...emptyDraft, statuses: [] })).toEqual({ error: 'Choose at least one deal status' });
    expect(filterOf({ ...emptyDraft, min: '5' })).toEqual({
      error: 'Choose the currency of the amount range',
    });
    expect('error' in filterOf({ ...emptyDraft, currency: 'USD', max: '1.234' })).toBe(true);
  });

  it('reads a saved filter back into its inputs and into words', () => {
    const saved = { statuses: ['won' as const], amount: { currency: 'USD', min: 250000, max: 1000000 } };
    expect(draftOf(saved)).toMatchObject({
      statuses: ['won'],
      currency: 'USD',
      min: '2500.00',
      max: '10000.00',
    });
    expect(describeFilter(saved)).toBe('Won · $2,500.00–$10,000.00');
  });
});
