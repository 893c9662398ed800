// Account mapping at scale: a partner's N accounts against the vendor's N accounts. The partner's half runs
// in Chromium (Debian's, through playwright-core) on the shared psi code bundled for the page, as the web
// app runs it; the vendor's half runs on the server's worker-thread pool, as the server runs it. Each half
// is printed beside the floor of its curve operations, measured in its own runtime in the same run; results
// go to bench/results/account-mapping-<N>.json.
//
//   npx tsx bench/account-mapping.ts [--n 100000] [--overlap 0.3] [--level overlaps|counts|both]
//                                    [--initiator browser|node] [--sample 2000]
//
// Per run, each half does per key one hash-to-curve and two scalar multiplications (the partner: blind,
// then unblind; the vendor: evaluate the partner's point, then blind its own key), plus tags (HKDF) and, at
// "overlaps", sealing or opening fields (AES-GCM). The floor is the curve part alone: N × (h2c·mul +
// decode·mul), per-operation costs measured on --sample keys right before the run.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium, type Page } from 'playwright-core';
import { PsiPool } from '../apps/server/src/modules/mapping/psi-worker/psi-pool';
import type { Round2 } from '../packages/shared/src/contracts/mapping';
import {
  finishFromAnswer,
  prepareRound1,
  type InitiatorPopulation,
  type Round1Message,
} from '../packages/shared/src/psi/initiator';
import { randomScalar } from '../packages/shared/src/psi/psi';
import { benchAccounts, measureFloor } from './account-mapping.shared';
import { writeResult } from './support';
import { CHROMIUM } from './web';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '100000' },
    overlap: { type: 'string', default: '0.3' },
    level: { type: 'string', default: 'both' },
    initiator: { type: 'string', default: 'browser' },
    sample: { type: 'string', default: '2000' },
  },
});
const N = Number(values.n);
const OVERLAP = Number(values.overlap);
const SAMPLE = Math.min(N, Number(values.sample));
if (!Number.isInteger(N) || N < 1) throw new Error('--n is a positive whole number');
const levels = (values.level === 'both' ? ['counts', 'overlaps'] : [values.level]) as (
  'counts' | 'overlaps'
)[];
const inBrowser = values.initiator === 'browser';
const expected = Math.ceil(N * OVERLAP);

const vendor = benchAccounts('vendor', N, OVERLAP);
const pool = new PsiPool(1);

const log = (label: string, ms: number, floorMs?: number) =>
  console.log(
    `${label.padEnd(40)} ${(ms / 1000).toFixed(2).padStart(9)} s` +
      (floorMs ? `   ${(ms / floorMs).toFixed(2)}× its floor` : ''),
  );

/** The partner's half: in a Chromium page, or (--initiator node) in this process. */
interface Initiator {
  runtime: string;
  floor(sample: number): Promise<ReturnType<typeof measureFloor>>;
  blind(level: 'counts' | 'overlaps', runId: string): Promise<{ message: Round1Message; ms: number }>;
  finish(answer: Round2): Promise<{ count: number; ms: number }>;
  close(): Promise<void>;
}

function nodeInitiator(): Initiator {
  let state: { pops: InitiatorPopulation[]; a: bigint; runId: string } | null = null;
  return {
    runtime: `Node ${process.version}`,
    floor: async (sample) => measureFloor(sample),
    async blind(level, runId) {
      const pops: InitiatorPopulation[] = [
        { populationId: 'p', level, sharedFields: ['name'], accounts: benchAccounts('partner', N, OVERLAP) },
      ];
      const a = randomScalar();
      const start = performance.now();
      const { message } = prepareRound1(pops, a, runId);
      state = { pops, a, runId };
      return { message, ms: performance.now() - start };
    },
    async finish(answer) {
      const start = performance.now();
      const done = await finishFromAnswer(state!.pops, state!.a, state!.runId, answer);
      return { count: done.outcomes[0]!.count, ms: performance.now() - start };
    },
    close: async () => {},
  };
}

