// The benchmark suite (`npm run bench -- --scale S|M|L`): API throughput and
// p99 against a floor on both engines, start-up time and idle memory, the web
// app's first-page weight and Lighthouse scores, and the two-process checks.
// Writes bench/results/latest.json and the generated part of docs/PERFORMANCE.md.
//
//   npm run bench -- --scale S                      # a few minutes on 2 cores
//   npm run bench -- --scale L --seconds 20         # under an hour
//   npm run bench -- --only api,startup --engines pglite
// PostgreSQL is the server BENCH_DATABASE_URL (or DATABASE_URL) names,
// default postgres://postgres@127.0.0.1:5432/postgres; each section makes its
// own scratch database there and drops it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import * as prettier from 'prettier';
import { benchApi, type ApiResult } from './api';
import { benchScaleOut, type Check } from './scale-out';
import { BENCH_ADMIN, rssTreeMb, repoRoot, signIn, startServer } from './servers';
import { buildWeb, measureBundle, runLighthouse, type BundleResult, type LighthouseResult } from './web';
import { writeResult } from './support';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'S' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    engines: { type: 'string', default: 'pglite,postgres' },
    only: { type: 'string', default: 'api,startup,web,scaleout' },
    'no-docs': { type: 'boolean', default: false },
    /** Measure the web build already in the temporary directory rather than building again. */
    'reuse-build': { type: 'boolean', default: false },
    /** Rewrite the generated tables of docs/PERFORMANCE.md from a saved result, without measuring. */
    'docs-from': { type: 'string' },
  },
});
const scale = (values.scale ?? 'S').toUpperCase();
if (!['S', 'M', 'L'].includes(scale)) throw new Error('--scale is S, M or L');
const sections = new Set((values.only ?? '').split(','));
const engines = (values.engines ?? '').split(',').filter(Boolean) as ('pglite' | 'postgres')[];
const databaseUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** The demo ecosystem's sign-ins (apps/server/src/seed): a partner's administrator and the bench's vendor admin. */
const DEMO_PARTNER = { email: 'admin@northwind.example', password: 'partnergraph-demo' };
/**
 * The pages Lighthouse scores: the sign-in page (signed out), the partner's first screen (where a partner
 * lands after signing in: homePath in apps/web/src/features/auth/session.tsx), and the vendor's partner list
 * and analytics overview.
 */
const lighthousePages: { label: string; path: string; as?: { email: string; password: string } }[] = [
  { label: 'sign-in', path: '/login' },
  { label: "partner's first screen", path: '/home', as: DEMO_PARTNER },
  { label: 'partner list', path: '/partners', as: BENCH_ADMIN },
  { label: 'analytics overview', path: '/analytics', as: BENCH_ADMIN },
];
/**
 * The figures before the web app was split by route and the server compiled (run of 2026-11-24, scale L,
 * docs/PERFORMANCE.md), printed beside each new run's: page → preset → [performance, accessibility].
 */
const BEFORE = {
  firstPageGzip: 423.2 * 1024,
  startup: { firstStartMs: 6919, restartMs: 1965, idleRssMb: 597 },
  lighthouse: {
    '/analytics': { mobile: [37, 91], desktop: [73, 91] },
    '/partners': { mobile: [49, 92], desktop: [82, 92] },
  } as Record<string, Record<string, [number, number]>>,
};
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

interface Startup {
  firstStartMs: number;
  restartMs: number;
  idleRssMb: number;
  processes: { command: string; mb: number }[];
}

export interface SuiteResult {
  date: string;
  machine: { cpus: number; model: string; memoryGb: number; node: string; loadAverage: number[] };
  scale: string;
  api: ApiResult[];
  startup?: Startup;
  bundle?: BundleResult;
  lighthouse?: LighthouseResult[];
  scaleOut?: Check[];
  errors: Record<string, string>;
}

