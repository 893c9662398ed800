// Crash safety: writes run in a loop against the real server process while it
// is killed with SIGKILL at random moments and restarted. After every restart,
// and at the end, every write that was answered 2xx must be there, whole, and
// no change may be half-done (a partner without its types, audit entry or
// outbox event; a deal without its involvement).
//
//   npx tsx bench/crash.ts [--engine pglite|postgres|both] [--rounds N] [--short]
//
// --short (CI): 3 rounds per engine. Loopback only; bounded in rounds and time.
// Exits non-zero when a check fails.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../apps/server/src/db/client';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const short = args.includes('--short');
const rounds = Number(flag('rounds') ?? (short ? 3 : 12));
const engines = (flag('engine') ?? 'both') === 'both' ? ['pglite', 'postgres'] : [flag('engine')!];
const PG = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const serverTs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/server/src/server.ts');
const PASSWORD = 'crash-test-admin-password';
const WORKERS = 4;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

interface Server {
  child: ChildProcess;
  port: number;
  exited: Promise<void>;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', serverTs], {
    env: {
      ...process.env,
      LOG_LEVEL: 'error',
      DEMO_DATA: 'false',
      ADMIN_PASSWORD: PASSWORD,
      PORT: String(port),
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the server exited at start: ${err.slice(0, 500)}`);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { child, port, exited };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not become ready within 90 s');
}

async function signIn(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** Writes until the server dies; answers the ids of the partners it acknowledged. */
async function writeUntilDead(port: number, session: { cookie: string; csrfToken: string }, tag: string) {
  const acknowledged: string[] = [];
  let unanswered = 0;
  let seq = 0;
  let dead = false;
  const worker = async (w: number) => {
    while (!dead) {
      const n = seq++;
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/partners`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: session.cookie,
            'x-csrf-token': session.csrfToken,
          },
          body: JSON.stringify({
            name: `Crash ${tag} ${w}-${n}`,
            types: ['reseller', 'msp'],
            country: 'DE',
          }),
        });
        if (res.status === 201 || res.status === 200) {
          acknowledged.push(((await res.json()) as { id: string }).id);
        } else if (res.status >= 500) {
          throw new Error(`a write answered ${res.status}: ${await res.text()}`);
        }
      } catch (err) {
        if (err instanceof Error && err.message.startsWith('a write answered')) throw err;
        // The connection died with the server: this write's fate is unknown, which is allowed.
        unanswered++;
        dead = true;
      }
    }
  };
  return {
    run: Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w))),
    acknowledged,
    unanswered: () => unanswered,
    stop: () => (dead = true),
  };
}

interface Checks {
  partners: number;
  missing: string[];
  withoutTypes: number;
  withoutAudit: number;
  withoutEvent: number;
}

async function check(
  query: (sql: string) => Promise<Record<string, unknown>[]>,
  acknowledged: string[],
): Promise<Checks> {
  const present = new Set(
    (await query(`select id::text as id from organizations where kind = 'partner'`)).map((r) => String(r.id)),
  );
  const one = async (sql: string) => Number((await query(sql))[0]!.n);
  return {
    partners: present.size,
    missing: acknowledged.filter((id) => !present.has(id)),
    // A partner created by one transaction has its two types, its audit entry and its outbox event, or nothing.
    withoutTypes: await one(`select count(*) as n from organizations o where o.kind = 'partner'
      and (select count(*) from organization_partner_types t where t.organization_id = o.id) <> 2`),
    withoutAudit: await one(`select count(*) as n from organizations o where o.kind = 'partner'
      and not exists (select 1 from audit_log a where a.entity_id = o.id::text and a.action = 'partner.created')`),
    withoutEvent: await one(`select count(*) as n from organizations o where o.kind = 'partner'
      and not exists (select 1 from outbox e where e.entity_id = o.id::text and e.type = 'partner.created')`),
  };
}

async function runEngine(engine: string) {
  const started = Date.now();
  let env: Record<string, string>;
  let query: (sql: string) => Promise<Record<string, unknown>[]>;
  let cleanup: () => Promise<void>;
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnergraph-crash-'));
    env = { DATABASE_URL: '', DATA_DIR: dir };
    // Read the directory with the server stopped: it is the one owner of the data.
    query = async (sql) => {
      const database = await openDatabase({ dataDir: dir });
      try {
        return (await database.db.execute(sql)).rows as Record<string, unknown>[];
      } finally {
        await database.close();
      }
    };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `partnergraph_crash_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(PG);
    url.pathname = `/${name}`;
    env = { DATABASE_URL: url.toString() };
    query = async (sql) => {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      try {
        return (await c.query(sql)).rows as Record<string, unknown>[];
      } finally {
        await c.end();
      }
    };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: PG });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }

  const acknowledged: string[] = [];
  let unanswered = 0;
  const failures: string[] = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      const server = await startServer(env);
      const session = await signIn(server.port);
      const load = await writeUntilDead(server.port, session, `${engine} r${round}`);
      // Somewhere between a quarter second and two and a half seconds of writing.
      await new Promise((r) => setTimeout(r, 250 + Math.random() * 2250));
      server.child.kill('SIGKILL');
      await server.exited;
      await load.run.catch((err: Error) => failures.push(`round ${round}: ${err.message}`));
      acknowledged.push(...load.acknowledged);
      unanswered += load.unanswered();
      // The PGlite child notices its parent is gone and releases the directory; give it a moment.
      if (engine === 'pglite') await waitForUnlock(env.DATA_DIR!);
      const c = await check(query, acknowledged);
      const bad = c.missing.length + c.withoutTypes + c.withoutAudit + c.withoutEvent;
      console.log(
        `${engine} round ${round}: ${load.acknowledged.length} acknowledged, ${c.partners} partners stored, ` +
          `${c.missing.length} acknowledged but missing, ${c.withoutTypes + c.withoutAudit + c.withoutEvent} half-done`,
      );
      if (bad) failures.push(`round ${round}: ${JSON.stringify({ ...c, missing: c.missing.slice(0, 5) })}`);
    }
    // A clean start after the last kill, and the same answers through the API.
    const server = await startServer(env);
    const session = await signIn(server.port);
    const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/partners?limit=1`, {
      headers: { cookie: session.cookie },
    });
    if (!res.ok) failures.push(`after the last restart the partner list answered ${res.status}`);
    server.child.kill('SIGTERM');
    await server.exited;
  } finally {
    await cleanup();
  }
  return {
    engine,
    rounds,
    acknowledged: acknowledged.length,
    unanswered,
    failures,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

/** Waits until a second opener would get the directory (the lock file is gone or stale). */
async function waitForUnlock(dir: string) {
  const lock = `${dir}.lock`;
  const until = Date.now() + 30_000;
  while (Date.now() < until && fs.existsSync(lock)) await new Promise((r) => setTimeout(r, 200));
}

const results = [];
for (const engine of engines) results.push(await runEngine(engine));
console.table(results.map(({ failures, ...r }) => ({ ...r, failures: failures.length })));
const failed = results.flatMap((r) => r.failures.map((f) => `${r.engine}: ${f}`));
if (failed.length) {
  console.error(failed.join('\n'));
  process.exit(1);
}
console.log('crash safety: every acknowledged write survived, nothing half-done');
