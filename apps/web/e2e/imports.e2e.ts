import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { signIn, tableRows, useBrowser, waitForPath } from './support/browser';

// The vendor admin imports partners from a CSV file: the upload's columns are matched to the fields
// by name, the values written as names ("Germany", "Reseller") are shown with the codes proposed for
// them and confirmed (one changed), a dry run names the bad row (by its spreadsheet row number) and
// column, a corrected file passes, the commit creates the partners, and the partner list has them.
// A second file commits its valid rows only, and its rejected rows download to fix and import again.
// Other staff have no imports.

const stamp = Date.now();
const first = `Imported Systems ${stamp}`;
const second = `Imported Cloud ${stamp}`;
const header = 'External id,Name,Partner types,Country';
// Row 2 (the first after the header) has a country that does not exist; row 3 names its country and type.
const badFile = [
  header,
  `IMP-${stamp}-1,${first},reseller,XX`,
  `IMP-${stamp}-2,${second},Reseller,Germany`,
].join('\n');
const goodFile = [header, `IMP-${stamp}-1,${first},reseller,FR`, `IMP-${stamp}-2,${second},msp,DEU`].join(
  '\n',
);
// One valid row, one whose country has no code: the valid one is committed, the other downloaded.
const partialFile = [
  header,
  `IMP-${stamp}-3,Partial ${stamp},msp,AT`,
  `IMP-${stamp}-4,Rejected ${stamp},msp,XY`,
].join('\n');

let dir = '';
const badPath = () => path.join(dir, `partners-${stamp}.csv`);
const goodPath = () => path.join(dir, `partners-${stamp}-fixed.csv`);
const partialPath = () => path.join(dir, `partners-${stamp}-partial.csv`);
const rejectedPath = () => path.join(dir, `partners-${stamp}-partial-rejected.csv`);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'partnergraph-import-e2e-'));
  await writeFile(badPath(), `${badFile}\n`);
  await writeFile(goodPath(), `${goodFile}\n`);
  await writeFile(partialPath(), `${partialFile}\n`);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Picks a file the way a person does: the file input opens the chooser, the file is chosen in it. */
async function chooseFile(page: Page, label: string, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: label }).click();
  await (await chooser).setFiles(file);
}

const importPath = /^\/settings\/imports\/[0-9a-f-]{36}$/;

