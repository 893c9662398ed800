import { describe, expect, test } from 'vitest';
import { apiAs } from './support/api';
import { accounts } from './support/accounts';
import { signIn, useBrowser, waitForPath } from './support/browser';

describe("a partner's home", () => {
  const browser = useBrowser();

  test('is the first screen, lists what waits and leads to it; what is done leaves it', async () => {
    const title = `Price list for the new quarter ${Date.now()}`;
    const vendor = await apiAs(accounts.admin);
    await vendor.post('/announcements', { title, body: 'The new prices apply from the first of the month.' });

    const page = browser.page();
    await signIn(page, accounts.northwindUser);
    await waitForPath(page, '/home');
    await page.getByRole('heading', { name: 'Northwind Systems', level: 1 }).waitFor();
    const unread = page.getByRole('region', { name: 'Announcements to read' });
    await unread.getByRole('link', { name: title }).waitFor();
    // Every section is there, with either its work or the next step to take.
    for (const name of [
      'Referrals to answer',
      'Leads to accept',
      'Deal protection ending soon',
      'Agreements to accept',
      'Fund claims due',
      'Your next tier',
      'New for you',
    ]) {
      const section = page.getByRole('region', { name });
      await section.waitFor();
      expect(await section.getByRole('link').count()).toBeGreaterThan(0);
    }

    await unread.getByRole('link', { name: title }).click();
    await waitForPath(page, /^\/community\/announcements\/.+/);
    const card = page.getByRole('main').getByRole('article', { name: title });
    await card.getByRole('button', { name: 'Mark as read' }).click();
    await expect.poll(() => card.getByRole('button', { name: 'Mark as read' }).count()).toBe(0);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await waitForPath(page, '/home');
    await page.getByRole('region', { name: 'Announcements to read' }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: 'Announcements to read' })
          .getByRole('link', { name: title })
          .count(),
      )
      .toBe(0);
  });

  test('vendor staff start from the partner list', async () => {
    const page = browser.page();
    await signIn(page, accounts.channelManager);
    await waitForPath(page, '/partners');
    await page.goto('/home');
    await waitForPath(page, '/partners');
  });
});
