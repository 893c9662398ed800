// Backup and restore of the embedded database. PGlite's data directory belongs
// to the one process that holds its lock, so a backup is always taken by that
// process: the server's PGlite process while the server runs, or one the CLI
// starts when it does not. That process answers a loopback-only request,
// authenticated by a token in a file only its owner can read, with
// `dumpDataDir()`: a gzipped tarball of the directory.
import { spawn } from 'node:child_process';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import cliProgress from 'cli-progress';
import { sql } from 'drizzle-orm';
import lockfile from 'proper-lockfile';
import type { Db } from './client';

/** The data directory's lock, shared by the PGlite process and `restore` so that they exclude each other. */
export const dataDirLock = { stale: 15_000, update: 5_000, realpath: false };

/**
 * Beside the data directory (like proper-lockfile's `<DATA_DIR>.lock`), not in it:
 * a backup must never carry the running process's token.
 */
export function controlFilePath(dataDir: string): string {
  return `${path.resolve(dataDir)}.control.json`;
}

interface Control {
  pid: number;
  port: number;
  token: string;
}

/**
 * Run by the PGlite process: answers `GET /backup` on loopback with a dump of
 * its data directory. The dump waits for PGlite's query lock, so it falls
 * between two statements, and PGlite commits synchronously: the tarball holds
 * every transaction committed before it started and none half-way (one still
 * open is rolled back when the copy is opened, as after a crash).
 */
export async function serveBackups(db: PGlite, dataDir: string): Promise<() => Promise<void>> {
  const token = randomBytes(32).toString('base64url');
  const expected = Buffer.from(`Bearer ${token}`);
  const server = http.createServer((req, res) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.writeHead(401).end();
      return;
    }
    if (req.method !== 'GET' || req.url !== '/backup') {
      res.writeHead(404).end();
      return;
    }
    db.dumpDataDir('gzip')
      .then(async (archive) => {
        const body = Buffer.from(await archive.arrayBuffer());
        res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': body.length }).end(body);
      })
      .catch((err: unknown) => {
        res.writeHead(500).end(err instanceof Error ? err.message : String(err));
      });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const control: Control = { pid: process.pid, port: (server.address() as { port: number }).port, token };
  const file = controlFilePath(dataDir);
  // A file left by a process that was killed may carry looser permissions: create it afresh.
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, JSON.stringify(control), { mode: 0o600, flag: 'wx' });
  return async () => {
    fs.rmSync(file, { force: true });
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
}

export interface BackupResult {
  /** Who wrote the dump: the running server's PGlite process, one started for the backup, or pg_dump. */
  source: 'running server' | 'data directory' | 'pg_dump';
  bytes: number;
  ms: number;
}

/** `partnergraph backup`: the embedded database's directory, or pg_dump of the PostgreSQL server. */
export async function backup(
  config: { DATABASE_URL?: string | undefined; DATA_DIR: string },
  out: string,
): Promise<BackupResult> {
  const started = Date.now();
  if (config.DATABASE_URL) {
    const bytes = await runPgDump(config.DATABASE_URL, out);
    return { source: 'pg_dump', bytes, ms: Date.now() - started };
  }
  const dataDir = config.DATA_DIR;
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION')))
    throw new Error(`DATA_DIR ${dataDir} holds no database: nothing to back up`);
  if (await lockfile.check(dataDir, dataDirLock)) {
    const bytes = await download(dataDir, out);
    return { source: 'running server', bytes, ms: Date.now() - started };
  }
  // Loaded here, not at the top: the PGlite process imports this module for serveBackups and has no use for pg.
  const { openDatabase } = await import('./client');
  // Its PGlite process takes the lock, so a server started meanwhile stops rather than share the directory.
  const database = await openDatabase({ dataDir });
  try {
    const bytes = await download(dataDir, out);
    return { source: 'data directory', bytes, ms: Date.now() - started };
  } finally {
    await database.close();
  }
}

function readControl(dataDir: string): Control {
  try {
    return JSON.parse(fs.readFileSync(controlFilePath(dataDir), 'utf8')) as Control;
  } catch {
    throw new Error(
      `DATA_DIR ${dataDir} is locked but its process left no ${path.basename(controlFilePath(dataDir))}: ` +
        'restart the server with this version, or stop it and back up again',
    );
  }
}

/** Streams the owner's dump to `<out>.partial`, renamed when complete: a failed backup never looks like one. */
async function download(dataDir: string, out: string): Promise<number> {
  const control = readControl(dataDir);
  const res = await fetch(`http://127.0.0.1:${control.port}/backup`, {
    headers: { authorization: `Bearer ${control.token}` },
  }).catch(() => {
    throw new Error(
      `The process holding DATA_DIR ${dataDir} (pid ${control.pid}) did not answer. ` +
        `If the server was killed, its lock expires ${dataDirLock.stale / 1000} s later: try again then.`,
    );
  });
  if (!res.ok || !res.body) throw new Error(`The backup failed: ${res.status} ${await res.text()}`);
  const partial = `${out}.partial`;
  const bar = progressBar('backup ', Number(res.headers.get('content-length')));
  try {
    await pipeline(
      Readable.fromWeb(res.body as NodeReadableStream<Uint8Array>),
      counting(bar),
      fs.createWriteStream(partial, { mode: 0o600 }),
    );
    fs.renameSync(partial, out);
    return fs.statSync(out).size;
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    bar.stop();
  }
}

/**
 * pg_dump refuses a server newer than itself, so it is the check that the
 * client matches the server. The password goes through the environment, not
 * the command line other users can read.
 */
