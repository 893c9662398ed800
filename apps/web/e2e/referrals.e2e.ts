import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { apiAs } from './support/api';
import { signIn, signOut, tableRows, useBrowser, waitForPath } from './support/browser';

// Referrals as partners pass them: Northwind refers a prospect to Contoso, a partner it has worked
// with before; Contoso accepts it and converts it into a deal, and both see the outcome. Then the
// vendor admin keeps the FX rates that turn deal amounts into the reporting currency.

const stamp = Date.now();
const prospect = `Globex Retail ${stamp}`;
const domain = `globex-${stamp}.com`;

interface Org {
  id: string;
  name: string;
}

async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

async function choose(page: Page, combobox: Locator, option: string | RegExp) {
  await combobox.click();
  await page.getByRole('option', { name: option }).click();
}

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A date `days` from today as `YYYY-MM-DD`, as a date input takes it. */
function daysFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function demoPartners(): Promise<{ northwind: Org; contoso: Org }> {
  const admin = await apiAs(accounts.admin);
  const find = async (name: string) => {
    const page = await admin.get<{ items: Org[] }>(`/partners?q=${encodeURIComponent(name)}`);
    const org = page.items.find((p) => p.name === name);
    if (!org) throw new Error(`the demo data should hold ${name}`);
    return org;
  };
  return { northwind: await find('Northwind Systems'), contoso: await find('Contoso Cloud Services') };
}

/** The text of the details table's row for `label`. */
async function detail(page: Page, label: string): Promise<string | undefined> {
  return (await tableRows(page, 'Referral details')).find((row) => row.startsWith(`${label} |`));
}

