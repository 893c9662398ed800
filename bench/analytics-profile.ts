// Where a cold overview's time goes: fills a scratch database at a scale and times each part of
// the overview (the rollup and the live queries it replaces beside it), for both periods.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/analytics-profile.ts --scale M
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { migrateDatabase } from '../apps/server/src/db/client';
import { coverageReport } from '../apps/server/src/modules/analytics/coverage.service';
import {
  integrationCustomers,
  integrationWon,
} from '../apps/server/src/modules/analytics/integrations.report';
import { networkShares, networkStructure } from '../apps/server/src/modules/analytics/network.service';
import { overview } from '../apps/server/src/modules/analytics/overview.service';
import { ceilDay, resolveScope, type Scope } from '../apps/server/src/modules/analytics/period';
import {
  pipelineAt,
  pipelineInstant,
  pipelineReport,
  pipelineReportAlso,
} from '../apps/server/src/modules/analytics/pipeline.service';
import { referralCounts, referralRevenue } from '../apps/server/src/modules/analytics/referrals.report';
import { revenueTotals } from '../apps/server/src/modules/analytics/revenue.service';
import { rollupFigures } from '../apps/server/src/modules/analytics/won-rollup';
import { fillScale, type scales } from '../apps/server/src/seed/scale';
import { openScratch, serveWithUser } from './support';

const { values } = parseArgs({ options: { scale: { type: 'string', default: 'M' } } });
const scaleName = (values.scale ?? 'M').toUpperCase() as keyof typeof scales;

async function main() {
  const { database, engine, drop } = await openScratch();
  try {
    await migrateDatabase(database.db);
    const { app } = await serveWithUser(database);
    await fillScale(database.db, scaleName);
    const db = database.db;
    const scope = resolveScope({ from: '2025-01-01', to: '2026-01-01' }, 'USD');
    const prevFrom = new Date(scope.from.getTime() - (scope.to.getTime() - scope.from.getTime()));
    const prev: Scope = {
      ...scope,
      from: prevFrom,
      to: scope.from,
      fromDay: ceilDay(prevFrom),
      toDay: scope.fromDay,
    };
    const parts: [string, (s: Scope) => Promise<unknown>][] = [
      ['revenue (live)', (s) => revenueTotals(db, s)],
      ['revenue, integrations (a), referral money, network share (rollup)', (s) => rollupFigures(db, s)],
      ['pipeline', (s) => pipelineAt(db, s)],
      ['pipelineSeries', (s) => pipelineReport(db, s)],
      [
        'pipelineSeries + previous instant (one pass)',
        (s) => pipelineReportAlso(db, s, [pipelineInstant(prev)]),
      ],
      ['referralCounts', (s) => referralCounts(db, s)],
      ['referralRevenue (live)', (s) => referralRevenue(db, s)],
      ['integrations (a) (live)', (s) => integrationWon(db, s)],
      ['integrations (b) customers', (s) => integrationCustomers(db, s)],
      ['network share (live)', (s) => networkShares(db, s)],
      ['network structure', (s) => networkStructure(db, s)],
      ['coverage', (s) => coverageReport(db, s)],
    ];
    const rows: Record<string, unknown>[] = [];
    for (const [name, fn] of parts) {
      const ms = [];
      for (const s of [scope, prev]) {
        const t0 = performance.now();
        await fn(s);
        ms.push(Math.round(performance.now() - t0));
      }
      rows.push({ part: name, 'current ms': ms[0], 'previous ms': ms[1] });
    }
    const t0 = performance.now();
    await overview(db, scope);
    rows.push({ part: 'overview (whole)', 'current ms': Math.round(performance.now() - t0) });
    console.log(`Overview parts at ${scaleName} on ${engine}`);
    console.table(rows);
    await app.close();
  } finally {
    await database.close();
    await drop();
  }
}
await main();
