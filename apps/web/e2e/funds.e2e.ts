import { describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { signIn, tableRows, useBrowser, waitForPath } from './support/browser';

// One MDF story, in order: Northwind requests funds for an activity from its Gold budget; its channel
// manager approves; Northwind claims with an invoice PDF; the channel manager approves part of it; the
// partner's statement shows the approved amount.
const title = `Partner summit booth ${Date.now()}`;
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('MDF: request, approval, claim with proof, partial approval, statement', () => {
  const browser = useBrowser();

  test('the partner requests $2,500 from its available allocation', async () => {
    const page = browser.page();
    await signIn(page, accounts.northwindAdmin);
    await waitForPath(page, '/home');
    await page.getByRole('link', { name: 'Funds' }).click();
    await page.getByRole('heading', { name: 'Funds', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Funds available' }).waitFor();
    const available = await tableRows(page, 'Funds available');
    expect(available[0]).toContain('Q4 2026 MDF — Gold resellers');
    expect(available[0]).toContain('$11,000.00');

    const form = page.getByRole('region', { name: 'Request funds' });
    await form.getByRole('combobox', { name: 'Budget' }).click();
    await page.getByRole('option', { name: 'Q4 2026 MDF — Gold resellers' }).click();
    await form.getByRole('textbox', { name: 'Title' }).fill(title);
    await form.getByLabel('Starts on').fill('2026-12-01');
    await form.getByLabel('Ends on').fill('2026-12-02');
    await form.getByRole('textbox', { name: 'Amount (USD)', exact: true }).fill('2,500');
    await form.getByRole('button', { name: 'Send the request' }).click();
    await page.getByText('Your request was sent for approval.').waitFor();
    await page.getByLabel(`Request ${title}`).waitFor();
  });

  test('the channel manager approves it', async () => {
    const page = browser.page();
    await signIn(page, accounts.channelManager);
    await waitForPath(page, '/partners');
    await page.getByRole('link', { name: 'Funds' }).click();
    const request = page.getByLabel(`Request ${title}`);
    await request.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => request.textContent()).toContain('claim by 2027-01-31');
  });

  test('the partner claims it with an invoice PDF', async () => {
    const page = browser.page();
    await signIn(page, accounts.northwindAdmin);
    await waitForPath(page, '/home');
    await page.getByRole('link', { name: 'Funds' }).click();
    const form = page.getByRole('form', { name: `Claim ${title}` });
    await form.getByRole('textbox', { name: 'Claim amount (USD)' }).fill('2,500');
    await form
      .locator('input[type="file"]')
      .setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: pdf });
    await form.getByRole('button', { name: 'Claim' }).click();
    await expect.poll(() => page.getByLabel(`Request ${title}`).textContent()).toContain('Claim: $2,500.00');
  });

  test('the channel manager approves $2,000 of it and sees the invoice', async () => {
    const page = browser.page();
    await signIn(page, accounts.channelManager);
    await waitForPath(page, '/partners');
    await page.getByRole('link', { name: 'Funds' }).click();
    const claim = page.getByLabel(`Claim ${title}`);
    await claim.getByRole('link', { name: 'invoice.pdf' }).waitFor();
    await claim.getByRole('textbox', { name: 'Approve (USD)' }).fill('2,000');
    await claim.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => claim.textContent()).toContain('$2,000.00 approved');
  });

  test('the partner’s statement shows the approved amount, line by line', async () => {
    const page = browser.page();
    await signIn(page, accounts.northwindAdmin);
    await waitForPath(page, '/home');
    await page.getByRole('link', { name: 'Funds' }).click();
    const earnings = page.getByRole('region', { name: 'Earnings and statements' });
    await expect.poll(() => earnings.textContent()).toContain('$6,000.00 approved');
    const href = await earnings.getByRole('link', { name: /CSV/ }).getAttribute('href');
    const csv = await (await page.request.get(href!)).text();
    expect(csv).toContain(`“${title}”: $2,500.00 claimed, $2,000.00 approved`);
  });
});