describe('referrals: from a partner’s prospect to a deal', () => {
  const browser = useBrowser();

  test('a partner user refers a prospect to another partner; it accepts and converts it', async () => {
    const { northwind, contoso } = await demoPartners();
    // They have worked together before: Contoso once passed Northwind a prospect.
    const contosoApi = await apiAs(accounts.contosoAdmin);
    await contosoApi.post('/referrals', {
      recipientOrganizationId: northwind.id,
      companyName: `Initech ${stamp}`,
      contactName: 'Peter Gibbons',
      contactEmail: 'peter@initech.com',
      need: 'Automating TPS reports',
    });

    const page = browser.page();
    browser.expectStatus(400);
    await signIn(page, accounts.northwindUser);
    await waitForPath(page, '/home');
    await nav(page, 'Referrals');
    await waitForPath(page, '/referrals');
    await page.getByRole('heading', { name: 'Referrals', level: 1 }).waitFor();
    // The inbox holds what Contoso sent.
    await page.getByRole('table', { name: 'Referrals' }).waitFor();
    expect((await tableRows(page, 'Referrals')).join('\n')).toContain(
      `Initech ${stamp} | Contoso Cloud Services Northwind Systems | Submitted`,
    );

    await page.getByRole('link', { name: 'New referral' }).click();
    await waitForPath(page, '/referrals/new');
    await page.getByRole('heading', { name: 'New referral', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await choose(page, page.getByRole('combobox', { name: 'Refer to' }), 'Contoso Cloud Services');
    await page.getByRole('textbox', { name: 'Company name' }).fill(prospect);
    await page.getByRole('textbox', { name: 'Domain' }).fill('not a domain');
    await page.getByRole('combobox', { name: 'Country' }).fill('Canad');
    await page.getByRole('option', { name: 'Canada' }).click();
    await choose(page, page.getByRole('combobox', { name: 'Industry' }), 'Retail Trade');
    await page.getByRole('textbox', { name: 'Contact name' }).fill('Hank Scorpio');
    await page.getByRole('textbox', { name: 'Contact email' }).fill(`hank@${domain}`);
    await page.getByRole('textbox', { name: 'Need' }).fill('Moving 40 stores to a managed cloud');
    await page.getByRole('textbox', { name: 'Estimated value' }).fill('48,000');
    await page.getByRole('button', { name: 'Send referral' }).click();
    // The server refuses the domain, and says so at the domain field.
    const domainField = page.getByRole('textbox', { name: 'Domain' });
    await expect.poll(() => domainField.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Not a public web domain').waitFor();

    await domainField.fill(domain);
    await page.getByRole('button', { name: 'Send referral' }).click();
    await waitForPath(page, /^\/referrals\/(?!new$)[^/]+$/);
    const referralPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: prospect, level: 1 }).waitFor();
    expect(await detail(page, 'To')).toBe('To | Contoso Cloud Services');
    expect(await detail(page, 'Estimated value')).toBe('Estimated value | $48,000.00');
    expect(await detail(page, 'Industry')).toBe('Industry | Retail Trade');
    // The sender cannot answer its own referral.
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(0);

    // A marketplace link preselects the recipient.
    await page.goto(`/referrals/new?to=${contoso.id}`);
    await page.getByRole('heading', { name: 'New referral', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('combobox', { name: 'Refer to' }).inputValue()).toBe(
      'Contoso Cloud Services',
    );
    await signOut(page);

    // Contoso's admin finds it in the inbox, accepts it and converts it into a deal.
    await signIn(page, accounts.contosoAdmin);
    await waitForPath(page, '/home');
    await nav(page, 'Referrals');
    await page.getByRole('table', { name: 'Referrals' }).waitFor();
    await page.getByRole('link', { name: prospect }).click();
    await waitForPath(page, referralPath);
    await page.getByRole('heading', { name: prospect, level: 1 }).waitFor();
    // Who sent it: the organization (its people are named to their own organization and the vendor only).
    expect(await detail(page, 'From')).toBe('From | Northwind Systems');
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('button', { name: 'Convert to deal' }).click();
    const convert = page.getByRole('dialog', { name: `Convert ${prospect} into a deal` });
    // The estimate is where the deal starts.
    expect(await convert.getByRole('textbox', { name: 'Amount' }).inputValue()).toBe('48000.00');
    await convert.getByRole('textbox', { name: 'Amount' }).fill('52500');
    await convert.getByLabel('Expected close date').fill(daysFromNow(60));
    await convert.getByLabel('Products').fill('Managed cloud');
    await page.keyboard.press('Enter');
    await convert.getByRole('button', { name: 'Convert to deal' }).click();
    const done = page.getByRole('dialog', { name: 'Deal registered' });
    await done.getByText('The referral is now a deal').waitFor();
    const dealHref = await done.getByRole('link', { name: 'Open the deal' }).getAttribute('href');
    expect(dealHref).toMatch(/^\/deals\/[^/]+$/);
    await done.getByRole('button', { name: 'Stay on the referral' }).click();
    await done.waitFor({ state: 'hidden' });
    const outcome = page.getByRole('table', { name: 'Referral outcome' });
    await outcome.waitFor();
    expect(await tableRows(page, 'Referral outcome')).toEqual([
      'Deal | Deal registered Waiting for the vendor to approve the registration',
      'Deal amount | $52,500.00',
    ]);
    expect(await page.getByRole('link', { name: 'Open the deal' }).getAttribute('href')).toBe(dealHref);
    await signOut(page);

    // The referrer sees the outcome in what it sent.
    await signIn(page, accounts.northwindUser);
    await waitForPath(page, '/home');
    await nav(page, 'Referrals');
    await page.getByRole('tab', { name: 'Sent' }).click();
    await page.waitForLoadState('networkidle');
    await expect
      .poll(async () => (await tableRows(page, 'Referrals')).find((row) => row.startsWith(prospect)))
      .toMatch(
        new RegExp(
          `^${literally(`${prospect} ${domain} | Northwind Systems Contoso Cloud Services | Converted | Deal registered | $48,000.00 | `)}`,
        ),
      );
  });

  test('an answer on a referral someone else already answered is caught', async () => {
    const { contoso } = await demoPartners();
    const northwindApi = await apiAs(accounts.northwindUser);
    const contosoApi = await apiAs(accounts.contosoAdmin);
    const company = `Umbrella Labs ${stamp}`;
    const referral = await northwindApi.post<{ id: string; version: number }>('/referrals', {
      recipientOrganizationId: contoso.id,
      companyName: company,
      contactName: 'Alice Abernathy',
      contactEmail: 'alice@umbrella-labs.com',
      need: 'A partner for lab data pipelines',
    });

    const page = browser.page();
    browser.expectStatus(409);
    await signIn(page, accounts.contosoAdmin);
    await waitForPath(page, '/home');
    await page.goto(`/referrals/${referral.id}`);
    await page.getByRole('heading', { name: company, level: 1 }).waitFor();
    // A colleague accepts it first, elsewhere.
    await contosoApi.post(`/referrals/${referral.id}/accept`, { version: referral.version });
    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByText('This referral was changed by someone else meanwhile').waitFor();
    // The page reloaded it: accepted, and ready to convert.
    await page.getByRole('button', { name: 'Convert to deal' }).waitFor();
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(0);
  });
});

describe('settings: FX rates', () => {
  const browser = useBrowser();

  test('the vendor admin adds an FX rate, is told of a duplicate, and deletes it', async () => {
    const page = browser.page();
    browser.expectStatus(409);
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await nav(page, 'Settings');
    await waitForPath(page, '/settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('combobox', { name: 'Reporting currency' }).inputValue()).toBe(
      'USD · US Dollar',
    );
    await page.getByRole('link', { name: 'Manage FX rates' }).click();
    await waitForPath(page, '/settings/fx-rates');
    await page.getByRole('heading', { name: 'FX rates', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');

    const add = async () => {
      await page.getByRole('button', { name: 'Add rate' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add an FX rate' });
      await dialog.getByRole('combobox', { name: 'Currency' }).fill('CHF');
      await page.getByRole('option', { name: /^CHF/ }).click();
      await dialog.getByRole('textbox', { name: 'Rate' }).fill('1.1342');
      await dialog.getByLabel('Effective date').fill('2025-01-01');
      await dialog.getByRole('button', { name: 'Add rate' }).click();
      return dialog;
    };

    const dialog = await add();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('combobox', { name: 'Currency' }).fill('CHF');
    await page.getByRole('option', { name: /^CHF/ }).click();
    await expect.poll(() => tableRows(page, 'FX rates')).toHaveLength(1);
    expect((await tableRows(page, 'FX rates'))[0]).toMatch(/^CHF \| 1 CHF = 1\.1342 USD \| Jan 1, 2025 \| /);

    // The same currency and date again: the server refuses, and the form says why.
    const again = await add();
    await again.getByText('already takes effect on 2025-01-01').waitFor();
    await again.getByRole('button', { name: 'Cancel' }).click();
    await again.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'Delete the CHF rate from Jan 1, 2025' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete FX rate' });
    await confirm.getByRole('button', { name: 'Delete rate' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText('No rates for CHF yet.').waitFor();
  });

  test('other vendor staff read the settings without changing them', async () => {
    const page = browser.page();
    await signIn(page, accounts.channelManager);
    await waitForPath(page, '/partners');
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).count(),
    ).toBe(0);
    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Settings' }).waitFor();
    expect((await tableRows(page, 'Settings'))[0]).toMatch(/^Reporting currency \| USD/);
    expect(await page.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
    await page.getByRole('link', { name: 'View FX rates' }).click();
    await page.getByRole('heading', { name: 'FX rates', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Add rate' }).count()).toBe(0);
  });
});
