import { describe, expect, inject, test } from 'vitest';
import { accounts } from './support/accounts';
import { signIn, tableRows, useBrowser, waitForPath } from './support/browser';
import { emailedLink } from './support/mail';

// One story, told in order: Northwind's admin connects an identity provider; the provider (this
// test, speaking SCIM as Okta does) provisions a person and makes them partner admin through a group;
// the person signs in; the provider deactivates them and their open window is signed out.
const stamp = Date.now();
const person = {
  name: 'Priya Raman',
  email: `priya.raman.${stamp}@northwind.example`,
  password: 'priya-first-password',
};
let scimToken = '';
let personId = '';

async function scim(method: string, path: string, body?: unknown) {
  const res = await fetch(`${inject('baseUrl')}/scim/v2${path}`, {
    method,
    headers: {
      authorization: `Bearer ${scimToken}`,
      ...(body ? { 'content-type': 'application/scim+json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> };
}

describe('SCIM: an identity provider provisions and deprovisions a partner’s people', () => {
  const browser = useBrowser();

  test('the partner admin creates a SCIM token, shown once, with the base URL to paste', async () => {
    const page = browser.page();
    await signIn(page, accounts.northwindAdmin);
    await waitForPath(page, '/home');
    await page.getByRole('link', { name: 'Provisioning (SCIM)' }).click();
    await page.getByRole('heading', { name: 'User provisioning (SCIM)', level: 1 }).waitFor();
    await expect
      .poll(() => page.getByLabel('SCIM base URL', { exact: true }).textContent())
      .toMatch(/\/scim\/v2$/);

    await page.getByRole('button', { name: 'Create SCIM token' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create SCIM token' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Okta');
    await dialog.getByRole('button', { name: 'Create token' }).click();
    await dialog.waitFor({ state: 'hidden' });
    scimToken = ((await page.getByLabel('SCIM token', { exact: true }).textContent()) ?? '').trim();
    expect(scimToken).toMatch(/^pgscim_/);
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await expect.poll(() => page.getByLabel('SCIM token', { exact: true }).count()).toBe(0);
    expect((await tableRows(page, 'SCIM tokens')).find((r) => r.startsWith('Okta'))).toContain('Never');
  });

  test('the provider creates a person and pushes a "Partner admin" group; the admin sees both', async () => {
    const created = await scim('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: person.email,
      name: { givenName: 'Priya', familyName: 'Raman' },
      emails: [{ primary: true, value: person.email, type: 'work' }],
      displayName: person.name,
      active: true,
    });
    expect(created.status).toBe(201);
    personId = String(created.json.id);
    const group = await scim('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: `Partner admin`,
      members: [{ value: personId }],
    });
    // The demo may already hold the group (a re-run on the same data): add the member to it then.
    if (group.status === 409) {
      const found = await scim(
        'GET',
        `/Groups?filter=${encodeURIComponent('displayName eq "Partner admin"')}`,
      );
      const id = (found.json.Resources as { id: string }[])[0]!.id;
      const added = await scim('PATCH', `/Groups/${id}`, {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
        Operations: [{ op: 'add', path: 'members', value: [{ value: personId }] }],
      });
      expect(added.status).toBe(200);
    } else expect(group.status).toBe(201);

    const page = browser.page();
    await signIn(page, accounts.northwindAdmin);
    await waitForPath(page, '/home');
    await page.goto('/provisioning');
    await expect
      .poll(async () => (await tableRows(page, 'SCIM tokens')).find((r) => r.startsWith('Okta')))
      .not.toContain('Never');
    await expect
      .poll(async () => (await tableRows(page, 'Pushed groups')).find((r) => r.startsWith('Partner admin')))
      .toMatch(/Partner admin \| \d+ \| Partner admin/);
    await page.goto('/team');
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toContain(person.name);
  });

  test('the person sets a password by the reset link, signs in, and is signed out when deactivated', async () => {
    const page = browser.page();
    await page.goto('/forgot-password');
    await page.getByRole('textbox', { name: 'Email' }).fill(person.email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByText('If an account exists for this address').waitFor();
    await page.goto(await emailedLink(person.email, 'reset-password'));
    await page.getByRole('textbox', { name: 'New password' }).fill(person.password);
    await page.getByRole('textbox', { name: 'Repeat the password' }).fill(person.password);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await waitForPath(page, '/login');

    await signIn(page, person);
    await waitForPath(page, '/home');
    // A partner admin: the provisioning page is theirs too.
    await page.getByRole('link', { name: 'Provisioning (SCIM)' }).waitFor();

    const off = await scim('PATCH', `/Users/${personId}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(off.status).toBe(200);
    // The next thing they do finds them signed out.
    await page.reload();
    await waitForPath(page, '/login');
    await signIn(page, person);
    await page.getByRole('alert').filter({ hasText: 'Invalid email or password' }).waitFor();
  });
});
