import type { Locator, Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { apiAs } from './support/api';
import { signIn, signOut, useBrowser, waitForPath } from './support/browser';

// Deal protection is exclusive. Contoso holds a customer under protection; a Northwind user
// registering the same customer is told it is taken (not by whom); Northwind's channel manager
// cannot approve it; the vendor admin overrides with a reason, which both deals' histories show to
// the vendor and neither partner sees. The vendor can turn the "taken" notice off.

const stamp = Date.now();
const customer = `Proseware ${stamp}`;
const domain = `proseware-${stamp}.com`;
const reason = 'The customer asked for Northwind in writing';

let heldId = '';
let rivalId = '';

async function choose(page: Page, combobox: Locator, option: string | RegExp) {
  await combobox.click();
  await page.getByRole('option', { name: option }).click();
}

function daysFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function openDeal(page: Page, id: string, name: string) {
  await page.goto(`/deals/${id}`);
  await page.getByRole('heading', { name, level: 1 }).waitFor();
  await page.waitForLoadState('networkidle');
}

const history = (page: Page) => page.getByRole('region', { name: 'History' });

async function setNotice(on: boolean) {
  const admin = await apiAs(accounts.admin);
  const current = await admin.get<{ version: number; protectedCustomerNotice: boolean }>('/settings');
  if (current.protectedCustomerNotice !== on)
    await admin.patch('/settings', { version: current.version, protectedCustomerNotice: on });
}

describe('deal protection is exclusive', () => {
  const browser = useBrowser();
  afterAll(() => setNotice(true));

  test('a partner registering a customer another partner holds is told it is taken, not by whom', async () => {
    const contoso = await apiAs(accounts.contosoAdmin);
    const held = await contoso.post<{ id: string; version: number }>('/deals', {
      customerName: `${customer} Ltd`,
      customerDomain: domain,
      country: 'GB',
      amount: 2_000_000,
      currency: 'USD',
      products: [],
      expectedCloseDate: daysFromNow(60),
      notes: 'Contoso only',
    });
    heldId = held.id;
    await (await apiAs(accounts.admin)).post(`/deals/${held.id}/approve`, { version: held.version });

    const page = browser.page();
    await signIn(page, accounts.northwindUser);
    await waitForPath(page, '/home');
    await page.goto('/deals/new');
    const form = page.getByRole('form', { name: 'Register a deal' });
    await form.getByRole('textbox', { name: 'Customer name' }).fill(customer);
    await form.getByRole('textbox', { name: 'Customer domain' }).fill(domain);
    const notice = page.getByRole('status').filter({ hasText: 'Another partner holds this customer' });
    await notice.waitFor();
    expect(await form.textContent()).not.toContain('Contoso');

    await choose(page, form.getByRole('combobox', { name: 'Country' }), 'United States');
    await form.getByRole('textbox', { name: 'Amount' }).fill('30000');
    await form.getByLabel('Expected close date').fill(daysFromNow(45));
    await form.getByRole('button', { name: 'Register deal' }).click();
    await waitForPath(page, /^\/deals\/(?!new$)[^/]+$/);
    rivalId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByRole('heading', { name: customer, level: 1 }).waitFor();
    await page.getByText('Your registration was saved, but it is not approved').waitFor();
    expect(await page.textContent('body')).not.toContain('Contoso');
  });

  test('the channel manager cannot approve it; the vendor admin overrides with a reason', async () => {
    expect(rivalId).not.toBe('');
    const page = browser.page();
    await signIn(page, accounts.channelManager);
    await waitForPath(page, '/partners');
    await openDeal(page, rivalId, customer);
    await page.getByRole('group', { name: 'Deal actions' }).getByRole('button', { name: 'Approve' }).click();
    let dialog = page.getByRole('dialog', { name: `Approve deal: ${customer}` });
    const protecting = dialog.getByRole('list', { name: 'Protecting deals' });
    await protecting.getByRole('link', { name: `${customer} Ltd` }).waitFor();
    await dialog.getByText('Only vendor admins may override.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Approve with override' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await signOut(page);
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await openDeal(page, rivalId, customer);
    await page.getByRole('group', { name: 'Deal actions' }).getByRole('button', { name: 'Approve' }).click();
    dialog = page.getByRole('dialog', { name: `Approve deal: ${customer}` });
    await dialog.getByRole('list', { name: 'Protecting deals' }).waitFor();
    // Without a reason the override is not sent.
    await dialog.getByRole('button', { name: 'Approve with override' }).click();
    await dialog.getByText('Give the reason for overriding').waitFor();
    await dialog.getByRole('textbox', { name: 'Reason for the override' }).fill(reason);
    await dialog.getByRole('button', { name: 'Approve with override' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Approved', { exact: true }).first().waitFor();
    await history(page).getByText(reason, { exact: false }).waitFor();

    // The holder's history shows it too, to the vendor; its protection still runs.
    await openDeal(page, heldId, `${customer} Ltd`);
    await history(page).getByText('approved over this deal’s protection', { exact: false }).waitFor();
    await page.getByText(/^Protected until /).waitFor();
  });

  test('neither partner sees the override', async () => {
    const page = browser.page();
    await signIn(page, accounts.contosoAdmin);
    await waitForPath(page, '/home');
    await openDeal(page, heldId, `${customer} Ltd`);
    expect(await history(page).textContent()).not.toContain(reason);
    await signOut(page);
    await signIn(page, accounts.northwindUser);
    await waitForPath(page, '/home');
    await openDeal(page, rivalId, customer);
    expect(await history(page).textContent()).not.toContain(reason);
  });

  test('the vendor admin turns the notice off in Settings', async () => {
    const page = browser.page();
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await page.goto('/settings');
    const rules = page.getByRole('form', { name: 'Protection rules' });
    await rules.getByRole('switch', { name: /Tell a registering partner/ }).click({ force: true });
    await rules.getByRole('button', { name: 'Save protection rules' }).click();
    await page.getByText('The protection rules were saved.').waitFor();

    await signOut(page);
    await signIn(page, accounts.northwindUser);
    await waitForPath(page, '/home');
    await page.goto('/deals/new');
    const form = page.getByRole('form', { name: 'Register a deal' });
    await form.getByRole('textbox', { name: 'Customer name' }).fill(`${customer} Ltd`);
    await form.getByRole('textbox', { name: 'Customer domain' }).fill(domain);
    // Its own (now approved) deal is the only hint; of Contoso's protection, nothing.
    await form.getByRole('list', { name: 'Possible conflicts' }).waitFor();
    expect(await page.getByText('Another partner holds this customer').count()).toBe(0);
  });
});
