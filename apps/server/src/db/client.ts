import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { entryPoint, migrationsFolder } from '../lib/runtime';
import type { ChildMessage } from './pglite-messages';

export type Db = NodePgDatabase;
/** A transaction or the database: repositories accept either. */
export type Queryable = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  pool: pg.Pool;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

// Timestamps come back as Date, `numeric` as string (exact), `bigint` as string.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    keepAlive(pool);
    return { db: drizzle(pool), pool, kind: 'postgres', close: () => pool.end() };
  }
  const { child, port } = await startPglite(opts.dataDir);
  // PGlite is one session: a single connection, so a transaction is never interleaved with another query.
  // Kept open when idle: a local socket costs nothing, and each new connection resets the shared session.
  const pool = new pg.Pool({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    idleTimeoutMillis: 0,
  });
  keepAlive(pool);
  return {
    db: drizzle(pool),
    pool,
    kind: 'pglite',
    close: async () => {
      await pool.end();
      await stopPglite(child);
    },
  };
}

/**
 * An idle connection the server closes (a restart, an administrator ending
 * sessions) is dropped from the pool and replaced on the next query; without a
 * listener, pg would raise it as an uncaught error and stop the process.
 */
function keepAlive(pool: pg.Pool) {
  pool.on('error', (err) => console.warn(`database connection closed: ${err.message}`));
}

async function startPglite(dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const entry = entryPoint('db/pglite-process');
  const child = fork(entry.file, [dataDir], {
    execArgv: entry.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: ChildMessage) =>
      m.type === 'ready' ? resolve(m.port) : reject(new Error(m.message)),
    );
    child.once('exit', (code) => reject(new Error(`The embedded database exited early (code ${code})`)));
  });
  return { child, port };
}

function stopPglite(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send({ type: 'stop' });
  });
}

export async function migrateDatabase(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}

/** True when every committed migration has been applied (used by /readyz). */
export async function migrationsApplied(db: Db): Promise<boolean> {
  const fs = await import('node:fs/promises');
  const journal = JSON.parse(
    await fs.readFile(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'),
  ) as {
    entries: unknown[];
  };
  const res = await db.execute<{ n: string }>(
    sql`select count(*)::text as n from drizzle.__drizzle_migrations`,
  );
  return Number(res.rows[0]?.n ?? 0) >= journal.entries.length;
}
