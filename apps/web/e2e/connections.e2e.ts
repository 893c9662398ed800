import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { type Account, accounts, DEMO_PASSWORD } from './support/accounts';
import { apiAs } from './support/api';
import { signIn, tableRows, useBrowser, waitForPath } from './support/browser';

// The partner-to-partner side of the ecosystem: recommendations with their reasons, a connection
// request answered from the inbox, and the vendor's review of integration listings.

const stamp = Date.now();

interface Org {
  id: string;
  name: string;
  domain: string | null;
  channelManager: { email: string } | null;
}

interface ConnectionDto {
  id: string;
  kind: string;
  status: string;
  version: number;
  requester: { id: string; name: string };
  recipient: { id: string; name: string };
}

interface IntegrationDto {
  id: string;
  name: string;
  status: string;
  version: number;
  reviewReason: string | null;
  organization: { id: string; name: string };
}

async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function demoPartner(name: string): Promise<Org> {
  const admin = await apiAs(accounts.admin);
  const page = await admin.get<{ items: Org[] }>(`/partners?q=${encodeURIComponent(name)}`);
  const org = page.items.find((p) => p.name === name);
  if (!org) throw new Error(`the demo data should hold ${name}`);
  return org;
}

/** The body row of the Connections table that holds `text`. */
function connectionRow(page: Page, text: string): Locator {
  return page.getByRole('table', { name: 'Connections' }).locator('tbody tr').filter({ hasText: text });
}

/**
 * Contoso asks Northwind for a relationship, of the first kind the two have none open of (one open
 * per kind per pair). Referral partnerships are left alone: the demo's, and the marketplace tests', own.
 */
async function contosoAsksNorthwind(northwind: Org, message: string): Promise<ConnectionDto> {
  const contosoApi = await apiAs(accounts.contosoAdmin);
  for (const kind of ['co_sell', 'implementation', 'resale', 'technology_integration', 'joint_solution']) {
    try {
      return await contosoApi.post<ConnectionDto>('/connections', {
        organizationId: northwind.id,
        kind,
        message,
      });
    } catch (error) {
      if (!(error instanceof Error) || !error.message.includes('answered 409')) throw error;
    }
  }
  throw new Error('Contoso and Northwind already have every kind of connection open');
}

/** A partner admin of an active ISV in the demo (each demo partner's admin is admin@<its domain>). */
/** An ISV's admin; with `managedBy`, one of an ISV the channel manager looks after (whose listings they review). */
async function isvAdmin(managedBy?: string): Promise<{ account: Account; org: Org }> {
  const admin = await apiAs(accounts.admin);
  const isvs = await admin.get<{ items: Org[] }>('/partners?type=isv&status=active&limit=50');
  for (const org of isvs.items) {
    if (!org.domain || (managedBy && org.channelManager?.email !== managedBy)) continue;
    const account = { email: `admin@${org.domain}`, password: DEMO_PASSWORD };
    try {
      await apiAs(account);
      return { account, org };
    } catch {
      // Not a demo sign-in (a partner created by another test): try the next.
    }
  }
  throw new Error('the demo data should hold an active ISV with its admin');
}

async function submittedListing(name: string): Promise<IntegrationDto> {
  const { account } = await isvAdmin(accounts.channelManager.email);
  const isvApi = await apiAs(account);
  const draft = await isvApi.post<IntegrationDto>('/integrations', {
    name,
    category: 'Backup',
    description: 'Sends backup job results into the vendor’s console.',
    documentationUrl: 'https://docs.example.com/backup-sync',
    editions: ['Enterprise'],
  });
  return isvApi.post<IntegrationDto>(`/integrations/${draft.id}/submit`, { version: draft.version });
}

