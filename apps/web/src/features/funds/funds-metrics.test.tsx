import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Metrics from './funds-metrics';

// The funds metrics screen against a stubbed network (as in api/client.test.ts: relative URLs need an
// origin): MDF utilization in the reporting currency, for all budgets and by budget.
const ORIGIN = 'https://partners.example.test';
class PageRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, ORIGIN) : input, init);
  }
}
let FundsMetrics: typeof Metrics.FundsMetrics;
const body = {
  period: { from: '2027-01-01', to: '2028-01-01' },
  mdfUtilization: {
    currency: 'USD',
    budget: 13_800_000,
    spent: 3_800_010,
    utilization: { value: 0.2754 },
    notConverted: [{ currency: 'GBP', amount: 50_000 }],
    budgets: [
      {
        budgetId: 'b1',
        name: 'EUR MDF',
        fund: 'MDF',
        currency: 'EUR',
        amount: 10_000_000,
        budget: 12_000_000,
        spent: 2_900_010,
        utilization: { value: 0.2417 },
      },
      {
        budgetId: 'b2',
        name: 'GBP co-op',
        fund: 'Co-op',
        currency: 'GBP',
        amount: 1_000_000,
        budget: null,
        spent: 0,
        utilization: { value: null, reason: 'No GBP→USD rate in force on 2027-03-31' },
      },
    ],
  },
  claimCycleDays: { value: 7 },
  mdfReturn: [],
  incentiveCostShare: {
    currency: 'USD',
    cost: 0,
    notConverted: [],
    sourcedRevenue: 0,
    share: { value: null, reason: 'No partner-sourced revenue in the period' },
  },
};

beforeAll(async () => {
  vi.stubGlobal('Request', PageRequest);
  vi.stubGlobal('fetch', () =>
    Promise.resolve(
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }),
    ),
  );
  ({ FundsMetrics } = await import('./funds-metrics'));
});

describe('the funds metrics', () => {
  it('show MDF utilization in the reporting currency, for all budgets and by budget', async () => {
    render(
      <MantineProvider env="test">
        <QueryClientProvider client={new QueryClient()}>
          <FundsMetrics />
        </QueryClientProvider>
      </MantineProvider>,
    );
    const section = await screen.findByLabelText('MDF utilization');
    expect(section.textContent).toContain('27.5% · $38,000.10 of claims approved');
    expect(section.textContent).toContain('$138,000.00 budgeted');
    expect(section.textContent).toContain('Not counted: £500.00');
    const rows = within(screen.getByRole('table', { name: 'MDF utilization by budget' })).getAllByRole('row');
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent))).toEqual([
      [],
      ['EUR MDF (MDF)', '€100,000.00', '$120,000.00', '$29,000.10', '24.2%'],
      ['GBP co-op (Co-op)', '£10,000.00', '—', '$0.00', 'No GBP→USD rate in force on 2027-03-31'],
    ]);
  });
});