async function postgresReachable() {
  const c = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

async function main() {
  const started = performance.now();
  const result: SuiteResult = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? '?',
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: os.loadavg().map((x) => +x.toFixed(1)),
    },
    scale,
    api: [],
    errors: {},
  };
  const pgUp = await postgresReachable();
  if (!pgUp) log(`PostgreSQL at ${databaseUrl} is not reachable: its sections are skipped`);
  const attempt = async (name: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (err) {
      result.errors[name] = err instanceof Error ? err.message : String(err);
      log(`${name} failed: ${result.errors[name]}`);
    }
  };

  if (sections.has('api')) {
    for (const engine of engines) {
      if (engine === 'postgres' && !pgUp) continue;
      await attempt(`api-${engine}`, async () => {
        result.api.push(
          await benchApi(engine, {
            scale,
            seconds: Number(values.seconds),
            connections: Number(values.connections),
            databaseUrl,
            log,
          }),
        );
      });
    }
  }

  // The web build comes before start-up so the server measured serves it and Lighthouse can load it.
  const dist = path.join(os.tmpdir(), 'partnergraph-web-bench');
  if (sections.has('web')) {
    await attempt('bundle', async () => {
      const reuse = values['reuse-build'] && fs.existsSync(path.join(dist, 'index.html'));
      result.bundle = measureBundle(dist, reuse ? 0 : buildWeb(dist));
      log(
        `web: first page ${kb(result.bundle.totalGzip)} gzip (JS ${kb(result.bundle.jsGzip)}, CSS ${kb(result.bundle.cssGzip)}); every chunk ${kb(result.bundle.allGzip)}`,
      );
    });
  }

  if (sections.has('startup') || sections.has('web')) {
    await attempt('startup', async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnergraph-bench-start-'));
      const env = { DATA_DIR: dataDir, DATABASE_URL: '', DEMO_DATA: 'true', WEB_DIST: dist };
      try {
        // Generous limits: on a shared, loaded machine the first start (migrations and the demo seed) can take minutes.
        const first = await startServer(env, 600_000);
        await first.stop();
        const server = await startServer(env, 600_000);
        try {
          // Settle: the demo's first requests done, then quiet (jobs start a minute in, after this).
          await new Promise((r) => setTimeout(r, 10_000));
          const rss = rssTreeMb(server.proc.pid!);
          result.startup = {
            firstStartMs: Math.round(first.readyMs),
            restartMs: Math.round(server.readyMs),
            idleRssMb: rss.total,
            processes: rss.processes.map(({ command, mb }) => ({ command, mb })),
          };
          log(
            `start-up: first start (migrate + demo) ${result.startup.firstStartMs} ms, restart ${result.startup.restartMs} ms, idle RSS ${rss.total} MiB (${rss.processes.map((p) => `${p.mb}`).join(' + ')})`,
          );
          if (sections.has('web') && fs.existsSync(path.join(dist, 'index.html'))) {
            await attempt('lighthouse', async () => {
              result.lighthouse = [];
              for (const page of lighthousePages) {
                const cookie = page.as
                  ? (await signIn(server.base, page.as.email, page.as.password)).cookie
                  : undefined;
                const lh = await runLighthouse(`${server.base}${page.path}`, cookie, dist);
                lh.page = page.label;
                result.lighthouse.push(lh);
                for (const r of lh.runs)
                  log(
                    `lighthouse ${page.label} ${r.preset}: performance ${r.performance}, accessibility ${r.accessibility}${lh.weight ? `; ${kb(lh.weight.totalGzip)} gzip` : ''}`,
                  );
              }
            });
          }
        } finally {
          await server.stop();
        }
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    });
  }

  if (sections.has('scaleout') && pgUp) {
    await attempt('scale-out', async () => {
      result.scaleOut = await benchScaleOut(databaseUrl, log);
    });
  }

  writeResult('latest', result);
  // The repository's format check covers results too.
  const file = path.join(repoRoot, 'bench/results/latest.json');
  fs.writeFileSync(file, await prettier.format(fs.readFileSync(file, 'utf8'), { filepath: file }));
  if (!values['no-docs']) writeDocs(result);
  log(`suite done in ${((performance.now() - started) / 60_000).toFixed(1)} min`);
  if (Object.keys(result.errors).length) process.exitCode = 1;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const n = (x: number) => x.toLocaleString('en-US');

