// The web app: the production build's first-page weight (what index.html makes
// the browser fetch before anything renders: its scripts, module preloads and
// stylesheets, gzipped), and Lighthouse on the sign-in page, the partner's first
// screen, the partner list and the analytics overview in Debian's Chromium
// (never a downloaded browser), with the weight of every script and stylesheet
// each page loaded.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { freePort, repoRoot } from './servers';

export interface BundleResult {
  dist: string;
  buildSeconds: number;
  files: { file: string; bytes: number; gzip: number }[];
  jsGzip: number;
  cssGzip: number;
  totalGzip: number;
  /** Everything the build emitted (JS and CSS), gzipped: what later pages may load. */
  allGzip: number;
}

const gz = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

/** The production build as `npm run build` makes it: Vite, then the Brotli/gzip copies the server sends. */
export function buildWeb(dist: string): number {
  const t0 = performance.now();
  execFileSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: path.join(repoRoot, 'apps/web'),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts/compress-dist.mjs'), dist], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return (performance.now() - t0) / 1000;
}

export function measureBundle(dist: string, buildSeconds: number): BundleResult {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) refs.add(m[1]!);
  for (const m of html.matchAll(/<link\b[^>]*>/g)) {
    const tag = m[0];
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    if (href && /\brel="(modulepreload|stylesheet)"/.test(tag)) refs.add(href);
  }
  const files = [...refs]
    .filter((r) => !/^https?:/.test(r))
    .map((r) => {
      const file = path.join(dist, r.replace(/^\//, ''));
      return { file: r, bytes: fs.statSync(file).size, gzip: gz(file) };
    });
  const sum = (ext: string) => files.filter((f) => f.file.endsWith(ext)).reduce((s, f) => s + f.gzip, 0);
  const all = (fs.readdirSync(path.join(dist, 'assets'), { recursive: true }) as string[])
    .filter((f) => /\.(js|css)$/.test(f))
    .reduce((s, f) => s + gz(path.join(dist, 'assets', f)), 0);
  return {
    dist,
    buildSeconds: +buildSeconds.toFixed(1),
    files,
    jsGzip: sum('.js'),
    cssGzip: sum('.css'),
    totalGzip: sum('.js') + sum('.css'),
    allGzip: all,
  };
}

/** The scripts and stylesheets of the build a page loaded, gzip -9 (the same measure as the first page). */
export interface PageWeight {
  jsGzip: number;
  cssGzip: number;
  totalGzip: number;
  files: number;
}

export interface LighthouseResult {
  /** What the page is, in words (`sign-in`, `partner list`…). */
  page?: string;
  url: string;
  chromium: string;
  weight?: PageWeight;
  runs: {
    preset: 'mobile' | 'desktop';
    performance: number;
    accessibility: number;
    metrics: Record<string, number>;
  }[];
  error?: string;
}

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/**
 * Lighthouse (mobile and desktop presets) on `url`, with `cookie` (if any) sent on every request the page
 * makes; with `dist`, the page's weight from the requests Lighthouse recorded on the mobile run.
 */
export async function runLighthouse(
  url: string,
  cookie: string | undefined,
  dist?: string,
): Promise<LighthouseResult> {
  const chromium = execFileSync(CHROMIUM, ['--version']).toString().trim();
  const port = await freePort();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-chromium-'));
  const browser = spawn(
    CHROMIUM,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-dev-shm-usage',
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  try {
    for (let i = 0; i < 100; i++) {
      const up = await fetch(`http://127.0.0.1:${port}/json/version`)
        .then((r) => r.ok)
        .catch(() => false);
      if (up) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const runs: LighthouseResult['runs'] = [];
    let weight: PageWeight | undefined;
    for (const preset of ['mobile', 'desktop'] as const) {
      // One retry: Lighthouse now and then fails to record a trace on a busy machine (NO_NAVSTART).
      const audit = () =>
        lighthouse(
          url,
          {
            port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility'],
            ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
          },
          preset === 'desktop' ? desktopConfig : undefined,
        );
      let result = await audit();
      if (!result || result.lhr.runtimeError) result = await audit();
      if (!result) throw new Error('Lighthouse gave no result');
      const lhr = result.lhr;
      if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? -1);
      runs.push({
        preset,
        performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
        metrics: {
          firstContentfulPaintMs: metric('first-contentful-paint'),
          largestContentfulPaintMs: metric('largest-contentful-paint'),
          totalBlockingTimeMs: metric('total-blocking-time'),
          cumulativeLayoutShift1000: Math.round(
            (lhr.audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000,
          ),
          speedIndexMs: metric('speed-index'),
        },
      });
      if (dist && preset === 'mobile') weight = pageWeight(lhr, dist);
      // The page must have rendered signed in: a redirect to the sign-in page would score the wrong screen.
      if (!lhr.finalDisplayedUrl.startsWith(url))
        throw new Error(`Lighthouse ended on ${lhr.finalDisplayedUrl}`);
    }
    return { url, chromium, runs, ...(weight ? { weight } : {}) };
  } finally {
    const gone = new Promise((r) => browser.once('exit', r));
    browser.kill('SIGKILL');
    await gone;
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  }
}

/** Every script and stylesheet of the build the page requested, measured from the build's files. */
function pageWeight(lhr: { audits: Record<string, { details?: unknown }> }, dist: string): PageWeight {
  const items = ((lhr.audits['network-requests']?.details as { items?: { url: string }[] } | undefined)
    ?.items ?? []) as { url: string }[];
  const assets = new Set(
    items
      .map((i) => new URL(i.url).pathname)
      .filter((p) => p.startsWith('/assets/') && /\.(js|css)$/.test(p)),
  );
  let jsGzip = 0;
  let cssGzip = 0;
  for (const asset of assets) {
    const size = gz(path.join(dist, asset.slice(1)));
    if (asset.endsWith('.css')) cssGzip += size;
    else jsGzip += size;
  }
  return { jsGzip, cssGzip, totalGzip: jsGzip + cssGzip, files: assets.size };
}