describe('connections: partners to meet, requests and answers', () => {
  const browser = useBrowser();

  test('a partner admin sees partners to meet with reasons, asks one and withdraws', async () => {
    const page = browser.page();
    await signIn(page, accounts.northwindAdmin);
    await waitForPath(page, '/home');
    await nav(page, 'Partners to meet');
    await waitForPath(page, '/recommendations');
    await page.getByRole('heading', { name: 'Partners to meet', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');

    const first = page.getByRole('article').first();
    await first.waitFor();
    const partner = (await first.getByRole('heading', { level: 2 }).innerText()).trim();
    expect(partner).not.toBe('');
    // Every recommendation says why, as a list of reasons.
    const reasons = await first.getByRole('listitem').allInnerTexts();
    expect(reasons.length).toBeGreaterThanOrEqual(1);
    for (const reason of reasons) expect(reason.trim().length).toBeGreaterThan(5);
    expect(await first.getByRole('link', { name: partner, exact: true }).getAttribute('href')).toMatch(
      /^\/marketplace\/[\w-]+$/,
    );

    // Ask for a referral partnership, with a fee.
    await first.getByRole('button', { name: 'Connect' }).click();
    const dialog = page.getByRole('dialog', { name: `Connect with ${partner}` });
    expect(await dialog.getByRole('combobox', { name: 'Kind of partnership' }).inputValue()).toBe(
      'Referral partnership',
    );
    await dialog.getByRole('textbox', { name: 'Message' }).fill(`Shall we refer customers (${stamp})?`);
    await dialog.getByRole('textbox', { name: 'Referral fee %' }).fill('12.5');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`Your request for a referral partnership was sent to ${partner}.`).waitFor();

    // It waits among the outgoing requests, with its terms; the asker may withdraw it.
    await nav(page, 'Connections');
    await waitForPath(page, '/connections');
    await page.getByRole('heading', { name: 'Connections', level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Outgoing' }).click();
    await page.waitForLoadState('networkidle');
    const row = connectionRow(page, `(${stamp})`);
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Referral partnership[\s\S]*Referral fee 12\.5%[\s\S]*Requested/i);
    await row.getByRole('button', { name: 'Withdraw' }).click();
    const withdraw = page.getByRole('dialog', { name: `Withdraw your request: ${partner}` });
    await withdraw.getByRole('button', { name: 'Withdraw' }).click();
    await withdraw.waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'detached' });
  });

  test('a partner user accepts an incoming request; a stale answer is caught', async () => {
    const northwind = await demoPartner('Northwind Systems');
    const contoso = await demoPartner('Contoso Cloud Services');
    const message = `Let us work the same accounts (${stamp})`;
    const request = await contosoAsksNorthwind(northwind, message);

    const page = browser.page();
    await signIn(page, accounts.northwindUser);
    await waitForPath(page, '/home');
    await nav(page, 'Connections');
    await waitForPath(page, '/connections');
    await page.getByRole('heading', { name: 'Connections', level: 1 }).waitFor();
    // Requests waiting for an answer come first, counted on their tab.
    const incomingTab = page.getByRole('tab', { name: /^Incoming requests/ });
    expect(await incomingTab.getAttribute('aria-selected')).toBe('true');
    await page.waitForLoadState('networkidle');
    await expect
      .poll(async () => Number((await incomingTab.innerText()).match(/\d+/)?.[0] ?? 0))
      .toBeGreaterThanOrEqual(1);

    const row = connectionRow(page, message);
    await row.waitFor();
    expect(await row.getByRole('link', { name: 'Contoso Cloud Services' }).getAttribute('href')).toBe(
      `/marketplace/${contoso.id}`,
    );
    await row.getByRole('button', { name: 'Accept' }).click();
    await page.getByText(/^You accepted the .* with Contoso Cloud Services\.$/).waitFor();
    await row.waitFor({ state: 'detached' });

    // Now an active connection, on both sides.
    await page.getByRole('tab', { name: 'Active' }).click();
    await page.waitForLoadState('networkidle');
    const active = connectionRow(page, message);
    await active.waitFor();
    expect(await active.innerText()).toMatch(/Active/i);
    const contosoApi = await apiAs(accounts.contosoAdmin);
    const seen = await contosoApi.get<ConnectionDto>(`/connections/${request.id}`);
    expect(seen.status).toBe('active');

    // The connection's own page; ending it while the other side already did is caught.
    await active.getByRole('link', { name: new RegExp(literally(kindWords[request.kind] ?? '')) }).click();
    await waitForPath(page, `/connections/${request.id}`);
    await page.getByRole('heading', { name: 'Contoso Cloud Services', level: 1 }).waitFor();
    expect(await tableRows(page, 'Connection details')).toContain(`Message | ${message}`);
    browser.expectStatus(409);
    await contosoApi.post(`/connections/${request.id}/end`, {
      version: seen.version,
      reason: 'Done for this season',
    });
    await page.getByRole('button', { name: 'End' }).click();
    const end = page.getByRole('dialog', { name: 'End the connection: Contoso Cloud Services' });
    await end.getByRole('textbox', { name: 'Reason' }).fill('No longer needed');
    await end.getByRole('button', { name: 'End' }).click();
    await page.getByText('This connection was changed by someone else meanwhile').waitFor();
    // The page reloaded it: ended by Contoso, with its reason, and nothing left to do.
    await expect
      .poll(async () => (await tableRows(page, 'Connection details')).join('\n'))
      .toContain('Reason for ending | Done for this season');
    expect(await page.getByRole('button', { name: 'End' }).count()).toBe(0);
  });
});

