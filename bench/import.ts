// CSV import at scale (issues #9 and #10): generates a partner ecosystem as
// CSV files (reproducible: a seeded generator), imports it the way an operator
// does — `partnergraph import FILE --type T --dry-run`, then without
// `--dry-run` — in a fresh database, and measures rows per second of the dry
// run and of the commit (from the import's own audit entries) and the peak
// memory of the importing process (VmHWM from /proc, sampled; with PGlite also
// of the database process it forks). Then exports partners, deals and rates
// back through the API (`/exports/*`, and each profile through
// `/profiles/{id}`: the partner export carries no profile) and compares every
// imported field by external id. Last, a malformed partners file of 1,000,000
// rows (and one of a tenth of that, to compare memory) is dry-run: every bad
// row planted must be counted, nothing imported, and the commit refused.
//
//   npx tsx bench/import.ts [--engine pglite|postgres|both] [--partners 10000] [--deals 50000]
//                           [--malformed-rows 1000000]
//   npm run bench:import -- --engine postgres --partners 100000
//
// PostgreSQL: DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres
// (a database is created for the run and dropped after). Exits non-zero when
// an export differs from what was imported or the malformed report is wrong.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app';
import { loadConfig } from '../apps/server/src/config';
import { openDatabase, type Database } from '../apps/server/src/db/client';
import { createMemoryMailer } from '../apps/server/src/lib/mail';
import { scratchLocation, writeResult, type ScratchLocation } from './support';

