import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { apiAs } from './support/api';
import { signIn, signOut, useBrowser, waitForPath } from './support/browser';

// The marketplace as partners use it: Contoso's admin adds a service and a country to its profile,
// watches the preview, and publishes; a Northwind user finds Contoso despite a typo, narrows the
// search by the new country and asks for a referral partnership. Then a customer, signed out,
// finds Contoso in the public partner locator and contacts it.

const stamp = Date.now();
const SERVICE = 'Managed SIEM';
const COUNTRY = { code: 'IS', name: 'Iceland' };
const FEE_NOTES = 'Paid within 30 days of the customer paying';

interface Org {
  id: string;
  name: string;
}

interface ProfileDto {
  version: number;
  status: string;
  draft: { services: string[]; countries: string[] } | null;
  published: { services: string[]; countries: string[] } | null;
}

interface ConnectionDto {
  id: string;
  kind: string;
  status: string;
  version: number;
  requester: Org;
  recipient: Org;
  terms: { referralFeePct?: number; notes?: string };
}

async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
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

/**
 * A known starting point: Contoso's published profile offers neither the service nor the country
 * the test adds (the demo may give it the service already).
 */
async function withoutServiceAndCountry(contoso: Org) {
  const api = await apiAs(accounts.contosoAdmin);
  const before = await api.get<ProfileDto>(`/profiles/${contoso.id}`);
  const draft = before.draft ?? before.published;
  if (!draft) throw new Error('the demo data should give Contoso a profile');
  const countries = draft.countries.filter((c) => c !== COUNTRY.code);
  // The whole draft goes back: a field left out of a PATCH would be reset.
  const edited = await api.patch<ProfileDto>(`/profiles/${contoso.id}`, {
    ...draft,
    version: before.version,
    services: draft.services.filter((s) => s.toLowerCase() !== SERVICE.toLowerCase()),
    // Publishing wants a country; the demo gives every partner its own.
    countries: countries.length ? countries : ['GB'],
  });
  await api.post(`/profiles/${contoso.id}/publish`, { version: edited.version });
}

/**
 * One referral partnership per pair of partners may be open at a time, and the demo connects these
 * two already: it ends first, so the request can be made through the screen, and is accepted again
 * afterwards, with the same fee, so the ecosystem looks as before to the tests that follow.
 */
async function openReferralConnections(contoso: Org) {
  const api = await apiAs(accounts.northwindAdmin);
  const open: ConnectionDto[] = [];
  for (const status of ['active', 'requested']) {
    const page = await api.get<{ items: ConnectionDto[] }>(
      `/connections?box=all&status=${status}&kind=referral&limit=100`,
    );
    open.push(...page.items.filter((c) => c.requester.id === contoso.id || c.recipient.id === contoso.id));
  }
  return { api, open };
}

