import { describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { signIn, signOut, tableRows, useBrowser, waitForPath } from './support/browser';

describe('the vendor admin', () => {
  const browser = useBrowser();

  test('signs in, narrows the partner list, reads a partner and signs out', async () => {
    const page = browser.page();
    await signIn(page, accounts.admin);

    await waitForPath(page, '/partners');
    await page.getByRole('heading', { name: 'Partners', level: 1 }).waitFor();
    await page.getByRole('banner').getByText('Acme Software').waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    // The signed-in shell loads after the address changes: wait for its navigation before reading it.
    await nav.getByRole('link').first().waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Partners',
      'Analytics',
      'Marketplace',
      'Programs',
      'Applications',
      'Agreements',
      'Partner types',
      'Deals',
      'Deal review',
      'Referrals',
      'Leads',
      'Lead routing',
      'Account mapping',
      'Funds',
      'Connections',
      'Partners who know your pipeline',
      'Integrations',
      'Solutions',
      'Spaces',
      'Announcements',
      'Events',
      'Member directory',
      'Moderation queue',
      'Content library',
      'Courses',
      'Certifications',
      'Team',
      'Audit log',
      'Security',
      'Single sign-on',
      'Provisioning (SCIM)',
      'Settings',
    ]);

    await page.getByRole('table', { name: 'Partners' }).waitFor();
    const everyone = await tableRows(page, 'Partners');
    expect(everyone).toHaveLength(25);
    // The next page comes from the server's cursor and is appended.
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(async () => (await tableRows(page, 'Partners')).length).toBe(50);
    expect((await tableRows(page, 'Partners')).slice(0, 25)).toEqual(everyone);

    // Filter by partner type: fewer rows, Contoso (an MSP) among them, and the filter in the URL.
    await page.getByRole('combobox', { name: 'Partner type' }).click();
    await page.getByRole('option', { name: 'Managed service provider' }).click();
    await expect.poll(async () => (await tableRows(page, 'Partners')).length).toBeLessThan(25);
    const msps = await tableRows(page, 'Partners');
    expect(msps.length).toBeGreaterThan(0);
    expect(msps.some((row) => row.startsWith('Contoso Cloud Services'))).toBe(true);
    expect(new URL(page.url()).searchParams.get('type')).toBe('msp');

    // Search by name.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('textbox', { name: 'Search' }).fill('Northwind');
    await expect.poll(() => tableRows(page, 'Partners')).toHaveLength(1);
    const [northwind] = await tableRows(page, 'Partners');
    expect(northwind).toMatch(/^Northwind Systems/);
    expect(northwind).toContain('United States');
    expect(new URL(page.url()).searchParams.get('q')).toBe('Northwind');

    // Open it and read its details.
    await page.getByRole('link', { name: 'Northwind Systems' }).click();
    await waitForPath(page, /^\/partners\/[^/]+$/);
    await page.getByRole('heading', { name: 'Northwind Systems', level: 1 }).waitFor();
    const details = await tableRows(page, 'Partner details');
    expect(details).toContain('Status | Active');
    expect(details).toContain('Country | United States');
    expect(details.find((row) => row.startsWith('Partner types'))).toContain(
      'Reseller / value-added reseller (primary)',
    );
    await page.getByRole('table', { name: 'Users' }).waitFor();
    const users = (await tableRows(page, 'Users')).join('\n');
    expect(users).toContain('admin@northwind.example');
    expect(users).toContain('user@northwind.example');

    await signOut(page);
    await waitForPath(page, '/login');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });
});
