// API throughput and p99 under load (autocannon, 50 connections, loopback),
// each route beside its floor measured in the same run: see bench/api-server.ts
// for what the floor is. Floor and product alternate (floor, app, floor, app,
// half the time each) so a neighbour's burst of work lands on both.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { dealBody, SEARCH_QUERY, type ServerReady } from './api-shared';
import { scratchLocation } from './support';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface Load {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface RouteResult {
  route: string;
  request: string;
  statements: number;
  /** Each statement with its time in the recorded request. */
  statementTexts: string[];
  app: Load;
  floor: Load;
  /** The app's throughput as a share of the floor's, in percent. */
  ofFloor: number;
}

export interface ApiResult {
  engine: 'pglite' | 'postgres';
  scale: string;
  fillSeconds: number;
  connections: number;
  secondsPerTarget: number;
  hello: Load;
  routes: RouteResult[];
  slowest: { route: string; ms: number; text: string; plan: string };
}

type Request = autocannon.Request;

async function load(base: string, requests: Request[], seconds: number, connections: number): Promise<Load> {
  const r = await autocannon({ url: base, connections, duration: seconds, requests });
  return {
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

/** Two measurements as one: requests per second averaged, the worse p99. */
function merge(a: Load, b: Load): Load {
  return {
    rps: Math.round((a.rps + b.rps) / 2),
    p50: Math.max(a.p50, b.p50),
    p99: Math.max(a.p99, b.p99),
    requests: a.requests + b.requests,
    non2xx: a.non2xx + b.non2xx,
    errors: a.errors + b.errors,
  };
}

export async function benchApi(
  engine: 'pglite' | 'postgres',
  opts: {
    scale: string;
    seconds: number;
    connections: number;
    databaseUrl: string;
    log: (s: string) => void;
  },
): Promise<ApiResult> {
  const where = await scratchLocation(engine, opts.databaseUrl);
  const child = fork(path.join(here, 'api-server.ts'), [], {
    // BENCH_CPU_PROF=dir writes the server's CPU profile there (to see where the time goes).
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
    ],
    env: {
      ...process.env,
      BENCH_SCALE: opts.scale,
      BENCH_DATABASE_URL: where.databaseUrl ?? '',
      BENCH_DATA_DIR: where.dataDir,
    },
    // stdout is the request log (discarded); errors go to stderr.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const ready = await new Promise<ServerReady>((resolve, reject) => {
      child.on('message', (m: ServerReady | { type: 'error'; message: string }) =>
        m.type === 'ready' ? resolve(m) : m.type === 'error' ? reject(new Error(m.message)) : undefined,
      );
      child.once('exit', (code) => reject(new Error(`the benchmark server exited (${code})`)));
    });
    opts.log(
      `${engine}: filled ${opts.scale} in ${ready.fillSeconds.toFixed(1)} s; statements per request ${JSON.stringify(ready.statements)}`,
    );
    const headers = { cookie: ready.cookie };
    const ids = ready.partnerIds;
    let nextId = 0;
    let nextCustomer = 1;
    const byId = (prefix: string): Request => ({
      method: 'GET',
      headers,
      setupRequest: (req) => ({ ...req, path: `${prefix}/${ids[nextId++ % ids.length]}` }),
    });
    const register = (p: string): Request => ({
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': ready.csrf },
      setupRequest: (req) => ({ ...req, path: p, body: JSON.stringify(dealBody(nextCustomer++)) }),
    });
    const targets: { route: string; request: string; app: Request; floor: Request }[] = [
      {
        route: 'partner by id',
        request: 'GET /api/v1/partners/{id}',
        app: byId('/api/v1/partners'),
        floor: byId('/floor/partners'),
      },
      {
        route: 'partner list',
        request: 'GET /api/v1/partners?limit=50',
        app: { method: 'GET', headers, path: '/api/v1/partners?limit=50' },
        floor: { method: 'GET', headers, path: '/floor/partners' },
      },
      {
        route: 'marketplace search',
        request: `GET /api/v1/marketplace/search?${SEARCH_QUERY}`,
        app: { method: 'GET', headers, path: `/api/v1/marketplace/search?${SEARCH_QUERY}` },
        floor: { method: 'GET', headers, path: '/floor/search' },
      },
      {
        route: 'deal registration',
        request: 'POST /api/v1/deals',
        app: register('/api/v1/deals'),
        floor: register('/floor/deals'),
      },
    ];
    // One request of each first: a benchmark of error answers measures nothing.
    for (const t of targets) {
      for (const [base, r] of [
        [ready.app, t.app],
        [ready.floor, t.floor],
      ] as const) {
        const setup = r.setupRequest as ((req: Request, ctx: object) => Request) | undefined;
        const init = setup ? setup({ ...r }, {}) : r;
        const res = await fetch(`${base}${init.path ?? r.path}`, {
          method: r.method,
          headers: r.headers as Record<string, string>,
          body: init.body as string | undefined,
        });
        const text = await res.text();
        if (res.status >= 300) throw new Error(`${t.route} (${base}): ${res.status} ${text.slice(0, 500)}`);
      }
    }
    const half = Math.max(1, Math.round(opts.seconds / 2));
    const c = opts.connections;
    await load(ready.floor, [{ method: 'GET', path: '/hello' }], 1, c); // warm-up
    const hello = await load(ready.floor, [{ method: 'GET', path: '/hello' }], opts.seconds, c);
    opts.log(`${engine}: hello world ${hello.rps}/s p99 ${hello.p99} ms`);
    const routes: RouteResult[] = [];
    for (const t of targets) {
      await load(ready.app, [t.app], 1, c); // warm-up (JIT, caches)
      await load(ready.floor, [t.floor], 1, c);
      const f1 = await load(ready.floor, [t.floor], half, c);
      const a1 = await load(ready.app, [t.app], half, c);
      const f2 = await load(ready.floor, [t.floor], half, c);
      const a2 = await load(ready.app, [t.app], half, c);
      const app = merge(a1, a2);
      const floor = merge(f1, f2);
      const ofFloor = Math.round((100 * app.rps) / Math.max(1, floor.rps));
      routes.push({
        route: t.route,
        request: t.request,
        statements: ready.statements[t.route] ?? 0,
        statementTexts: ready.statementTexts[t.route] ?? [],
        app,
        floor,
        ofFloor,
      });
      opts.log(
        `${engine}: ${t.route}: app ${app.rps}/s p99 ${app.p99} ms (non-2xx ${app.non2xx}) | floor ${floor.rps}/s p99 ${floor.p99} ms (non-2xx ${floor.non2xx}) → ${ofFloor}% of floor`,
      );
    }
    const worst = ready.slowest[0]!;
    child.send({ type: 'explain', text: worst.text, values: worst.values });
    const plan = await new Promise<string>((resolve) =>
      child.on('message', (m: { type: string; plan?: string }) => m.type === 'explained' && resolve(m.plan!)),
    );
    return {
      engine,
      scale: opts.scale,
      fillSeconds: +ready.fillSeconds.toFixed(1),
      connections: c,
      secondsPerTarget: half * 2,
      hello,
      routes,
      slowest: { route: worst.route, ms: worst.ms, text: worst.text, plan },
    };
  } finally {
    if (child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 1000)); // requests autocannon left in flight finish first
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    await where.drop();
  }
}
