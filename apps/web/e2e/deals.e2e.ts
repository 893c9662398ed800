import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { apiAs } from './support/api';
import { signIn, tableRows, useBrowser, waitForPath } from './support/browser';

// A deal from registration to credit: a Northwind user registers an opportunity for a customer its
// organization registered before, and the form says so while typing; Northwind's channel manager
// approves it from the review queue; the partner closes it as won; the vendor admin adds a partner
// who helped, and the attribution credits both.

const stamp = Date.now();
const customer = `Litware Analytics ${stamp}`;
const domain = `litware-${stamp}.com`;

/** Shared between the steps below, which run in order. */
let dealId = '';

async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

async function choose(page: Page, combobox: Locator, option: string | RegExp) {
  await combobox.click();
  await page.getByRole('option', { name: option }).click();
}

/** A date `days` from today as `YYYY-MM-DD`, as a date input takes it. */
function daysFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The text of the deal details table's row for `label`. */
async function detail(page: Page, label: string): Promise<string | undefined> {
  return (await tableRows(page, 'Deal details')).find((row) => row.startsWith(`${label} |`));
}

async function openDeal(page: Page) {
  await page.goto(`/deals/${dealId}`);
  await page.getByRole('heading', { name: customer, level: 1 }).waitFor();
  // The sections below the heading load on their own.
  await page.waitForLoadState('networkidle');
}

