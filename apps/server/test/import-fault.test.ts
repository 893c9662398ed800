// Killing the process in the middle of an import's commit: whole batches or
// nothing, and running the import again reaches the state of a run that was
// never interrupted. Real processes on embedded databases, killed with SIGKILL.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/partnergraph.mjs');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'partnergraph-import-fault-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const ROWS = 20_000;
const env = (dir: string) => ({ ...process.env, DATABASE_URL: '', DATA_DIR: dir, LOG_LEVEL: 'warn' });

function cli(dir: string, ...args: string[]) {
  const res = spawnSync(process.execPath, [bin, ...args], {
    env: env(dir),
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { code: res.status, out: res.stdout, err: res.stderr };
}

type Partner = {
  externalId: string;
  name: string;
  status: string;
  country: string;
  createdAt: string;
  types: { code: string }[];
};
function exported(dir: string): Partner[] {
  const file = path.join(root, `export-${path.basename(dir)}.json`);
  const res = cli(dir, 'export', 'partners', '--format', 'json', '--out', file);
  expect(res.code, res.err).toBe(0);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as Partner[]).filter((p) =>
    p.externalId?.startsWith('K-'),
  );
}

/** The same record, whoever wrote it and when. */
const state = (list: Partner[]) =>
  list
    .map((p) =>
      [p.externalId, p.name, p.status, p.country, p.createdAt, p.types.map((t) => t.code).join('+')].join(
        '|',
      ),
    )
    .sort();

/** Retries while the killed process's database child still holds the directory. */
async function untilUnlocked(dir: string, ...args: string[]) {
  for (let i = 0; i < 60; i++) {
    const res = cli(dir, ...args);
    if (res.code === 0 || !/lock|in use|another process/i.test(res.err)) return res;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the data directory stayed locked');
}

it('a commit killed mid-way leaves whole batches, and a re-run ends where an uninterrupted run does', async () => {
  const csv = path.join(root, 'partners.csv');
  const lines = ['externalId,name,types,country,status,createdAt'];
  for (let i = 1; i <= ROWS; i++)
    lines.push(
      `K-${i},Killed Import ${i},${i % 3 ? 'reseller' : 'msp; isv'},${['DE', 'US', 'JP'][i % 3]},${i % 7 ? 'active' : 'suspended'},2024-01-${String((i % 28) + 1).padStart(2, '0')}`,
    );
  fs.writeFileSync(csv, `${lines.join('\n')}\n`);
  const killed = path.join(root, 'killed');
  const clean = path.join(root, 'clean');
  for (const dir of [killed, clean])
    expect(cli(dir, 'create-admin', '--email', 'ops@vendor.test', '--name', 'Ops').code).toBe(0);

  // Killed once the commit has written something.
  const child = spawn(process.execPath, [bin, 'import', csv, '--type', 'partners'], { env: env(killed) });
  let stderr = '';
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no commit progress seen: ${stderr.slice(-500)}`)),
      180_000,
    );
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      // The bar reads "commit  [...] 12% | 1000 rows": some batches are in.
      const m = [...stderr.matchAll(/commit\s+\[[^\]]*\]\s+\d+% \| (\d+) rows/g)].pop();
      if (m && Number(m[1]) >= 500) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', () =>
      reject(new Error(`the import ended before it could be killed: ${stderr.slice(-500)}`)),
    );
  });
  child.kill('SIGKILL');
  await exit;

  const partial = await (async () => {
    await untilUnlocked(killed, 'migrate');
    return exported(killed);
  })();
  expect(partial.length).toBeGreaterThan(0);
  expect(partial.length).toBeLessThan(ROWS);
  // Whole batches: each one transaction with its partners' types.
  expect(partial.length % 500).toBe(0);
  expect(partial.every((p) => p.types.length > 0)).toBe(true);

  const rerun = await untilUnlocked(killed, 'import', csv, '--type', 'partners');
  expect(rerun.code, rerun.err).toBe(0);
  expect(rerun.out).toContain(
    `Imported ${ROWS} rows: ${ROWS - partial.length} created, ${partial.length} updated`,
  );
  const once = cli(clean, 'import', csv, '--type', 'partners');
  expect(once.code, once.err).toBe(0);
  const after = exported(killed);
  expect(after).toHaveLength(ROWS);
  expect(state(after)).toEqual(state(exported(clean)));
}, 600_000);
