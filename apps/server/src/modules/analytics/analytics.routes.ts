import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '@partnergraph/shared/contracts/common';
import {
  analyticsQuery,
  coverageSchema,
  integrationReportSchema,
  networkQuery,
  networkSchema,
  overviewSchema,
  pipelineSchema,
  referralReportSchema,
  revenueQuery,
  revenueSchema,
  scorecardQuery,
  scorecardSchema,
} from '@partnergraph/shared/contracts/analytics';
import type { Db } from '../../db/client';
import type { Deps } from '../../lib/deps';
import { ctxOf } from '../../plugins/auth';
import { readSettings } from '../settings/settings.service';
import {
  coverageCsv,
  integrationsCsv,
  networkCsv,
  overviewCsv,
  pipelineCsv,
  referralsCsv,
  revenueCsv,
  scorecardCsv,
} from './analytics.csv';
import { coverageReport } from './coverage.service';
import './engagement';
import { integrationReport } from './integrations.report';
import { networkReport } from './network.service';
import { overview } from './overview.service';
import { type Scope, resolveScope } from './period';
import { pipelineReport } from './pipeline.service';
import { referralReport } from './referrals.report';
import { revenueReport } from './revenue.service';
import { scorecard } from './scorecard.service';
import { snapshotKey, throughSnapshot } from './snapshots';

const csvNote =
  ' `format=csv` answers `text/csv` with exactly these figures (`section, item, series, value, unit, reason`; money in major units).';

async function scopeOf(db: Db, query: Parameters<typeof resolveScope>[0]): Promise<Scope> {
  const { reportingCurrency } = await readSettings(db);
  return resolveScope(query, reportingCurrency);
}

/** JSON, or the same figures as CSV (a download named after the report and period). */
function answer<T>(
  reply: FastifyReply,
  query: { format: 'json' | 'csv'; section?: string | undefined },
  name: string,
  report: T & { period: { from: string; to: string } },
  toCsv: (r: T, section?: string) => string,
) {
  if (query.format === 'csv') {
    const file = `${name}-${report.period.from.slice(0, 10)}-${report.period.to.slice(0, 10)}.csv`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${file}"`)
      .send(toCsv(report, query.section));
  }
  return report;
}

/** A report through the snapshot store: large ecosystems' slow reports are kept a few minutes. */
async function report<T>(
  db: Db,
  name: string,
  scope: Scope,
  compute: (scope: Scope) => Promise<T>,
  extra = {},
) {
  return throughSnapshot(db, snapshotKey(name, scope, extra), scope.now, () => compute(scope));
}

