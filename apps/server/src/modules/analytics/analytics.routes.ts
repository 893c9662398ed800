import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
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
import { integrationReport } from './integrations.report';
import { networkReport } from './network.service';
import { overview } from './overview.service';
import { type Scope, resolveScope } from './period';
import { pipelineReport } from './pipeline.service';
import { referralReport } from './referrals.report';
import { revenueReport } from './revenue.service';
import { scorecard } from './scorecard.service';
import { snapshotKey, sourcesVersion, throughSnapshot } from './snapshots';

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

export default async function analyticsRoutes(app: FastifyInstance, { db }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['analytics'];

  /**
   * One ecosystem report (vendor staff): the period and filters resolved once,
   * the figures through the snapshot store, JSON or the same figures as CSV.
   */
  function dashboard<
    Q extends typeof analyticsQuery,
    T extends { period: { from: string; to: string } },
  >(spec: {
    name: string;
    summary: string;
    description: string;
    querystring: Q;
    response: z.ZodType<T>;
    compute: (scope: Scope, query: z.output<Q>) => Promise<T>;
    csv: (report: T, section?: string) => string;
    /** What else, besides period and filters, makes a different report. */
    key?: (query: z.output<Q>) => Promise<Record<string, unknown>> | Record<string, unknown>;
  }) {
    // Typed through `spec` (the type provider cannot follow a generic schema); validation is the app's as always.
    app.get(
      `/analytics/${spec.name}`,
      {
        config: { access: 'analytics:read' },
        schema: {
          tags,
          summary: spec.summary,
          description: `${spec.description}${csvNote}`,
          querystring: spec.querystring,
          response: { 200: spec.response },
        },
      },
      async (req, reply) => {
        const query = req.query as z.output<Q>;
        const scope = await scopeOf(db, query);
        const extra = spec.key ? await spec.key(query) : {};
        const key = snapshotKey(spec.name, scope, await sourcesVersion(db), extra);
        const figures = await throughSnapshot(db, key, scope.now, () => spec.compute(scope, query));
        return answer(reply, query, spec.name, figures, spec.csv);
      },
    );
  }

  dashboard({
    name: 'overview',
    summary: 'Headline figures of every metric for one period, with the previous period and a monthly trend',
    description: 'metrics.md defines each figure.',
    querystring: analyticsQuery,
    response: overviewSchema,
    compute: (scope) => overview(db, scope),
    csv: overviewCsv,
  });
  dashboard({
    name: 'revenue',
    summary:
      'Sourced (by partner type and quarter), influenced and ecosystem-touched revenue; per-partner credit',
    description: '`model` selects how influence credit is shared; ecosystem totals never depend on it.',
    querystring: revenueQuery,
    response: revenueSchema,
    compute: (scope, q) => revenueReport(db, scope, q.model),
    csv: revenueCsv,
    key: (q) => ({ model: q.model }),
  });
  dashboard({
    name: 'pipeline',
    summary: 'Ecosystem-influenced pipeline at the end of the period (or now) and at each month end',
    description:
      'Open deals with at least one partner involved, converted at the rate in force on each date.',
    querystring: analyticsQuery,
    response: pipelineSchema,
    compute: (scope) => pipelineReport(db, scope),
    csv: pipelineCsv,
  });
  dashboard({
    name: 'referrals',
    summary:
      'Partner-to-partner referral activity, the type matrix, rates, referral-sourced revenue and fees owed',
    description: 'Partner filters apply to the referrer.',
    querystring: analyticsQuery,
    response: referralReportSchema,
    compute: (scope) => referralReport(db, scope),
    csv: referralsCsv,
  });
  dashboard({
    name: 'coverage',
    summary: 'Market cells served by active partners beside the direct coverage: multiplier and gaps',
    description: 'Coverage is the state now; the period is named for the record.',
    querystring: analyticsQuery,
    response: coverageSchema,
    compute: (scope) => coverageReport(db, scope),
    csv: coverageCsv,
    // The direct cells come from the settings: a change to them is a different report.
    key: async () => ({ direct: (await readSettings(db)).directCoverage }),
  });
  dashboard({
    name: 'integrations',
    summary: 'Integration-driven adoption: (a) share of won deals, (b) share of customers, (c) revenue',
    description: 'Customers (b) are counted over all time.',
    querystring: analyticsQuery,
    response: integrationReportSchema,
    compute: (scope) => integrationReport(db, scope),
    csv: integrationsCsv,
  });
  dashboard({
    name: 'network',
    summary:
      'Network effects: participation, density, network revenue share, connectors, clusters and the graph',
    description:
      "The graph covers the 12 months before `to`. PageRank, clusters and the layout come from a background job and carry the time they were computed; a large graph not yet computed answers `status: computing`. Partner filters select the nodes of the figures (customer filters apply to the network revenue share only); the drawn graph follows them when it is small enough to compute on request (`graph.filtered`), else it is the whole ecosystem's.",
    querystring: networkQuery,
    response: networkSchema,
    compute: (scope, q) => networkReport(db, scope, q.betweenness === 'true'),
    csv: networkCsv,
    key: (q) => ({ betweenness: q.betweenness }),
  });

  r.get(
    '/analytics/partners/:id/scorecard',
    {
      config: { access: 'scorecards:read' },
      schema: {
        tags,
        summary:
          'A partner’s revenue, pipeline, referrals, engagement, health and tier progress, with benchmarks',
        description: `A partner reads only its own (others answer 404). Benchmarks are means of 5 peers (the other active organizations of its primary type) ranked around the 25th percentile, the median and the 75th percentile, shown only when there are at least 5.${csvNote}`,
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
        await scorecard(db, req.ctx.actor, req.params.id, await scopeOf(db, req.query), req.query.model),
        scorecardCsv,
      ),
  );
}
