import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { accounts, type Account } from './support/accounts';
import { apiAs } from './support/api';
import { signOut, useBrowser, waitForPath } from './support/browser';
import { emailedLink } from './support/mail';

// Passkeys are bound to a domain name (WebAuthn refuses an IP address as its relying party), and the
// server's PUBLIC_URL defaults to http://localhost:<port>: these tests browse it there.
const site = () => inject('baseUrl').replace('127.0.0.1', 'localhost');

/** A new partner user of Northwind, invited by its admin and accepted through the API: nobody else's account changes. */
async function newPartnerUser(label: string): Promise<Account> {
  const email = `mfa-${label}-${Date.now()}@northwind.example`;
  const admin = await apiAs(accounts.northwindAdmin);
  await admin.post('/invitations', { email, role: 'partner_user' });
  const link = await emailedLink(email, 'invitations');
  const password = 'a-long-password-for-mfa';
  const res = await fetch(`${inject('baseUrl')}/api/v1${link}/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `Mfa ${label}`, password }),
  });
  expect(res.status).toBe(200);
  return { email, password };
}

async function signInWithPassword(page: Page, account: Account) {
  await page.goto(`${site()}/login`);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(account.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

const codeAt = (secret: string, offset = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });

describe('MFA: passkeys and an authenticator app with recovery codes', () => {
  const browser = useBrowser();

  test('a partner user enrolls a passkey, then signs in with it as a second factor and without a password', async () => {
    const page = browser.page();
    const me = await newPartnerUser('passkey');
    // Chromium's virtual authenticator (DevTools protocol): a platform passkey that verifies its user.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });

    await signInWithPassword(page, me);
    await waitForPath(page, '/home');
    await page.goto(`${site()}/account/security`);
    await page.getByRole('heading', { name: 'Security', level: 1 }).waitFor();
    await page.getByRole('textbox', { name: 'New passkey name' }).fill('Work laptop');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    // The first factor comes with recovery codes, shown once.
    const codes = page.getByRole('list', { name: 'Your recovery codes' });
    await codes.waitFor();
    expect(await codes.getByRole('listitem').count()).toBe(10);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByRole('table', { name: 'Your passkeys' }).getByText('Work laptop').waitFor();

    // A password alone no longer signs in: the passkey finishes it.
    await signOut(page);
    await signInWithPassword(page, me);
    await page.getByRole('heading', { name: 'Verify it is you' }).waitFor();
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await waitForPath(page, '/home');

    // And without a password at all.
    await signOut(page);
    await waitForPath(page, '/login');
    await page.getByRole('button', { name: 'Continue with a passkey' }).click();
    await waitForPath(page, '/home');
    await page.goto(`${site()}/account/security`);
    await page.getByRole('table', { name: 'Your passkeys' }).getByText('Work laptop').waitFor();
  });

  test('joining an organization that requires MFA: the invitee creates a passkey before the first session', async () => {
    const stamp = Date.now();
    const admin = await apiAs(accounts.admin);
    const org = await admin.post<{ id: string; name: string }>('/partners', {
      name: `Strict Security ${stamp}`,
      types: ['reseller'],
    });
    await admin.post(`/mfa/organizations/${org.id}/policy`, { required: true, version: 1 });
    const email = `strict-${stamp}@strict.example`;
    await admin.post('/invitations', { email, role: 'partner_admin', organizationId: org.id });

    const page = browser.page();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await page.goto(`${site()}${await emailedLink(email, 'invitations')}`);
    await page.getByRole('heading', { name: `Join ${org.name}` }).waitFor();
    await page.getByRole('textbox', { name: 'Your name' }).fill('Sasha Strict');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('a-long-password-for-mfa');
    await page.getByRole('textbox', { name: 'Repeat the password' }).fill('a-long-password-for-mfa');
    await page.getByRole('button', { name: 'Accept and sign in' }).click();

    // No session yet: the second factor comes first, an app or a passkey.
    await page.getByRole('heading', { name: 'Set up a second factor' }).waitFor();
    expect((await page.context().cookies()).some((c) => c.name === 'pg_session')).toBe(false);
    await page.getByText('Passkey', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Passkey name' }).fill('Work laptop');
    await page.getByRole('button', { name: 'Create a passkey and sign in' }).click();
    const codes = page.getByRole('list', { name: 'Your recovery codes' });
    await codes.waitFor();
    expect(await codes.getByRole('listitem').count()).toBe(10);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await waitForPath(page, '/home');
    await page.getByRole('heading', { name: org.name, level: 1 }).waitFor();

    // The passkey is the factor from now on: a password alone asks for it.
    await signOut(page);
    await signInWithPassword(page, { email, password: 'a-long-password-for-mfa' });
    await page.getByRole('heading', { name: 'Verify it is you' }).waitFor();
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await waitForPath(page, '/home');
  });

  test('an authenticator app, then a recovery code when the phone is not at hand', async () => {
    const page = browser.page();
    const me = await newPartnerUser('totp');
    await signInWithPassword(page, me);
    await waitForPath(page, '/home');
    await page.goto(`${site()}/account/security`);
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = ((await page.getByLabel('Setup key', { exact: true }).textContent()) ?? '').replace(
      /\s/g,
      '',
    );
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByRole('textbox', { name: 'Code from the app' }).fill(await codeAt(secret));
    await page.getByRole('button', { name: 'Confirm' }).click();
    const list = page.getByRole('list', { name: 'Your recovery codes' });
    await list.waitFor();
    const recoveryCodes = await list.getByRole('listitem').allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText(/On since/).waitFor();

    // The next code from the app signs in.
    await signOut(page);
    await signInWithPassword(page, me);
    await page
      .getByRole('textbox', { name: 'Code from your authenticator app' })
      .fill(await codeAt(secret, 1));
    await page.getByRole('button', { name: 'Verify' }).click();
    await waitForPath(page, '/home');

    // Without the phone: a recovery code, once.
    await signOut(page);
    await signInWithPassword(page, me);
    await page.getByText('Recovery code', { exact: true }).click();
    await page.getByRole('textbox', { name: 'Recovery code' }).fill(recoveryCodes[0]!);
    await page.getByRole('button', { name: 'Verify' }).click();
    await waitForPath(page, '/home');
    await page.goto(`${site()}/account/security`);
    await page.getByText('9 of 10 unused.').waitFor();
  });
});
