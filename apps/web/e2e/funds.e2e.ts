import { describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { signIn, tableRows, useBrowser, waitForPath } from './support/browser';

// One MDF story, in order: Northwind requests funds for an activity from its Gold budget; its channel
// manager approves; Northwind claims with an invoice PDF; the channel manager approves part of it; the
// partner's statement shows the approved amount. Then the vendor admin's other desks: a rebate rule
// given a new effective-dated version, an accrual approved for payment, and a payout batch whose
// payment status comes back as accounts payable's CSV.
const title = `Partner summit booth ${Date.now()}`;
const ruleName = `Gold rebate ${Date.now()}`;
const explanation = `Co-marketing goodwill ${Date.now()}`;
const reference = `AP-${Date.now()}`;
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
    // The proof is uploaded once the claim exists: it is listed when the upload has finished.
    await page.getByLabel(`Request ${title}`).getByRole('link', { name: 'invoice.pdf' }).waitFor();
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
  test('the admin adds an effective-dated version to a rebate rule and sees its history', async () => {
    const page = browser.page();
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await page.getByRole('link', { name: 'Funds' }).click();
    await page.getByRole('tab', { name: 'Incentive rules' }).click();
    const form = page.getByRole('form', { name: 'New incentive rule' });
    await form.getByRole('textbox', { name: 'Name' }).fill(ruleName);
    await form.getByLabel('In force from').fill('2026-01-01');
    await form.getByRole('textbox', { name: 'Tier' }).fill('Gold');
    await form.getByRole('textbox', { name: 'Percent', exact: true }).fill('2');
    await form.getByRole('textbox', { name: /^Threshold/ }).fill('10,000');
    await form.getByRole('button', { name: 'Create the rule' }).click();
    const rule = page.getByLabel(`Rule ${ruleName}`);
    await rule.waitFor();
    expect(await tableRows(page, `Versions of ${ruleName}`)).toEqual([
      expect.stringContaining('Gold: 2% of quarterly sourced revenue from $10,000.00'),
    ]);

    await rule.getByRole('button', { name: 'New version' }).click();
    const version = page.getByRole('form', { name: `New version of ${ruleName}` });
    // The form starts from the version in force; the new terms change the percent from a later date.
    await expect.poll(() => version.getByRole('textbox', { name: 'Tier' }).inputValue()).toBe('Gold');
    await version.getByLabel('In force from').fill('2027-01-01');
    await version.getByRole('textbox', { name: 'Percent', exact: true }).fill('3.5');
    await version.getByRole('button', { name: 'Add the version' }).click();
    await expect
      .poll(() => tableRows(page, `Versions of ${ruleName}`))
      .toEqual([
        expect.stringContaining('Gold: 3.5% of quarterly sourced revenue from $10,000.00'),
        expect.stringContaining('Gold: 2% of quarterly sourced revenue from $10,000.00'),
      ]);
    expect((await tableRows(page, `Versions of ${ruleName}`))[1]).toContain('in force');
  });

  test('the admin accrues an adjustment, approves it for payment, pays a batch and imports its status', async () => {
    const page = browser.page();
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await page.getByRole('link', { name: 'Funds' }).click();
    await page.getByRole('tab', { name: 'Ledger and payouts' }).click();

    const adjustment = page.getByRole('form', { name: 'Manual adjustment' });
    await adjustment.getByRole('combobox', { name: 'Partner' }).fill('Northwind');
    await page.getByRole('option', { name: 'Northwind Systems' }).click();
    await adjustment.getByRole('textbox', { name: 'Amount' }).fill('150');
    await adjustment.getByRole('textbox', { name: 'Explanation' }).fill(explanation);
    await adjustment.getByRole('button', { name: 'Accrue the adjustment' }).click();
    await page.getByText('Adjustment of $150.00 accrued to Northwind Systems').waitFor();

    // Accrued → approved, picked in the entries table.
    const entries = page.getByRole('table', { name: 'Ledger entries' });
    const row = entries.getByRole('row').filter({ hasText: explanation });
    await expect.poll(() => row.textContent()).toContain('accrued');
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Approve 1 for payment' }).click();
    await page.getByText('1 entry approved for payment').waitFor();
    await expect.poll(() => row.textContent()).toContain('approved');

    // A USD payout batch takes every approved entry; accounts payable's CSV marks it paid.
    await page.getByRole('button', { name: 'Create a payout batch' }).click();
    const batchTable = page.getByRole('table', { name: /^Payments of batch .* USD$/ }).first();
    await batchTable.waitFor();
    const batchName = (await batchTable.getAttribute('aria-label'))!;
    const lines = await tableRows(page, batchName);
    const northwind = lines.find((l) => l.startsWith('Northwind Systems'));
    expect(northwind).toContain('pending');
    const csv = [
      'partner_id,status,reference',
      ...lines.map((l) => `${l.split(' | ')[1]},paid,${reference}`),
    ].join('\n');
    const batch = page.getByLabel(batchName.replace('Payments of batch', 'Payout batch')).first();
    await batch
      .locator('input[type="file"]')
      .setInputFiles({ name: 'payments.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await batch.getByRole('button', { name: 'Import the payment status' }).click();
    await expect
      .poll(async () => (await tableRows(page, batchName)).find((l) => l.startsWith('Northwind Systems')))
      .toContain(`paid | ${reference}`);
    await expect.poll(() => batch.textContent()).toContain('settled');
    await expect.poll(() => row.textContent()).toContain('paid');
  });
});
