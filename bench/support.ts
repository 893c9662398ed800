// What every benchmark needs: a scratch database (PGlite, or a fresh database
// on the PostgreSQL server DATABASE_URL names, dropped afterwards), the app
// listening on a loopback port with a signed-in user, and timing helpers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { openDatabase, type Database } from '../apps/server/src/db/client';
import { createMemoryMailer } from '../apps/server/src/lib/mail';
import type { Role } from '../packages/shared/src/permissions';
import { createUser, createVendorOrganization, DEMO_PASSWORD } from '../apps/server/src/seed/factories';

export interface ScratchLocation {
  engine: 'pglite' | 'postgres';
  /** Set for PostgreSQL: the fresh database's URL. */
  databaseUrl?: string;
  /** Set for PGlite: the fresh data directory. */
  dataDir: string;
  drop: () => Promise<void>;
}

/**
 * Where a scratch database lives, not yet opened (a command line run in a
 * child process may open it): a fresh PGlite data directory under the
 * temporary directory, or a fresh database on the PostgreSQL server `url`
 * names, dropped by `drop`.
 */
export async function scratchLocation(engine: 'pglite' | 'postgres', url?: string): Promise<ScratchLocation> {
  if (engine === 'postgres') {
    if (!url) throw new Error('PostgreSQL needs a server URL');
    // BENCH_DB_PREFIX keeps scratch databases of people sharing one server apart; the process id keeps
    // two runs apart that start in the same millisecond under one prefix.
    const name = `${process.env.BENCH_DB_PREFIX ?? 'partnergraph_bench'}_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    return {
      engine,
      databaseUrl: u.toString(),
      dataDir: '',
      drop: async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnergraph-bench-'));
  return { engine, dataDir: dir, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export async function openScratch(): Promise<{
  database: Database;
  engine: string;
  drop: () => Promise<void>;
}> {
  const url = process.env.DATABASE_URL;
  const where = await scratchLocation(url ? 'postgres' : 'pglite', url);
  const database = await openDatabase({ databaseUrl: where.databaseUrl, dataDir: where.dataDir });
  return { database, engine: where.engine, drop: where.drop };
}

/** The app on a loopback port, and the session cookie of a new vendor user with `role`. */
export async function serveWithUser(database: Database, role: Role = 'analyst') {
  const vendor = await createVendorOrganization(database.db, 'Bench Vendor');
  const user = await createUser(database.db, {
    organizationId: vendor.id,
    role,
    email: 'bench@vendor.test',
    name: 'Bench',
  });
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    DATA_DIR: os.tmpdir(),
    PORT: '0',
    JOBS: 'false',
  });
  const app = await buildApp({ config, db: database.db, mailer: createMemoryMailer(), logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: DEMO_PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  return { app, base, cookie, vendor };
}

export const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** Milliseconds of `runs` calls after one warm-up call. */
export async function time(fn: () => Promise<unknown>, runs: number) {
  await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export function writeResult(name: string, result: unknown) {
  const file = path.join(path.dirname(new URL(import.meta.url).pathname), 'results', `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`written ${file}`);
}
