import { describe, expect, test } from 'vitest';
import { apiAs } from './support/api';
import { accounts } from './support/accounts';
import { signIn, tableRows, useBrowser, waitForPath } from './support/browser';

describe('a partner user', () => {
  const browser = useBrowser();

  test('sees only its own organization', async () => {
    const page = browser.page();
    await signIn(page, accounts.northwindUser);

    await waitForPath(page, '/home');
    await page.getByRole('heading', { name: 'Northwind Systems', level: 1 }).waitFor();
    await page.getByRole('banner').getByText('Northwind Systems').waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Home',
      'My organization',
      'Scorecard',
      'Company profile',
      'Marketplace',
      'My programs',
      'Deals',
      'Referrals',
      'Leads',
      'Account mapping',
      'Funds',
      'Connections',
      'Partners to meet',
      'Integrations',
      'Solutions',
      'Spaces',
      'Announcements',
      'Events',
      'Member directory',
      'Content library',
      'Courses',
      'Certifications',
    ]);
    await nav.getByRole('link', { name: 'My organization' }).click();
    await waitForPath(page, '/organization');
    await expect.poll(() => tableRows(page, 'Partner details')).toContain('Country | United States');
    // A partner user may neither edit the organization nor list its users.
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('table', { name: 'Users' }).count()).toBe(0);

    // The vendor's partner list is not theirs: the address leads back to their own organization.
    await page.goto('/partners');
    await waitForPath(page, '/organization');
    await page.getByRole('heading', { name: 'Northwind Systems', level: 1 }).waitFor();
    expect(await page.getByText('Contoso Cloud Services').count()).toBe(0);
  });

  test("cannot open another partner's page", async () => {
    const admin = await apiAs(accounts.admin);
    const found = await admin.get<{ items: { id: string; name: string }[] }>('/partners?q=Contoso');
    const contoso = found.items.find((p) => p.name === 'Contoso Cloud Services');
    expect(contoso).toBeDefined();

    const page = browser.page();
    browser.expectStatus(404);
    await signIn(page, accounts.northwindUser);
    await waitForPath(page, '/home');
    await page.goto(`/partners/${contoso?.id}`);
    await page.getByRole('heading', { name: 'Partner not found' }).waitFor();
    expect(await page.getByText('Contoso Cloud Services').count()).toBe(0);
  });

  test('a partner admin edits its own details and sees its users', async () => {
    const page = browser.page();
    await signIn(page, accounts.contosoAdmin);
    await waitForPath(page, '/home');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My organization' })
      .click();
    await waitForPath(page, '/organization');
    await page.getByRole('heading', { name: 'Contoso Cloud Services', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Users' }).waitFor();
    expect((await tableRows(page, 'Users')).join('\n')).toContain('admin@contoso.example');
    // Status changes and channel managers are the vendor's business.
    expect(await page.getByRole('button', { name: 'Suspend' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Assign channel manager' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Contoso Cloud Services' });
    // Name and types are governed by the vendor: shown, not editable.
    expect(await dialog.getByRole('textbox', { name: 'Name' }).isDisabled()).toBe(true);
    const description = `Managed cloud for mid-sized firms (${Date.now()})`;
    await dialog.getByRole('textbox', { name: 'Description' }).fill(description);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(async () =>
        (await tableRows(page, 'Partner details')).find((row) => row.startsWith('Description')),
      )
      .toBe(`Description | ${description}`);
  });
});