describe('imports: upload, map, dry run, correct, commit', () => {
  const browser = useBrowser();

  test('the vendor admin imports partners from a CSV file', async () => {
    const page = browser.page();
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings', exact: true })
      .click();
    await waitForPath(page, '/settings');
    await page.getByRole('link', { name: 'Import CSV files' }).click();
    await waitForPath(page, '/settings/imports');
    await page.getByRole('heading', { name: 'Imports', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'New import' }).click();
    await waitForPath(page, '/settings/imports/new');

    // Each type says what it needs first; the chosen one lists its columns.
    const types = page.getByRole('radiogroup', { name: 'What does the file hold?' });
    await types
      .getByText('Import partners, referrals, and FX rates first: its rows refer to them.')
      .waitFor();
    await types.getByRole('radio', { name: /^Partners/ }).check();
    await page.getByRole('button', { name: /^The columns of a partners file/ }).click();
    expect((await tableRows(page, 'Columns of Partners'))[0]).toMatch(
      /^externalId External id \| Required \| .+ \| ACC-0042$/,
    );
    expect(await page.getByRole('combobox', { name: 'Encoding' }).inputValue()).toBe('UTF-8 (most files)');

    await chooseFile(page, 'CSV file', badPath());
    await page.getByRole('button', { name: 'Upload and continue' }).click();
    await waitForPath(page, importPath);
    const badImport = new URL(page.url()).pathname;

    // The columns were matched to the fields by their names.
    await page.getByRole('heading', { name: `partners-${stamp}.csv`, level: 1 }).waitFor();
    const column = (field: string) => page.getByRole('combobox', { name: `Column for ${field}` });
    await expect.poll(() => column('External id').inputValue()).toBe('External id');
    expect(await column('Name').inputValue()).toBe('Name');
    expect(await column('Partner types').inputValue()).toBe('Partner types');
    expect(await column('Country').inputValue()).toBe('Country');
    expect(await column('Website').inputValue()).toBe('');

    // Kept by name for files that come again.
    await page.getByRole('textbox', { name: 'Save mapping as…' }).fill(`CRM export ${stamp}`);
    await page.getByRole('button', { name: 'Save mapping' }).click();
    await page.getByText(`Mapping “CRM export ${stamp}” saved.`).waitFor();

    // The values written as names are shown with the code proposed for each, and can be changed.
    await page.getByRole('button', { name: 'Continue to values' }).click();
    await page.getByRole('heading', { name: 'Confirm how values are read' }).waitFor();
    const valueOf = (written: string) => page.getByRole('combobox', { name: `Import “${written}” as` });
    await expect.poll(() => valueOf('Germany').inputValue()).toBe('Germany (DE)');
    expect(await valueOf('Reseller').inputValue()).toMatch(/\(reseller\)$/);
    expect(await valueOf('XX').inputValue()).toBe('');
    // Germany was meant as Austria in this file: the person changes it.
    await valueOf('Germany').fill('Austria');
    await page.getByRole('option', { name: 'Austria (AT)' }).click();
    expect(await valueOf('Germany').inputValue()).toBe('Austria (AT)');

    // The dry run names the bad row, as a spreadsheet numbers it, and its column.
    await page.getByRole('button', { name: 'Run dry run' }).click();
    await page.getByRole('alert').filter({ hasText: '1 row with 1 error' }).waitFor();
    expect(await tableRows(page, 'Errors')).toEqual(["2 | Country | XX | 'XX' is not a country code"]);
    expect(await page.getByRole('button', { name: 'Commit', exact: true }).isDisabled()).toBe(true);

    // The report downloads as a CSV.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download report' }).click();
    const report = await download;
    expect(report.suggestedFilename()).toBe(`partners-${stamp}-errors.csv`);
    const reportText = await readFile((await report.path()) ?? '', 'utf8');
    expect(reportText).toContain('row,column,field,value,message');
    expect(reportText).toContain("2,Country,country,XX,'XX' is not a country code");

    // A reload comes back to the same result: the URL names the import, the server has its state.
    await page.reload();
    await page.getByRole('alert').filter({ hasText: '1 row with 1 error' }).waitFor();

    // The corrected file becomes a new import, with the same columns matched.
    await chooseFile(page, 'Corrected CSV file', goodPath());
    await page.getByRole('button', { name: 'Upload corrected file' }).click();
    await page.waitForURL((url) => importPath.test(url.pathname) && url.pathname !== badImport);
    await page.getByRole('heading', { name: `partners-${stamp}-fixed.csv`, level: 1 }).waitFor();
    await expect.poll(() => column('Country').inputValue()).toBe('Country');
    await page.getByRole('button', { name: 'Continue to values' }).click();
    await expect.poll(() => valueOf('DEU').inputValue()).toBe('Germany (DE)');
    await page.getByRole('button', { name: 'Run dry run' }).click();
    await page.getByRole('status').filter({ hasText: '2 rows ready' }).waitFor();

    // Committed, it says what it created.
    await page.getByRole('button', { name: 'Commit 2 rows' }).click();
    const done = page.getByRole('status').filter({ hasText: /^Imported/ });
    await done.waitFor();
    expect(await done.textContent()).toMatch(/^Imported2 created · 0 updated \(from 2 rows\)/);

    // The imports list has both files, newest first.
    await page.getByRole('link', { name: 'Imports', exact: true }).click();
    await waitForPath(page, '/settings/imports');
    await expect
      .poll(async () => (await tableRows(page, 'Imports')).slice(0, 2))
      .toEqual([
        expect.stringMatching(
          new RegExp(
            `^partners-${stamp}-fixed\\.csv \\| Partners \\| Committed \\| 2 rows \\| 2 created · 0 updated \\| Administrator \\| `,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^partners-${stamp}\\.csv \\| Partners \\| Has errors \\| 2 rows \\| 1 row with errors \\| `,
          ),
        ),
      ]);

    // The partners are in the partner list.
    await page.getByRole('link', { name: `partners-${stamp}-fixed.csv` }).click();
    await waitForPath(page, importPath);
    await page.getByRole('link', { name: 'Open the partners' }).click();
    await waitForPath(page, '/partners');
    await page.getByRole('textbox', { name: 'Search' }).fill(first);
    await expect.poll(async () => (await tableRows(page, 'Partners')).join('\n')).toContain(first);
  });

  test('the valid rows are committed, and the rejected ones download to fix and import again', async () => {
    const page = browser.page();
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await page.goto('/settings/imports/new');
    await page
      .getByRole('radiogroup', { name: 'What does the file hold?' })
      .getByRole('radio', { name: /^Partners/ })
      .check();
    await chooseFile(page, 'CSV file', partialPath());
    await page.getByRole('button', { name: 'Upload and continue' }).click();
    await waitForPath(page, importPath);
    await page.getByRole('button', { name: 'Continue to values' }).click();
    await page.getByRole('heading', { name: 'Confirm how values are read' }).waitFor();
    await page.getByRole('button', { name: 'Run dry run' }).click();
    await page.getByRole('alert').filter({ hasText: '1 row with 1 error' }).waitFor();

    // The rejected row downloads as the file had it, with its row number and error.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download rejected rows' }).click();
    const rejected = await download;
    expect(rejected.suggestedFilename()).toBe(`partners-${stamp}-partial-rejected.csv`);
    const text = (await readFile((await rejected.path()) ?? '', 'utf8')).replace(/^\uFEFF/, '');
    expect(text.trimEnd().split('\r\n')).toEqual([
      `${header},Row,Error`,
      `IMP-${stamp}-4,Rejected ${stamp},msp,XY,3,Country: 'XY' is not a country code`,
    ]);

    // The valid row is committed; the result says one was left out.
    await page.getByRole('button', { name: 'Commit 1 valid row' }).click();
    const done = page.getByRole('status').filter({ hasText: /^Imported/ });
    await done.waitFor();
    expect(await done.textContent()).toContain('1 created · 0 updated (from 2 rows)');
    expect(await done.textContent()).toContain('1 rejected row left out');

    // Fixed, the rejected rows import as a new file: its Row and Error columns are not mapped.
    await writeFile(rejectedPath(), text.replace(',XY,', ',CH,'));
    await page.goto('/settings/imports/new');
    await page
      .getByRole('radiogroup', { name: 'What does the file hold?' })
      .getByRole('radio', { name: /^Partners/ })
      .check();
    await chooseFile(page, 'CSV file', rejectedPath());
    await page.getByRole('button', { name: 'Upload and continue' }).click();
    await waitForPath(page, importPath);
    await page.getByRole('button', { name: 'Continue to values' }).click();
    await page.getByRole('button', { name: 'Run dry run' }).click();
    await page.getByRole('button', { name: 'Commit 1 row' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Imported1 created/ })
      .waitFor();
  });

  test('other vendor staff have no imports', async () => {
    const page = browser.page();
    await signIn(page, accounts.channelManager);
    await waitForPath(page, '/partners');
    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.getByRole('link', { name: /FX rates/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Import CSV files' }).count()).toBe(0);
    await page.goto('/settings/imports');
    await page.getByRole('heading', { name: 'Not allowed', level: 1 }).waitFor();
    await page.getByText('Your role does not give access to the imports.').waitFor();
  });
});
