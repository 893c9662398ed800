import { afterAll, expect, test } from 'vitest';
import { accounts } from './support/accounts';
import { apiAs } from './support/api';
import { signIn, signOut, useBrowser, waitForPath } from './support/browser';
import { mailsTo } from './support/mail';

// The vendor names itself in the settings; the public locator and the e-mails then carry that name,
// and the tool's own name only as a small "powered by". The brand is put back afterwards, so other
// browser tests read the default wording.

const NAME = 'Northwind Partner Network';
const TO = accounts.northwindUser.email;

interface Brand {
  version: number;
}

afterAll(async () => {
  const api = await apiAs(accounts.admin);
  const brand = await api.get<Brand>('/brand');
  await api.patch('/brand', { version: brand.version, name: null, primaryColor: null });
});

const browser = useBrowser();

test('the vendor sets its name and colour; the locator and the e-mails carry them', async () => {
  const page = browser.page();
  await signIn(page, accounts.admin);
  await waitForPath(page, '/partners');
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'Brand' });
  await form.getByRole('textbox', { name: 'Name' }).fill(NAME);
  await form.getByRole('textbox', { name: 'Primary colour' }).fill('#0b5394');
  // The preview shows the unsaved name before anything is saved.
  await page.getByRole('region', { name: 'Preview' }).getByText(NAME).first().waitFor();
  await form.getByRole('button', { name: 'Save brand' }).click();
  await page.getByText('Brand saved').waitFor();

  await signOut(page);
  const visitor = page;
  await visitor.goto('/find-a-partner');
  await visitor.getByTestId('brand-name').getByText(NAME).waitFor();
  const text = await visitor.locator('body').innerText();
  // "PartnerGraph" appears once: in the "Powered by" line.
  expect(text.match(/PartnerGraph/g)).toHaveLength(1);
  expect(text).toMatch(/Powered by\s+PartnerGraph/);
  expect(await visitor.title()).toContain(NAME);

  const api = await apiAs(accounts.admin);
  await api.post('/auth/password-reset', { email: TO });
  await expect.poll(async () => (await mailsTo(TO)).at(-1)?.subject).toBe(`Reset your ${NAME} password`);
});
