import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { type Account, accounts } from './support/accounts';
import { apiAs } from './support/api';
import { tableRows, useBrowser, waitForPath } from './support/browser';

// The main flows with the keyboard alone: no click, no fill. Each step reaches its control with Tab
// (and Shift+Tab), checks that the focus shows on it, and acts with Enter, Space, arrow keys or typing.

const stamp = Date.now();
/** More Tab presses than any screen here needs to reach a control: beyond it, the control is unreachable. */
const MAX_TABS = 120;

/** Presses Tab until `target` has the focus, and checks that the focus can be seen on it. */
async function tabTo(page: Page, target: Locator, what: string) {
  await target.waitFor();
  for (let i = 0; i < MAX_TABS; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement))) {
      expect(await focusVisible(page), `the focus on ${what} is visible`).toBe(true);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`${what} could not be reached with the Tab key`);
}

/**
 * Whether the focused element looks different from the same element unfocused: an outline, a ring, a
 * border or background colour, on it or on the wrapper that draws its frame (Mantine draws an input's
 * border on the input, a password field's on its wrapper). It is blurred and focused again to compare,
 * after transitions end.
 */
async function focusVisible(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return false;
    const settle = () => new Promise((resolve) => setTimeout(resolve, 250));
    const frames: Element[] = [];
    for (let node: Element | null = el; node && frames.length < 3; node = node.parentElement)
      frames.push(node);
    const look = () =>
      frames
        .map((node) => {
          const s = getComputedStyle(node);
          return [
            s.outlineStyle,
            s.outlineWidth,
            s.outlineColor,
            s.boxShadow,
            s.borderColor,
            s.backgroundColor,
          ];
        })
        .join('|');
    await settle();
    const focused = look();
    el.blur();
    await settle();
    const unfocused = look();
    el.focus();
    await settle();
    return focused !== unfocused;
  });
}

async function typeInto(page: Page, field: Locator, what: string, text: string) {
  await tabTo(page, field, what);
  await page.keyboard.type(text);
}

async function signInWithKeyboard(page: Page, account: Account) {
  await page.goto('/login');
  await typeInto(
    page,
    page.getByRole('textbox', { name: 'Email', exact: true }),
    'the email field',
    account.email,
  );
  await typeInto(
    page,
    page.getByRole('textbox', { name: 'Password', exact: true }),
    'the password field',
    account.password,
  );
  await page.keyboard.press('Enter');
  await waitForPath(page, '/home');
}

async function navigateTo(page: Page, name: string) {
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  await tabTo(page, link, `the ${name} link`);
  await page.keyboard.press('Enter');
}

/** A date `days` from today as a date field takes it typed in the en-US locale: MMDDYYYY. */
function typedDate(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getMonth() + 1)}${pad(d.getDate())}${d.getFullYear()}`;
}

describe('keyboard only: the main flows without a pointer', () => {
  const browser = useBrowser();

  test('a partner user signs in and registers a deal with the keyboard', async () => {
    const page = browser.page();
    const customer = `Keyboard Foods ${stamp}`;
    await signInWithKeyboard(page, accounts.northwindUser);

    await navigateTo(page, 'Deals');
    await waitForPath(page, '/deals');
    const register = page.getByRole('link', { name: 'Register a deal' });
    await tabTo(page, register, 'the Register a deal link');
    await page.keyboard.press('Enter');
    await waitForPath(page, '/deals/new');

    const form = page.getByRole('form', { name: 'Register a deal' });
    await typeInto(page, form.getByRole('textbox', { name: 'Customer name' }), 'Customer name', customer);
    await typeInto(
      page,
      form.getByRole('textbox', { name: 'Customer domain' }),
      'Customer domain',
      `keyboard-foods-${stamp}.com`,
    );
    // A searchable select: type to filter, arrow down to the match, Enter to choose it.
    const country = form.getByRole('combobox', { name: 'Country' });
    await typeInto(page, country, 'Country', 'Germany');
    await page.getByRole('option', { name: 'Germany' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => country.inputValue()).toBe('Germany');
    await typeInto(page, form.getByRole('textbox', { name: 'Amount' }), 'Amount', '31000');
    await typeInto(page, form.getByLabel('Expected close date'), 'Expected close date', typedDate(45));

    const submit = form.getByRole('button', { name: 'Register deal' });
    await tabTo(page, submit, 'the Register deal button');
    await page.keyboard.press('Enter');
    await waitForPath(page, /^\/deals\/(?!new$)[^/]+$/);
    await page.getByRole('heading', { name: customer, level: 1 }).waitFor();
    const rows = await tableRows(page, 'Deal details');
    expect(rows).toContain('Amount | $31,000.00');
    expect(rows.find((row) => row.startsWith('Country |'))).toBe('Country | Germany');
  });

  test('a partner admin opens a referral from the inbox and accepts it with the keyboard', async () => {
    const admin = await apiAs(accounts.admin);
    const partners = await admin.get<{ items: { id: string; name: string }[] }>(
      `/partners?q=${encodeURIComponent('Contoso Cloud Services')}`,
    );
    const contoso = partners.items.find((p) => p.name === 'Contoso Cloud Services');
    if (!contoso) throw new Error('the demo data should hold Contoso Cloud Services');
    const company = `Tabstop Logistics ${stamp}`;
    await (
      await apiAs(accounts.northwindUser)
    ).post('/referrals', {
      recipientOrganizationId: contoso.id,
      companyName: company,
      contactName: 'Kim Keys',
      contactEmail: `kim@tabstop-${stamp}.com`,
      need: 'Routing software for 30 depots',
    });

    const page = browser.page();
    await signInWithKeyboard(page, accounts.contosoAdmin);
    await navigateTo(page, 'Referrals');
    await waitForPath(page, '/referrals');
    const link = page.getByRole('table', { name: 'Referrals' }).getByRole('link', { name: company });
    await tabTo(page, link, 'the referral in the inbox');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: company, level: 1 }).waitFor();

    const accept = page.getByRole('button', { name: 'Accept' });
    await tabTo(page, accept, 'the Accept button');
    await page.keyboard.press('Space');
    // Accepted: the next step is offered, and the details say so.
    await page.getByRole('button', { name: 'Convert to deal' }).waitFor();
    expect(await page.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    expect((await tableRows(page, 'Referral details')).some((row) => row.startsWith('Accepted |'))).toBe(
      true,
    );
  });
});