async function runPgDump(databaseUrl: string, out: string): Promise<number> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const child = spawn('pg_dump', ['--format=custom', `--dbname=${url.href}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('close', resolve);
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'ENOENT'
          ? new Error(
              'pg_dump is not on PATH. With PostgreSQL, back up with pg_dump of your server’s major version ' +
                '(Debian: apt install postgresql-client-<major>): pg_dump --format=custom --file=FILE "$DATABASE_URL"',
            )
          : err,
      ),
    );
  });
  const partial = `${out}.partial`;
  const bar = progressBar('pg_dump', 0);
  try {
    const [, code] = await Promise.all([
      pipeline(child.stdout, counting(bar), fs.createWriteStream(partial, { mode: 0o600 })),
      exited,
    ]);
    if (code !== 0)
      throw new Error(
        `pg_dump failed (exit ${code}): see its message above. If it reports a server version mismatch, ` +
          'use the pg_dump of your server’s major version (`pg_dump --version`, `SHOW server_version`).',
      );
    fs.renameSync(partial, out);
    return fs.statSync(out).size;
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    bar.stop();
  }
}

export interface RestoreResult {
  /** Where the directory that was there before now is (with --force). */
  movedAside: string | null;
  migrationsApplied: number;
  counts: { organizations: number; deals: number; users: number };
}

/**
 * `partnergraph restore`: loads the tarball into a staging directory beside
 * DATA_DIR and swaps it in only once PGlite has opened it, so a bad file
 * leaves DATA_DIR as it was; then migrates, as the server would at start.
 */
export async function restore(
  config: { DATABASE_URL?: string | undefined; DATA_DIR: string },
  file: string,
  opts: { force: boolean },
): Promise<RestoreResult> {
  if (config.DATABASE_URL)
    throw new Error(
      'restore loads a backup of the embedded database (no DATABASE_URL). With PostgreSQL, restore with your ' +
        'server’s own tools: pg_restore --clean --if-exists --no-owner --dbname "$DATABASE_URL" FILE',
    );
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new Error(`${file}: no such file`);
  const dataDir = path.resolve(config.DATA_DIR);
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  let compromised: Error | undefined;
  const release = await lockfile
    .lock(dataDir, { ...dataDirLock, onCompromised: (err) => (compromised = err) })
    .catch((err: NodeJS.ErrnoException) => {
      throw err.code === 'ELOCKED'
        ? new Error(`DATA_DIR ${config.DATA_DIR} is in use by a running PartnerGraph server: stop it first`)
        : err;
    });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const staging = `${dataDir}.restoring-${stamp}`;
  let movedAside: string | null = null;
  try {
    const occupied = fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0;
    if (occupied && !opts.force)
      throw new Error(
        `DATA_DIR ${config.DATA_DIR} is not empty: restore into an empty directory, or pass --force ` +
          'to move it aside first (it is kept, never deleted)',
      );
    const archive = await readWithProgress(file);
    const gzip = archive[0] === 0x1f && archive[1] === 0x8b;
    if (!gzip && archive.toString('latin1', 257, 262) !== 'ustar')
      throw new Error(`${file} is not a backup written by \`partnergraph backup\` (a .tar.gz)`);
    fs.mkdirSync(staging);
    const pg = await PGlite.create({
      dataDir: staging,
      loadDataDir: new Blob([archive], { type: gzip ? 'application/gzip' : 'application/x-tar' }),
      extensions: { pg_trgm },
    });
    try {
      const { rows } = await pg.query<{ t: string | null }>(
        `select to_regclass('drizzle.__drizzle_migrations')::text as t`,
      );
      if (!rows[0]?.t) throw new Error(`${file} is a PGlite database, but not a PartnerGraph one`);
    } finally {
      await pg.close();
    }
    if (compromised) throw compromised;
    if (occupied) {
      movedAside = `${dataDir}.before-restore-${stamp}`;
      fs.renameSync(dataDir, movedAside);
    } else if (fs.existsSync(dataDir)) fs.rmdirSync(dataDir); // empty: rmdir refuses anything else
    fs.renameSync(staging, dataDir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    await release().catch(() => undefined);
  }
  try {
    return { movedAside, ...(await migrateRestored(dataDir)) };
  } catch (err) {
    const where = movedAside ? `; the previous directory is at ${movedAside}` : '';
    throw new Error(
      `The backup is restored in DATA_DIR but could not be migrated${where}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

async function migrateRestored(dataDir: string): Promise<Omit<RestoreResult, 'movedAside'>> {
  const { migrateDatabase, openDatabase } = await import('./client');
  const database = await openDatabase({ dataDir });
  try {
    const before = await countMigrations(database.db);
    await migrateDatabase(database.db);
    const migrationsApplied = (await countMigrations(database.db)) - before;
    const { rows } = await database.db.execute<RestoreResult['counts']>(sql`
      select (select count(*) from organizations)::int as organizations,
             (select count(*) from deals)::int as deals,
             (select count(*) from users)::int as users`);
    return { migrationsApplied, counts: rows[0]! };
  } finally {
    await database.close();
  }
}

async function countMigrations(db: Db): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return rows[0]!.n;
}

async function readWithProgress(file: string): Promise<Buffer> {
  const bar = progressBar('read   ', fs.statSync(file).size);
  const chunks: Buffer[] = [];
  try {
    await pipeline(fs.createReadStream(file), counting(bar), async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) chunks.push(chunk);
    });
  } finally {
    bar.stop();
  }
  return Buffer.concat(chunks);
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** On standard error, which stays free of it when it is not a terminal (cli-progress's default). */
function progressBar(label: string, total: number) {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: total ? `${label} [{bar}] {percentage}% {value}/{total} MB` : `${label} {value} MB written`,
      formatValue: (v, _o, type) => (type === 'value' || type === 'total' ? mb(v) : String(v)),
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

function counting(bar: cliProgress.SingleBar) {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      bar.increment(chunk.length);
      done(null, chunk);
    },
  });
}