async function browserInitiator(): Promise<Initiator> {
  const bundle = await build({
    entryPoints: [new URL('./account-mapping.page.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  const js = bundle.outputFiles[0]!.text;
  // Served from 127.0.0.1: a secure context, so the page has WebCrypto as the web app does.
  const server = http.createServer((req, res) => {
    if (req.url === '/bench.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    else
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>psi bench</title><script type="module" src="/bench.js"></script>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  const page: Page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => 'psiBench' in globalThis);
  type Api = {
    floor(s: number): ReturnType<typeof measureFloor>;
    blind(n: number, o: number, l: string, r: string): { message: Round1Message; ms: number };
    finish(a: Round2): Promise<{ count: number; ms: number }>;
  };

  return {
    runtime: `Chromium ${browser.version()}`,
    floor: (sample) =>
      page.evaluate((s) => (globalThis as unknown as { psiBench: Api }).psiBench.floor(s), sample),
    blind: (level, runId) =>
      page.evaluate(
        ([n, o, l, r]) => (globalThis as unknown as { psiBench: Api }).psiBench.blind(n, o, l, r),
        [N, OVERLAP, level, runId] as [number, number, string, string],
      ),
    finish: (answer) =>
      page.evaluate((a) => (globalThis as unknown as { psiBench: Api }).psiBench.finish(a), answer),
    async close() {
      await browser.close();
      server.close();
    },
  };
}

const initiator = inBrowser ? await browserInitiator() : nodeInitiator();
console.log(
  `account mapping: ${N} × ${N} accounts, ${OVERLAP * 100}% overlap; partner in ${initiator.runtime}, vendor on the server's worker pool (Node ${process.version})`,
);

const browserFloor = await initiator.floor(SAMPLE);
const serverFloor = measureFloor(SAMPLE);
const floorOf = (f: ReturnType<typeof measureFloor>) => f.perKeyMs * N;
console.log(
  `floor per key (h2c·mul + decode·mul, ${SAMPLE} keys): partner ${browserFloor.perKeyMs.toFixed(3)} ms, vendor ${serverFloor.perKeyMs.toFixed(3)} ms`,
);

const runs: Record<string, unknown>[] = [];
for (const level of levels) {
  const runId = `bench-${level}`;
  const blinded = await initiator.blind(level, runId);
  log(`${level}: partner blinds`, blinded.ms);
  let start = performance.now();
  const [decoded] = await pool.decode([blinded.message.sets[0]!.points], N);
  if (!decoded?.ok) throw new Error(decoded?.message);
  const answer = await pool.answer(
    runId,
    [{ populationId: 'p', points: decoded.bytes }],
    [{ populationId: 'v', level, sharedFields: ['name', 'owner'], accounts: vendor, b: randomScalar() }],
  );
  const serverMs = performance.now() - start;
  log(`${level}: vendor's server answers`, serverMs, floorOf(serverFloor));
  start = performance.now();
  const finished = await initiator.finish(answer);
  log(`${level}: partner intersects`, finished.ms);
  const partnerMs = blinded.ms + finished.ms;
  log(`${level}: partner's half`, partnerMs, floorOf(browserFloor));
  if (finished.count !== expected) throw new Error(`expected ${expected} matches, got ${finished.count}`);
  runs.push({
    level,
    partner: {
      blindMs: Math.round(blinded.ms),
      finishMs: Math.round(finished.ms),
      totalMs: Math.round(partnerMs),
      floorMs: Math.round(floorOf(browserFloor)),
      ratioToFloor: Number((partnerMs / floorOf(browserFloor)).toFixed(2)),
    },
    server: {
      totalMs: Math.round(serverMs),
      floorMs: Math.round(floorOf(serverFloor)),
      ratioToFloor: Number((serverMs / floorOf(serverFloor)).toFixed(2)),
    },
    matches: finished.count,
  });
  save();
}
await initiator.close();
await pool.close();

// Written after each level: a long run that is stopped keeps what it measured.
function save() {
  writeResult(`account-mapping-${N}`, {
    n: N,
    overlap: OVERLAP,
    partnerRuntime: initiator.runtime,
    serverRuntime: `Node ${process.version}, worker thread`,
    floorSample: SAMPLE,
    floorPerKeyMs: {
      partner: Number(browserFloor.perKeyMs.toFixed(4)),
      server: Number(serverFloor.perKeyMs.toFixed(4)),
    },
    runs,
  });
}