export default async function analyticsRoutes(app: FastifyInstance, { db }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['analytics'];
  const access = 'analytics:read' as const;

  r.get(
    '/analytics/overview',
    {
      config: { access },
      schema: {
        tags,
        summary:
          'Headline figures of every metric for one period, with the previous period and a monthly trend',
        description: `metrics.md defines each figure.${csvNote}`,
        querystring: analyticsQuery,
        response: { 200: overviewSchema },
      },
    },
    async (req, reply) =>
      answer(
        reply,
        req.query,
        'overview',
        await report(db, 'overview', await scopeOf(db, req.query), (s) => overview(db, s)),
        overviewCsv,
      ),
  );
  r.get(
    '/analytics/revenue',
    {
      config: { access },
      schema: {
        tags,
        summary:
          'Sourced (by partner type and quarter), influenced and ecosystem-touched revenue; per-partner credit',
        description: `\`model\` selects how influence credit is shared; ecosystem totals never depend on it.${csvNote}`,
        querystring: revenueQuery,
        response: { 200: revenueSchema },
      },
    },
    async (req, reply) =>
      answer(
        reply,
        req.query,
        'revenue',
        await report(
          db,
          'revenue',
          await scopeOf(db, req.query),
          (s) => revenueReport(db, s, req.query.model),
          { model: req.query.model },
        ),
        revenueCsv,
      ),
  );
  r.get(
    '/analytics/pipeline',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Ecosystem-influenced pipeline at the end of the period (or now) and at each month end',
        description: `Open deals with at least one partner involved, converted at the rate in force on each date.${csvNote}`,
        querystring: analyticsQuery,
        response: { 200: pipelineSchema },
      },
    },
    async (req, reply) =>
      answer(
        reply,
        req.query,
        'pipeline',
        await report(db, 'pipeline', await scopeOf(db, req.query), (s) => pipelineReport(db, s)),
        pipelineCsv,
      ),
  );
  r.get(
    '/analytics/referrals',
    {
      config: { access },
      schema: {
        tags,
        summary:
          'Partner-to-partner referral activity, the type matrix, rates, referral-sourced revenue and fees owed',
        description: `Partner filters apply to the referrer.${csvNote}`,
        querystring: analyticsQuery,
        response: { 200: referralReportSchema },
      },
    },
    async (req, reply) =>
      answer(
        reply,
        req.query,
        'referrals',
        await report(db, 'referrals', await scopeOf(db, req.query), (s) => referralReport(db, s)),
        referralsCsv,
      ),
  );
  r.get(
    '/analytics/coverage',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Market cells served by active partners beside the direct coverage: multiplier and gaps',
        description: `Coverage is the state now; the period is named for the record.${csvNote}`,
        querystring: analyticsQuery,
        response: { 200: coverageSchema },
      },
    },
    async (req, reply) =>
      answer(
        reply,
        req.query,
        'coverage',
        // Coverage reads the direct cells from the settings: a change to them is a different report.
        await report(db, 'coverage', await scopeOf(db, req.query), (s) => coverageReport(db, s), {
          direct: (await readSettings(db)).directCoverage,
        }),
        coverageCsv,
      ),
  );
  r.get(
    '/analytics/integrations',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Integration-driven adoption: (a) share of won deals, (b) share of customers, (c) revenue',
        description: csvNote.trim(),
        querystring: analyticsQuery,
        response: { 200: integrationReportSchema },
      },
    },
    async (req, reply) =>
      answer(
        reply,
        req.query,
        'integrations',
        await report(db, 'integrations', await scopeOf(db, req.query), (s) => integrationReport(db, s)),
        integrationsCsv,
      ),
  );
  r.get(
    '/analytics/network',
    {
      config: { access },
      schema: {
        tags,
        summary:
          'Network effects: participation, density, network revenue share, connectors, clusters and the graph',
        description: `The graph covers the 12 months before \`to\`. PageRank, clusters and the layout come from a background job and carry the time they were computed; a large graph not yet computed answers \`status: computing\`. Partner filters select the nodes of the figures (customer filters apply to the network revenue share only); the drawn graph follows them when it is small enough to compute on request (\`graph.filtered\`), else it is the whole ecosystem's.${csvNote}`,
        querystring: networkQuery,
        response: { 200: networkSchema },
      },
    },
    async (req, reply) =>
      answer(
        reply,
        req.query,
        'network',
        await report(
          db,
          'network',
          await scopeOf(db, req.query),
          (s) => networkReport(db, s, req.query.betweenness === 'true'),
          { betweenness: req.query.betweenness },
        ),
        networkCsv,
      ),
  );
  r.get(
    '/analytics/partners/:id/scorecard',
    {
      config: { access: 'scorecards:read' },
      schema: {
        tags,
        summary:
          'A partner’s revenue, pipeline, referrals, engagement, health and tier progress, with benchmarks',
        description: `A partner reads only its own (others answer 404). Benchmarks are quartiles over the active organizations of its primary type, shown only when there are at least 5.${csvNote}`,
        params: idParams,
        querystring: scorecardQuery,
        response: { 200: scorecardSchema },
      },
    },
    async (req, reply) =>
      answer(
        reply,
        req.query,
        'scorecard',
        await scorecard(db, ctxOf(req).actor, req.params.id, await scopeOf(db, req.query), req.query.model),
        scorecardCsv,
      ),
  );
}
