import { describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { apiAs } from './support/api';
import { signIn, tableRows, useBrowser, waitForPath } from './support/browser';

// The e2e server has no SMTP: a password-reset request for a demo user is written to the log and kept
// in the outbox, where the vendor admin reads it whole. Other vendor staff have no outbox.

const SUBJECT = 'Reset your PartnerGraph password';
const TO = accounts.northwindUser.email;

describe('email outbox', () => {
  const browser = useBrowser();

  test('the vendor admin reads a logged message in the outbox', async () => {
    const api = await apiAs(accounts.admin);
    await api.post('/auth/password-reset', { email: TO });

    const page = browser.page();
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings', exact: true })
      .click();
    await waitForPath(page, '/settings');
    await page.getByRole('link', { name: 'Open the outbox' }).click();
    await waitForPath(page, '/settings/emails');
    await page.getByRole('heading', { name: 'Email outbox', level: 1 }).waitFor();
    await page.getByText('Email is not being delivered').waitFor();

    // Newest first: the request just made heads the table.
    await expect
      .poll(async () => (await tableRows(page, 'Emails'))[0])
      .toMatch(new RegExp(`^.+ \\| ${TO} \\| ${SUBJECT} \\| Logged \\| Server log$`));

    await page.getByRole('button', { name: SUBJECT }).first().click();
    const dialog = page.getByRole('dialog', { name: SUBJECT });
    await dialog.getByText(`To ${TO}`).waitFor();
    const text = dialog.getByRole('region', { name: 'Plain text' });
    // The message is there, its one-time token is not: reading the outbox never hands over an account.
    await text
      .getByText(/https?:\/\/\S+\/reset-password\/\[one-time token hidden: see the server log\]/)
      .waitFor();
    // The HTML is shown in an empty sandbox, never in the page itself.
    const frame = dialog.locator('iframe');
    expect(await frame.getAttribute('sandbox')).toBe('');
    await page.frameLocator('iframe').getByRole('link', { name: 'Choose a new password' }).waitFor();
    await dialog.getByRole('button', { name: 'Close dialog' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  test('other vendor staff have no outbox', async () => {
    const page = browser.page();
    await signIn(page, accounts.channelManager);
    await waitForPath(page, '/partners');
    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByRole('link', { name: /FX rates/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Open the outbox' }).count()).toBe(0);
    await page.goto('/settings/emails');
    await page.getByRole('heading', { name: 'Not allowed', level: 1 }).waitFor();
    await page.getByText('Your role does not give access to the email outbox.').waitFor();
  });
});
