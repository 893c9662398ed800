// Soak: a bounded run of mixed reads and writes against the real server
// process, with the memory of the server (and its PGlite child) sampled all
// along. Passes when no request failed and memory did not keep growing (the
// last third's median RSS within 15% + 30 MB of the second third's: the first
// third is warm-up, caches filling).
//
//   npx tsx bench/soak.ts [--engine pglite|postgres] [--minutes N] [--short]
//
// --short (CI): 30 seconds, which checks the errors but is too short to judge growth.
// Loopback only; 6 concurrent clients; exits non-zero on failure.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const short = args.includes('--short');
const seconds = short ? 30 : Number(flag('minutes') ?? 10) * 60;
const engine = flag('engine') ?? 'pglite';
const PG = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const serverTs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/server/src/server.ts');
const PASSWORD = 'soak-test-admin-password';
const CLIENTS = 6;

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });

/** RSS in MB of a process and all its descendants (the server and the PGlite child). */
function treeRss(pid: number): number {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' });
  const rows = out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [p, pp] of rows)
      if (tree.has(pp) && !tree.has(p)) {
        tree.add(p);
        grew = true;
      }
  }
  return rows.filter(([p]) => tree.has(p)).reduce((s, [, , rss]) => s + rss, 0) / 1024;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : 0;
};

let dbName: string | null = null;
let dataDir: string | null = null;
const env: Record<string, string> = {};
if (engine === 'postgres') {
  dbName = `partnergraph_soak_${process.pid}`;
  const c = new pg.Client({ connectionString: PG });
  await c.connect();
  await c.query(`create database ${dbName}`);
  await c.end();
  const url = new URL(PG);
  url.pathname = `/${dbName}`;
  env.DATABASE_URL = url.toString();
} else {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnergraph-soak-'));
  env.DATABASE_URL = '';
  env.DATA_DIR = dataDir;
}

const port = await freePort();
const child = spawn(process.execPath, ['--import', 'tsx', serverTs], {
  env: {
    ...process.env,
    ...env,
    LOG_LEVEL: 'error',
    DEMO_DATA: 'true',
    ADMIN_PASSWORD: PASSWORD,
    PORT: String(port),
    HOST: '127.0.0.1',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const base = `http://127.0.0.1:${port}/api/v1`;
const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

async function cleanup() {
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    await exited;
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  if (dbName) {
    const c = new pg.Client({ connectionString: PG });
    await c.connect();
    await c.query(`drop database if exists ${dbName} with (force)`);
    await c.end();
  }
}

try {
  const until = Date.now() + 180_000;
  while (
    !(await fetch(`http://127.0.0.1:${port}/readyz`)
      .then((r) => r.ok)
      .catch(() => false))
  ) {
    if (Date.now() > until || child.exitCode !== null) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@example.com', password: PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const partners = (
    (await (await fetch(`${base}/partners?limit=50`, { headers })).json()) as {
      items: { id: string }[];
    }
  ).items.map((p) => p.id);

  const latencies: number[] = [];
  const errors: string[] = [];
  let requests = 0;
  let n = 0;
  // The mix: mostly reads a portal serves all day, and the writes that come with them.
  const operations: (() => Promise<Response>)[] = [
    () => fetch(`${base}/partners?limit=50`, { headers }),
    () => fetch(`${base}/partners/${partners[n % partners.length]}`, { headers }),
    () =>
      fetch(`${base}/marketplace/search?q=${['cloud', 'backup', 'secrity', 'retail'][n % 4]}`, { headers }),
    () => fetch(`${base}/deals?limit=25`, { headers }),
    () => fetch(`${base}/spaces`, { headers }),
    () => fetch(`${base}/analytics/partners/${partners[n % partners.length]}/scorecard`, { headers }),
    () =>
      fetch(`${base}/partners`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: `Soak ${process.pid}-${n}`, types: ['reseller'], country: 'FR' }),
      }),
    () => fetch(`${base}/notifications/unread-count`, { headers }),
  ];
  const end = Date.now() + seconds * 1000;
  const samples: { at: number; rss: number }[] = [];
  const sampler = setInterval(() => samples.push({ at: Date.now(), rss: treeRss(child.pid!) }), 2000);
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (Date.now() < end && errors.length < 20) {
        const op = operations[n++ % operations.length]!;
        const t0 = performance.now();
        try {
          const res = await op();
          await res.arrayBuffer();
          if (res.status >= 400) errors.push(`${res.status} ${res.url}`);
        } catch (err) {
          errors.push(String(err));
        }
        latencies.push(performance.now() - t0);
        requests++;
      }
    }),
  );
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  const third = Math.floor(samples.length / 3);
  const warm = median(samples.slice(third, 2 * third).map((s) => s.rss));
  const last = median(samples.slice(2 * third).map((s) => s.rss));
  const grew = !short && last > warm * 1.15 + 30;
  const result = {
    engine,
    seconds,
    requests,
    perSecond: Math.round(requests / seconds),
    errors: errors.length,
    p50ms: Math.round(latencies[Math.floor(latencies.length * 0.5)] ?? 0),
    p99ms: Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? 0),
    rssStartMb: Math.round(samples[0]?.rss ?? 0),
    rssWarmMb: Math.round(warm),
    rssEndMb: Math.round(last),
    rssMaxMb: Math.round(Math.max(...samples.map((s) => s.rss))),
  };
  console.table([result]);
  fs.mkdirSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'results'), { recursive: true });
  if (!short) {
    fs.writeFileSync(
      path.resolve(path.dirname(fileURLToPath(import.meta.url)), `results/soak-${engine}.json`),
      JSON.stringify({ ...result, samples, at: new Date().toISOString() }, null, 2) + '\n',
    );
  }
  if (errors.length || grew) {
    console.error(errors.slice(0, 10).join('\n'));
    if (grew) console.error(`memory kept growing: ${Math.round(warm)} MB → ${Math.round(last)} MB`);
    process.exitCode = 1;
  } else {
    console.log('soak: no errors' + (short ? '' : ', no memory growth'));
  }
} finally {
  await cleanup();
}