describe('marketplace: profiles, search, connections and the public locator', () => {
  const browser = useBrowser();

  test('a partner publishes its profile; another finds it despite a typo and asks to connect', async () => {
    const { northwind, contoso } = await demoPartners();
    await withoutServiceAndCountry(contoso);
    const { api: northwindApi, open } = await openReferralConnections(contoso);
    for (const c of open) {
      await northwindApi.post(`/connections/${c.id}/end`, {
        version: c.version,
        reason: 'Renewed through the marketplace',
      });
    }

    // Contoso's admin edits the draft; the preview beside the form follows every change.
    const page = browser.page();
    await signIn(page, accounts.contosoAdmin);
    await waitForPath(page, '/home');
    await nav(page, 'Company profile');
    await waitForPath(page, '/organization/profile');
    await page.getByRole('heading', { name: 'Company profile', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    const form = page.getByRole('form', { name: 'Profile draft' });
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('heading', { name: 'Contoso Cloud Services', level: 2 }).waitFor();
    expect(await preview.getByText(SERVICE, { exact: true }).count()).toBe(0);
    expect(await preview.getByText(COUNTRY.name, { exact: true }).count()).toBe(0);

    const services = form.getByLabel('Services', { exact: true });
    await services.fill(SERVICE);
    await services.press('Enter');
    await preview.getByText(SERVICE, { exact: true }).waitFor();

    await form.getByLabel('Countries served', { exact: true }).click();
    await form.getByLabel('Countries served', { exact: true }).fill(COUNTRY.name);
    await page.getByRole('option', { name: COUNTRY.name, exact: true }).click();
    await page.keyboard.press('Escape');
    await preview.getByText(COUNTRY.name, { exact: true }).waitFor();
    await page.getByText('Unsaved changes').waitFor();

    await page.getByRole('button', { name: 'Save and publish' }).click();
    // Nothing left to publish: the published profile is the draft.
    await page.getByRole('button', { name: 'Published', exact: true }).waitFor();
    expect(await page.getByText('Unsaved changes').count()).toBe(0);
    expect(await page.getByLabel('Status: Published').count()).toBe(1);
    const published = await (await apiAs(accounts.contosoAdmin)).get<ProfileDto>(`/profiles/${contoso.id}`);
    expect(published.published?.services).toContain(SERVICE);
    expect(published.published?.countries).toContain(COUNTRY.code);
    await signOut(page);

    // A Northwind user searches with a typo and still finds Contoso, then narrows by the country.
    await signIn(page, accounts.northwindUser);
    await waitForPath(page, '/home');
    await nav(page, 'Marketplace');
    await waitForPath(page, '/marketplace');
    await page.getByRole('heading', { name: 'Marketplace', level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Search partners' }).fill('Managd SIEM');
    await page.waitForURL((url) => url.searchParams.get('q')?.includes('Managd SIEM') ?? false);
    const results = page.getByRole('region', { name: 'Results' });
    await results.getByRole('article', { name: 'Contoso Cloud Services' }).waitFor();
    await page.waitForLoadState('networkidle');
    const total = async () => Number((await page.getByTestId('result-total').innerText()).split(' ')[0]);
    const unfiltered = await total();
    expect(unfiltered).toBeGreaterThanOrEqual(1);

    const countryFacet = page.getByRole('group', { name: 'Country' });
    const iceland = countryFacet.getByRole('checkbox', { name: new RegExp(`^${COUNTRY.name} \\(\\d+\\)$`) });
    if ((await iceland.count()) === 0) await countryFacet.getByRole('button', { name: /^Show all/ }).click();
    await iceland.check();
    await page.waitForURL((url) => url.searchParams.get('country')?.includes(COUNTRY.code) ?? false);
    await page.getByRole('button', { name: `Remove the filter Country: ${COUNTRY.name}` }).waitFor();
    await page.waitForLoadState('networkidle');
    await results.getByRole('article', { name: 'Contoso Cloud Services' }).waitFor();
    expect(await total()).toBeLessThanOrEqual(unfiltered);
    expect(await iceland.isChecked()).toBe(true);

    // Contoso's profile: what it published, and the ways to work with it.
    await results.getByRole('link', { name: 'Contoso Cloud Services', exact: true }).click();
    await waitForPath(page, `/marketplace/${contoso.id}`);
    await page.getByRole('heading', { name: 'Contoso Cloud Services', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByRole('region', { name: 'Services' }).getByText(SERVICE, { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Countries served' }).getByText(COUNTRY.name).waitFor();
    expect(await page.getByRole('link', { name: 'Refer a prospect' }).getAttribute('href')).toBe(
      `/referrals/new?to=${contoso.id}`,
    );

    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect with Contoso Cloud Services' });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'Kind of partnership' }).click();
    await page.getByRole('option', { name: 'Referral partnership', exact: true }).click();
    await dialog
      .getByRole('textbox', { name: 'Message' })
      .fill(`Our customers keep asking for a managed SIEM (${stamp}).`);
    await dialog.getByRole('textbox', { name: 'Referral fee %' }).fill('15');
    await dialog.getByRole('textbox', { name: 'Terms' }).fill(FEE_NOTES);
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const mine = page.getByRole('region', { name: 'Your connections with Contoso Cloud Services' });
    await mine.getByText('Referral partnership').waitFor();
    await mine.getByText('Requested').waitFor();

    // Contoso accepts (behind the browser's back): the two are referral partners again.
    const contosoApi = await apiAs(accounts.contosoAdmin);
    const incoming = await contosoApi.get<{ items: ConnectionDto[] }>(
      '/connections?box=incoming&kind=referral&limit=100',
    );
    const request = incoming.items.find((c) => c.requester.id === northwind.id);
    expect(request?.terms).toEqual({ referralFeePct: 15, notes: FEE_NOTES });
    await contosoApi.post(`/connections/${request!.id}/accept`, { version: request!.version });
  });

  test('a visitor finds the partner in the public locator and contacts it', async () => {
    const { contoso } = await demoPartners();
    const company = `Fabrikam Retail ${stamp}`;
    const page = browser.page();

    await page.goto('/login');
    await page.getByRole('link', { name: 'Find a partner' }).click();
    await waitForPath(page, '/find-a-partner');
    await page.getByRole('heading', { name: 'Find a partner', level: 1 }).waitFor();
    await page.getByRole('searchbox', { name: 'Search partners' }).fill(SERVICE);
    await page.waitForURL((url) => url.searchParams.get('q') === SERVICE);
    const results = page.getByRole('region', { name: 'Results' });
    await results.getByRole('article', { name: 'Contoso Cloud Services' }).waitFor();
    await page.waitForLoadState('networkidle');
    // The locator's facets: countries, industries and partner types.
    for (const facet of ['Country', 'Industry', 'Partner type']) {
      await page.getByRole('group', { name: facet }).waitFor();
    }

    await results.getByRole('link', { name: 'Contoso Cloud Services', exact: true }).click();
    await waitForPath(page, `/find-a-partner/${contoso.id}`);
    await page.getByRole('heading', { name: 'Contoso Cloud Services', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByRole('region', { name: 'Services' }).getByText(SERVICE, { exact: true }).waitFor();

    const form = page.getByRole('form', { name: 'Contact Contoso Cloud Services' });
    // The spam trap is there for bots only: out of sight, out of the tab order, no autofill.
    const trap = form.locator('input[name="homepage"]');
    expect(await trap.getAttribute('tabindex')).toBe('-1');
    expect(await trap.getAttribute('autocomplete')).toBe('off');
    expect(await form.locator('[aria-hidden="true"]:has(input[name="homepage"])').count()).toBe(1);
    expect(await form.getByRole('textbox', { name: /leave this field empty/i }).count()).toBe(0);

    await form.getByRole('textbox', { name: 'Your name' }).fill('Ada Fabrikam');
    await form.getByRole('textbox', { name: 'Email' }).fill(`ada-${stamp}@fabrikam-retail.com`);
    await form.getByRole('textbox', { name: 'Company', exact: true }).fill(company);
    await form.getByRole('textbox', { name: 'Message' }).fill('We need a managed SIEM for 40 stores.');
    await form.getByRole('button', { name: 'Send message' }).click();
    await page.getByRole('status').filter({ hasText: 'Message sent' }).waitFor();
    await page.getByText('Your message was sent to Contoso Cloud Services').waitFor();

    // It reached Contoso as a lead in its referral inbox.
    const contosoApi = await apiAs(accounts.contosoAdmin);
    const leads = await contosoApi.get<{ items: { company: { name: string } }[] }>(
      '/referrals?box=inbox&source=locator&limit=50',
    );
    expect(leads.items.map((r) => r.company.name)).toContain(company);
  });
});
