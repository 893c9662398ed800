import { describe, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { apiAs } from './support/api';
import { signIn, tableRows, useBrowser, waitForPath } from './support/browser';

describe('program administration', () => {
  const browser = useBrowser();

  test('the admin adds, retires, restores and deletes a partner type; one in use cannot be deleted', async () => {
    const page = browser.page();
    browser.expectStatus(409);
    const name = `Cloud reseller ${Date.now()}`;
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partner types' }).click();
    await waitForPath(page, '/partner-types');

    await page.getByRole('button', { name: 'Add partner type' }).click();
    const add = page.getByRole('dialog', { name: 'Add partner type' });
    await add.getByRole('textbox', { name: 'Name' }).fill(name);
    // The code follows the name until someone types one.
    expect(await add.getByRole('textbox', { name: 'Code' }).inputValue()).toMatch(/^cloud_reseller_\d+$/);
    await add.getByRole('textbox', { name: 'Description' }).fill('Resells our cloud with its own services.');
    await add.getByRole('button', { name: 'Add partner type' }).click();
    await add.waitFor({ state: 'hidden' });
    const row = async () => (await tableRows(page, 'Partner types')).find((r) => r.startsWith(name));
    await expect.poll(row).toMatch(/Offered/);

    await page.getByRole('button', { name: `Retire ${name}` }).click();
    await expect.poll(row).toMatch(/Retired/);
    await page.getByRole('button', { name: `Restore ${name}` }).click();
    await expect.poll(row).toMatch(/Offered/);

    await page.getByRole('button', { name: `Delete ${name}` }).click();
    const remove = page.getByRole('dialog', { name: `Delete ${name}` });
    await remove.getByRole('button', { name: 'Delete' }).click();
    await remove.waitFor({ state: 'hidden' });
    await expect.poll(row).toBeUndefined();

    // A type that organizations hold: the server says why in a sentence, and retiring is the way.
    await page.getByRole('button', { name: 'Delete Managed service provider' }).click();
    const refused = page.getByRole('dialog', { name: 'Delete Managed service provider' });
    await refused.getByRole('button', { name: 'Delete' }).click();
    await refused.getByText(/is in use by \d+ organizations and \d+ programs: retire it instead/).waitFor();
  });

  test('the admin enrolls a partner, then suspends, reactivates and evaluates the enrollment', async () => {
    const stamp = Date.now();
    const admin = await apiAs(accounts.admin);
    const draft = await admin.post<{ id: string; name: string; version: number }>('/programs', {
      name: `Referral Circle ${stamp}`,
      eligibleTypes: ['referral_partner'],
      tiers: [{ code: 'member', name: 'Member', benefits: [{ kind: 'referral_fee_pct', value: 12 }] }],
    });
    await admin.post(`/programs/${draft.id}/publish`, { version: draft.version });
    const partner = await admin.post<{ id: string; name: string }>('/partners', {
      name: `Brookside Referrals ${stamp}`,
      country: 'DE',
      types: ['referral_partner'],
    });

    const page = browser.page();
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await page.goto(`/partners/${partner.id}`);
    await page.getByRole('heading', { name: partner.name, level: 1 }).waitFor();
    await page.getByText('Not enrolled in any program.').waitFor();

    await page.getByRole('button', { name: 'Enroll in program' }).click();
    const enroll = page.getByRole('dialog', { name: `Enroll ${partner.name} in a program` });
    await enroll.getByRole('combobox', { name: 'Program' }).click();
    await page.getByRole('option', { name: draft.name, exact: true }).click();
    await enroll.getByRole('button', { name: 'Enroll' }).click();
    await enroll.waitFor({ state: 'hidden' });
    const row = async () => (await tableRows(page, 'Enrollments')).find((r) => r.startsWith(draft.name));
    await expect.poll(row).toMatch(/Member \| Active \| None/);

    const act = async (item: string) => {
      await page.getByRole('button', { name: `Actions for ${draft.name}` }).click();
      await page.getByRole('menuitem', { name: item }).click();
    };
    await act('Suspend');
    const suspend = page.getByRole('dialog', { name: `Suspend enrollment in ${draft.name}` });
    await suspend.getByRole('button', { name: 'Suspend' }).click();
    await suspend.getByText('Give a reason').waitFor();
    await suspend.getByRole('textbox', { name: 'Reason' }).fill('Referral terms under review');
    await suspend.getByRole('button', { name: 'Suspend' }).click();
    await suspend.waitFor({ state: 'hidden' });
    await expect.poll(row).toMatch(/Suspended Referral terms under review/);

    await act('Reactivate');
    const reactivate = page.getByRole('dialog', { name: `Reactivate enrollment in ${draft.name}` });
    await reactivate.getByRole('button', { name: 'Reactivate' }).click();
    await reactivate.waitFor({ state: 'hidden' });
    await expect.poll(row).toMatch(/Member \| Active \| None/);

    await act('Evaluate now');
    const evaluation = page.getByRole('dialog', { name: `Evaluation of ${draft.name}` });
    await evaluation.getByText('No change: stays at Member.').waitFor();
    await evaluation.getByRole('button', { name: 'Close', exact: true }).click();
    await evaluation.waitFor({ state: 'hidden' });
  });

  test('the builder takes money in the currency: 250,000 is $250,000.00, not $2,500', async () => {
    const admin = await apiAs(accounts.admin);
    const draft = await admin.post<{ id: string; name: string }>('/programs', {
      name: `Revenue Ladder ${Date.now()}`,
      eligibleTypes: ['reseller'],
      tiers: [
        { code: 'registered', name: 'Registered' },
        {
          code: 'gold',
          name: 'Gold',
          requirements: [{ metric: 'sourced_revenue', threshold: 50_000_000 }],
          benefits: [{ kind: 'mdf_allowance', value: 1_000_000, currency: 'USD', period: 'quarter' }],
        },
      ],
    });

    const page = browser.page();
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await page.goto(`/programs/${draft.id}`);
    await page.getByRole('heading', { name: draft.name, level: 1 }).waitFor();
    const gold = page.getByRole('group', { name: 'Tier 2', exact: true });
    const threshold = gold.getByRole('group', { name: 'Requirement 1' }).getByRole('textbox', {
      name: 'Threshold (USD)',
    });
    // Stored as 50,000,000 cents; shown and typed in dollars.
    expect(await threshold.inputValue()).toBe('500000.00');
    await threshold.fill('250,000');
    const mdf = gold.getByRole('group', { name: 'Benefit 1' }).getByRole('textbox', { name: 'Amount (USD)' });
    expect(await mdf.inputValue()).toBe('10000.00');
    await mdf.fill('25000.50');
    await page.getByRole('button', { name: 'Save changes' }).first().click();
    await page.getByText('The program was saved.').waitFor();

    const saved = await admin.get<{
      tiers: { requirements: { threshold: number }[]; benefits: { value: number }[] }[];
    }>(`/programs/${draft.id}`);
    expect(saved.tiers[1]!.requirements[0]!.threshold).toBe(25_000_000);
    expect(saved.tiers[1]!.benefits[0]!.value).toBe(2_500_050);

    // A cent more precise than the currency has is refused at the field, before anything is sent.
    await threshold.fill('100.005');
    await page.getByRole('button', { name: 'Save changes' }).first().click();
    await gold.getByText('USD amounts have at most 2 decimal places').waitFor();
  });

  test('navigation follows the permission matrix', async () => {
    const page = browser.page();
    // The signed-in shell loads after the address changes: wait for its navigation before reading it.
    const links = async () => {
      const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
      await nav.first().waitFor();
      return nav.allTextContents();
    };

    await signIn(page, accounts.channelManager);
    await waitForPath(page, '/partners');
    const cm = await links();
    expect(cm).toEqual(expect.arrayContaining(['Programs', 'Applications', 'Agreements']));
    expect(cm).not.toContain('Partner types');
    expect(cm).not.toContain('My programs');
    // A channel manager reads programs but does not change them.
    await page.getByRole('link', { name: 'Programs', exact: true }).click();
    await page.getByRole('table', { name: 'Programs' }).waitFor();
    expect(await page.getByRole('link', { name: 'New program' }).count()).toBe(0);
    await page.goto('/partner-types');
    await page.getByRole('heading', { name: 'Not allowed' }).waitFor();

    await page.context().clearCookies();
    await signIn(page, accounts.northwindUser);
    await waitForPath(page, '/home');
    const partner = await links();
    expect(partner).toContain('My programs');
    expect(partner).not.toContain('Programs');
    // The vendor's program screens lead a partner to its own programs.
    await page.goto('/programs');
    await waitForPath(page, '/my-programs');
    await page.getByRole('heading', { name: 'My programs', level: 1 }).waitFor();
  });
});