const { values } = parseArgs({
  options: {
    engine: { type: 'string' },
    partners: { type: 'string', default: '10000' },
    deals: { type: 'string', default: '50000' },
    'malformed-rows': { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '20261124' },
  },
});
const ENGINES =
  values.engine === 'both'
    ? (['pglite', 'postgres'] as const)
    : [(values.engine ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite')) as 'pglite' | 'postgres'];
if (!ENGINES.every((e) => e === 'pglite' || e === 'postgres'))
  throw new Error('--engine is pglite, postgres or both');
const PARTNERS = Number(values.partners);
const DEALS = Number(values.deals);
const MALFORMED = Number(values['malformed-rows']);
const SEED = Number(values.seed);
const PG_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const here = path.dirname(new URL(import.meta.url).pathname);
const BIN = path.resolve(here, '../apps/server/bin/partnergraph.mjs');
const ADMIN = { email: 'ops@vendor.test', password: 'bench-import-password' };

// --- Reproducible data ---

/** mulberry32: a small seeded PRNG, so every run writes the same files. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const chance = (p: number) => next() < p;
  const some = <T>(xs: readonly T[], lo: number, hi: number) => {
    const pool = [...xs];
    const out: T[] = [];
    for (let n = int(lo, hi); n > 0 && pool.length; n--)
      out.push(pool.splice(int(0, pool.length - 1), 1)[0]!);
    return out;
  };
  return { next, int, pick, chance, some };
}

const TYPES = [
  'reseller',
  'distributor',
  'msp',
  'system_integrator',
  'isv',
  'technology_partner',
  'referral_partner',
  'community_influencer',
] as const;
const COUNTRIES = [
  'US',
  'DE',
  'GB',
  'FR',
  'JP',
  'CA',
  'AU',
  'NL',
  'SE',
  'ES',
  'IT',
  'BR',
  'IN',
  'SG',
  'CH',
  'AT',
];
const INDUSTRIES = [
  '11',
  '21',
  '22',
  '23',
  '31-33',
  '42',
  '44-45',
  '48-49',
  '51',
  '52',
  '53',
  '54',
  '62',
  '81',
];
const WORDS = ['North', 'Blue', 'Summit', 'Cedar', 'Quantum', 'Harbor', 'Vertex', 'Silver', 'Iron', 'Nova'];
const NOUNS = ['Systems', 'Cloud', 'Data', 'Networks', 'Labs', 'Works', 'Solutions', 'Digital', 'Logic'];
// Names and texts a CSV must carry intact: commas, quotes, accents, line breaks, a leading "=".
const ODD = [
  'Café Müller',
  'O’Brien & Søn',
  '"Quoted" Partners',
  'Smith, Jones and Co',
  'Zürich Ærø',
  '東京 Tech',
];
const SERVICES = [
  'migration',
  'managed backup',
  'security audit',
  'training',
  'integration',
  'support',
  'licensing',
];
const PRODUCTS = ['Cloud Suite', 'Support', 'Analytics', 'Security Pack', 'Backup'];
const CURRENCIES = ['USD', 'USD', 'EUR', 'EUR', 'GBP', 'JPY', 'CHF'];
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pad = (n: number, w: number) => String(n).padStart(w, '0');

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Writes rows as they are produced, ~1 MiB at a time: a million rows never sit in memory. */
function csvWriter(file: string, header: string[]) {
  const fd = fs.openSync(file, 'w');
  let buf: string[] = [header.join(',')];
  let size = 0;
  const flush = () => {
    fs.writeSync(fd, buf.join('\n') + '\n');
    buf = [];
    size = 0;
  };
  return {
    row(cells: Record<string, string | undefined>) {
      const line = header.map((h) => csvCell(cells[h] ?? '')).join(',');
      buf.push(line);
      size += line.length;
      if (size > 1 << 20) flush();
    },
    close() {
      if (buf.length) flush();
      fs.closeSync(fd);
      return fs.statSync(file).size;
    },
  };
}

interface PartnerIn {
  externalId: string;
  name: string;
  status?: string;
  types: string[];
  primaryType?: string;
  website?: string;
  country?: string;
  description?: string;
  channelManagerEmail?: string;
  createdAt?: string;
  profileStatus?: 'draft' | 'published';
  profileDescription?: string;
  profileServices?: string[];
  profileIndustries?: string[];
  profileCountries?: string[];
  profileContactEmail?: string;
}
const PARTNER_COLUMNS = [
  'externalId',
  'name',
  'status',
  'types',
  'primaryType',
  'website',
  'country',
  'description',
  'channelManagerEmail',
  'createdAt',
  'profileStatus',
  'profileDescription',
  'profileServices',
  'profileIndustries',
  'profileCountries',
  'profileContactEmail',
];

interface DealIn {
  externalId: string;
  partnerExternalId?: string;
  customerName: string;
  customerDomain?: string;
  country: string;
  industry?: string;
  amount: number;
  currency: string;
  products?: string[];
  expectedCloseDate: string;
  stage?: string;
  status: string;
  closeDate?: string;
  lostReason?: string;
  decisionReason?: string;
  notes?: string;
  createdAt: string;
  approvedAt?: string;
  protectionDays?: number;
  involvements?: { partner: string; role: string }[];
}
const DEAL_COLUMNS = [
  'externalId',
  'partnerExternalId',
  'customerName',
  'customerDomain',
  'country',
  'industry',
  'amount',
  'currency',
  'products',
  'expectedCloseDate',
  'stage',
  'status',
  'closeDate',
  'lostReason',
  'decisionReason',
  'notes',
  'createdAt',
  'approvedAt',
  'protectionDays',
  'involvements',
];

const CMS = Array.from({ length: 12 }, (_, i) => `cm${i + 1}@vendor.example`);
const FX = { EUR: 1.08, GBP: 1.27, JPY: 0.0068, CHF: 1.12 } as const;

function generate(dir: string) {
  const r = prng(SEED);
  const files: Record<string, { file: string; rows: number; bytes: number }> = {};
  const users = csvWriter(path.join(dir, 'users.csv'), ['email', 'name', 'role', 'createdAt']);
  CMS.forEach((email, i) =>
    users.row({ email, name: `Channel Manager ${i + 1}`, role: 'channel_manager', createdAt: '2019-06-01' }),
  );
  files.users = { file: path.join(dir, 'users.csv'), rows: CMS.length, bytes: users.close() };

  // Rates on the first of each month, 2019-01 to 2026-11: every deal date has one in force.
  const fxRows: { currency: string; rate: string; effectiveDate: string }[] = [];
  const fx = csvWriter(path.join(dir, 'fx-rates.csv'), ['currency', 'rate', 'effectiveDate']);
  for (const [currency, base] of Object.entries(FX))
    for (let y = 2019; y <= 2026; y++)
      for (let m = 1; m <= 12 && (y < 2026 || m <= 11); m++) {
        const decimals = currency === 'JPY' ? 6 : 4;
        const rate = (base * (0.9 + 0.2 * r.next())).toFixed(decimals).replace(/\.?0+$/, '');
        const row = { currency, rate, effectiveDate: `${y}-${pad(m, 2)}-01` };
        fxRows.push(row);
        fx.row(row);
      }
  files['fx-rates'] = { file: path.join(dir, 'fx-rates.csv'), rows: fxRows.length, bytes: fx.close() };

  const partners: PartnerIn[] = [];
  const pw = csvWriter(path.join(dir, 'partners.csv'), PARTNER_COLUMNS);
  const start2019 = Date.UTC(2019, 0, 1);
  for (let i = 1; i <= PARTNERS; i++) {
    const types = r.some(TYPES, 1, 3);
    const profile = r.next();
    const created = start2019 + r.int(0, 6 * 365) * DAY;
    const p: PartnerIn = {
      externalId: `ACC-${pad(i, 6)}`,
      name: r.chance(0.05) ? `${r.pick(ODD)} ${i}` : `${r.pick(WORDS)} ${r.pick(NOUNS)} ${i}`,
      ...(r.chance(0.8) ? {} : { status: r.pick(['applicant', 'suspended', 'terminated', 'active']) }),
      types,
      ...(types.length > 1 && r.chance(0.3) ? { primaryType: types[types.length - 1] } : {}),
      ...(r.chance(0.7) ? { website: `https://${r.chance(0.5) ? 'www.' : ''}p${i}.example.com` } : {}),
      ...(r.chance(0.9) ? { country: r.pick(COUNTRIES) } : {}),
      ...(r.chance(0.7)
        ? {
            description: r.chance(0.1)
              ? `=Line one, "quoted"\nline two of partner ${i}`
              : `${r.pick(NOUNS)} partner ${i} serving ${r.pick(COUNTRIES)}`,
          }
        : {}),
      ...(r.chance(0.3) ? { channelManagerEmail: r.pick(CMS) } : {}),
      ...(r.chance(0.95)
        ? {
            createdAt: r.chance(0.2)
              ? new Date(created + r.int(0, DAY / 1000 - 1) * 1000).toISOString().replace('.000', '')
              : iso(created),
          }
        : {}),
      ...(profile < 0.7
        ? {
            profileStatus: profile < 0.4 ? ('published' as const) : ('draft' as const),
            profileDescription: `We help ${r.pick(INDUSTRIES)} customers with ${r.pick(SERVICES)} (${i})`,
            profileServices: r.some(SERVICES, 1, 3),
            profileIndustries: r.some(INDUSTRIES, 1, 3),
            profileCountries: r.some(COUNTRIES, 1, 4),
            ...(r.chance(0.8) ? { profileContactEmail: `sales@p${i}.example.com` } : {}),
          }
        : {}),
    };
    partners.push(p);
    pw.row({
      ...p,
      types: p.types.join('; '),
      profileServices: p.profileServices?.join('; '),
      profileIndustries: p.profileIndustries?.join('; '),
      profileCountries: p.profileCountries?.join('; '),
    } as Record<string, string>);
  }
  files.partners = { file: path.join(dir, 'partners.csv'), rows: PARTNERS, bytes: pw.close() };

  const deals: DealIn[] = [];
  const dw = csvWriter(path.join(dir, 'deals.csv'), DEAL_COLUMNS);
  const start2020 = Date.UTC(2020, 0, 1);
  const statuses = [
    'registered',
    'approved',
    'approved',
    'rejected',
    'won',
    'won',
    'won',
    'lost',
    'lost',
    'expired',
  ];
  const otherRoles = ['referred', 'co_sell', 'implementation', 'integration', 'influenced'];
  const partnerId = () => `ACC-${pad(r.int(1, PARTNERS), 6)}`;
  for (let i = 1; i <= DEALS; i++) {
    const created = start2020 + r.int(0, 6.5 * 365) * DAY;
    const status = r.pick(statuses);
    const vendor = r.chance(0.1);
    const registrant = vendor ? undefined : partnerId();
    const closed = status === 'won' || status === 'lost';
    const open = !closed && status !== 'rejected';
    let involvements: DealIn['involvements'];
    if (r.chance(0.4)) {
      const seen = new Set<string>();
      involvements = [];
      if (registrant && r.chance(0.7)) {
        involvements.push({ partner: registrant, role: 'sourced' });
        seen.add(registrant);
      }
      for (let k = r.int(1, 3); k > 0; k--) {
        const who = partnerId();
        if (seen.has(who)) continue;
        seen.add(who);
        involvements.push({ partner: who, role: r.pick(otherRoles) });
      }
    }
    const d: DealIn = {
      externalId: `OPP-${pad(i, 7)}`,
      ...(registrant ? { partnerExternalId: registrant } : {}),
      customerName: r.chance(0.03)
        ? `${r.pick(ODD)} Customer ${i}`
        : `${r.pick(WORDS)} ${r.pick(NOUNS)} Customer ${i}`,
      ...(r.chance(0.7) ? { customerDomain: `customer${i}.${r.pick(['com', 'de', 'co.uk', 'io'])}` } : {}),
      country: r.pick(COUNTRIES),
      ...(r.chance(0.7) ? { industry: r.pick(INDUSTRIES) } : {}),
      amount: r.int(1, 5000) * 10_000 + r.int(0, 9999),
      currency: r.pick(CURRENCIES),
      ...(r.chance(0.6) ? { products: r.some(PRODUCTS, 1, 3) } : {}),
      expectedCloseDate: iso(created + r.int(30, 180) * DAY),
      ...(open && r.chance(0.7)
        ? { stage: r.pick(['qualification', 'discovery', 'proposal', 'negotiation', 'commit']) }
        : {}),
      status,
      ...(closed ? { closeDate: iso(created + r.int(5, 120) * DAY) } : {}),
      ...(status === 'lost'
        ? { lostReason: r.pick(['Chose a competitor', 'No budget', 'Project cancelled']) }
        : {}),
      ...(status === 'rejected' ? { decisionReason: r.pick(['Duplicate', 'Not a fit, "sorry"']) } : {}),
      ...(r.chance(0.4) ? { notes: `Champion is the CFO; call before ${iso(created + 14 * DAY)}` } : {}),
      createdAt: r.chance(0.3)
        ? new Date(created + r.int(0, 86_399) * 1000).toISOString().replace('.000', '')
        : iso(created),
      ...(status !== 'registered' && status !== 'rejected' && r.chance(0.6)
        ? { approvedAt: new Date(created + r.int(1, 5 * 86_400) * 1000).toISOString().replace('.000', '') }
        : {}),
      ...(registrant && status !== 'registered' && status !== 'rejected' && r.chance(0.5)
        ? { protectionDays: r.int(30, 365) }
        : {}),
      ...(involvements?.length ? { involvements } : {}),
    };
    deals.push(d);
    dw.row({
      ...d,
      amount: String(d.amount),
      protectionDays: d.protectionDays === undefined ? undefined : String(d.protectionDays),
      products: d.products?.join('; '),
      involvements: d.involvements?.map((x) => `${x.partner}:${x.role}`).join('; '),
    } as Record<string, string>);
  }
  files.deals = { file: path.join(dir, 'deals.csv'), rows: DEALS, bytes: dw.close() };
  return { files, partners, deals, fxRows };
}

/**
 * A partners file of `rows` rows with one problem planted in every 40th row,
 * cycling through the kinds a real file has. Each bad row has exactly one
 * problem, so the report's row and problem counts must both equal `bad`.
 */
function generateMalformed(file: string, rows: number) {
  const r = prng(SEED + rows);
  const w = csvWriter(file, ['externalId', 'name', 'types', 'country', 'createdAt', 'website']);
  const kinds = [
    'bad country',
    'bad month',
    'day past the month’s end',
    'NUL byte',
    'missing name',
    'duplicate external id',
    'unknown partner type',
  ];
  const planted: Record<string, number> = Object.fromEntries(kinds.map((k) => [k, 0]));
  let bad = 0;
  for (let i = 1; i <= rows; i++) {
    const cells: Record<string, string> = {
      externalId: `M-${pad(i, 7)}`,
      name: `Malformed Test ${i}`,
      types: r.pick(TYPES),
      country: r.pick(COUNTRIES),
      createdAt: iso(Date.UTC(2020, 0, 1) + r.int(0, 1500) * DAY),
      website: `https://m${i}.example.com`,
    };
    if (i % 40 === 0) {
      const kind = kinds[(i / 40) % kinds.length]!;
      planted[kind]!++;
      bad++;
      if (kind === 'bad country') cells.country = 'ZZ';
      else if (kind === 'bad month') cells.createdAt = '2024-13-01';
      else if (kind === 'day past the month’s end')
        cells.createdAt = r.pick(['2023-02-29', '2024-04-31', '2025-02-30']);
      else if (kind === 'NUL byte') cells.name = `Nul\u0000Name ${i}`;
      else if (kind === 'missing name') cells.name = '';
      // The row before is a good one: the same record twice.
      else if (kind === 'duplicate external id') cells.externalId = `M-${pad(i - 1, 7)}`;
      else cells.types = 'astronaut';
    }
    w.row(cells);
  }
  return { rows, bad, planted, bytes: w.close() };
}

// --- Running the command line and watching its memory ---

const kib = (status: string, key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
function childrenOf(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

interface CliRun {
  args: string[];
  code: number | null;
  out: string;
  err: string;
  seconds: number;
  /** Peak resident memory of the command's process, MiB. */
  peakRssMb: number;
  /** PGlite: peak resident memory of the database process it forks (its largest child), MiB. */
  dbPeakRssMb: number | null;
}

async function cli(env: NodeJS.ProcessEnv, withDb: boolean, ...args: string[]): Promise<CliRun> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    err = (err + d.toString()).slice(-20_000);
  });
  const pid = child.pid!;
  let peak = 0;
  const dbPeak = new Map<number, number>();
  // VmHWM is the kernel's own high-water mark: sampling often enough to catch it before the exit is all it takes.
  const sample = () => {
    try {
      peak = Math.max(peak, kib(fs.readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmHWM'));
    } catch {
      // exited
    }
    for (const c of childrenOf(pid))
      try {
        dbPeak.set(
          c,
          Math.max(dbPeak.get(c) ?? 0, kib(fs.readFileSync(`/proc/${c}/status`, 'utf8'), 'VmHWM')),
        );
      } catch {
        // exited
      }
  };
  const timer = setInterval(sample, 50);
  let lastShown = 0;
  const shown = setInterval(() => {
    const line = err.split(/\r|\n/).filter(Boolean).pop();
    if (line && performance.now() - lastShown > 14_000) {
      console.log(`    … ${line.trim()}`);
      lastShown = performance.now();
    }
  }, 15_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  clearInterval(shown);
  const db = [...dbPeak.values()];
  return {
    args,
    code,
    out,
    err,
    seconds: +((performance.now() - t0) / 1000).toFixed(1),
    peakRssMb: Math.round(peak / 1024),
    dbPeakRssMb: withDb && db.length ? Math.round(Math.max(...db) / 1024) : null,
  };
}

// --- Comparing what comes back ---

type Json = Record<string, unknown>;
const at = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s).toISOString();
const normRate = (s: string) => s.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');

class Mismatches {
  count = 0;
  checked = 0;
  first: string[] = [];
  field(kind: string, key: string, field: string, expected: unknown, actual: unknown) {
    this.checked++;
    const e = JSON.stringify(expected);
    const a = JSON.stringify(actual);
    if (e === a) return;
    this.count++;
    if (this.first.length < 15) this.first.push(`${kind} ${key} ${field}: expected ${e}, got ${a}`);
  }
  missing(kind: string, key: string) {
    this.count++;
    if (this.first.length < 15) this.first.push(`${kind} ${key}: not in the export`);
  }
}

async function compare(
  base: string,
  headers: Record<string, string>,
  data: ReturnType<typeof generate>,
): Promise<{ mismatches: number; fieldsChecked: number; first: string[]; seconds: Record<string, number> }> {
  const m = new Mismatches();
  const seconds: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => {
    seconds[name] = +((performance.now() - t0) / 1000).toFixed(1);
    t0 = performance.now();
  };
  const get = async (p: string) => {
    const res = await fetch(`${base}/api/v1${p}`, { headers });
    if (res.status !== 200) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  const partners = (await get('/exports/partners?format=json')) as Json[];
  lap('exportPartners');
  const byExt = new Map(partners.map((p) => [p.externalId as string, p]));
  const idOf = new Map(partners.map((p) => [p.externalId as string, p.id as string]));
  const withProfile: { p: PartnerIn; id: string }[] = [];
  for (const p of data.partners) {
    const x = byExt.get(p.externalId);
    if (!x) {
      m.missing('partner', p.externalId);
      continue;
    }
    const f = (field: string, expected: unknown, actual: unknown) =>
      m.field('partner', p.externalId, field, expected, actual);
    f('name', p.name, x.name);
    f('status', p.status ?? 'active', x.status);
    const types = x.types as { code: string; primary: boolean }[];
    f('types', [...p.types].sort(), types.map((t) => t.code).sort());
    f('primaryType', p.primaryType ?? p.types[0], x.primaryType);
    f('website', p.website ?? null, x.website);
    f('domain', p.website ? new URL(p.website).hostname.replace(/^www\./, '') : null, x.domain);
    f('country', p.country ?? null, x.country);
    f('description', p.description ?? '', x.description);
    f('channelManagerEmail', p.channelManagerEmail ?? null, (x.channelManager as Json | null)?.email ?? null);
    if (p.createdAt) f('createdAt', at(p.createdAt), x.createdAt);
    if (p.profileStatus) withProfile.push({ p, id: x.id as string });
  }
  // Each profile through its own endpoint, a few at a time.
  let next = 0;
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      while (next < withProfile.length) {
        const { p, id } = withProfile[next++]!;
        const profile = (await get(`/profiles/${id}`)) as Json;
        const f = (field: string, expected: unknown, actual: unknown) =>
          m.field('profile', p.externalId, field, expected, actual);
        const draft = profile.draft as Json;
        f('profileStatus', p.profileStatus, profile.status);
        f('profileDescription', p.profileDescription, draft.description);
        f('profileServices', p.profileServices, draft.services);
        f('profileIndustries', p.profileIndustries, draft.industries);
        f('profileCountries', p.profileCountries, draft.countries);
        f('profileContactEmail', p.profileContactEmail ?? null, draft.contactEmail);
        f('published', p.profileStatus === 'published' ? draft : null, profile.published);
      }
    }),
  );

  lap('profiles');
  const deals = (await get('/exports/deals?format=json')) as Json[];
  lap('exportDeals');
  const dealsByExt = new Map(deals.map((d) => [d.externalId as string, d]));
  const extOf = new Map([...idOf].map(([ext, id]) => [id, ext]));
  for (const d of data.deals) {
    const x = dealsByExt.get(d.externalId);
    if (!x) {
      m.missing('deal', d.externalId);
      continue;
    }
    const f = (field: string, expected: unknown, actual: unknown) =>
      m.field('deal', d.externalId, field, expected, actual);
    const customer = x.customer as Json;
    const vendorRecorded = !d.partnerExternalId;
    f(
      'partnerExternalId',
      d.partnerExternalId ?? null,
      vendorRecorded ? null : extOf.get((x.registeredBy as Json).id as string),
    );
    f('vendorRecorded', vendorRecorded, x.vendorRecorded);
    f('customerName', d.customerName, customer.name);
    f('customerDomain', d.customerDomain ?? null, customer.domain);
    f('country', d.country, customer.country);
    f('industry', d.industry ?? null, customer.industry);
    f('amount', d.amount, x.amount);
    f('currency', d.currency, x.currency);
    f('products', d.products ?? [], x.products);
    f('expectedCloseDate', d.expectedCloseDate, x.expectedCloseDate);
    f('stage', d.stage ?? null, x.stage);
    f('status', d.status, x.status);
    f('closeDate', d.closeDate ?? null, x.closeDate);
    f('lostReason', d.lostReason ?? null, x.lostReason);
    f('decisionReason', d.decisionReason ?? null, x.decisionReason);
    f('notes', d.notes ?? '', x.notes);
    f('createdAt', at(d.createdAt), x.createdAt);
    // Protection runs from approval for a partner's approved deal (the vendor's own deals have none).
    const protection = x.protection as Json | null;
    const approved = d.status !== 'registered' && d.status !== 'rejected';
    if (d.approvedAt && !vendorRecorded) f('approvedAt', at(d.approvedAt), protection?.startedAt);
    if (approved && !vendorRecorded) f('protectionDays', d.protectionDays ?? 90, protection?.days);
    // The registrant stays on its deal: sourced, or influenced when the row names another source.
    const listed = d.involvements ?? [];
    const expected = [...listed];
    if (!vendorRecorded && !listed.some((i) => i.partner === d.partnerExternalId))
      expected.push({
        partner: d.partnerExternalId!,
        role: listed.some((i) => i.role === 'sourced') ? 'influenced' : 'sourced',
      });
    f(
      'involvements',
      expected.map((i) => `${i.partner}:${i.role}`).sort(),
      (x.involvements as { organization: { id: string }; role: string }[])
        .map((i) => `${extOf.get(i.organization.id) ?? i.organization.id}:${i.role}`)
        .sort(),
    );
  }

  const rates = (await get('/exports/fx-rates?format=json')) as Json[];
  const rateOf = new Map(rates.map((x) => [`${x.currency as string}|${x.effectiveDate as string}`, x]));
  for (const row of data.fxRows) {
    const key = `${row.currency}|${row.effectiveDate}`;
    const x = rateOf.get(key);
    if (!x) m.missing('fx-rate', key);
    else m.field('fx-rate', key, 'rate', normRate(row.rate), normRate(String(x.rate)));
  }
  return { mismatches: m.count, fieldsChecked: m.checked, first: m.first, seconds };
}

// --- One engine ---

interface ImportTiming {
  rows: number;
  uploadSeconds: number;
  dryRunSeconds: number | null;
  commitSeconds: number | null;
  errorRows: number;
  errorCount: number;
  created: number;
  updated: number;
}

/** The phases of every import, from the import row and its audit entries (written by the process that ran it). */
async function timings(database: Database) {
  const rows = (
    await database.db.execute<{
      id: string;
      file_name: string;
      total_rows: number | null;
      error_rows: number;
      error_count: number;
      created: number;
      updated: number;
      status: string;
      created_at: Date;
      uploaded: Date | null;
      dry_start: Date | null;
      dry_end: Date | null;
      commit_start: Date | null;
      commit_end: Date | null;
    }>(sql`
      select i.id, i.file_name, i.total_rows, i.error_rows, i.error_count, i.created, i.updated, i.status, i.created_at,
        max(a.at) filter (where a.action = 'import.uploaded') as uploaded,
        max(a.at) filter (where a.action = 'import.dry_run_started') as dry_start,
        max(a.at) filter (where a.action = 'import.dry_run_finished') as dry_end,
        max(a.at) filter (where a.action = 'import.commit_started') as commit_start,
        max(a.at) filter (where a.action = 'import.committed') as commit_end
      from imports i left join audit_log a on a.entity_type = 'import' and a.entity_id = i.id::text
      group by i.id order by i.created_at, i.id`)
  ).rows;
  const s = (a: Date | null, b: Date | null) =>
    a && b ? +((new Date(b).getTime() - new Date(a).getTime()) / 1000).toFixed(2) : null;
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    status: r.status,
    timing: {
      rows: r.total_rows ?? 0,
      uploadSeconds: s(r.created_at, r.uploaded) ?? 0,
      dryRunSeconds: s(r.dry_start, r.dry_end),
      commitSeconds: s(r.commit_start, r.commit_end),
      errorRows: r.error_rows,
      errorCount: r.error_count,
      created: r.created,
      updated: r.updated,
    } satisfies ImportTiming,
  }));
}

