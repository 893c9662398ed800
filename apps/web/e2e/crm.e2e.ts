import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { signIn, tableRows, useBrowser, waitForPath } from './support/browser';

// The vendor admin connects HubSpot from Settings → CRM, as a self-hosting user would point it at a
// HubSpot API base: here a local emulator of HubSpot's public API on 127.0.0.1, which the e2e server
// allows as an operator does for a CRM on a trusted network (CRM_ALLOW_PRIVATE, see global-setup.ts). A wrong private-app token is refused with HubSpot's own message; the right one
// connects; the connection tests green; the mapping screen shows the defaults read from the portal's
// schema and its deal stages; a mapping to a custom property the CRM admin deletes meanwhile is refused
// at save, naming the field; the fixed mapping saves; a dry run joins the sync log. The e2e server
// runs with JOBS=false (see global-setup.ts), so the run stays queued with zero counts, and the first real
// sync is refused until a dry run has finished: the screens show both, not a finished run's counts.
// Salesforce connects by its OAuth web-server flow: the emulator's authorize page redirects straight
// back to this server's callback screen with the code, as Salesforce does for a user already signed in.

/** What this spec uses of the server tests' HubSpot emulator (apps/server/test/emulators/hubspot.ts). */
interface HubSpotEmulator {
  url: string;
  portal: { properties: Record<'deals', { name: string }[]> };
  privateAppToken(): string;
  addProperty(object: 'deals', def: { name: string; label: string; type: 'string'; fieldType: string }): void;
  seed(object: 'companies', properties: Record<string, unknown>): string;
  close(): Promise<void>;
}
// Loaded by path, not a static import: the emulator lives in the server's tests, outside this project's
// TypeScript root, and is started here exactly as the server's CRM tests start it.
const emulatorModule = new URL('../../server/test/emulators/hubspot.ts', import.meta.url).href;

let hs: HubSpotEmulator;

/** What this spec uses of the server tests' Salesforce emulator (apps/server/test/emulators/salesforce.ts). */
interface SalesforceEmulator {
  url: string;
  oauth: { clientId: string; clientSecret: string };
  close(): Promise<void>;
}
const salesforceModule = new URL('../../server/test/emulators/salesforce.ts', import.meta.url).href;
let sf: SalesforceEmulator;

beforeAll(async () => {
  const { startHubSpotEmulator } = (await import(/* @vite-ignore */ emulatorModule)) as {
    startHubSpotEmulator(options: { portalId: number }): Promise<HubSpotEmulator>;
  };
  hs = await startHubSpotEmulator({ portalId: 8_800_001 });
  // A custom deal property the admin will map, and the partner's company already in the portal.
  hs.addProperty('deals', {
    name: 'partner_notes',
    label: 'Partner notes',
    type: 'string',
    fieldType: 'textarea',
  });
  hs.seed('companies', { name: 'Initech', domain: 'initech.com' });
  const { startSalesforceEmulator } = (await import(/* @vite-ignore */ salesforceModule)) as {
    startSalesforceEmulator(options: { orgName: string }): Promise<SalesforceEmulator>;
  };
  sf = await startSalesforceEmulator({ orgName: 'Acme Sales Org' });
});
afterAll(async () => {
  await hs?.close();
  await sf?.close();
});

async function choose(page: Page, combobox: Locator, option: string | RegExp) {
  await combobox.click();
  await page.getByRole('option', { name: option }).click();
}

async function openCrm(page: Page) {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings', exact: true })
    .click();
  await waitForPath(page, '/settings');
  await page.getByRole('link', { name: 'Manage CRM sync' }).click();
  await waitForPath(page, '/settings/crm');
  await page.getByRole('heading', { name: 'CRM', level: 1 }).waitFor();
}

