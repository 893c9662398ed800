import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiAs } from './support/api';
import { accounts } from './support/accounts';
import { signIn, signOut, tableRows, useBrowser, waitForPath } from './support/browser';

async function detail(page: Page, label: string): Promise<string | undefined> {
  return (await tableRows(page, 'Partner details')).find((row) => row.startsWith(`${label} |`));
}

/** Waits until the partner details show `expected` for `label`. */
async function waitForDetail(page: Page, label: string, expected: string) {
  await expect.poll(() => detail(page, label)).toContain(expected);
}

describe('vendor staff at work', () => {
  const browser = useBrowser();

  test('the admin creates a partner, fixing what the server refuses', async () => {
    const page = browser.page();
    browser.expectStatus(400);
    const name = `Fabrikam Labs ${Date.now()}`;
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');

    await page.getByRole('button', { name: 'New partner' }).click();
    const dialog = page.getByRole('dialog', { name: 'New partner' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Create partner' }).click();
    await dialog.getByText('Give a name of at least 2 characters').waitFor();
    expect(await dialog.getByText('Give at least one partner type').isVisible()).toBe(true);

    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('textbox', { name: 'Website' }).fill('not a website');
    await dialog.getByRole('combobox', { name: 'Country' }).fill('Germ');
    await page.getByRole('option', { name: 'Germany' }).click();
    await dialog.getByRole('combobox', { name: 'Partner types' }).click();
    await page.getByRole('option', { name: 'Independent software vendor' }).click();
    await page.getByRole('option', { name: 'Technology partner' }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Create partner' }).click();
    // The server's message for the website, shown at the website field.
    const website = dialog.getByRole('textbox', { name: 'Website' });
    await expect.poll(() => website.getAttribute('aria-invalid')).toBe('true');

    await website.fill('fabrikam.example');
    await dialog.getByRole('button', { name: 'Create partner' }).click();
    await waitForPath(page, /^\/partners\/[^/]+$/);
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    expect(await detail(page, 'Website')).toBe('Website | https://fabrikam.example');
    expect(await detail(page, 'Country')).toBe('Country | Germany');
    expect(await detail(page, 'Partner types')).toContain('Independent software vendor (primary)');
    expect(await detail(page, 'Status')).toContain('Active');
  });

  test('the admin edits, suspends, reactivates and assigns a partner; a concurrent change is caught', async () => {
    const admin = await apiAs(accounts.admin);
    const partner = await admin.post<{ id: string; name: string; version: number }>('/partners', {
      name: `Tailspin Toys ${Date.now()}`,
      country: 'FR',
      types: ['reseller'],
    });

    const page = browser.page();
    browser.expectStatus(409);
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await page.goto(`/partners/${partner.id}`);
    await page.getByRole('heading', { name: partner.name, level: 1 }).waitFor();

    // Edit while someone else changes the partner: the first save is refused, the second one wins.
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${partner.name}` });
    await edit.getByRole('textbox', { name: 'Description' }).fill('Toys for partner ecosystems.');
    await admin.patch(`/partners/${partner.id}`, {
      version: partner.version,
      description: 'Changed elsewhere',
    });
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.getByText('This partner was changed by someone else').waitFor();
    await waitForDetail(page, 'Description', 'Changed elsewhere');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'hidden' });
    await waitForDetail(page, 'Description', 'Toys for partner ecosystems.');

    // Suspending needs a reason, and shows it.
    await page.getByRole('button', { name: 'Suspend' }).click();
    const suspend = page.getByRole('dialog', { name: `Suspend ${partner.name}` });
    await suspend.getByRole('button', { name: 'Suspend' }).click();
    await suspend.getByText('Give a reason').waitFor();
    await suspend.getByRole('textbox', { name: 'Reason' }).fill('Missed the quarterly business review');
    await suspend.getByRole('button', { name: 'Suspend' }).click();
    await suspend.waitFor({ state: 'hidden' });
    await waitForDetail(page, 'Status', 'Suspended Missed the quarterly business review');

    await page.getByRole('button', { name: 'Reactivate' }).click();
    const reactivate = page.getByRole('dialog', { name: `Reactivate ${partner.name}` });
    await reactivate.getByRole('button', { name: 'Reactivate' }).click();
    await reactivate.waitFor({ state: 'hidden' });
    await waitForDetail(page, 'Status', 'Active');

    await page.getByRole('button', { name: 'Assign channel manager' }).click();
    const assign = page.getByRole('dialog', { name: 'Assign channel manager' });
    await assign.getByRole('combobox', { name: 'Channel manager' }).click();
    await page.getByRole('option', { name: /cm@example\.com/ }).click();
    await assign.getByRole('button', { name: 'Save' }).click();
    await assign.waitFor({ state: 'hidden' });
    await waitForDetail(page, 'Channel manager', 'cm@example.com');

    // Each of those changes is in the audit log, with what it changed.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await waitForPath(page, '/audit-log');
    // The partner is named in the log; its history is one click away.
    await page
      .getByRole('button', { name: `History of ${partner.name}` })
      .first()
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('entityId')).toBe(partner.id);
    await expect
      .poll(async () => (await tableRows(page, 'Audit log entries')).map((row) => row.split(' | ')[3]))
      .toEqual([
        'Partner manager assigned',
        'Partner activated',
        'Partner suspended',
        'Partner updated',
        'Partner updated',
        'Partner created',
      ]);
    await page.getByRole('button', { name: /^Show details of Partner suspended/ }).click();
    // The opened row shows the change itself: the status before and after, and the reason given.
    await expect
      .poll(async () =>
        (await tableRows(page, 'Audit log entries')).find((row) => row.includes('"status": "suspended"')),
      )
      .toMatch(
        /"status": "active".*"status": "suspended", "statusReason": "Missed the quarterly business review"/,
      );
  });

  test('a channel manager may act only on the partners assigned to them', async () => {
    const admin = await apiAs(accounts.admin);
    const page1 = await admin.get<{
      items: { id: string; name: string; channelManager: { email: string } | null }[];
    }>('/partners?limit=200&status=active');
    const mine = page1.items.find((p) => p.channelManager?.email === accounts.channelManager.email);
    const theirs = page1.items.find(
      (p) => p.channelManager && p.channelManager.email !== accounts.channelManager.email,
    );
    if (!mine || !theirs) throw new Error('the demo data should hold partners of several channel managers');

    const page = browser.page();
    await signIn(page, accounts.channelManager);
    await waitForPath(page, '/partners');
    expect(await page.getByRole('button', { name: 'New partner' }).count()).toBe(0);
    // The signed-in shell loads after the address changes: wait for its navigation before reading it.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link').first().waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual([
      'Partners',
      'Analytics',
      'Marketplace',
      'Programs',
      'Applications',
      'Agreements',
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
    ]);

    await page.goto(`/partners/${mine.id}`);
    await page.getByRole('heading', { name: mine.name, level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Suspend' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Assign channel manager' }).count()).toBe(0);

    await page.goto(`/partners/${theirs.id}`);
    await page.getByRole('heading', { name: theirs.name, level: 1 }).waitFor();
    expect(await page.getByRole('group', { name: 'Partner actions' }).count()).toBe(0);
  });

  test('the analyst reads the audit log and changes their password', async () => {
    const page = browser.page();
    const newPassword = 'a-brand-new-passphrase';
    await signIn(page, accounts.analyst);
    await waitForPath(page, '/partners');
    expect(await page.getByRole('button', { name: 'New partner' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Audit log' }).click();
    // Actions are picked by their words, not typed as codes.
    await page.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('combobox', { name: 'Action' }).fill('Signed in');
    await page.getByRole('option', { name: 'Signed in', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('action')).toBe('auth.login');
    await expect
      .poll(async () => (await tableRows(page, 'Audit log entries')).map((row) => row.split(' | ')[3]))
      .toContain('Signed in');
    const logins = await tableRows(page, 'Audit log entries');
    expect(logins.every((row) => row.split(' | ')[3] === 'Signed in')).toBe(true);

    async function changePassword(from: string, to: string) {
      await page.getByRole('button', { name: /^User menu/ }).click();
      await page.getByRole('menuitem', { name: 'Change password' }).click();
      const dialog = page.getByRole('dialog', { name: 'Change password' });
      await dialog.getByRole('textbox', { name: 'Current password', exact: true }).fill(from);
      await dialog.getByRole('textbox', { name: 'New password', exact: true }).fill(to);
      await dialog.getByRole('textbox', { name: 'Repeat the new password', exact: true }).fill(to);
      await dialog.getByRole('button', { name: 'Change password' }).click();
      return dialog;
    }

    // A wrong current password is named at its field.
    browser.expectStatus(400);
    const refused = await changePassword('not-my-password', newPassword);
    await refused.getByText('This is not your current password').waitFor();
    await refused.getByRole('button', { name: 'Cancel' }).click();

    const accepted = await changePassword(accounts.analyst.password, newPassword);
    await accepted.waitFor({ state: 'hidden' });
    await page.getByText('Password changed').waitFor();

    // The new session keeps working for writes (the CSRF token was replaced with it)...
    await signOut(page);
    await waitForPath(page, '/login');
    // ...and only the new password opens the next one.
    await signIn(page, { email: accounts.analyst.email, password: newPassword });
    await waitForPath(page, '/partners');
    const back = await changePassword(newPassword, accounts.analyst.password);
    await back.waitFor({ state: 'hidden' });
  });
});
