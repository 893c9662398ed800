// SQL injection, attacked from the outside: Debian's sqlmap against the real
// server (PGlite, demo data) on every search and filter parameter of the
// routes below, as a signed-in partner. Passes when sqlmap finds no
// injectable parameter. Install with `apt-get install sqlmap`.
//
//   npx tsx bench/sqlmap.ts [--level 1-5] [--quick]
//
// Loopback only. --quick: two routes, for a smoke run.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const level = args.includes('--level') ? args[args.indexOf('--level') + 1]! : '2';
const quick = args.includes('--quick');
if (spawnSync('sqlmap', ['--version']).status !== 0) {
  console.error('sqlmap is not installed: apt-get install sqlmap');
  process.exit(2);
}
const serverTs = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/server/src/server.ts');
const port = await new Promise<number>((resolve) => {
  const srv = net.createServer().listen(0, '127.0.0.1', () => {
    const p = (srv.address() as net.AddressInfo).port;
    srv.close(() => resolve(p));
  });
});
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnergraph-sqlmap-'));
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnergraph-sqlmap-out-'));
const child = spawn(process.execPath, ['--import', 'tsx', serverTs], {
  env: {
    ...process.env,
    DATABASE_URL: '',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    PORT: String(port),
    HOST: '127.0.0.1',
  },
  stdio: 'ignore',
});
const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

try {
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 180_000;
  while (
    !(await fetch(`${base}/readyz`)
      .then((r) => r.ok)
      .catch(() => false))
  ) {
    if (Date.now() > until || child.exitCode !== null) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 250));
  }
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'user@northwind.example', password: 'partnergraph-demo' }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const get = async <T>(p: string) =>
    (await (await fetch(`${base}/api/v1${p}`, { headers: { cookie } })).json()) as T;
  const space = (await get<{ items: { id: string }[] }>('/spaces')).items[0]!.id;
  const partner = (await get<{ items: { id: string }[] }>('/partners')).items[0]!.id;
  const targets = [
    '/api/v1/marketplace/search?q=cloud&country=US&industry=51&limit=5',
    // One parameter per target where a filter could empty the page: boolean-blind tests need a page that changes.
    '/api/v1/members?q=a&limit=5',
    '/api/v1/members?expertise=Backup&limit=5',
    '/api/v1/members?country=DE&limit=5',
    `/api/v1/spaces/${space}/posts?q=partner&limit=5`,
    '/api/v1/spaces?q=General',
    '/api/v1/deals?status=won&limit=5',
    '/api/v1/referrals?status=submitted&limit=5',
    '/api/v1/connections?status=active',
    `/api/v1/analytics/partners/${partner}/scorecard?from=2026-01-01&to=2026-06-30&model=even`,
    '/api/v1/public/partners?q=backup&country=US',
    '/api/v1/events?when=upcoming&limit=5',
  ].slice(0, quick ? 2 : undefined);

  const findings: string[] = [];
  for (const target of targets) {
    const started = Date.now();
    const run = spawnSync(
      'sqlmap',
      [
        '-u',
        `${base}${target}`,
        '--cookie',
        cookie,
        '--batch',
        `--level=${level}`,
        '--risk=1',
        '--dbms=PostgreSQL',
        // Time-based blind tests take minutes per parameter on a 2-core machine; boolean, error and union cover the rest.
        '--technique=BEUS',
        '--flush-session',
        '--output-dir',
        outDir,
        '--disable-coloring',
      ],
      { encoding: 'utf8', timeout: 15 * 60_000 },
    );
    const out = `${run.stdout}${run.stderr}`;
    const vulnerable =
      /is vulnerable|might be injectable|sqlmap identified the following injection point/i.test(out);
    const tested = (out.match(/testing '.*?'/g) ?? []).length;
    console.log(
      `${vulnerable ? 'INJECTABLE' : 'clean     '} ${target.split('?')[0]} (${tested} tests, ${Math.round((Date.now() - started) / 1000)} s)`,
    );
    if (args.includes('--verbose')) console.log(out);
    if (vulnerable)
      findings.push(
        `${target}\n${out
          .split('\n')
          .filter((l) => /inject|vulnerable|Parameter:/i.test(l))
          .join('\n')}`,
      );
  }
  if (findings.length) {
    console.error(findings.join('\n\n'));
    process.exitCode = 1;
  } else {
    console.log(
      `sqlmap (level ${level}, risk 1, techniques BEUS): no injectable parameter in ${targets.length} routes`,
    );
  }
} finally {
  child.kill('SIGTERM');
  await exited;
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(outDir, { recursive: true, force: true });
}