const perSecond = (rows: number, seconds: number | null) => (seconds ? Math.round(rows / seconds) : null);

async function runEngine(engine: 'pglite' | 'postgres', dir: string, data: ReturnType<typeof generate>) {
  // The machine is shared: its load beside the figures says how much to trust them.
  const loadBefore = os.loadavg().map((x) => +x.toFixed(2));
  const where: ScratchLocation = await scratchLocation(engine, PG_URL);
  const env = {
    ...process.env,
    DATABASE_URL: where.databaseUrl ?? '',
    DATA_DIR: where.dataDir,
    LOG_LEVEL: 'warn',
    JOBS: 'false',
  };
  const failures: string[] = [];
  const runs: { step: string; file: string; run: CliRun }[] = [];
  const step = async (name: string, file: string, ...args: string[]) => {
    console.log(`  ${name}`);
    const run = await cli(env, engine === 'pglite', ...args);
    runs.push({ step: name, file, run });
    console.log(
      `    ${run.seconds} s, peak RSS ${run.peakRssMb} MiB${run.dbPeakRssMb ? ` (database process ${run.dbPeakRssMb} MiB)` : ''}: ${(run.out.trim().split('\n').pop() ?? '') || run.err.trim().split('\n').pop()}`,
    );
    return run;
  };
  try {
    const admin = await step(
      'create-admin',
      '',
      'create-admin',
      '--email',
      ADMIN.email,
      '--name',
      'Ops',
      '--password',
      ADMIN.password,
    );
    if (admin.code !== 0) throw new Error(`create-admin failed: ${admin.err}`);
    for (const type of ['users', 'fx-rates', 'partners', 'deals'] as const) {
      const { file } = data.files[type]!;
      if (type === 'partners' || type === 'deals') {
        const dry = await step(`${type}: dry run`, file, 'import', file, '--type', type, '--dry-run');
        if (dry.code !== 0) failures.push(`${type} dry run: ${dry.err.slice(-2000)}`);
      }
      const full = await step(`${type}: import`, file, 'import', file, '--type', type);
      if (full.code !== 0) failures.push(`${type} import: ${full.err.slice(-2000)}`);
    }
    // A month later the same file again: every partner is updated rather than added.
    const again = await step(
      'partners: re-import (updates)',
      data.files.partners!.file,
      'import',
      data.files.partners!.file,
      '--type',
      'partners',
    );
    if (again.code !== 0) failures.push(`partners re-import: ${again.err.slice(-2000)}`);

    const small = Math.max(1000, Math.round(MALFORMED / 10));
    const malformed: Record<string, ReturnType<typeof generateMalformed> & { file: string }> = {};
    for (const rows of [small, MALFORMED]) {
      const file = path.join(dir, `malformed-${rows}.csv`);
      malformed[rows] = { ...generateMalformed(file, rows), file };
      const run = await step(
        `malformed partners, ${rows.toLocaleString('en')} rows: dry run`,
        file,
        'import',
        file,
        '--type',
        'partners',
        '--dry-run',
      );
      if (run.code === 0) failures.push(`the malformed file of ${rows} rows passed its dry run`);
      fs.rmSync(file);
    }

    // The records as the API gives them back, and the runs' timings.
    const database = await openDatabase({ databaseUrl: where.databaseUrl, dataDir: where.dataDir });
    try {
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
      try {
        const login = await fetch(`${base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(ADMIN),
        });
        const { csrfToken } = (await login.json()) as { csrfToken: string };
        const headers = {
          cookie: login.headers.get('set-cookie')!.split(';')[0]!,
          'x-csrf-token': csrfToken,
        };
        const imports = await timings(database);
        const byRun = runs
          .filter((r) => r.step !== 'create-admin')
          .map((r, i) => ({ ...r, imp: imports[i]! }));
        const t1 = performance.now();
        const exported = await compare(base, headers, data);
        const compareSeconds = +((performance.now() - t1) / 1000).toFixed(1);
        console.log(
          `  export compared in ${compareSeconds} s: ${exported.fieldsChecked.toLocaleString('en')} fields, ${exported.mismatches} mismatches`,
        );
        for (const line of exported.first) console.log(`    ${line}`);
        if (exported.mismatches) failures.push(`${exported.mismatches} fields differ after the export`);

        const partnerCount = Number(
          (
            await database.db.execute<{ n: string }>(
              sql`select count(*) as n from organizations where kind = 'partner'`,
            )
          ).rows[0]!.n,
        );
        if (partnerCount !== PARTNERS) failures.push(`${partnerCount} partners stored, ${PARTNERS} imported`);
        const malformedReports = [];
        for (const rows of [small, MALFORMED]) {
          const planted = malformed[rows]!;
          const run = byRun.find((r) =>
            r.step.startsWith(`malformed partners, ${rows.toLocaleString('en')} rows`),
          )!;
          const t = run.imp.timing;
          // A commit of an import whose dry run found errors is refused, and nothing is written.
          const imp = (await (await fetch(`${base}/api/v1/imports/${run.imp.id}`, { headers })).json()) as {
            version: number;
          };
          const refused = await fetch(`${base}/api/v1/imports/${run.imp.id}/commit`, {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body: JSON.stringify({ version: imp.version }),
          });
          const report = {
            rows,
            bytes: planted.bytes,
            badRowsPlanted: planted.bad,
            planted: planted.planted,
            status: run.imp.status,
            totalRows: t.rows,
            errorRows: t.errorRows,
            errorCount: t.errorCount,
            uploadSeconds: t.uploadSeconds,
            dryRunSeconds: t.dryRunSeconds,
            dryRunRowsPerSecond: perSecond(t.rows, t.dryRunSeconds),
            cliSeconds: run.run.seconds,
            peakRssMb: run.run.peakRssMb,
            dbPeakRssMb: run.run.dbPeakRssMb,
            commitRefused: refused.status,
          };
          malformedReports.push(report);
          if (t.rows !== rows) failures.push(`malformed ${rows}: ${t.rows} rows read`);
          if (t.errorRows !== planted.bad || t.errorCount !== planted.bad)
            failures.push(
              `malformed ${rows}: ${planted.bad} bad rows planted, ${t.errorRows} rows / ${t.errorCount} problems reported`,
            );
          if (refused.status !== 409)
            failures.push(`malformed ${rows}: the commit answered ${refused.status}`);
        }
        const after = Number(
          (
            await database.db.execute<{ n: string }>(
              sql`select count(*) as n from organizations where kind = 'partner'`,
            )
          ).rows[0]!.n,
        );
        if (after !== partnerCount)
          failures.push(`the malformed runs changed the partner count: ${partnerCount} → ${after}`);

        const phase = (type: string, which: 'dry' | 'full' | 'again') => {
          const r = byRun.find(
            (x) =>
              x.step ===
              (which === 'dry'
                ? `${type}: dry run`
                : which === 'again'
                  ? `${type}: re-import (updates)`
                  : `${type}: import`),
          );
          if (!r) return null;
          const t = r.imp.timing;
          return {
            rows: t.rows,
            bytes: fs.statSync(r.file).size,
            uploadSeconds: t.uploadSeconds,
            dryRunSeconds: t.dryRunSeconds,
            dryRunRowsPerSecond: perSecond(t.rows, t.dryRunSeconds),
            commitSeconds: t.commitSeconds,
            commitRowsPerSecond: perSecond(t.rows, t.commitSeconds),
            errorCount: t.errorCount,
            created: t.created,
            updated: t.updated,
            cliSeconds: r.run.seconds,
            peakRssMb: r.run.peakRssMb,
            dbPeakRssMb: r.run.dbPeakRssMb,
          };
        };
        return {
          engine,
          partners: PARTNERS,
          deals: DEALS,
          seed: SEED,
          at: new Date().toISOString(),
          machine: `${os.cpus().length} cores, Node ${process.version}`,
          loadAverage: { before: loadBefore, after: os.loadavg().map((x) => +x.toFixed(2)) },
          imports: {
            'fx-rates': phase('fx-rates', 'full'),
            users: phase('users', 'full'),
            partnersDryRun: phase('partners', 'dry'),
            partners: phase('partners', 'full'),
            partnersReimport: phase('partners', 'again'),
            dealsDryRun: phase('deals', 'dry'),
            deals: phase('deals', 'full'),
          },
          export: { identical: exported.mismatches === 0, compareSeconds, ...exported },
          malformed: malformedReports,
          partnerCountAfterMalformed: after,
          failures,
        };
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  } finally {
    await where.drop();
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'partnergraph-bench-import-'));
  let failed = false;
  try {
    const t0 = performance.now();
    const data = generate(dir);
    console.log(
      `Generated ${PARTNERS.toLocaleString('en')} partners, ${DEALS.toLocaleString('en')} deals, ${data.fxRows.length} rates in ${((performance.now() - t0) / 1000).toFixed(1)} s (seed ${SEED})`,
    );
    for (const engine of ENGINES) {
      console.log(`\n${engine}:`);
      const result = await runEngine(engine, dir, data);
      const i = result.imports;
      console.table(
        Object.fromEntries(
          Object.entries(i).map(([k, v]) => [
            k,
            v && {
              rows: v.rows,
              'dry run rows/s': v.dryRunRowsPerSecond,
              'commit rows/s': v.commitRowsPerSecond,
              'peak RSS MiB': v.peakRssMb,
              'db RSS MiB': v.dbPeakRssMb,
            },
          ]),
        ),
      );
      console.table(result.malformed.map(({ planted: _p, ...m }) => m));
      if (result.failures.length) {
        failed = true;
        console.error(`FAILED on ${engine}:\n  ${result.failures.join('\n  ')}`);
      }
      writeResult(
        `import-${engine}${PARTNERS === 10_000 && DEALS === 50_000 ? '' : `-${PARTNERS}-${DEALS}`}`,
        result,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

await main();
