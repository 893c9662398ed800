import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, accounts } from './support/accounts';
import { tableRows, useBrowser, waitForPath } from './support/browser';

// The shared e2e server runs no jobs (JOBS=false, see global-setup.ts), so a CRM run there stays queued.
// This file starts a second server as a self-hosting user runs it — jobs on, demo data — to see a dry
// run finish with its counts and the first sync follow it in the log, against a HubSpot emulator whose
// portal already holds the two demo partners' companies.

/** What this spec uses of the server tests' HubSpot emulator (apps/server/test/emulators/hubspot.ts). */
interface HubSpotEmulator {
  url: string;
  privateAppToken(): string;
  seed(object: 'companies', properties: Record<string, unknown>): string;
  close(): Promise<void>;
}
// Loaded by path: the emulator lives in the server's tests, outside this project's TypeScript root.
const emulatorModule = new URL('../../server/test/emulators/hubspot.ts', import.meta.url).href;
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const READY_TIMEOUT_MS = Number(process.env.E2E_READY_TIMEOUT_MS ?? 60_000);

let hs: HubSpotEmulator;
let server: ChildProcess | undefined;
let dataDir = '';
let baseUrl = '';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

beforeAll(async () => {
  const { startHubSpotEmulator } = (await import(/* @vite-ignore */ emulatorModule)) as {
    startHubSpotEmulator(options: { portalId: number }): Promise<HubSpotEmulator>;
  };
  hs = await startHubSpotEmulator({ portalId: 9_900_001 });
  hs.seed('companies', { name: 'Northwind Systems', domain: 'northwind.example' });
  hs.seed('companies', { name: 'Contoso Cloud Services', domain: 'contoso.example' });

  dataDir = await mkdtemp(path.join(tmpdir(), 'partnergraph-e2e-crm-'));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      DEMO_DATA: 'true',
      // The CRM emulators the browser tests connect to listen on 127.0.0.1.
      CRM_ALLOW_PRIVATE: 'true',
      JOBS: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on('data', collect);
  server.stderr?.on('data', collect);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`The server exited early:\n${output}`);
    const ready = await fetch(`${baseUrl}/readyz`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`The server was not ready in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}, 300_000);

afterAll(async () => {
  await hs?.close();
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server?.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe('CRM: a dry run and the first sync with jobs on', () => {
  const browser = useBrowser();

  test('the dry run shows what the sync will do; the sync then runs and joins the log', async () => {
    const page = browser.page();
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(accounts.admin.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(accounts.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForPath(page, '/partners');
    await page.goto(`${baseUrl}/settings/crm`);
    await page.getByRole('heading', { name: 'CRM', level: 1 }).waitFor();

    const connect = page.getByRole('region', { name: 'Connect a CRM' });
    await connect.getByRole('combobox', { name: 'CRM' }).click();
    await page.getByRole('option', { name: 'HubSpot' }).click();
    await connect.getByRole('textbox', { name: 'API base' }).fill(hs.url);
    await connect.getByLabel('Private app access token').fill(hs.privateAppToken());
    await connect.getByRole('button', { name: 'Connect HubSpot' }).click();
    await waitForPath(page, /^\/settings\/crm\/[0-9a-f-]{36}$/);

    // The job runner picks the dry run up within its interval: it finishes with its counts.
    const sync = page.getByRole('region', { name: 'Sync' });
    await sync.getByRole('button', { name: 'Dry run' }).click();
    const rows = () => tableRows(page, 'Sync runs');
    await expect
      .poll(rows, { timeout: 120_000, interval: 2_000 })
      .toEqual([expect.stringMatching(/^Dry run · .* \| completed \| /)]);
    // Both demo partners' companies are found in the portal by domain; no row waits for review.
    const [accountsLinked, forReview, opportunitiesCreated] = (await rows())[0]!.split(' | ').slice(2, 5);
    expect([accountsLinked, forReview]).toEqual(['2', '0']);
    // The demo's approved registrations would become opportunities.
    expect(Number(opportunitiesCreated)).toBeGreaterThan(0);

    // Now the first real sync is accepted, runs, and joins the log above the dry run.
    await sync.getByRole('button', { name: 'Run sync' }).click();
    await expect
      .poll(rows, { timeout: 150_000, interval: 2_000 })
      .toEqual([
        expect.stringMatching(/^Sync · .* \| completed \| /),
        expect.stringMatching(/^Dry run · .* \| completed \| /),
      ]);
    await sync.getByRole('button', { name: 'Details' }).first().click();
    await page.getByRole('table', { name: 'Record changes' }).waitFor();
  }, 300_000);

  test('an account that could be either of two partners waits in the review queue until the admin links it on screen', async () => {
    // A second partner whose name meets the first's, then a HubSpot company named like both, with no domain.
    const created = await adminApi('POST', '/partners', {
      name: 'Northwind Systems GmbH',
      website: 'https://northwind.de',
      types: ['reseller'],
    });
    const gmbh = (await created.json()) as { id: string };
    expect(created.status).toBe(201);
    hs.seed('companies', { name: 'Northwind Systems' });

    const page = browser.page();
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(accounts.admin.email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(accounts.admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForPath(page, '/partners');
    await page.goto(`${baseUrl}/settings/crm`);
    await page.getByRole('link', { name: 'HubSpot', exact: true }).click();
    await waitForPath(page, /^\/settings\/crm\/[0-9a-f-]{36}$/);
    const sync = page.getByRole('region', { name: 'Sync' });
    await sync.getByRole('button', { name: 'Run sync' }).click();
    // The run finishes with one account for review, guessing neither partner.
    await expect
      .poll(async () => (await tableRows(page, 'Sync runs'))[0], { timeout: 150_000, interval: 2_000 })
      .toMatch(/^Sync · .* \| completed \| 0 \| 1 \| /);

    await page.goto(`${baseUrl}/settings/crm`);
    const queue = page.getByRole('region', { name: 'Review queue' });
    await queue.getByText('Northwind Systems', { exact: true }).waitFor();
    await queue.getByRole('button', { name: 'Link to Northwind Systems (name Northwind Systems)' }).waitFor();
    await queue.getByRole('button', { name: /^Link to Northwind Systems GmbH/ }).click();
    // Decided: the queue is empty (and gone), and the account is that partner's.
    await queue.waitFor({ state: 'detached' });
    // Every account the demo's deals made is linked too: the log is read page by page.
    const linked: { remoteName: string | null; localId: string | null }[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (
        await adminApi(
          'GET',
          `/crm/links?status=linked&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        )
      ).json()) as { items: typeof linked; nextCursor: string | null };
      linked.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(linked).toContainEqual(
      expect.objectContaining({ remoteName: 'Northwind Systems', localId: gmbh.id }),
    );
  }, 300_000);
});

/** The admin's own API calls on this file's server: a record the screens under test do not create. */
async function adminApi(method: string, apiPath: string, body?: unknown) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: accounts.admin.email, password: accounts.admin.password }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return fetch(`${baseUrl}/api/v1${apiPath}`, {
    method,
    headers: {
      cookie,
      'x-csrf-token': csrfToken,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
