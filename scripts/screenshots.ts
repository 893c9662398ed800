// Regenerates the README's screenshots from the demo ecosystem:
//   npm run build && npx tsx scripts/screenshots.ts
// It starts a server exactly as the browser tests do and drives Debian's Chromium.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import setup from '../apps/web/e2e/global-setup';
import { accounts, type Account } from '../apps/web/e2e/support/accounts';

const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/screenshots');
const provided: Record<string, string> = {};
const teardown = await setup({ provide: (key: string, value: string) => (provided[key] = value) } as never);
const baseUrl = provided.baseUrl!;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

async function as(account: Account, shots: (page: Page) => Promise<void>) {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1360, height: 860 } });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(account.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await shots(page);
  await context.close();
}

async function shot(page: Page, route: string, name: string, waitFor?: string, scrollTo?: string) {
  await page.goto(route);
  if (waitFor) await page.getByText(waitFor).first().waitFor();
  await page.waitForLoadState('networkidle');
  // Below-the-fold subjects (the partner graph) are scrolled to the top of the picture.
  if (scrollTo) {
    await page
      .getByRole('heading', { name: scrollTo })
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.waitForTimeout(500);
  }
  await page.screenshot({ path: path.join(outDir, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

/** The vendor's 360° page of a partner, on its performance tab. */
async function partner360(page: Page) {
  await page.goto('/partners?q=Northwind');
  await page.getByRole('link', { name: 'Northwind Systems' }).click();
  await page.getByRole('tab', { name: 'Performance' }).click();
  await page.getByRole('article', { name: 'Sourced revenue' }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(outDir, 'partner-360.png') });
  console.log('docs/screenshots/partner-360.png');
}

/**
 * The public partner locator under the vendor's brand: the admin names the brand in Settings as anyone
 * would, then a signed-out visitor opens the locator.
 */
async function brandedLocator(page: Page) {
  await page.goto('/settings');
  const form = page.getByRole('form', { name: 'Brand' });
  await form.getByRole('textbox', { name: 'Name' }).fill('Acme Partner Network');
  await form.getByRole('textbox', { name: 'Primary colour' }).fill('#0b5394');
  await form.getByRole('button', { name: 'Save brand' }).click();
  await page.getByText('Brand saved').waitFor();
  const visitor = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1360, height: 860 } });
  await shot(await visitor.newPage(), '/find-a-partner?q=backup', 'locator', 'Acme Partner Network');
  await visitor.close();
}

try {
  await as(accounts.admin, async (page) => {
    await shot(page, '/partners', 'partners', 'Contoso Cloud Services');
    await shot(page, '/programs', 'programs', 'Reseller Program');
    await shot(page, '/applications', 'applications', 'Helios Data Partners');
    await shot(page, '/audit-log', 'audit-log');
    await shot(page, '/deals', 'deals', 'Tailspin Toys');
    await partner360(page);
  });
  await as(accounts.analyst, async (page) => {
    await shot(page, '/analytics', 'analytics-overview', 'Partner-sourced revenue');
    await shot(page, '/analytics/revenue', 'analytics-revenue', 'Credit by partner');
    await shot(page, '/analytics/network', 'analytics-network', 'Connectors', 'Partner graph');
    await shot(page, '/analytics/coverage', 'analytics-coverage', 'Partner coverage by country');
  });
  await as(accounts.channelManager, async (page) => {
    await shot(page, '/deals/review', 'deal-review', 'Tailspin Toys');
  });
  await as(accounts.northwindAdmin, async (page) => {
    await shot(page, '/home', 'partner-home', 'Your next tier');
    await shot(page, '/my-programs', 'my-programs', 'Reseller Program');
    await shot(page, '/team', 'team');
    await shot(page, '/marketplace?q=managd%20siem', 'marketplace', 'Contoso Cloud Services');
    await shot(page, '/referrals', 'referrals');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scorecard' }).click();
    await page.getByText('Ecosystem benchmarks (anonymous)').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(outDir, 'scorecard.png') });
    console.log('docs/screenshots/scorecard.png');
  });
  await as(accounts.northwindUser, async (page) => {
    await shot(page, '/community/spaces', 'community-spaces', 'Reseller Gold Council');
    await page.getByRole('link', { name: 'General', exact: true }).first().click();
    await page.getByText('Welcome to the partner community').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: path.join(outDir, 'community-space.png') });
    console.log('docs/screenshots/community-space.png');
    await shot(page, '/community/events', 'community-events', 'Partner meetup London');
  });
  // Last, so the other pictures show the default brand.
  await as(accounts.admin, brandedLocator);
} finally {
  await browser.close();
  await teardown?.();
}
