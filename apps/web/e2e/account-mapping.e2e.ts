import { describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { apiAs } from './support/api';
import { signIn, tableRows, useBrowser, waitForPath } from './support/browser';

// A partner maps its customers with the vendor for the first time, at the sizes of issue #23's trial: the
// vendor has uploaded 5,000 customers; Contoso's admin opts in, defines a population, pastes 3,000 accounts
// (which stay in the browser), runs the mapping and reads the overlap count at "counts".

const stamp = Date.now();
const SHARED = 1_234;
const VENDOR_ACCOUNTS = 5_000;
const PARTNER_ACCOUNTS = 3_000;
const domain = (kind: string, i: number) => `${kind}-${i}-${stamp}.com`;
const shared = Array.from({ length: SHARED }, (_, i) => domain('shared', i));
const vendorPopulation = `E2E customers ${stamp}`;
const partnerPopulation = `Contoso customers ${stamp}`;

describe('account mapping', () => {
  const browser = useBrowser();

  test('a partner pastes its accounts in the browser and sees the overlap counts', async () => {
    const admin = await apiAs(accounts.admin);
    const created = await admin.post<{ id: string; version: number }>('/mapping/populations', {
      name: vendorPopulation,
      kind: 'customers',
      source: 'upload',
      defaultLevel: 'counts',
    });
    await admin.put(`/mapping/populations/${created.id}/accounts`, {
      version: created.version,
      accounts: [
        ...shared.map((d, i) => ({ name: `Shared ${i}`, domains: [d] })),
        ...Array.from({ length: VENDOR_ACCOUNTS - SHARED }, (_, i) => ({
          name: `Vendor only ${i}`,
          domains: [domain('vendor-only', i)],
        })),
      ],
    });

    const page = browser.page();
    await signIn(page, accounts.contosoAdmin);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Account mapping' })
      .click();
    await waitForPath(page, '/mapping');
    await page.getByRole('button', { name: 'Opt in' }).click();

    await page.getByRole('tab', { name: 'My populations' }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(partnerPopulation);
    await page.getByRole('button', { name: 'Add population' }).click();
    const csv = [
      'name,website',
      ...shared.map((d, i) => `Customer ${i},https://www.${d}`),
      ...Array.from({ length: PARTNER_ACCOUNTS - SHARED }, (_, i) => `Ours only ${i},${domain('ours', i)}`),
    ];
    // 3,000 rows into a controlled text box: on a loaded machine the new population's row and the paste
    // take longer than one ordinary step's 15 s (a full CI run once timed out here, waiting to type).
    await page
      .getByRole('textbox', { name: `Paste accounts for ${partnerPopulation}` })
      .fill(csv.join('\n'), { timeout: 60_000 });
    await page.getByRole('button', { name: 'Keep pasted accounts' }).click();
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContainEqual(expect.stringContaining(`${PARTNER_ACCOUNTS} accounts kept in this browser`));
    await expect
      .poll(async () => (await tableRows(page, 'Populations')).join('\n'))
      .toContain(`${partnerPopulation} Customers · In this browser only | ${PARTNER_ACCOUNTS}`);

    await page.getByRole('tab', { name: 'Mapping partners' }).click();
    await page.getByRole('button', { name: 'Run mapping' }).click();
    const matrix = page.getByRole('table', { name: 'Overlap matrix' });
    await expect
      .poll(async () => (await matrix.locator('thead').textContent()) ?? '')
      .toContain(vendorPopulation);
    const headers = await matrix.locator('thead th').allTextContents();
    const column = headers.indexOf(vendorPopulation);
    const row = (await tableRows(page, 'Overlap matrix')).find((r) => r.startsWith(partnerPopulation));
    expect(row?.split(' | ')[column]).toBe(String(SHARED));
  });
});
