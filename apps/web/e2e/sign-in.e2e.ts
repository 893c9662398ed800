import { describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { signIn, useBrowser, waitForPath } from './support/browser';

describe('signing in', () => {
  const browser = useBrowser();

  test('a wrong password shows the error on the sign-in page', async () => {
    const page = browser.page();
    await signIn(page, { email: accounts.admin.email, password: 'not-the-password' });

    const alert = page.getByRole('alert').filter({ hasText: 'Could not sign in' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Invalid email or password');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
  });

  test('empty fields are named before anything is sent', async () => {
    const page = browser.page();
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByText('Enter your email').waitFor();
    expect(await page.getByText('Enter your password').isVisible()).toBe(true);
  });

  test('an app page asks for sign-in first, then opens', async () => {
    const page = browser.page();
    await page.goto('/audit-log');
    await waitForPath(page, '/login');

    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(accounts.admin.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(accounts.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await waitForPath(page, '/audit-log');
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
  });

  test('an unknown address shows the not-found page', async () => {
    const page = browser.page();
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');

    await page.goto('/no/such/page');
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Go to the start page' }).click();
    await waitForPath(page, '/partners');
    // The frame can show before the list's code has arrived: the screen is there once its heading is.
    await page.getByRole('heading', { name: 'Partners', level: 1 }).waitFor();
  });
});