describe('deals: registration, review, close and credit', () => {
  const browser = useBrowser();

  test('a partner user registers a deal and is warned of its own earlier registration', async () => {
    // Northwind registered this customer once already (under its legal name).
    const northwindApi = await apiAs(accounts.northwindAdmin);
    const earlier = await northwindApi.post<{ id: string }>('/deals', {
      customerName: `${customer} Inc.`,
      customerDomain: `https://www.${domain}/about`,
      country: 'US',
      amount: 1_000_000,
      currency: 'USD',
      expectedCloseDate: daysFromNow(90),
    });

    const page = browser.page();
    // The first submit sends a domain the server refuses, on purpose.
    browser.expectStatus(400);
    await signIn(page, accounts.northwindUser);
    await waitForPath(page, '/home');
    await nav(page, 'Deals');
    await waitForPath(page, '/deals');
    await page.getByRole('heading', { name: 'Deals', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Register a deal' }).click();
    await waitForPath(page, '/deals/new');

    const form = page.getByRole('form', { name: 'Register a deal' });
    await form.getByRole('textbox', { name: 'Customer name' }).fill(customer);
    await form.getByRole('textbox', { name: 'Customer domain' }).fill(`sales@${domain}`);
    // The live hint names the earlier deal, and why it matched.
    const hints = form.getByRole('list', { name: 'Possible conflicts' });
    await hints.getByRole('link', { name: `${customer} Inc.` }).waitFor();
    // The name matches first; the domain's match follows once its check answers.
    await expect.poll(() => hints.locator('li').first().textContent()).toContain(`Same web domain ${domain}`);
    const hint = await hints.locator('li').first().textContent();
    expect(hint).toContain('Northwind Systems');
    expect(await hints.getByRole('link', { name: `${customer} Inc.` }).getAttribute('href')).toBe(
      `/deals/${earlier.id}`,
    );

    await choose(page, form.getByRole('combobox', { name: 'Country' }), 'United States');
    await form.getByRole('textbox', { name: 'Amount' }).fill('48,250.50');
    await form.getByLabel('Expected close date').fill(daysFromNow(60));
    await choose(page, form.getByRole('combobox', { name: 'Stage' }), 'Proposal');
    await form.getByLabel('Products').fill('Analytics Suite');
    await page.keyboard.press('Enter');
    await form.getByRole('textbox', { name: 'Notes' }).fill('Budget approved for Q3.');

    // A domain that is not a public web domain: the server's message lands on the domain field.
    const domainField = form.getByRole('textbox', { name: 'Customer domain' });
    await domainField.fill('intranet');
    await form.getByRole('button', { name: 'Register deal' }).click();
    await expect.poll(() => domainField.getAttribute('aria-invalid')).toBe('true');
    await form.getByText('Not a public web domain').waitFor();

    await domainField.fill(domain);
    await form.getByRole('button', { name: 'Register deal' }).click();
    // The deal's own page, not the form's address it starts from.
    await waitForPath(page, /^\/deals\/(?!new$)[^/]+$/);
    dealId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByRole('heading', { name: customer, level: 1 }).waitFor();
    // What the registration answered is shown once, as a warning.
    const warning = page
      .getByRole('alert')
      .filter({ hasText: 'This deal may conflict with other open deals' });
    await warning.getByRole('link', { name: `${customer} Inc.` }).waitFor();
    expect(await detail(page, 'Amount')).toBe('Amount | $48,250.50');
    expect(await detail(page, 'Stage')).toBe('Stage | Proposal');
    expect(await detail(page, 'Products')).toBe('Products | Analytics Suite');
    expect(await page.getByText('Budget approved for Q3.').isVisible()).toBe(true);
    await page.getByText('Starts when the vendor approves the deal.').waitFor();

    // The list shows it, with who registered it and its amount.
    await nav(page, 'Deals');
    await page.getByRole('textbox', { name: 'Search' }).fill(customer);
    await expect
      .poll(async () => (await tableRows(page, 'Deals')).find((row) => row.startsWith(`${customer} `)))
      .toMatch(new RegExp(`^${customer} ${domain} \\| Northwind Systems \\| \\$48,250\\.50 \\| Registered`));
  });

  test('the channel manager approves it from the review queue', async () => {
    expect(dealId).not.toBe('');
    const page = browser.page();
    await signIn(page, accounts.channelManager);
    await waitForPath(page, '/partners');
    await nav(page, 'Deal review');
    await waitForPath(page, '/deals/review');
    await page.getByRole('heading', { name: 'Deal review', level: 1 }).waitFor();

    const card = page.getByRole('article', { name: customer, exact: true });
    await card.waitFor();
    // It conflicts with Northwind's earlier registration of the same customer.
    await card.getByText('1 conflict').waitFor();
    await card.getByRole('button', { name: 'Show conflicts' }).click();
    await card.getByRole('link', { name: `${customer} Inc.` }).waitFor();

    await card.getByRole('button', { name: `Approve ${customer}` }).click();
    const dialog = page.getByRole('dialog', { name: `Approve deal: ${customer}` });
    await dialog.getByRole('textbox', { name: 'Protection days' }).fill('60');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.waitFor({ state: 'detached' });

    await openDeal(page);
    await page.getByText('Approved', { exact: true }).first().waitFor();
    await page.getByText('60 days from', { exact: false }).waitFor();
    // The history records the registration and the approval.
    const history = page.getByRole('region', { name: 'History' });
    expect(await history.textContent()).toMatch(/approved/i);
  });

  test('the partner closes it as won, after a change made meanwhile', async () => {
    expect(dealId).not.toBe('');
    const page = browser.page();
    browser.expectStatus(409);
    await signIn(page, accounts.northwindUser);
    await waitForPath(page, '/home');
    await openDeal(page);
    await page.getByText(/^Protected until /).waitFor();

    await page.getByRole('button', { name: 'Close deal' }).click();
    const dialog = page.getByRole('dialog', { name: `Close deal: ${customer}` });
    // The final amount starts at the registered one; the deal closed for a little less.
    expect(await dialog.getByRole('textbox', { name: 'Final amount' }).inputValue()).toBe('48250.50');
    await dialog.getByRole('textbox', { name: 'Final amount' }).fill('47000');
    // Meanwhile the partner's admin moves the deal to its last stage: the first try is refused as stale.
    const northwindApi = await apiAs(accounts.northwindAdmin);
    const current = await northwindApi.get<{ version: number }>(`/deals/${dealId}`);
    await northwindApi.patch(`/deals/${dealId}`, { version: current.version, stage: 'commit' });
    await dialog.getByRole('button', { name: 'Close as won' }).click();
    await dialog.getByText('This deal was changed by someone else meanwhile.', { exact: false }).waitFor();
    // The page behind shows the change; the form, what was typed; the second try goes through.
    await expect.poll(() => detail(page, 'Stage')).toBe('Stage | Commit');
    expect(await dialog.getByRole('textbox', { name: 'Final amount' }).inputValue()).toBe('47000');
    await dialog.getByRole('button', { name: 'Close as won' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await expect.poll(() => detail(page, 'Final amount')).toBe('Final amount | $47,000.00');
    await page.getByRole('region', { name: 'Attribution' }).waitFor();
    // A partner sees its own credit only.
    await expect
      .poll(() => tableRows(page, 'Attribution'))
      .toEqual(['Northwind Systems | Sourced | $47,000.00 | $0.00']);
    // Closed deals are not edited or closed again.
    expect(await page.getByRole('button', { name: 'Close deal' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
  });

  test('the vendor admin adds a partner who helped, and it is credited', async () => {
    expect(dealId).not.toBe('');
    const page = browser.page();
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await openDeal(page);
    await page.getByRole('table', { name: 'Involvements' }).waitFor();

    await page.getByRole('button', { name: 'Add involvement' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add involvement' });
    await dialog.getByRole('combobox', { name: 'Organization' }).fill('Contoso');
    await page.getByRole('option', { name: 'Contoso Cloud Services' }).click();
    await choose(page, dialog.getByRole('combobox', { name: 'Role' }), 'Implementation');
    await dialog.getByRole('textbox', { name: 'Note' }).fill('Ran the rollout');
    await dialog.getByRole('button', { name: 'Add' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await expect
      .poll(async () => (await tableRows(page, 'Involvements')).find((r) => r.startsWith('Contoso')))
      .toMatch(/^Contoso Cloud Services \| Implementation \| Confirmed \| .+ \| Ran the rollout/);
    // The vendor sees every partner's credit; the new partner now shares the influence.
    await expect
      .poll(async () =>
        (await tableRows(page, 'Attribution')).map((r) => r.split(' | ').slice(0, 2).join(' | ')),
      )
      .toEqual(
        expect.arrayContaining(['Northwind Systems | Sourced', 'Contoso Cloud Services | Implementation']),
      );
    const attribution = page.getByRole('region', { name: 'Attribution' });
    await attribution.getByText('First touch', { exact: true }).click();
    await expect
      .poll(async () => (await tableRows(page, 'Attribution')).find((r) => r.startsWith('Contoso')))
      .toBe('Contoso Cloud Services | Implementation | $0.00 | $47,000.00');
  });
});
