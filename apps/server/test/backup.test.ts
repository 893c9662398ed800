// `partnergraph backup` and `restore` as real processes, on a stopped data
// directory and through a server running on it. Backup and restore are a
// feature of the embedded database, so under `npm run test:pg` the children
// still get no DATABASE_URL: the same checks run on PGlite in both suites.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { afterAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.resolve(here, '../bin/partnergraph.mjs');
const serverTs = path.resolve(here, '../src/server.ts');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'partnergraph-backup-'));
const source = path.join(root, 'source');
const children: ChildProcess[] = [];
const env = {
  ...process.env,
  DATABASE_URL: '',
  LOG_LEVEL: 'warn',
  ADMIN_EMAIL: 'owner@example.com',
  ADMIN_PASSWORD: 'owner-password-1',
  // No job may change rows between a backup and the comparison.
  JOBS: 'false',
};

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  fs.rmSync(root, { recursive: true, force: true });
});

function run(args: string[], extra: Record<string, string>) {
  const child = spawn(process.execPath, args, {
    env: { ...env, ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, out, err })),
  );
  return { child, exited };
}

const cli = (dataDir: string, ...args: string[]) => run([bin, ...args], { DATA_DIR: dataDir }).exited;

/** What a restore must reproduce: row counts and one record, read straight from the directory. */
async function snapshot(dataDir: string) {
  const db = await PGlite.create({ dataDir, extensions: { pg_trgm } });
  try {
    const { rows } = await db.query(`
      select (select count(*) from organizations)::int as organizations,
             (select count(*) from deals)::int as deals,
             (select count(*) from users)::int as users,
             (select count(*) from sessions)::int as sessions,
             (select count(*) from organizations where name = 'Northwind Systems')::int as northwind,
             (select password_hash from users where email = 'owner@example.com') as owner_hash`);
    return rows[0] as {
      organizations: number;
      deals: number;
      users: number;
      sessions: number;
      northwind: number;
      owner_hash: string;
    };
  } finally {
    await db.close();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(port: number, ms = 90_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become ready');
}

describe('partnergraph backup and restore (embedded database)', () => {
  it('backs up a stopped directory, restores it into an empty one, and replaces a non-empty one only with --force', async () => {
    const seeded = await cli(source, 'seed', '--demo');
    expect(seeded.code, seeded.err).toBe(0);
    const expected = await snapshot(source);
    expect(expected).toMatchObject({ northwind: 1, owner_hash: expect.stringMatching(/^\$argon2/) });
    expect(expected.deals).toBeGreaterThan(0);

    const file = path.join(root, 'stopped.tar.gz');
    const backedUp = await cli(source, 'backup', '--out', file);
    expect(backedUp.code, backedUp.err).toBe(0);
    expect(backedUp.out).toContain(`Backup of DATA_DIR ${source} written to ${file}`);
    // Standard error is not a terminal here: no progress bar is drawn into logs.
    expect(backedUp.err).toBe('');
    expect(fs.readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    // The owner-only file of the process that held the directory is gone with it.
    expect(fs.existsSync(`${source}.control.json`)).toBe(false);

    const target = path.join(root, 'restored');
    const restored = await cli(target, 'restore', file);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain(
      `${expected.organizations} organizations, ${expected.deals} deals, ${expected.users} users`,
    );
    expect(await snapshot(target)).toEqual(expected);

    const refused = await cli(target, 'restore', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('is not empty');
    expect(fs.readdirSync(root).filter((f) => f.startsWith('restored.'))).toEqual([]);

    const forced = await cli(target, 'restore', file, '--force');
    expect(forced.code, forced.err).toBe(0);
    const aside = fs.readdirSync(root).filter((f) => f.startsWith('restored.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(forced.out).toContain(`kept at ${path.join(root, aside[0]!)}`);
    expect(fs.existsSync(path.join(root, aside[0]!, 'PG_VERSION'))).toBe(true);
    expect(await snapshot(target)).toEqual(expected);
    // ~20 s alone; the margin is for a machine busy with other suites.
  }, 150_000);

  it('backs up through the server running on the directory, with what it has just committed', async () => {
    const before = await snapshot(source);
    const port = await freePort();
    const server = run(['--import', 'tsx', serverTs], { DATA_DIR: source, PORT: String(port) });
    await waitReady(port);
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@example.com', password: 'owner-password-1' }),
    });
    expect(login.status).toBe(200);
    expect(fs.statSync(`${source}.control.json`).mode & 0o777).toBe(0o600);

    const file = path.join(root, 'running.tar.gz');
    const backedUp = await cli(source, 'backup', '--out', file);
    expect(backedUp.code, backedUp.err).toBe(0);
    expect(backedUp.out).toContain(`Backup of the running server's DATA_DIR ${source}`);

    const refused = await cli(source, 'restore', file, '--force');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('is in use by a running PartnerGraph server');

    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);

    const target = path.join(root, 'from-running');
    const restored = await cli(target, 'restore', file);
    expect(restored.code, restored.err).toBe(0);
    const after = await snapshot(target);
    expect(after).toEqual({ ...before, sessions: before.sessions + 1 });
    expect(after).toEqual(await snapshot(source));
  }, 120_000);

  it('with DATABASE_URL, backs up with pg_dump (or says why it cannot) and leaves restore to pg_restore', async () => {
    // Under `npm test` no server is assumed: a closed port shows the failure is reported, not hidden.
    const url = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:9/nothing';
    const extra = { DATA_DIR: source, DATABASE_URL: url };
    const file = path.join(root, 'postgres.dump');
    const dumped = await run([bin, 'backup', '--out', file], extra).exited;
    if (process.env.DATABASE_URL) {
      expect(dumped.code, dumped.err).toBe(0);
      expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');
    } else {
      expect(dumped.code).toBe(1);
      expect(dumped.err).toMatch(/pg_dump/);
      expect(fs.existsSync(file)).toBe(false);
    }
    const refused = await run([bin, 'restore', file], extra).exited;
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('pg_restore');
  }, 60_000);
});
