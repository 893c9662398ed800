import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { apiAs } from './support/api';
import { signIn, tableRows, useBrowser, waitForPath } from './support/browser';

// A partner's side of lead distribution: the vendor hands Northwind a lead; a Northwind user finds it
// in the inbox, reads the company and need but not the contact, accepts it, then converts it into a
// deal that is protected at once.

const stamp = Date.now();
const company = `Umbrella Health ${stamp}`;
const domain = `umbrella-health-${stamp}.com`;

interface Lead {
  id: string;
  version: number;
}

function daysFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function detail(page: Page, label: string): Promise<string | undefined> {
  return (await tableRows(page, 'Lead details')).find((row) => row.startsWith(`${label} |`));
}

describe('leads: a partner accepts one and converts it into a deal', () => {
  const browser = useBrowser();

  test('the lead shows company and need first, the contact once accepted, and becomes a protected deal', async () => {
    const admin = await apiAs(accounts.admin);
    const found = await admin.get<{ items: { id: string; name: string }[] }>('/partners?q=Northwind');
    const northwind = found.items.find((p) => p.name === 'Northwind Systems');
    if (!northwind) throw new Error('the demo data should hold Northwind Systems');
    const lead = await admin.post<Lead>('/leads', {
      companyName: company,
      companyDomain: domain,
      country: 'US',
      industry: '62',
      contactName: 'Alice Abernathy',
      contactEmail: `alice@${domain}`,
      need: 'Managed backups for 12 clinics',
      estimatedAmount: 3_600_000,
      estimatedCurrency: 'USD',
      route: false,
    });
    await admin.post(`/leads/${lead.id}/assign`, { version: lead.version, organizationId: northwind.id });

    const page = browser.page();
    await signIn(page, accounts.northwindUser);
    await waitForPath(page, '/home');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Leads', exact: true })
      .click();
    await waitForPath(page, '/leads');
    await page.getByRole('heading', { name: 'Leads', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Leads' }).waitFor();
    await page.getByRole('link', { name: company }).click();
    await waitForPath(page, `/leads/${lead.id}`);
    await page.getByRole('heading', { name: company, level: 1 }).waitFor();
    expect(await detail(page, 'Need')).toBe('Need | Managed backups for 12 clinics');
    expect(await detail(page, 'Estimated value')).toBe('Estimated value | $36,000.00');
    expect(await detail(page, 'Contact')).toBe('Contact | Shown once accepted');
    expect(await page.getByText(`alice@${domain}`).count()).toBe(0);

    await page.getByRole('button', { name: 'Accept' }).click();
    await page.getByRole('button', { name: 'Convert to deal' }).waitFor();
    await expect.poll(() => detail(page, 'Contact')).toBe(`Contact | Alice Abernathy · alice@${domain}`);

    await page.getByRole('button', { name: 'Convert to deal' }).click();
    const convert = page.getByRole('dialog', { name: `Convert ${company} into a deal` });
    expect(await convert.getByRole('textbox', { name: 'Amount' }).inputValue()).toBe('36000.00');
    await convert.getByRole('textbox', { name: 'Amount' }).fill('41000');
    await convert.getByLabel('Expected close date').fill(daysFromNow(45));
    await convert.getByRole('button', { name: 'Register the deal' }).click();
    const registered = page.getByRole('dialog', { name: 'Deal registered' });
    await registered.getByText('The lead is now a protected deal').waitFor();
    await registered.getByRole('link', { name: 'Open the deal' }).click();
    await waitForPath(page, /^\/deals\/[^/]+$/);
    const dealId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('heading', { name: company, level: 1 }).waitFor();

    const deal = await admin.get<{
      status: string;
      amount: number;
      protection: { expiresAt: string } | null;
    }>(`/deals/${dealId}`);
    expect(deal.status).toBe('approved');
    expect(deal.amount).toBe(4_100_000);
    expect(deal.protection).not.toBeNull();
  });
});
