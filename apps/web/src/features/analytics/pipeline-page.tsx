import '@mantine/charts/styles.css';
import { AreaChart } from '@mantine/charts';
import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type AnalyticsParams, csvHref, type PipelineReport, reportQueryOptions } from '../../api/analytics';
import { AnalyticsLayout } from './analytics-layout';
import { ChartCard } from './chart-card';
import { moneyFormatters } from './chart-money';
import { TypeBarChart } from './type-bar-chart';
import { FigureCell } from './figure-cell';
import { formatInstant, formatValue, toMajor } from './format';
import { HeadlineCard } from './headline-card';
import { HeadlineSection } from './headline-section';
import { ReportState } from './report-state';
import type { DashboardProps } from './dashboard-props';

export function PipelinePage({ params, onParamsChange }: DashboardProps) {
  const report = useQuery(reportQueryOptions('pipeline', params));
  return (
    <AnalyticsLayout
      title="Pipeline"
      description="Open deals with at least one partner involved: the ecosystem-influenced pipeline."
      params={params}
      onParamsChange={onParamsChange}
      computed={report.data?.period}
    >
      <ReportState report={report} noun="the pipeline report">
        {(pipeline) => (
          <>
            <HeadlineSection
              title={`Pipeline on ${formatInstant(pipeline.at)}`}
              description="At the end of the period, or now when the period has not ended: nobody knows tomorrow’s open deals."
              csvHref={csvHref('pipeline', params, 'headline')}
            >
              <HeadlineCard
                label="Ecosystem-influenced pipeline"
                figure={pipeline.pipeline}
                unit="money"
                currency={pipeline.period.currency}
              />
              <HeadlineCard
                label="Open deals"
                figure={{ value: pipeline.openDeals }}
                unit="count"
                currency={pipeline.period.currency}
              />
            </HeadlineSection>
            <SeriesCard report={pipeline} params={params} />
            <ByTypeCard report={pipeline} params={params} />
          </>
        )}
      </ReportState>
    </AnalyticsLayout>
  );
}

interface CardProps {
  report: PipelineReport;
  params: AnalyticsParams;
}

function SeriesCard({ report, params }: CardProps) {
  const { currency } = report.period;
  const money = moneyFormatters(currency);
  // An instant with no open deal has no figure: a gap in the area, as in the table.
  const data = report.series.map((p) => ({
    at: formatInstant(p.at),
    pipeline: p.pipeline.value === null ? null : toMajor(p.pipeline.value, currency),
  }));
  const empty = report.series.every((p) => p.pipeline.value === null)
    ? (report.series[0]?.pipeline.reason ?? report.pipeline.reason ?? 'No open deals in this period')
    : null;
  return (
    <ChartCard
      title="Pipeline over time"
      description="Read at the end of each month of the period, and at the instant of the headline. The table adds the number of open deals."
      csvHref={csvHref('pipeline', params, 'series')}
      empty={empty}
      table={
        <Table striped aria-label="Pipeline over time">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>At</Table.Th>
              <Table.Th ta="right">Pipeline</Table.Th>
              <Table.Th ta="right">Open deals</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.series.map((p) => (
              <Table.Tr key={p.at}>
                <Table.Th scope="row">{formatInstant(p.at)}</Table.Th>
                <FigureCell figure={p.pipeline} unit="money" currency={currency} />
                <Table.Td ta="right">{formatValue(p.openDeals, 'count', currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    >
      <AreaChart
        h={300}
        data={data}
        dataKey="at"
        series={[{ name: 'pipeline', label: 'Ecosystem-influenced pipeline', color: 'orange.6' }]}
        curveType="linear"
        connectNulls={false}
        valueFormatter={money.exact}
        yAxisProps={{ tickFormatter: money.axis, width: 70 }}
      />
    </ChartCard>
  );
}

function ByTypeCard({ report, params }: CardProps) {
  const { currency } = report.period;
  const data = report.byType.map((t) => ({ type: t.partnerTypeName, amount: toMajor(t.amount, currency) }));
  return (
    <ChartCard
      title="Pipeline by sourcing partner type"
      description={`On ${formatInstant(report.at)}, by the primary type of the partner that sourced each deal; vendor-sourced deals have other partners on them. The table adds the number of open deals.`}
      csvHref={csvHref('pipeline', params, 'by_type')}
      empty={report.byType.length ? null : (report.pipeline.reason ?? 'No open deals at this time')}
      table={
        <Table striped aria-label="Pipeline by sourcing partner type">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Sourced by</Table.Th>
              <Table.Th ta="right">Pipeline</Table.Th>
              <Table.Th ta="right">Open deals</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.byType.map((t) => (
              <Table.Tr key={t.partnerType}>
                <Table.Th scope="row">{t.partnerTypeName}</Table.Th>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatValue(t.amount, 'money', currency)}
                </Table.Td>
                <Table.Td ta="right">{formatValue(t.deals, 'count', currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    >
      <TypeBarChart data={data} label="Pipeline" color="orange.6" currency={currency} />
    </ChartCard>
  );
}
