import { Alert, Table } from '@mantine/core';
import { IconChartBarOff } from '@tabler/icons-react';
import { type QueryClient, useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { type AnalyticsParams, csvHref, type Overview, reportQueryOptions } from '../../api/analytics';
import { AnalyticsLayout } from './analytics-layout';
import { ChartCard } from './chart-card';
import { moneyFormatters } from './chart-money';
import { FigureCell } from './figure-cell';
import { formatPeriod, toMajor } from './format';
import { HeadlineCard } from './headline-card';
import { HeadlineSection } from './headline-section';
import { ReportState } from './report-state';
import type { DashboardProps } from './dashboard-props';
import { keyboardScrollable } from '../../components/scroll-region';
import { WhenInView } from '../../components/when-in-view';

// The chart library comes with the trend's lines, once the card is in view: the headlines paint first.
const TrendLineChart = lazy(() => import('./trend-line-chart').then((m) => ({ default: m.TrendLineChart })));

type TrendKey = Exclude<keyof Overview['trend'][number], 'month'>;

interface TrendSeries {
  name: TrendKey;
  label: string;
  color: string;
  strokeDasharray?: string;
  yAxisId?: string;
}

// Pipeline is a stock read at each month's end, several times a month's revenue: dashed, on its own axis.
const trendSeries: TrendSeries[] = [
  { name: 'sourced', label: 'Partner-sourced', color: 'blue.6' },
  { name: 'influenced', label: 'Partner-influenced', color: 'grape.6' },
  { name: 'touched', label: 'Ecosystem-touched', color: 'teal.6' },
  {
    name: 'pipeline',
    label: 'Pipeline at month end',
    color: 'orange.6',
    strokeDasharray: '5 5',
    yAxisId: 'right',
  },
];

const monthFormat = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const formatMonth = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));

/** The trend has nothing to draw when every monthly figure is missing: the reason of the first one says why. */
function emptyTrendReason(trend: Overview['trend']): string | null {
  const figures = trend.flatMap((t) => trendSeries.map((s) => t[s.name]));
  if (figures.some((f) => f.value !== null)) return null;
  return figures.find((f) => f.reason)?.reason ?? 'No data in this period';
}

/** The overview's figures, asked for by the route (routes.tsx) as soon as this code is loaded. */
export function prefetchOverview(queryClient: QueryClient, params: AnalyticsParams) {
  return queryClient.prefetchQuery(reportQueryOptions('overview', params));
}

export function OverviewPage({ params, onParamsChange }: DashboardProps) {
  const report = useQuery(reportQueryOptions('overview', params));
  return (
    <AnalyticsLayout
      title="Ecosystem overview"
      description="The headline figures of the partner ecosystem, against the period of equal length before."
      params={params}
      onParamsChange={onParamsChange}
      computed={report.data?.period}
    >
      <ReportState report={report} noun="the overview">
        {(overview) => <OverviewBody overview={overview} params={params} />}
      </ReportState>
    </AnalyticsLayout>
  );
}

function OverviewBody({ overview, params }: { overview: Overview; params: AnalyticsParams }) {
  const { currency } = overview.period;
  const empty = emptyTrendReason(overview.trend);
  return (
    <>
      {empty && (
        <Alert color="gray" icon={<IconChartBarOff />} title={empty} role="status">
          Nothing was won and no deal with a partner on it was open in this period. Choose another period
          above; the figures measured as of now (coverage, customers with an integration) still show below.
        </Alert>
      )}
      <HeadlineSection
        title="Headlines"
        description={`Compared with ${formatPeriod(overview.previous.from, overview.previous.to)}.`}
        csvHref={csvHref('overview', params, 'headlines')}
      >
        {overview.headlines.map((h) => (
          <HeadlineCard
            key={h.metric}
            label={h.label}
            figure={h.current}
            previous={h.previous}
            unit={h.unit}
            currency={currency}
          />
        ))}
      </HeadlineSection>
      {!empty && <TrendCard overview={overview} params={params} />}
    </>
  );
}

function TrendCard({ overview, params }: { overview: Overview; params: AnalyticsParams }) {
  const { currency } = overview.period;
  const money = moneyFormatters(currency);
  // A month without a figure stays a gap in its line (null), never a drop to zero.
  const data = overview.trend.map((t) => ({
    month: formatMonth(t.month),
    ...Object.fromEntries(
      trendSeries.map((s) => {
        const minor = t[s.name].value;
        return [s.name, minor === null ? null : toMajor(minor, currency)];
      }),
    ),
  }));
  return (
    <ChartCard
      title="Monthly trend"
      description="Revenue of the deals won each month, and the ecosystem-influenced pipeline open at each month’s end."
      csvHref={csvHref('overview', params, 'trend')}
      empty={null}
      table={
        <Table.ScrollContainer minWidth={720} {...keyboardScrollable('Monthly trend, as a table')}>
          <Table striped aria-label="Monthly trend">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Month</Table.Th>
                {trendSeries.map((s) => (
                  <Table.Th key={s.name} ta="right">
                    {s.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.trend.map((t) => (
                <Table.Tr key={t.month}>
                  <Table.Th scope="row">{formatMonth(t.month)}</Table.Th>
                  {trendSeries.map((s) => (
                    <FigureCell key={s.name} figure={t[s.name]} unit="money" currency={currency} />
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    >
      <WhenInView height={300}>
        <TrendLineChart
          h={300}
          data={data}
          dataKey="month"
          series={trendSeries}
          withLegend
          // In the order of the table, not alphabetical.
          legendProps={{ itemSorter: null }}
          connectNulls={false}
          curveType="linear"
          valueFormatter={money.exact}
          yAxisLabel="Won in the month"
          yAxisProps={{ tickFormatter: money.axis, width: 70 }}
          withRightYAxis
          rightYAxisLabel="Pipeline"
          rightYAxisProps={{ tickFormatter: money.axis, width: 70 }}
        />
      </WhenInView>
    </ChartCard>
  );
}