/** The tables between the markers in docs/PERFORMANCE.md, from a result. */
export function renderTables(r: SuiteResult): string {
  const out: string[] = [];
  out.push(
    `Last run: ${r.date.slice(0, 16).replace('T', ' ')} UTC, scale ${r.scale}, ${r.machine.cpus} cores (${r.machine.model}), Node ${r.machine.node}, load average at start ${r.machine.loadAverage.join(' / ')}. Raw numbers: \`bench/results/latest.json\`.`,
    '',
  );
  for (const a of r.api) {
    out.push(
      `**API on ${a.engine === 'pglite' ? 'PGlite' : 'PostgreSQL'}** (${a.connections} connections, ${a.secondsPerTarget} s per target; hello world ${n(a.hello.rps)}/s, p99 ${a.hello.p99} ms):`,
      '',
      '| route | statements | app req/s | floor req/s | app / floor | app p99 ms | floor p99 ms |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const x of a.routes) {
      const flag = x.ofFloor >= 70 ? '' : ' ✗';
      const errors = x.app.non2xx + x.app.errors + x.floor.non2xx + x.floor.errors;
      out.push(
        `| \`${x.request}\` | ${x.statements} | ${n(x.app.rps)} | ${n(x.floor.rps)} | **${x.ofFloor}%**${flag} | ${x.app.p99} | ${x.floor.p99} |${errors ? ` (${errors} errors)` : ''}`,
      );
    }
    out.push('');
  }
  if (r.startup) {
    out.push(
      `**Start-up on PGlite with the demo ecosystem** (the compiled server, \`node apps/server/dist/server.js\`): first start (fresh data directory: migrations and the demo seed) ${n(r.startup.firstStartMs)} ms to the first 200 from \`/readyz\`; a restart ${n(r.startup.restartMs)} ms; idle resident memory ${r.startup.idleRssMb} MiB in all (${r.startup.processes.map((p) => `${p.command.includes('pglite') ? 'PGlite process' : 'server'} ${p.mb} MiB`).join(', ')}). Before (2026-11-24, through tsx): ${n(BEFORE.startup.firstStartMs)} ms, ${n(BEFORE.startup.restartMs)} ms, ${BEFORE.startup.idleRssMb} MiB.`,
      '',
    );
  }
  if (r.bundle) {
    out.push(
      `**Web, first page** (the scripts, module preloads and stylesheets \`index.html\` names, gzip -9): **${kb(r.bundle.totalGzip)}** (JS ${kb(r.bundle.jsGzip)}, CSS ${kb(r.bundle.cssGzip)}; ${r.bundle.files.length} files); every chunk of the build ${kb(r.bundle.allGzip)}. Before (2026-11-24): ${kb(BEFORE.firstPageGzip)}.`,
      '',
    );
  }
  if (r.lighthouse?.length) {
    out.push(
      "**Lighthouse** (the demo ecosystem; the partner's screen signed in as its partner admin, the vendor's as the vendor admin; " +
        r.lighthouse[0]!.chromium +
        '):',
      '',
    );
    out.push(
      'Weight: every script and stylesheet of the build the page loaded, gzip -9 (target: under 150 KiB for the sign-in page and the partner\'s first screen). Targets: performance ≥ 90 on the mobile preset, accessibility 100. "before": the 2026-11-24 run.',
      '',
      '| page | weight | preset | performance | accessibility | before | FCP ms | LCP ms | TBT ms | CLS |',
      '| --- | ---: | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
    );
    for (const l of r.lighthouse) {
      const pathname = new URL(l.url).pathname;
      for (const x of l.runs) {
        const before = BEFORE.lighthouse[pathname]?.[x.preset];
        const flag = x.preset === 'mobile' && (x.performance < 90 || x.accessibility < 100) ? ' ✗' : '';
        out.push(
          `| ${l.page ?? ''} \`${pathname}\` | ${l.weight ? kb(l.weight.totalGzip) : ''} | ${x.preset} | **${x.performance}**${flag} | ${x.accessibility} | ${before ? `${before[0]} / ${before[1]}` : '—'} | ${n(x.metrics.firstContentfulPaintMs!)} | ${n(x.metrics.largestContentfulPaintMs!)} | ${n(x.metrics.totalBlockingTimeMs!)} | ${(x.metrics.cumulativeLayoutShift1000! / 1000).toFixed(3)} |`,
        );
      }
    }
    out.push('');
  }
  if (r.scaleOut) {
    out.push('**Two processes on one PostgreSQL**:', '');
    for (const c of r.scaleOut) out.push(`- ${c.pass ? 'PASS' : 'FAIL'} — ${c.name}: ${c.detail}`);
    out.push('');
  }
  for (const [k, v] of Object.entries(r.errors)) out.push(`- **${k} did not run**: ${v}`);
  return out.join('\n').trim();
}

const START = '<!-- bench:start (generated by npm run bench) -->';
const END = '<!-- bench:end -->';

function writeDocs(r: SuiteResult) {
  const file = path.join(repoRoot, 'docs/PERFORMANCE.md');
  const doc = fs.readFileSync(file, 'utf8');
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) {
    log(`docs/PERFORMANCE.md has no ${START} … ${END} markers: tables not written`);
    return;
  }
  fs.writeFileSync(file, `${doc.slice(0, a + START.length)}\n\n${renderTables(r)}\n\n${doc.slice(b)}`);
  log(`written ${file}`);
}

if (values['docs-from']) {
  writeDocs(JSON.parse(fs.readFileSync(values['docs-from'], 'utf8')) as SuiteResult);
} else {
  await main();
}
