import { describe, expect, test } from 'vitest';
import { apiAs } from './support/api';
import { accounts } from './support/accounts';
import { signIn, tableRows, useBrowser, waitForPath } from './support/browser';

describe('the audit log', () => {
  const browser = useBrowser();

  test('reads in names and words, and filters by picking a person and an organization', async () => {
    // Someone from a partner signs in, so the log has their entry.
    await apiAs(accounts.northwindUser);

    const page = browser.page();
    await signIn(page, accounts.analyst);
    await waitForPath(page, '/partners');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await waitForPath(page, '/audit-log');
    await page.getByRole('table', { name: 'Audit log entries' }).waitFor();

    await page.getByRole('combobox', { name: 'Organization' }).click();
    await page.getByRole('combobox', { name: 'Organization' }).fill('Northwind');
    await page.getByRole('option', { name: 'Northwind Systems' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('organizationId')).not.toBeNull();
    // Every entry left is Northwind's: done by one of its people, or about the organization itself. The poll
    // names the rows that are not, so a failure says which entry slipped through.
    await expect
      .poll(async () =>
        (await tableRows(page, 'Audit log entries')).filter((row) => !row.includes('Northwind Systems')),
      )
      .toEqual([]);

    await page.getByRole('combobox', { name: 'Person' }).click();
    await page
      .getByRole('option', { name: /\(Northwind Systems\)/ })
      .first()
      .click();
    await expect.poll(() => new URL(page.url()).searchParams.get('actorUserId')).not.toBeNull();
    const rows = await tableRows(page, 'Audit log entries');
    expect(rows.length).toBeGreaterThan(0);
    // Actions read as words, people and organizations by name: no codes, no raw ids.
    expect(rows.some((row) => row.split(' | ')[3] === 'Signed in')).toBe(true);
    expect(rows.every((row) => !/[a-z]+\.[a-z_]+/.test(row.split(' | ')[3] ?? ''))).toBe(true);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
  });
});