const kindWords: Record<string, string> = {
  co_sell: 'Co-sell',
  implementation: 'Implementation partnership',
  resale: 'Resale / distribution',
  technology_integration: 'Technology integration',
  joint_solution: 'Joint solution',
};

describe('integrations: the vendor reviews listings', () => {
  const browser = useBrowser();

  test('the channel manager publishes a submitted listing and rejects another with a reason', async () => {
    // Listings of partners this channel manager looks after: those are theirs to review.
    const toPublish = await submittedListing(`Backup Sync ${stamp}`);
    const toReject = await submittedListing(`Half-done Connector ${stamp}`);

    const page = browser.page();
    await signIn(page, accounts.channelManager);
    await waitForPath(page, '/partners');
    await nav(page, 'Integrations');
    await waitForPath(page, '/integrations');
    await page.getByRole('heading', { name: 'Integrations', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByRole('tab', { name: /^Review queue/ }).click();
    const queue = page.getByRole('table', { name: 'Listings waiting for review' });
    await queue.waitFor();
    await page.waitForLoadState('networkidle');

    const publishRow = queue.locator('tbody tr').filter({ hasText: toPublish.name });
    await publishRow.getByRole('button', { name: 'Publish' }).click();
    await page.getByText(`${toPublish.name} is published in the catalog.`).waitFor();
    await publishRow.waitFor({ state: 'detached' });

    const rejectRow = queue.locator('tbody tr').filter({ hasText: toReject.name });
    await rejectRow.getByRole('button', { name: 'Reject' }).click();
    const dialog = page.getByRole('dialog', { name: `Reject ${toReject.name}` });
    // A rejection says why.
    await dialog.getByRole('button', { name: 'Reject listing' }).click();
    await dialog.getByText('Give a reason').waitFor();
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Add a link to the setup guide');
    await dialog.getByRole('button', { name: 'Reject listing' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await rejectRow.waitFor({ state: 'detached' });

    // The published one is in the catalog; the listing partner sees why the other came back.
    await page.getByRole('tab', { name: 'Catalog' }).click();
    await page.getByRole('textbox', { name: 'Search' }).fill(toPublish.name);
    await page.waitForURL((url) => url.searchParams.get('q') === toPublish.name);
    await page.waitForLoadState('networkidle');
    await page
      .getByRole('article', { name: toPublish.name })
      .getByRole('link', { name: toPublish.name })
      .click();
    await waitForPath(page, `/integrations/${toPublish.id}`);
    await page.getByRole('heading', { name: toPublish.name, level: 1 }).waitFor();
    expect((await tableRows(page, 'Integration details')).join('\n')).toMatch(/^Published \| /m);

    const cmApi = await apiAs(accounts.channelManager);
    const rejected = await cmApi.get<IntegrationDto>(`/integrations/${toReject.id}`);
    expect(rejected.status).toBe('rejected');
    expect(rejected.reviewReason).toBe('Add a link to the setup guide');
  });
});
