import type {
  CoverageReport,
  IntegrationReport,
  NetworkReport,
  Overview,
  PipelineReport,
  ReferralReport,
  RevenueReport,
  Scorecard,
} from '@partnergraph/shared/contracts/analytics';
import type { AttributionModel } from '@partnergraph/shared/codes';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { call, http, type Paths, withQuery } from './client';

export type {
  CoverageReport,
  IntegrationReport,
  NetworkReport,
  Overview,
  PipelineReport,
  ReferralReport,
  RevenueReport,
  Scorecard,
};
export type { Figure } from '@partnergraph/shared/contracts/analytics';

/** The period and filters every dashboard shares (metrics.md); they live in the URL. */
export interface AnalyticsParams {
  from?: string | undefined;
  to?: string | undefined;
  country?: string | undefined;
  industry?: string | undefined;
  partnerType?: string | undefined;
  programId?: string | undefined;
  tierId?: string | undefined;
  model?: AttributionModel | undefined;
}

export type AnalyticsReport =
  'overview' | 'revenue' | 'pipeline' | 'referrals' | 'coverage' | 'integrations' | 'network';

const paths = {
  overview: '/analytics/overview',
  revenue: '/analytics/revenue',
  pipeline: '/analytics/pipeline',
  referrals: '/analytics/referrals',
  coverage: '/analytics/coverage',
  integrations: '/analytics/integrations',
  network: '/analytics/network',
} as const satisfies Record<AnalyticsReport, keyof Paths>;

/** Only the revenue report and scorecards take an attribution model. */
const queryOf = (report: AnalyticsReport | 'scorecard', p: AnalyticsParams) => {
  const { model, ...rest } = p;
  return report === 'revenue' || report === 'scorecard' ? { ...rest, model } : rest;
};

const withoutModel = ({ model: _model, ...filters }: AnalyticsParams) => filters;

export const analyticsKeys = {
  all: ['analytics'] as const,
  report: (report: AnalyticsReport, p: AnalyticsParams) => ['analytics', report, queryOf(report, p)] as const,
  scorecard: (id: string, p: AnalyticsParams) => ['analytics', 'scorecard', id, p] as const,
};

interface ReportTypes {
  overview: Overview;
  revenue: RevenueReport;
  pipeline: PipelineReport;
  referrals: ReferralReport;
  coverage: CoverageReport;
  integrations: IntegrationReport;
  network: NetworkReport;
}

// One typed call per report: each answer in the API schema must fit the contract type the dashboards draw from.
const fetchReport: {
  [R in AnalyticsReport]: (p: AnalyticsParams, signal: AbortSignal) => Promise<ReportTypes[R]>;
} = {
  overview: (p, signal) => call(http.GET(paths.overview, { params: { query: withoutModel(p) }, signal })),
  revenue: (p, signal) => call(http.GET(paths.revenue, { params: { query: p }, signal })),
  pipeline: (p, signal) => call(http.GET(paths.pipeline, { params: { query: withoutModel(p) }, signal })),
  referrals: (p, signal) => call(http.GET(paths.referrals, { params: { query: withoutModel(p) }, signal })),
  coverage: (p, signal) => call(http.GET(paths.coverage, { params: { query: withoutModel(p) }, signal })),
  integrations: (p, signal) =>
    call(http.GET(paths.integrations, { params: { query: withoutModel(p) }, signal })),
  network: (p, signal) => call(http.GET(paths.network, { params: { query: withoutModel(p) }, signal })),
};

/** The network report with betweenness, which is slow on large graphs and so only on request. */
export const networkWithBetweenness = (p: AnalyticsParams, signal: AbortSignal): Promise<NetworkReport> =>
  call(http.GET(paths.network, { params: { query: { ...withoutModel(p), betweenness: 'true' } }, signal }));

export function reportQueryOptions<R extends AnalyticsReport>(report: R, p: AnalyticsParams) {
  return queryOptions({
    queryKey: analyticsKeys.report(report, p),
    queryFn: ({ signal }): Promise<ReportTypes[R]> => fetchReport[report](p, signal),
    // Changing a filter keeps the last figures on screen until the new ones arrive.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export const scorecardQueryOptions = (id: string, p: Pick<AnalyticsParams, 'from' | 'to' | 'model'>) =>
  queryOptions({
    queryKey: analyticsKeys.scorecard(id, p),
    queryFn: ({ signal }): Promise<Scorecard> =>
      call(
        http.GET('/analytics/partners/{id}/scorecard', {
          params: { path: { id }, query: { from: p.from, to: p.to, model: p.model } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

/** The CSV download of a report (one section of it when given): the same figures the screen shows. */
export function csvHref(report: AnalyticsReport, p: AnalyticsParams, section?: string) {
  return withQuery(`/api/v1${paths[report]}`, { ...queryOf(report, p), format: 'csv', section });
}

export function scorecardCsvHref(id: string, p: AnalyticsParams, section?: string) {
  return withQuery(`/api/v1/analytics/partners/${encodeURIComponent(id)}/scorecard`, {
    from: p.from,
    to: p.to,
    model: p.model,
    format: 'csv',
    section,
  });
}
