import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { apiAs } from './support/api';
import { signIn, tableRows, useBrowser, waitForPath } from './support/browser';

// The ecosystem's shape: the analyst reads the coverage map and finds a partner in the partner
// graph; a partner admin reads its own scorecard and no one else's; the vendor admin adds a market
// it covers directly, and the coverage dashboard counts it.

async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

async function dashboard(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Dashboards' }).getByRole('link', { name, exact: true }).click();
}

/**
 * A chart card's table view. The switch is a radio under its label; a click on the label can land
 * on the sticky header once the page has scrolled, so the radio is clicked directly.
 */
async function showTable(card: Locator) {
  await card.getByRole('radio', { name: 'Table' }).dispatchEvent('click');
}

/** The number of direct cells the coverage dashboard names. */
async function directCells(page: Page): Promise<number> {
  return Number(await page.getByTestId('direct-cells').textContent());
}

describe('analytics: coverage, the partner graph and scorecards', () => {
  const browser = useBrowser();

  test('the analyst reads the coverage map and multiplier', async () => {
    const page = browser.page();
    await signIn(page, accounts.analyst);
    await waitForPath(page, '/partners');
    await nav(page, 'Analytics');
    await waitForPath(page, '/analytics');
    await dashboard(page, 'Coverage');
    await waitForPath(page, '/analytics/coverage');
    await page.getByRole('heading', { name: 'Coverage', level: 1 }).waitFor();

    // The multiplier is a number ("11.2×"), or with no direct coverage a count of cells.
    const cells = page.getByRole('article', { name: /^Market cells: (multiplier|covered)$/ });
    expect(await cells.getByTestId('figure-value').textContent()).toMatch(/^\d[\d,]*(\.\d+)?×?$/);

    // The world map: country shapes, the covered ones shaded and named for the keyboard.
    const map = page.getByTestId('coverage-map');
    await map.waitFor();
    expect(await map.locator('path[data-country]').count()).toBeGreaterThan(150);
    const us = map.getByRole('img', { name: /^United States: \d+ partners?, \d+ cells? covered/ });
    await us.focus();
    expect(await us.getAttribute('aria-label')).toContain('direct coverage');
    // Direct countries are outlined; the legend names the shades.
    expect(await map.locator('path[data-direct]').count()).toBeGreaterThan(0);
    await page.getByRole('list', { name: 'Legend' }).getByText('Direct coverage (outlined)').waitFor();

    // The map's table view names the same countries.
    const card = page.getByRole('region', { name: 'Partner coverage by country', exact: true });
    await showTable(card);
    const countries = await tableRows(page, 'Partner coverage by country');
    expect(countries.find((row) => row.startsWith('United States |'))).toMatch(
      /^United States \| \d+ \| \d+ \| Yes$/,
    );

    // The country × industry heat map is a table with a caption; gaps are listed.
    const heat = page.getByRole('table', { name: 'Country × industry coverage' });
    await heat.waitFor();
    expect(await heat.locator('caption').textContent()).toContain('market cell');
    expect(await heat.getByRole('columnheader', { name: 'Information' }).count()).toBe(1);
    await page.getByRole('region', { name: 'Coverage gaps' }).waitFor();
  });

  test('the analyst finds a partner in the network graph and opens its scorecard', async () => {
    const page = browser.page();
    await signIn(page, accounts.analyst);
    await waitForPath(page, '/partners');
    await page.goto('/analytics/network');
    await page.getByRole('heading', { name: 'Network', level: 1 }).waitFor();
    for (const label of ['Participation rate', 'Graph density', 'Network revenue share'])
      await page.getByRole('article', { name: label }).waitFor();

    // The graph is drawn (WebGL), or listed when the browser has none; either way the page stands.
    await page
      .locator('[data-testid="partner-graph"] canvas, [data-testid="graph-fallback"]')
      .first()
      .waitFor();
    const drawn = await page.getByTestId('partner-graph').count();
    if (drawn) expect(await page.getByTestId('partner-graph').locator('canvas').count()).toBeGreaterThan(0);

    // The top connector, found by name.
    const [top] = await tableRows(page, 'Connectors');
    const name = top?.split(' | ')[1] ?? '';
    expect(name).not.toBe('');
    const search = page.getByRole('combobox', { name: 'Find a partner' });
    await search.fill(name.slice(0, 5));
    await page.getByRole('option', { name, exact: true }).click();
    const details = page.getByRole('region', { name: 'Selected partner' });
    await details.getByRole('heading', { name, level: 3 }).waitFor();
    const figures = await tableRows(page, `${name}: network figures`);
    expect(figures[0]).toMatch(/^PageRank \| 0\.\d{4}$/);
    expect(figures[1]).toMatch(/^Degree \| \d+ partners?$/);

    await details.getByRole('link', { name: 'Open scorecard' }).click();
    await waitForPath(page, /^\/analytics\/partners\/[^/]+$/);
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByText('Partner scorecard', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Partner page' }).waitFor();
  });

  test('a partner admin reads its own scorecard, never another partner’s', async () => {
    const page = browser.page();
    browser.expectStatus(404);
    await signIn(page, accounts.northwindAdmin);
    await waitForPath(page, '/home');
    await nav(page, 'Scorecard');
    await waitForPath(page, /^\/analytics\/partners\/[^/]+$/);
    await page.getByRole('heading', { name: 'Northwind Systems', level: 1 }).waitFor();
    await page.getByText('Your scorecard', { exact: true }).waitFor();

    const sourced = page.getByRole('article', { name: 'Sourced revenue' }).getByTestId('figure-value');
    expect(await sourced.textContent()).toMatch(/^(\$[\d,]+\.\d{2}|—)$/);
    expect(await page.getByTestId('health-score').textContent()).toMatch(/^\d+(\.\d)?$/);
    await showTable(page.getByRole('region', { name: 'Health' }));
    await page.getByRole('table', { name: 'Health components' }).waitFor();
    expect((await tableRows(page, 'Health components')).map((row) => row.split(' | ')[1])).toEqual([
      '40%',
      '30%',
      '30%',
    ]);

    // Benchmarks are means over at least five organizations, labelled as such: no other partner is named,
    // and no column claims a percentile it does not compute.
    const region = page.getByRole('region', { name: 'Ecosystem benchmarks (anonymous)' });
    await region.waitFor();
    const table = page.getByRole('table', { name: 'Ecosystem benchmarks' });
    expect(await table.getByRole('columnheader', { name: /^Mean of / }).count()).toBeGreaterThan(0);
    expect(
      await table.getByRole('columnheader', { name: /^(Median|25th percentile|75th percentile)$/ }).count(),
    ).toBe(0);
    const benchmarks = await tableRows(page, 'Ecosystem benchmarks');
    expect(benchmarks[0]).toMatch(/^Sourced revenue in the period \| \$[\d,.]+ \|/);
    expect(benchmarks.every((row) => Number(row.split(' | ').pop()) >= 5)).toBe(true);
    // Vendor-only links are not offered to a partner.
    expect(await page.getByRole('link', { name: 'Partner page' }).count()).toBe(0);

    // Another partner's scorecard: refused by the screen and by the API alike.
    const contoso = await (await apiAs(accounts.contosoAdmin)).get<{ organization: { id: string } }>('/me');
    const northwindApi = await apiAs(accounts.northwindAdmin);
    await expect(
      northwindApi.get(`/analytics/partners/${contoso.organization.id}/scorecard`),
    ).rejects.toThrow(/answered 404/);
    await page.goto(`/analytics/partners/${contoso.organization.id}`);
    await page.getByRole('heading', { name: /^(Not allowed|Scorecard not found)$/, level: 1 }).waitFor();
    expect(await page.getByText('Contoso Cloud Services').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Ecosystem benchmarks (anonymous)' }).count()).toBe(0);
  });

  test('the vendor admin adds a direct coverage cell, and the coverage dashboard counts it', async () => {
    const page = browser.page();
    const adminApi = await apiAs(accounts.admin);
    const before = await adminApi.get<{ directCoverage: { country: string; industry: string }[] }>(
      '/settings',
    );

    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    // From a partner's page to its scorecard.
    await page.getByRole('textbox', { name: 'Search' }).fill('Northwind');
    await page.getByRole('link', { name: 'Northwind Systems' }).click();
    await page.getByRole('heading', { name: 'Northwind Systems', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Scorecard' }).click();
    await waitForPath(page, /^\/analytics\/partners\/[^/]+$/);
    await page.getByText('Partner scorecard', { exact: true }).waitFor();

    await page.goto('/analytics/coverage');
    await page.getByTestId('direct-cells').waitFor();
    const cellsBefore = await directCells(page);
    expect(cellsBefore).toBe(before.directCoverage.length);

    await nav(page, 'Settings');
    await waitForPath(page, '/settings');
    const form = page.getByRole('form', { name: 'Direct coverage' });
    await form.getByRole('combobox', { name: 'Countries' }).click();
    await form.getByRole('combobox', { name: 'Countries' }).fill('Japan');
    await page.getByRole('option', { name: 'Japan', exact: true }).click();
    await page.keyboard.press('Escape');
    await form.getByRole('combobox', { name: 'Industries' }).click();
    await page.getByRole('option', { name: 'Utilities', exact: true }).click();
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: 'Add 1 cell' }).click();
    expect((await tableRows(page, 'Direct coverage cells')).find((r) => r.startsWith('Japan |'))).toMatch(
      /^Japan \| Utilities/,
    );
    await form.getByRole('button', { name: 'Save direct coverage' }).click();
    await page.getByText('The direct coverage was saved.').waitFor();

    await nav(page, 'Analytics');
    await dashboard(page, 'Coverage');
    await waitForPath(page, '/analytics/coverage');
    await expect.poll(() => directCells(page)).toBe(cellsBefore + 1);
    // No partner serves Japan × Utilities in the demo: it is a gap.
    await page.getByRole('region', { name: 'Coverage gaps' }).getByText('Japan').waitFor();

    // Put the demo's coverage back for the files that run after this one.
    const now = await adminApi.get<{ version: number }>('/settings');
    await adminApi.patch('/settings', { version: now.version, directCoverage: before.directCoverage });
  });
});
