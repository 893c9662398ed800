import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { signIn, tableRows, useBrowser, waitForPath } from './support/browser';

// The vendor admin subscribes a URL to deal events from the settings: a loopback address is refused
// (the e2e server does not allow private addresses), a public one is saved and its signing secret
// shown once. On the webhook's page a test event joins the delivery log as pending (jobs are off, so
// nothing is sent), the secret is rotated, the webhook disabled, then deleted.

const stamp = Date.now();
const HOOK_URL = 'https://93.184.216.34/hooks';
const description = `Deal feed ${stamp}`;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Shared between the steps below, which run in order. */
let webhookId = '';
let firstSecret = '';

async function openWebhooks(page: Page) {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings', exact: true })
    .click();
  await waitForPath(page, '/settings');
  await page.getByRole('link', { name: 'Manage webhooks' }).click();
  await waitForPath(page, '/settings/webhooks');
  await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
}

/** The webhooks table's row for this run's webhook, if any. */
async function ourRow(page: Page): Promise<string | undefined> {
  return (await tableRows(page, 'Webhooks')).find((row) => row.includes(description));
}

describe('webhooks: subscribe, test, rotate, disable and delete', () => {
  const browser = useBrowser();

  test('the vendor admin adds a webhook and sees its secret once', async () => {
    const page = browser.page();
    // The loopback URL is refused by the server, on purpose.
    browser.expectStatus(400);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await openWebhooks(page);

    await page.getByRole('button', { name: 'Add webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add webhook' });
    const urlField = dialog.getByRole('textbox', { name: 'URL' });
    await urlField.fill('http://127.0.0.1:8080/hooks');
    await dialog.getByRole('textbox', { name: 'Description' }).fill(description);
    const eventTypes = dialog.getByRole('combobox', { name: 'Event types' });
    await eventTypes.click();
    // The common patterns are offered.
    await page.getByRole('option', { name: 'partner.*', exact: true }).waitFor();
    await page.getByRole('option', { name: 'deal.*', exact: true }).click();
    // Leave the picker, as a person tabbing on would (its list covers the buttons).
    await page.keyboard.press('Tab');

    // The server's message lands on the URL field.
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    await expect.poll(() => urlField.getAttribute('aria-invalid')).toBe('true');
    await dialog
      .getByText('The host resolves to 127.0.0.1, a loopback, link-local or private address')
      .waitFor();

    await urlField.fill(HOOK_URL);
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The secret, with how to check a signature, this once.
    const reveal = page.getByRole('region', { name: 'New webhook secret' });
    firstSecret = (await reveal.getByLabel('Signing secret', { exact: true }).textContent())?.trim() ?? '';
    expect(firstSecret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    const note = await reveal.textContent();
    expect(note).toContain('webhook-signature');
    expect(note).toContain('HMAC-SHA256');
    await reveal.getByRole('button', { name: 'Copy the secret' }).click();
    await reveal.getByRole('button', { name: 'Copy the secret: copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstSecret);

    await expect
      .poll(() => ourRow(page))
      .toMatch(new RegExp(`^${escape(HOOK_URL)} ${description} \\| deal\\.\\* \\| Active \\| `));
    const link = page.getByRole('row').filter({ hasText: description }).getByRole('link', { name: HOOK_URL });
    webhookId = (await link.getAttribute('href'))?.split('/').pop() ?? '';
    expect(webhookId).not.toBe('');

    // Dismissed, the secret is gone for good.
    await reveal.getByRole('button', { name: 'I have copied it' }).click();
    await reveal.waitFor({ state: 'detached' });
    expect(await page.getByText(firstSecret).count()).toBe(0);
    await page.reload();
    await page.getByRole('table', { name: 'Webhooks' }).waitFor();
    expect(await page.getByText(firstSecret).count()).toBe(0);
  });

  test('on its page the admin sends a test event, rotates the secret, disables and deletes it', async () => {
    expect(webhookId).not.toBe('');
    const page = browser.page();
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await openWebhooks(page);
    await page
      .getByRole('row')
      .filter({ hasText: description })
      .getByRole('link', { name: HOOK_URL })
      .click();
    await waitForPath(page, `/settings/webhooks/${webhookId}`);
    await page.getByRole('heading', { name: HOOK_URL, level: 1 }).waitFor();
    await page.getByText('Nothing has been sent to this webhook yet.').waitFor();

    // A test event is queued: the log shows it pending, with no attempt yet.
    await page.getByRole('button', { name: 'Send test event' }).click();
    await expect
      .poll(async () => (await tableRows(page, 'Deliveries'))[0])
      .toMatch(/^ \| webhook\.test \| [0-9a-f-]{36} \| Pending \| 0 \| — \| /);
    await page.getByRole('button', { name: /^Show the attempts of webhook\.test / }).click();
    await page.getByText(/^No attempt yet/).waitFor();
    // A replay queues it again, with the same webhook-id.
    await page.getByRole('button', { name: /^Replay webhook\.test / }).click();
    await page.getByText('webhook.test is queued to be sent again.').waitFor();
    expect(await tableRows(page, 'Deliveries')).toHaveLength(2); // the delivery and its attempts row
    // Filtered to delivered ones, the log is empty.
    await page.getByRole('radiogroup', { name: 'Delivery status' }).getByText('Delivered').click();
    await page.getByText('No delivered deliveries.').waitFor();
    await page.getByRole('radiogroup', { name: 'Delivery status' }).getByText('All').click();
    await page.getByRole('table', { name: 'Deliveries' }).waitFor();

    // Rotating shows a new secret, once, and says the old one keeps signing for a day.
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const rotate = page.getByRole('dialog', { name: 'Rotate signing secret' });
    await rotate.getByText(/keeps signing beside it for 24 hours/).waitFor();
    await rotate.getByRole('button', { name: 'Rotate secret' }).click();
    await rotate.waitFor({ state: 'hidden' });
    const reveal = page.getByRole('region', { name: 'New webhook secret' });
    const secret = (await reveal.getByLabel('Signing secret', { exact: true }).textContent())?.trim() ?? '';
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(firstSecret);
    await reveal.getByText(/The old secret keeps signing beside the new one for 24 hours/).waitFor();
    await page.getByText(/^The previous secret also signs until /).waitFor();
    await reveal.getByRole('button', { name: 'I have copied it' }).click();
    await reveal.waitFor({ state: 'detached' });
    expect(await page.getByText(secret).count()).toBe(0);

    // Disabled, it says so here and in the list; no test event can be sent.
    await page.getByRole('button', { name: 'Disable', exact: true }).click();
    await page.getByRole('button', { name: 'Enable', exact: true }).waitFor();
    await page.getByText(/^Disabled: events that happen meanwhile/).waitFor();
    expect(await page.getByRole('button', { name: 'Send test event' }).isDisabled()).toBe(true);
    await page.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await waitForPath(page, '/settings/webhooks');
    await expect.poll(() => ourRow(page)).toContain('| Disabled |');

    // Deleted, after confirming, it leaves the list.
    await page
      .getByRole('row')
      .filter({ hasText: description })
      .getByRole('link', { name: HOOK_URL })
      .click();
    await waitForPath(page, `/settings/webhooks/${webhookId}`);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete webhook' });
    await confirm.getByRole('button', { name: 'Delete webhook' }).click();
    await waitForPath(page, '/settings/webhooks');
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();
    await expect.poll(() => ourRow(page)).toBeUndefined();
  });

  test('other vendor staff have no webhook screens', async () => {
    const page = browser.page();
    await signIn(page, accounts.channelManager);
    await waitForPath(page, '/partners');
    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByRole('link', { name: /FX rates/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Manage webhooks' }).count()).toBe(0);
    await page.goto('/settings/webhooks');
    await page.getByRole('heading', { name: 'Not allowed', level: 1 }).waitFor();
    await page.getByText('Your role does not give access to the webhooks.').waitFor();
  });
});
