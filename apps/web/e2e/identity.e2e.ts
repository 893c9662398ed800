import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { accounts, type Account } from './support/accounts';
import { signIn, tableRows, useBrowser, waitForPath } from './support/browser';
import { emailedLink } from './support/mail';

// One story, told in order: each test picks up where the one before left off.
const stamp = Date.now();
const CONTOSO = 'Contoso Cloud Services';
const newAdmin: Account & { name: string } = {
  name: 'Dana Whitfield',
  email: `dana.whitfield.${stamp}@contoso.example`,
  password: 'dana-first-password',
};
const teammate: Account & { name: string } = {
  name: 'Sam Okafor',
  email: `sam.okafor.${stamp}@contoso.example`,
  password: 'sam-first-password',
};
let teammateLink = '';

/**
 * A second browser window beside the test's own, for a person who stays signed in while someone
 * else acts. It fails the test on console errors too (401 is how a session's end is heard).
 */
async function secondWindow(
  page: Page,
): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({
    baseURL: inject('baseUrl'),
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  const other = await context.newPage();
  const problems: string[] = [];
  other.on('console', (msg) => {
    if (msg.type() === 'error' && !/status of 401\b/.test(msg.text())) problems.push(msg.text());
  });
  other.on('pageerror', (error) => problems.push(error.message));
  return { page: other, context, problems };
}

async function openUserMenuItem(page: Page, item: string) {
  await page.getByRole('button', { name: /^User menu/ }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function chooseOption(page: Page, label: string, option: string, scope: Page | Locator = page) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('identity: invitations, team, tokens, sessions and password reset', () => {
  const browser = useBrowser();

  test('the vendor admin invites a partner admin into Contoso from its page', async () => {
    const page = browser.page();
    browser.expectStatus(409);
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await page.getByRole('textbox', { name: 'Search' }).fill('Contoso');
    await page.getByRole('link', { name: CONTOSO }).click();
    await page.getByRole('heading', { name: CONTOSO, level: 1 }).waitFor();
    // The enrollments, users and invitations sections load after the heading and move the button.
    await page.waitForLoadState('networkidle');

    await page.getByRole('button', { name: 'Invite user' }).click();
    const dialog = page.getByRole('dialog', { name: `Invite a user to ${CONTOSO}` });
    // An address that already has an account: the server's reason is shown at the address.
    await dialog.getByRole('textbox', { name: 'Email' }).fill(accounts.contosoAdmin.email);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.getByText('A user with this email address already exists').waitFor();

    await dialog.getByRole('textbox', { name: 'Email' }).fill(newAdmin.email);
    await chooseOption(page, 'Role', 'Partner admin', dialog);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await expect
      .poll(async () => (await tableRows(page, 'Pending invitations')).join('\n'))
      .toContain(`${newAdmin.email} | Partner admin | `);
  });

  test('the invitee opens the emailed link, joins and lands in Contoso', async () => {
    const page = browser.page();
    const link = await emailedLink(newAdmin.email, 'invitations');
    await page.goto(link);

    await page.getByRole('heading', { name: `Join ${CONTOSO}` }).waitFor();
    const invitation = await tableRows(page, 'Invitation');
    expect(invitation).toContain(`Organization | ${CONTOSO}`);
    expect(invitation).toContain('Role | Partner admin');
    expect(await page.getByRole('textbox', { name: 'Email' }).inputValue()).toBe(newAdmin.email);

    await page.getByRole('textbox', { name: 'Your name' }).fill(newAdmin.name);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('short');
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    await page.getByText('Use at least 10 characters').waitFor();

    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(newAdmin.password);
    await page.getByRole('textbox', { name: 'Repeat the password' }).fill(newAdmin.password);
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    await waitForPath(page, '/home');
    await page.getByRole('heading', { name: CONTOSO, level: 1 }).waitFor();
    await page.getByRole('button', { name: `User menu for ${newAdmin.name}` }).waitFor();
  });

  test('a used or forged invitation link says so', async () => {
    const page = browser.page();
    browser.expectStatus(404);
    browser.expectStatus(422);
    await page.goto(await emailedLink(newAdmin.email, 'invitations'));
    await page.getByRole('heading', { name: 'This invitation cannot be used' }).waitFor();
    await page.getByText('This invitation was already accepted: sign in instead').waitFor();

    await page.goto('/invitations/not-a-real-token');
    await page.getByText('This invitation link is not valid').waitFor();
  });

  test('the new admin invites a teammate and creates a read-only API token', async () => {
    const page = browser.page();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page, newAdmin);
    await waitForPath(page, '/home');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team' }).click();
    await waitForPath(page, '/team');
    await page.getByRole('table', { name: 'Team members' }).waitFor();
    const members = (await tableRows(page, 'Team members')).join('\n');
    expect(members).toContain(`${newAdmin.name} You | ${newAdmin.email} | Partner admin | Active`);
    expect(members).toContain(accounts.contosoAdmin.email);

    await page.getByRole('button', { name: 'Invite teammate' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite teammate' });
    // Partner roles only; Partner user is the default.
    await dialog.getByRole('combobox', { name: 'Role', exact: true }).click();
    expect(await page.getByRole('option').allTextContents()).toEqual(['Partner admin', 'Partner user']);
    await page.getByRole('option', { name: 'Partner user' }).click();
    await dialog.getByRole('textbox', { name: 'Email' }).fill(teammate.email);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(async () => (await tableRows(page, 'Pending invitations')).join('\n'))
      .toContain(`${teammate.email} | Partner user | ${newAdmin.name}`);
    teammateLink = await emailedLink(teammate.email, 'invitations');

    // An API token, from the user menu.
    await openUserMenuItem(page, 'API tokens');
    await waitForPath(page, '/account/tokens');
    await page.getByRole('button', { name: 'Create token' }).click();
    const create = page.getByRole('dialog', { name: 'Create token' });
    await create.getByRole('textbox', { name: 'Name' }).fill('Quarterly report');
    expect(await create.getByRole('radio', { name: 'Read only (GET requests)' }).isChecked()).toBe(true);
    await create.getByRole('textbox', { name: 'Expires after (days)' }).fill('30');
    await create.getByRole('button', { name: 'Create token' }).click();
    await create.waitFor({ state: 'hidden' });

    const reveal = page.getByRole('region', { name: 'New token' });
    await reveal.getByText('you will not see it again').waitFor();
    const token = (await reveal.getByLabel('Token', { exact: true }).textContent())?.trim() ?? '';
    expect(token).toMatch(/^pgt_/);
    const example = (await reveal.getByLabel('Example request', { exact: true }).textContent())?.trim();
    expect(example).toBe(`curl -H "Authorization: Bearer ${token}" ${inject('baseUrl')}/api/v1/partners`);
    await reveal.getByRole('button', { name: 'Copy the token' }).click();
    await reveal.getByRole('button', { name: 'Copy the token: copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

    const rows = await tableRows(page, 'API tokens');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(
      /^Quarterly report \| pgt_\S+ ?… \| Read only \| .+ \| Never \| .+ \| Active \| Revoke$/,
    );

    // The token reads the API as its creator: a partner admin of Contoso sees Contoso only...
    const res = await fetch(`${inject('baseUrl')}/api/v1/partners`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { name: string }[] };
    expect(body.items.map((p) => p.name)).toEqual([CONTOSO]);
    // ...and, being read-only, may not write.
    const write = await fetch(`${inject('baseUrl')}/api/v1/tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'more', scope: 'read', expiresInDays: 1 }),
    });
    expect(write.status).toBe(403);

    // Dismissed, the secret is gone for good; the list shows that the token was used.
    await reveal.getByRole('button', { name: 'I have copied it' }).click();
    await reveal.waitFor({ state: 'detached' });
    await page.reload();
    await expect.poll(async () => (await tableRows(page, 'API tokens'))[0]).toContain('| just now |');
    expect(await page.getByText(token).count()).toBe(0);
  });

  test('the teammate joins; deactivated, their open session ends on its next request', async () => {
    const page = browser.page();
    const sam = await secondWindow(page);
    try {
      await sam.page.goto(teammateLink);
      await sam.page.getByRole('heading', { name: `Join ${CONTOSO}` }).waitFor();
      await sam.page.getByRole('textbox', { name: 'Your name' }).fill(teammate.name);
      await sam.page.getByRole('textbox', { name: 'Password', exact: true }).fill(teammate.password);
      await sam.page.getByRole('textbox', { name: 'Repeat the password' }).fill(teammate.password);
      await sam.page.getByRole('button', { name: 'Accept and sign in' }).click();
      await waitForPath(sam.page, '/home');
      await sam.page.getByRole('heading', { name: CONTOSO, level: 1 }).waitFor();
      // A partner user has no Team page.
      const samNav = sam.page.getByRole('navigation', { name: 'Main' });
      await samNav.getByRole('link', { name: 'My organization' }).waitFor();
      expect(await samNav.getByRole('link', { name: 'Team' }).count()).toBe(0);

      await signIn(page, newAdmin);
      await waitForPath(page, '/home');
      await page.goto('/team');
      await page.getByRole('table', { name: 'Team members' }).waitFor();
      await expect
        .poll(async () => (await tableRows(page, 'Team members')).join('\n'))
        .toContain(`${teammate.name} | ${teammate.email} | `);
      // The accepted invitation is no longer pending.
      expect((await tableRows(page, 'Pending invitations')).join('\n')).not.toContain(teammate.email);

      // A promotion, then a deactivation: the second uses the version the first produced.
      await chooseOption(page, `Role of ${teammate.name}`, 'Partner admin');
      await page.getByText(`${teammate.name} is now Partner admin.`).waitFor();
      await page.getByRole('button', { name: `Deactivate ${teammate.name}` }).click();
      const dialog = page.getByRole('dialog', { name: 'Deactivate user' });
      await dialog.getByText('is signed out at once').waitFor();
      await dialog.getByRole('combobox', { name: 'Hand over to' }).click();
      expect(await page.getByRole('option').allTextContents()).toContain(`${newAdmin.name} (Partner admin)`);
      await dialog.getByText('is signed out at once').click();
      await dialog.getByRole('button', { name: 'Deactivate' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect
        .poll(async () => (await tableRows(page, 'Team members')).find((r) => r.includes(teammate.email)))
        .toMatch(/\| Deactivated \| Reactivate$/);

      // Sam's window still shows the app; the next request finds the session gone.
      await openUserMenuItem(sam.page, 'Sessions');
      await waitForPath(sam.page, '/login');
      await sam.page.getByRole('heading', { name: 'Sign in' }).waitFor();
      expect(sam.problems).toEqual([]);
    } finally {
      await sam.context.close();
    }
  });

  test('the sessions page shows this device and signs out another', async () => {
    const page = browser.page();
    await signIn(page, newAdmin);
    await waitForPath(page, '/home');
    await openUserMenuItem(page, 'Sessions');
    await waitForPath(page, '/account/sessions');
    await page.getByRole('table', { name: 'Sessions' }).waitFor();

    // Earlier tests left sessions open in windows since closed.
    const before = await tableRows(page, 'Sessions');
    expect(before.length).toBeGreaterThan(1);
    const current = before.filter((row) => row.includes('This device'));
    expect(current).toHaveLength(1);
    expect(current[0]).toMatch(/^Headless Chrome on Linux This device \| \S*127\.0\.0\.1 \| .+ \| Now \|/);

    await page
      .getByRole('button', { name: /^Sign out Headless Chrome on Linux/ })
      .first()
      .click();
    await expect.poll(async () => (await tableRows(page, 'Sessions')).length).toBe(before.length - 1);
  });

  test('a forgotten password is reset through the emailed link; the old one stops working', async () => {
    const page = browser.page();
    browser.expectStatus(400);
    const newPassword = 'dana-second-password';
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await waitForPath(page, '/forgot-password');
    await page.getByRole('textbox', { name: 'Email' }).fill(newAdmin.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('If an account exists for this address').waitFor();

    const link = await emailedLink(newAdmin.email, 'reset-password');
    await page.goto(link);
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await page.getByRole('textbox', { name: 'New password' }).fill(newPassword);
    await page.getByRole('textbox', { name: 'Repeat the password' }).fill(`${newPassword}x`);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('The two passwords differ').waitFor();
    await page.getByRole('textbox', { name: 'Repeat the password' }).fill(newPassword);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await waitForPath(page, '/login');
    await page.getByText('Your new password is set').waitFor();

    // The link works once.
    await page.goto(link);
    await page.getByRole('textbox', { name: 'New password' }).fill('dana-third-password');
    await page.getByRole('textbox', { name: 'Repeat the password' }).fill('dana-third-password');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('alert').filter({ hasText: 'This link cannot be used' }).waitFor();
    await page.getByRole('link', { name: 'Ask for a new link' }).waitFor();

    // The old password is refused (one failed sign-in of the ten the limit allows)...
    await signIn(page, newAdmin);
    await page.getByRole('alert').filter({ hasText: 'Invalid email or password' }).waitFor();
    // ...and the new one opens the account.
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(newPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForPath(page, '/home');
    await page.getByRole('heading', { name: CONTOSO, level: 1 }).waitFor();
  });
});
