import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { accounts } from './support/accounts';
import { apiAs } from './support/api';
import { signIn, signOut, tableRows, useBrowser, waitForPath } from './support/browser';
import { emailedLink } from './support/mail';

// The onboarding path, as people walk it: the vendor admin writes an agreement and builds a program;
// a company applies on the public form; the admin approves; the company's new partner admin accepts
// the agreement, works through onboarding and is promoted once the vendor attests; a new agreement
// version then needs accepting again. Everything it needs is created here, none of the demo programs.

const stamp = Date.now();
const agreementName = `Cloud Partner Agreement ${stamp}`;
const programName = `Cloud Partner Program ${stamp}`;
const company = `Skyline Cloud ${stamp}`;
const domain = `skyline-${stamp}.example`;
const contact = { name: 'Robin Skyline', email: `robin@${domain}`, password: 'skyline-password-1' };
const attestation = 'Security review passed';
const customTask = 'Book the onboarding call';

/** Agreement types the demo data leaves free (one agreement per type), with the words the form shows. */
const freeTypes: Record<string, string> = {
  distribution: 'Distribution',
  msp: 'Managed service provider',
  system_integrator: 'System integrator',
  custom: 'Custom',
};

async function publicPost(path: string, body: unknown) {
  const res = await fetch(`${inject('baseUrl')}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

async function nav(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

async function choose(page: Page, combobox: Locator, option: string | RegExp) {
  await combobox.click();
  await page.getByRole('option', { name: option }).click();
}

describe('programs: from a new program to a promoted partner', () => {
  const browser = useBrowser();
  let agreementId = '';
  let programId = '';
  let partnerId = '';

  test('the admin writes an agreement, then builds and publishes a two-tier program', async () => {
    const admin = await apiAs(accounts.admin);
    const taken = new Set(
      (await admin.get<{ items: { type: string }[] }>('/agreements')).items.map((a) => a.type),
    );
    const type = Object.keys(freeTypes).find((t) => !taken.has(t));
    if (!type) throw new Error('every agreement type is taken: the test needs a free one');

    const page = browser.page();
    browser.expectStatus(400);
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');

    // The agreement first: a program requires agreements by type.
    await nav(page, 'Agreements');
    await page.getByRole('button', { name: 'New agreement' }).click();
    const create = page.getByRole('dialog', { name: 'New agreement' });
    await choose(page, create.getByRole('combobox', { name: 'Type' }), freeTypes[type]!);
    await create.getByRole('textbox', { name: 'Name' }).fill(agreementName);
    await create
      .getByRole('textbox', { name: 'Agreement text (Markdown)' })
      .fill(
        `# ${agreementName}\n\n1. **Security.** The partner keeps customer data safe.\n2. **Support.** The partner answers its customers first.\n\n<script>alert("not rendered")</script>`,
      );
    await create.getByRole('tab', { name: 'Preview' }).click();
    await create.getByRole('heading', { name: agreementName }).waitFor();
    // Raw HTML in the Markdown is never rendered as markup.
    expect(await create.locator('script').count()).toBe(0);
    await create.getByRole('button', { name: 'Publish version 1' }).click();
    await waitForPath(page, /^\/agreements\/[^/]+$/);
    agreementId = new URL(page.url()).pathname.split('/')[2]!;
    await page.getByRole('heading', { name: agreementName, level: 1 }).waitFor();
    await page.getByText('Version 1, published').waitFor();

    // The program: settings, checklist, and a ladder of two tiers.
    await nav(page, 'Programs');
    await page.getByRole('link', { name: 'New program' }).click();
    await waitForPath(page, '/programs/new');
    await page.getByRole('textbox', { name: 'Program name' }).fill(programName);
    await page
      .getByRole('textbox', { name: 'Description' })
      .fill('For managed service providers who run our cloud.');
    await choose(
      page,
      page.getByRole('combobox', { name: 'Eligible partner types' }),
      'Managed service provider',
    );
    await page.keyboard.press('Escape');
    await choose(
      page,
      page.getByRole('combobox', { name: 'Required agreements' }),
      new RegExp(agreementName),
    );
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add checklist item' }).click();
    await page
      .getByRole('group', { name: 'Checklist item 2' })
      .getByRole('textbox', { name: 'Title' })
      .fill(customTask);

    const tier1 = page.getByRole('group', { name: 'Tier 1', exact: true });
    await tier1.getByRole('button', { name: 'Add benefit to tier 1' }).click();
    await tier1
      .getByRole('group', { name: 'Benefit 1' })
      .getByRole('textbox', { name: 'Percent' })
      .fill('10');

    await page.getByRole('button', { name: 'Add tier' }).click();
    const tier2 = page.getByRole('group', { name: 'Tier 2', exact: true });
    await tier2.getByRole('textbox', { name: 'Tier name' }).fill('Gold');
    expect(await tier2.getByRole('textbox', { name: 'Tier code' }).inputValue()).toBe('gold');
    // A new tier asks for nothing until a requirement is added.
    expect(await tier2.getByRole('group', { name: 'Requirement 1' }).count()).toBe(0);
    await tier2.getByRole('button', { name: 'Add requirement to tier 2' }).click();
    const rule = tier2.getByRole('group', { name: 'Requirement 1' });
    await choose(page, rule.getByRole('combobox', { name: 'Metric' }), 'Vendor attestation');
    await tier2.getByRole('button', { name: 'Add benefit to tier 2' }).click();
    const badge = tier2.getByRole('group', { name: 'Benefit 1' });
    await choose(page, badge.getByRole('combobox', { name: 'Benefit' }), 'Badge');
    await badge.getByRole('textbox', { name: 'Badge text' }).fill('Gold cloud partner');

    // The attestation says nothing of what is attested: the server refuses it, at that very input.
    await page.getByRole('button', { name: 'Save draft' }).first().click();
    const label = rule.getByRole('textbox', { name: 'Attestation label' });
    await expect.poll(() => label.getAttribute('aria-invalid')).toBe('true');
    await rule.getByText('Say what the vendor attests').waitFor();
    await page.getByText('The program was not saved').waitFor();

    await label.fill(attestation);
    await page.getByRole('button', { name: 'Save draft' }).first().click();
    await waitForPath(page, /^\/programs\/(?!new$)[^/]+$/);
    programId = new URL(page.url()).pathname.split('/')[2]!;
    await page.getByRole('heading', { name: programName, level: 1 }).waitFor();
    await page.getByText('Draft', { exact: true }).waitFor();

    await page
      .getByRole('group', { name: 'Program actions' })
      .getByRole('button', { name: 'Publish' })
      .click();
    const publish = page.getByRole('dialog', { name: `Publish ${programName}` });
    await publish.getByRole('button', { name: 'Publish' }).click();
    await publish.waitFor({ state: 'hidden' });
    await page.getByText('Published', { exact: true }).waitFor();

    // The saved ladder is what was built.
    const saved = await admin.get<{
      status: string;
      tiers: { code: string; requirements: { metric: string; label?: string }[] }[];
    }>(`/programs/${programId}`);
    expect(saved.status).toBe('published');
    expect(saved.tiers.map((t) => t.code)).toEqual(['registered', 'gold']);
    expect(saved.tiers[1]!.requirements).toMatchObject([
      { metric: 'manual_attestation', label: attestation },
    ]);

    await nav(page, 'Programs');
    // The list may still show its cached page for a moment before the refetch lands.
    await expect
      .poll(async () => (await tableRows(page, 'Programs')).find((row) => row.startsWith(programName)) ?? '')
      .toMatch(/Published \| Registered › Gold \| Managed service provider \| 0/);
  });

  test('a visitor applies for the program without signing in', async () => {
    const page = browser.page();
    browser.expectStatus(400);
    await page.goto('/login');
    await page.getByRole('link', { name: 'Become a partner' }).click();
    await waitForPath(page, '/apply');
    await page.getByRole('heading', { name: 'Become a partner' }).waitFor();

    await page.getByRole('checkbox', { name: programName }).check();
    await page.getByRole('textbox', { name: 'Company name' }).fill(company);
    await page.getByRole('textbox', { name: 'Website' }).fill(domain);
    await page.getByRole('combobox', { name: 'Country' }).fill('Netherl');
    await page.getByRole('option', { name: 'Netherlands', exact: true }).click();
    await choose(page, page.getByRole('combobox', { name: 'Partner types' }), 'Managed service provider');
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'Your name' }).fill(contact.name);
    await page.getByRole('textbox', { name: 'Your email' }).fill('robin-at-skyline');
    await page
      .getByRole('textbox', { name: 'Message' })
      .fill('We run 40 mid-market customers on your cloud.');

    // The server's word on the email, shown at the email field.
    await page.getByRole('button', { name: 'Send application' }).click();
    const email = page.getByRole('textbox', { name: 'Your email' });
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');

    await email.fill(contact.email);
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.getByText('Application received').waitFor();
    await page.getByText('your application was received').waitFor();
  });

  test('the admin approves it; a decision someone else made first is caught', async () => {
    // A second application, which another reviewer rejects while our admin looks at the queue.
    const late = await publicPost('/applications', {
      companyName: `Latecomer Logistics ${stamp}`,
      website: `https://latecomer-${stamp}.example`,
      country: 'FR',
      partnerTypes: ['msp'],
      programIds: [programId],
      contactName: 'Lou Late',
      contactEmail: `lou@latecomer-${stamp}.example`,
    });

    const page = browser.page();
    browser.expectStatus(409);
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await nav(page, 'Applications');
    const card = page.getByRole('article', { name: company });
    await card.waitFor();
    expect(await card.textContent()).toContain(programName);
    await card.getByRole('button', { name: `Approve ${company}` }).click();
    const approve = page.getByRole('dialog', { name: `Approve ${company}` });
    await approve.getByRole('button', { name: 'Approve', exact: true }).click();
    await approve.waitFor({ state: 'hidden' });
    await card.waitFor({ state: 'detached' });

    const lateName = `Latecomer Logistics ${stamp}`;
    const lateCard = page.getByRole('article', { name: lateName });
    await lateCard.waitFor();
    const admin = await apiAs(accounts.admin);
    await admin.post(`/applications/${String(late.id)}/reject`, {
      version: 1,
      reason: 'Outside our regions',
    });
    await lateCard.getByRole('button', { name: `Approve ${lateName}` }).click();
    await page
      .getByRole('dialog', { name: `Approve ${lateName}` })
      .getByRole('button', { name: 'Approve', exact: true })
      .click();
    await page.getByText('Another reviewer acted on this application first').waitFor();
    await lateCard.waitFor({ state: 'detached' });

    await page
      .getByRole('radiogroup', { name: 'Show applications' })
      .getByText('Approved', { exact: true })
      .click();
    const approved = page.getByRole('article', { name: company });
    await approved.getByRole('link', { name: 'Open the partner' }).click();
    await waitForPath(page, /^\/partners\/[^/]+$/);
    partnerId = new URL(page.url()).pathname.split('/')[2]!;
    await page.getByRole('heading', { name: company, level: 1 }).waitFor();
    await expect
      .poll(async () => (await tableRows(page, 'Enrollments')).join('\n'))
      .toMatch(new RegExp(`${programName}.*Registered.*Waiting for agreement`));
  });

  test('the new partner admin accepts the agreement and works through onboarding', async () => {
    // The invitation is emailed (logged, without SMTP); its holder sets a password through the API.
    const link = await emailedLink(contact.email, 'invitations');
    await publicPost(`${link}/accept`, { name: contact.name, password: contact.password });

    const page = browser.page();
    await signIn(page, contact);
    await waitForPath(page, '/home');
    await nav(page, 'My programs');
    const card = page.getByRole('article', { name: programName });
    await card.getByText('Waiting for your agreement').waitFor();
    await card.getByText('0 of 2 done').waitFor();
    // Judged at once on enrollment, not at the engine's next run: the attestation is still missing.
    await card.getByText(/^As of /).waitFor();

    await card.getByRole('link', { name: 'Read and accept' }).click();
    await waitForPath(page, `/agreements/${agreementId}`);
    await page.getByRole('heading', { name: agreementName, level: 1 }).waitFor();
    await page.getByText('Version 1, published').waitFor();
    expect(await page.getByLabel('Content hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
    const text = page.getByRole('article', { name: `${agreementName}, version 1` });
    await text.getByRole('heading', { name: agreementName, level: 2 }).waitFor();
    expect(await text.textContent()).toContain('The partner keeps customer data safe.');
    await page.getByRole('button', { name: 'Accept version 1' }).click();
    await page.getByText(`${company} accepted version 1 on`).waitFor();

    await nav(page, 'My programs');
    await card.getByText('Active', { exact: true }).waitFor();
    await card.getByText('1 of 2 done').waitFor();
    await card.getByRole('button', { name: `Mark done: ${customTask}` }).click();
    await card.getByText('2 of 2 done').waitFor();
    expect(await card.getByText('Waiting for your agreement').count()).toBe(0);
  });

  test('the admin records the attestation on the partner page', async () => {
    const page = browser.page();
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await page.goto(`/partners/${partnerId}`);
    await page.getByRole('heading', { name: company, level: 1 }).waitFor();
    await page.getByRole('button', { name: `Actions for ${programName}` }).click();
    await page.getByRole('menuitem', { name: 'Record attestation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record attestation' });
    // The program asks for one attestation: it is the one offered.
    expect(await dialog.getByRole('combobox', { name: 'Attestation' }).inputValue()).toBe(attestation);
    await dialog.getByRole('button', { name: 'Record attestation' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText(`Attestation “${attestation}” recorded`).waitFor();
  });

  test('the partner admin evaluates now and sees the promotion, explained', async () => {
    const page = browser.page();
    await signIn(page, contact);
    await waitForPath(page, '/home');
    await nav(page, 'My programs');
    const card = page.getByRole('article', { name: programName });
    await card.getByLabel('Current tier Registered').waitFor();
    await card.getByRole('button', { name: 'Evaluate now' }).click();
    await card.getByText('Promoted to Gold', { exact: true }).waitFor();
    await card.getByText('Promoted from Registered to Gold: Meets every requirement of Gold.').waitFor();
    await card.getByLabel('Current tier Gold').waitFor();
    await card.getByText('Badge: Gold cloud partner').waitFor();
    await card.getByText('Promoted: Registered → Gold').waitFor();

    await card.getByRole('button', { name: 'Show how every tier is judged' }).click();
    const gold = card.getByRole('region', { name: 'Tier Gold' });
    await gold.getByText('Qualified', { exact: true }).waitFor();
    await gold.getByText(`Met: attestation "${attestation}" recorded by the vendor`).waitFor();
  });

  test('a new agreement version needs accepting again, and one published while reading is caught', async () => {
    const page = browser.page();
    browser.expectStatus(409);
    await signIn(page, accounts.admin);
    await waitForPath(page, '/partners');
    await page.goto(`/agreements/${agreementId}`);
    await page.getByRole('button', { name: 'Publish new version' }).click();
    const dialog = page.getByRole('dialog', { name: `New version of ${agreementName}` });
    await dialog
      .getByRole('textbox', { name: 'Agreement text (Markdown)' })
      .fill(
        `# ${agreementName}\n\n1. **Security.** The partner keeps customer data safe and reports incidents within 24 hours.`,
      );
    await dialog.getByRole('button', { name: 'Publish version 2' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Version 2, published').waitFor();
    expect(await tableRows(page, 'Versions')).toHaveLength(2);
    await signOut(page);
    await waitForPath(page, '/login');

    await signIn(page, contact);
    await waitForPath(page, '/home');
    await nav(page, 'My programs');
    const card = page.getByRole('article', { name: programName });
    const banner = card.getByRole('alert').filter({ hasText: 'Action required' });
    await banner.getByText(`Accept version 2 of ${agreementName} by`).waitFor();
    await banner.getByRole('link', { name: 'Read and accept' }).click();
    await waitForPath(page, `/agreements/${agreementId}`);
    await page.getByText(`accepted version 1; version 2 replaces it`).waitFor();

    // Meanwhile the vendor publishes version 3: accepting version 2 is refused, and the page says why.
    const admin = await apiAs(accounts.admin);
    await admin.post(`/agreements/${agreementId}/versions`, {
      body: `# ${agreementName}\n\n1. **Security.** Incidents are reported within 12 hours.`,
    });
    await page.getByRole('button', { name: 'Accept version 2' }).click();
    await page.getByText('A newer version was published').waitFor();
    await page.getByText('Version 3, published').waitFor();
    await page
      .getByRole('article', { name: `${agreementName}, version 3` })
      .getByText('within 12 hours')
      .waitFor();
    await page.getByRole('button', { name: 'Accept version 3' }).click();
    await page.getByText(`${company} accepted version 3 on`).waitFor();

    await nav(page, 'My programs');
    await expect.poll(() => card.getByText('Action required').count()).toBe(0);
    await card.getByText('Active', { exact: true }).waitFor();
    await card.getByLabel('Current tier Gold').waitFor();
  });
});