describe('CRM: connect HubSpot and map its fields', () => {
  const browser = useBrowser();

  test('the vendor admin connects a HubSpot private app, maps fields, queues a dry run and is told the sync waits for it', async () => {
    const page = browser.page();
    // The wrong token (422) and the mapping to a deleted property (400) are refused on purpose.
    browser.expectStatus(422);
    browser.expectStatus(400);
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await openCrm(page);

    const connect = page.getByRole('region', { name: 'Connect a CRM' });
    await choose(page, connect.getByRole('combobox', { name: 'CRM' }), 'HubSpot');
    // A private app's token is the default way in (Mantine's segmented control hides its radio inputs).
    await expect.poll(() => connect.getByRole('radio', { name: 'Private app token' }).isChecked()).toBe(true);
    await connect.getByRole('textbox', { name: 'Name', exact: true }).fill('HubSpot e2e');
    await connect.getByRole('textbox', { name: 'API base' }).fill(hs.url);
    const token = connect.getByLabel('Private app access token');

    // A wrong token: HubSpot's own message, nothing connected.
    await token.fill('pat-na1-wrong');
    await connect.getByRole('button', { name: 'Connect HubSpot' }).click();
    await connect
      .getByRole('alert')
      .getByText(/Authentication credentials not found/)
      .waitFor();
    expect(page.url()).toMatch(/\/settings\/crm$/);

    // The right one opens the connection.
    await token.fill(hs.privateAppToken());
    await connect.getByRole('button', { name: 'Connect HubSpot' }).click();
    await waitForPath(page, /^\/settings\/crm\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'HubSpot e2e', level: 1 }).waitFor();
    await page.getByText('Active', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('The connection works').waitFor();
    await page.getByText(/\(8800001\)/).waitFor();

    // The defaults read from the portal's schema, and its pipeline's stages mapped to ours.
    const mappings = page.getByRole('region', { name: 'Mappings' });
    await mappings.getByRole('heading', { name: 'Deals ↔ opportunities' }).waitFor();
    const crmFields = mappings.getByRole('combobox', { name: 'CRM field' });
    await expect
      .poll(() => crmFields.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)))
      .toEqual([
        'Company name (name, string)',
        'Company Domain Name (domain, url)',
        'Country/Region (country, string)',
        'Deal Name (dealname, string)',
        'Company (the deal’s primary company association) (associations.company, reference)',
        'Deal Stage (dealstage, picklist)',
        'Amount (amount, currency)',
        'Currency (deal_currency_code, picklist)',
        'Close Date (closedate, datetime)',
      ]);
    await mappings.getByRole('heading', { name: 'Stages' }).waitFor();
    await expect
      .poll(() => mappings.getByRole('combobox', { name: 'Our stage for Closed Won' }).inputValue())
      .toBe('won');
    await expect
      .poll(() => mappings.getByRole('combobox', { name: 'Our stage for Closed Lost' }).inputValue())
      .toBe('lost');

    // A new row: our description to the portal's custom "Partner notes"…
    const deals = mappings.getByRole('table').nth(1);
    await deals.getByRole('button', { name: 'Add a field' }).click();
    const row = deals.locator(':scope > tbody > tr').last();
    await choose(page, row.getByRole('combobox', { name: 'Our field' }), 'description');
    await choose(page, row.getByRole('combobox', { name: 'CRM field' }), /^Partner notes \(partner_notes, /);
    // …which HubSpot's admin deletes before the mapping is saved: refused at save, on that field.
    hs.portal.properties.deals = hs.portal.properties.deals.filter((p) => p.name !== 'partner_notes');
    await mappings.getByRole('button', { name: 'Save mappings' }).click();
    await mappings.getByText('deals has no field partner_notes').waitFor();
    await expect
      .poll(() => row.getByRole('combobox', { name: 'CRM field' }).getAttribute('aria-invalid'))
      .toBe('true');

    // Mapped to the standard description instead, it saves.
    await choose(page, row.getByRole('combobox', { name: 'CRM field' }), /^Deal Description \(description, /);
    await mappings.getByRole('button', { name: 'Save mappings' }).click();
    await mappings.getByText('Mappings saved.').waitFor();

    // The dry run joins the sync log (queued: the e2e server runs no jobs).
    const sync = page.getByRole('region', { name: 'Sync' });
    await sync.getByText(/No runs yet\. Start with a dry run/).waitFor();
    await sync.getByRole('button', { name: 'Dry run' }).click();
    await expect
      .poll(() => tableRows(page, 'Sync runs'))
      .toEqual([expect.stringMatching(/^Dry run · .* \| queued \| 0 \| 0 \| 0 \| 0 \| 0 \| Details$/)]);
    await sync.getByText(/Dry run queued: waiting to start · 0 records read/).waitFor();
    // The first real sync writes to the CRM, so it waits for a dry run that has finished: here none can.
    await sync.getByRole('button', { name: 'Run sync' }).click();
    await sync
      .getByText('Run a dry run first: the first sync shows what it will change before it changes anything')
      .waitFor();
    expect(await tableRows(page, 'Sync runs')).toHaveLength(1);

    // Back on Settings → CRM, the connection is listed, active, against the portal.
    await page.getByRole('link', { name: 'CRM', exact: true }).click();
    await waitForPath(page, '/settings/crm');
    await page.getByRole('link', { name: 'HubSpot e2e' }).waitFor();
  }, 120_000);

  test('the vendor admin connects Salesforce through its sign-in page and lands back on the connection', async () => {
    const page = browser.page();
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await openCrm(page);

    // Salesforce by OAuth is the first form offered; the login URL is the org's (here the emulator).
    const connect = page.getByRole('region', { name: 'Connect a CRM' });
    await expect
      .poll(() => connect.getByRole('radio', { name: 'Sign in with Salesforce (OAuth)' }).isChecked())
      .toBe(true);
    await connect.getByRole('textbox', { name: 'Name', exact: true }).fill('Salesforce e2e');
    await connect.getByRole('textbox', { name: 'Login URL' }).fill(sf.url);
    await connect.getByRole('textbox', { name: 'Consumer key' }).fill(sf.oauth.clientId);
    await connect.getByLabel('Consumer secret').fill(sf.oauth.clientSecret);
    // The callback to register on the connected app is this server's own.
    expect(await connect.getByRole('textbox', { name: 'Callback URL' }).inputValue()).toBe(
      new URL('/settings/crm/callback', page.url()).href,
    );
    await connect.getByRole('button', { name: 'Connect Salesforce' }).click();

    // Salesforce's authorize page sends the person back with a code, which the callback screen trades.
    await page.getByRole('heading', { name: 'Connecting your CRM', level: 1 }).waitFor();
    await page.getByText('Connected to Acme Sales Org').waitFor();
    await page.getByRole('link', { name: 'Open the connection' }).click();
    await waitForPath(page, /^\/settings\/crm\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Salesforce e2e', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByText('The connection works').waitFor();
    await page.getByText(/Reached Acme Sales Org/).waitFor();

    // Its mapping screen reads the org's describe: opportunities' fields and stages.
    const mappings = page.getByRole('region', { name: 'Mappings' });
    await mappings.getByRole('heading', { name: 'Stages' }).waitFor();
    await expect
      .poll(() => mappings.getByRole('combobox', { name: 'Our stage for Closed Won' }).inputValue())
      .toBe('won');
  }, 120_000);
});
