import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { signIn, tableRows, useBrowser, waitForPath } from './support/browser';

// The vendor's analyst reads the ecosystem dashboards on the demo ecosystem: living figures on the
// overview; revenue by partner type whose CSV says what the screen says, credit that follows the
// attribution model; a period with no data that says so; and who refers to whom as a heat map.

/** The value a headline card shows, e.g. "$9,648,538.20" or "—". */
async function headline(page: Page, label: string): Promise<string> {
  const card = page.getByRole('article', { name: label, exact: true });
  return ((await card.getByTestId('figure-value').textContent()) ?? '').trim();
}

/** A dashboard section (a chart card or a row of headlines), by its heading. */
const section = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });

/** Switches a chart card between its chart and its table (the segmented control's label takes the click). */
async function showTable(page: Page, title: string) {
  await section(page, title).locator('label').filter({ hasText: 'Table' }).click();
}

async function openDashboard(page: Page, tab: string) {
  await page
    .getByRole('navigation', { name: 'Dashboards' })
    .getByRole('link', { name: tab, exact: true })
    .click();
}

const money = /^\$\d{1,3}(,\d{3})*\.\d{2}$/;

describe('ecosystem dashboards', () => {
  const browser = useBrowser();

  test('the analyst opens Analytics from the nav and reads living figures', async () => {
    const page = browser.page();
    await signIn(page, accounts.analyst);
    await waitForPath(page, '/partners');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Analytics', exact: true })
      .click();
    await waitForPath(page, '/analytics');
    await page.getByRole('heading', { name: 'Ecosystem overview', level: 1 }).waitFor();

    // The demo ecosystem won, referred and integrated in the last 12 months.
    await section(page, 'Headlines').waitFor();
    expect(await headline(page, 'Partner-sourced revenue')).toMatch(money);
    expect(await headline(page, 'Ecosystem-influenced pipeline')).toMatch(money);
    expect(await headline(page, 'Ecosystem share of revenue')).toMatch(/^\d{1,3}\.\d%$/);
    expect(Number(await headline(page, 'Partner-to-partner referrals'))).toBeGreaterThan(0);
    // The monthly trend draws its lines once scrolled to (the chart's code loads then), and its table
    // holds a row per month.
    const trend = section(page, 'Monthly trend');
    await trend.scrollIntoViewIfNeeded();
    await trend.locator('.recharts-line').first().waitFor();
    await showTable(page, 'Monthly trend');
    const months = await tableRows(page, 'Monthly trend');
    expect(months.length).toBeGreaterThanOrEqual(12);
    expect(months.at(-1)).toMatch(/^[A-Z][a-z]{2} \d{4} \| \$/);
  });

  test('revenue: the stacked chart, its table, a CSV that agrees, and credit by model', async () => {
    const page = browser.page();
    await signIn(page, accounts.analyst);
    await waitForPath(page, '/partners');
    await page.goto('/analytics');
    await openDashboard(page, 'Revenue');
    await waitForPath(page, '/analytics/revenue');
    await page.getByRole('heading', { name: 'Revenue', level: 1 }).waitFor();

    // Revenue by partner type over the quarters, stacked: several bars share each quarter's column.
    const byQuarter = 'Sourced revenue by partner type, by quarter';
    const bars = section(page, byQuarter).locator('.recharts-bar-rectangle path');
    await bars.first().waitFor();
    const columns = await bars.evaluateAll((paths) => paths.map((p) => p.getAttribute('x')));
    expect(new Set(columns).size).toBeGreaterThan(1);
    expect(columns.length).toBeGreaterThan(new Set(columns).size);
    await showTable(page, byQuarter);
    const quarters = await tableRows(page, byQuarter);
    expect(quarters.length).toBeGreaterThanOrEqual(4);
    for (const row of quarters) expect(row).toMatch(/^\d{4} Q[1-4] \| \$/);

    // The CSV of the totals holds the very figure on the screen, in major units.
    const sourced = await headline(page, 'Partner-sourced');
    expect(sourced).toMatch(money);
    const href = await section(page, 'Totals')
      .getByRole('link', { name: 'Download Totals as CSV' })
      .getAttribute('href');
    expect(href).toContain('section=totals');
    const csv = await page.request.get(href ?? '');
    expect(csv.ok()).toBe(true);
    expect(await csv.text()).toContain(`totals,period,sourced,${sourced.replace(/[$,]/g, '')},USD,`);

    // Another attribution model goes into the address and changes the partners' influence credit.
    const credit = 'Credit by partner';
    const even = await tableRows(page, credit);
    expect(even.length).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: 'Attribution model' }).click();
    await page.getByRole('option', { name: 'Last involved' }).click();
    await page.waitForURL((url) => url.searchParams.get('model') === 'last_touch');
    await section(page, credit)
      .getByRole('columnheader', { name: 'Influence credit (last involved)' })
      .waitFor();
    await expect.poll(() => tableRows(page, credit)).not.toEqual(even);
    // Each partner leads to its scorecard.
    const first = page.getByRole('table', { name: credit }).getByRole('link').first();
    expect(await first.getAttribute('href')).toMatch(/^\/analytics\/partners\/[^/?]+\?.*model=last_touch/);
  });

  test('a period with no won deals says so instead of showing numbers', async () => {
    const page = browser.page();
    await signIn(page, accounts.analyst);
    await waitForPath(page, '/partners');
    await page.goto('/analytics/revenue?from=2001-01-01&to=2002-01-01');
    await page.getByRole('heading', { name: 'Revenue', level: 1 }).waitFor();
    await page.getByText('Jan 1, 2001 – Dec 31, 2001 · amounts in USD').waitFor();

    expect(await headline(page, 'Partner-sourced')).toBe('—');
    expect(await headline(page, 'Ecosystem share')).toBe('—');
    const totals = section(page, 'Totals');
    expect(await totals.getByText('No won deals in this period').count()).toBeGreaterThan(0);
    // The charts say why they have nothing to draw, rather than drawing zeros.
    const chart = section(page, 'Sourced revenue by partner type, by quarter');
    expect(await chart.getByRole('status').textContent()).toBe('No won deals in this period');
    expect(await chart.locator('.recharts-surface').count()).toBe(0);
    expect(await page.getByText(/NaN|\$0\.00|0\.0%/).count()).toBe(0);

    // The overview of that year says it too.
    await openDashboard(page, 'Overview');
    await waitForPath(page, '/analytics');
    await page.getByRole('status').filter({ hasText: 'No won deals in this period' }).first().waitFor();
    expect(await headline(page, 'Partner-sourced revenue')).toBe('—');
  });

  test('the referral matrix is a heat map with the counts in its cells', async () => {
    const page = browser.page();
    await signIn(page, accounts.analyst);
    await waitForPath(page, '/partners');
    await page.goto('/analytics');
    await openDashboard(page, 'Referrals');
    await waitForPath(page, '/analytics/referrals');
    await page.getByRole('heading', { name: 'Referrals', level: 1 }).waitFor();

    const matrix = 'Referrals by referrer type (rows) and recipient type (columns)';
    await page.getByRole('table', { name: matrix }).waitFor();
    const rows = await tableRows(page, matrix);
    expect(rows.length).toBeGreaterThan(1);
    // Every referral created in the period sits in one cell: the cells add up to the count of all.
    const cells = rows.flatMap((row) => row.split(' | ').slice(1).map(Number));
    expect(cells.every((n) => Number.isInteger(n))).toBe(true);
    const all = Number(await headline(page, 'All'));
    expect(all).toBeGreaterThan(0);
    expect(cells.reduce((a, b) => a + b, 0)).toBe(all);
    // Busier cells are shaded darker.
    const shaded = page.getByRole('table', { name: matrix }).locator('td[style*="color-mix"]');
    expect(await shaded.count()).toBe(cells.filter((n) => n > 0).length);
  });
});
