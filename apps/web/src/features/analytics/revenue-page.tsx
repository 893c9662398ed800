import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type AnalyticsParams, csvHref, reportQueryOptions, type RevenueReport } from '../../api/analytics';
import { AnchorLink } from '../../components/links';
import { AnalyticsLayout } from './analytics-layout';
import { ChartCard } from './chart-card';
import { moneyFormatters } from './chart-money';
import { TypeBarChart } from './type-bar-chart';
import { FigureCell } from './figure-cell';
import { modelLabels } from './filter-bar';
import { formatValue, toMajor } from './format';
import { HeadlineCard } from './headline-card';
import { HeadlineSection } from './headline-section';
import { ReportState } from './report-state';
import type { DashboardProps } from './dashboard-props';
import { keyboardScrollable } from '../../components/scroll-region';

const palette = [
  'blue.6',
  'teal.6',
  'grape.6',
  'orange.6',
  'cyan.6',
  'pink.6',
  'lime.7',
  'indigo.6',
  'yellow.7',
];

interface TypeSeries {
  code: string;
  name: string;
  /** The chart's data key: type codes are vendor-defined, and recharts reads a dotted key as a path. */
  key: string;
  color: string;
}

/**
 * The partner types that sourced revenue, largest first. The quarters name types by code only;
 * their names come from the period's totals and partner rows.
 */
function typeSeries(report: RevenueReport): TypeSeries[] {
  const names = new Map<string, string>();
  for (const t of [...report.sourcedByType, ...report.partners]) names.set(t.partnerType, t.partnerTypeName);
  const codes = new Set([
    ...report.sourcedByType.map((t) => t.partnerType),
    ...report.quarters.flatMap((q) => q.byType.map((b) => b.partnerType)),
  ]);
  return [...codes].map((code, i) => ({
    code,
    name: names.get(code) ?? code,
    key: `type${i}`,
    color: palette[i % palette.length] ?? 'gray.6',
  }));
}

/** Why there is nothing to draw: the totals' own reason when nothing was won. */
const noWinsReason = (report: RevenueReport) =>
  report.totals.allWon.value === null ? (report.totals.allWon.reason ?? 'No won deals in this period') : null;

export function RevenuePage({ params, onParamsChange }: DashboardProps) {
  const report = useQuery(reportQueryOptions('revenue', params));
  return (
    <AnalyticsLayout
      title="Revenue"
      description="Won revenue the partner ecosystem sourced or influenced, and the credit each partner earns."
      params={params}
      onParamsChange={onParamsChange}
      computed={report.data?.period}
      showModel
    >
      <ReportState report={report} noun="the revenue report">
        {(revenue) => (
          <>
            <TotalsSection report={revenue} params={params} />
            <QuartersByTypeCard report={revenue} params={params} />
            <SourcedByTypeCard report={revenue} params={params} />
            <PartnerCreditCard report={revenue} params={params} />
          </>
        )}
      </ReportState>
    </AnalyticsLayout>
  );
}

interface SectionProps {
  report: RevenueReport;
  params: AnalyticsParams;
}

function TotalsSection({ report, params }: SectionProps) {
  const { totals } = report;
  const { currency } = report.period;
  return (
    <HeadlineSection
      title="Totals"
      description="Sourced and influenced overlap (a deal can be both); ecosystem-touched counts each deal with a partner once, vendor-direct the deals with none."
      csvHref={csvHref('revenue', params, 'totals')}
    >
      <HeadlineCard label="All won revenue" figure={totals.allWon} unit="money" currency={currency} />
      <HeadlineCard label="Won deals" figure={{ value: totals.wonDeals }} unit="count" currency={currency} />
      <HeadlineCard label="Partner-sourced" figure={totals.sourced} unit="money" currency={currency} />
      <HeadlineCard label="Partner-influenced" figure={totals.influenced} unit="money" currency={currency} />
      <HeadlineCard label="Ecosystem-touched" figure={totals.touched} unit="money" currency={currency} />
      <HeadlineCard label="Vendor-direct" figure={totals.vendorDirect} unit="money" currency={currency} />
      <HeadlineCard label="Ecosystem share" figure={totals.ecosystemShare} unit="rate" currency={currency} />
    </HeadlineSection>
  );
}

function QuartersByTypeCard({ report, params }: SectionProps) {
  const { currency } = report.period;
  const money = moneyFormatters(currency);
  const types = typeSeries(report);
  // A type with no sourced revenue in a quarter sourced nothing there: 0, not a missing figure.
  const amountOf = (q: RevenueReport['quarters'][number], code: string) =>
    q.byType.find((b) => b.partnerType === code)?.amount ?? 0;
  const data = report.quarters.map((q) => ({
    quarter: q.label,
    ...Object.fromEntries(types.map((t) => [t.key, toMajor(amountOf(q, t.code), currency)])),
  }));
  return (
    <ChartCard
      title="Sourced revenue by partner type, by quarter"
      description="Deals won each calendar quarter, stacked by the primary type of the partner that sourced them. The period may cut its first and last quarters short."
      csvHref={csvHref('revenue', params, 'quarters_by_type')}
      empty={noWinsReason(report) ?? (types.length ? null : 'No partner-sourced deal was won in this period')}
      table={
        <Table.ScrollContainer
          minWidth={200 + 150 * types.length}
          {...keyboardScrollable('Sourced revenue by partner type, by quarter, as a table')}
        >
          <Table striped aria-label="Sourced revenue by partner type, by quarter">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Quarter</Table.Th>
                {types.map((t) => (
                  <Table.Th key={t.code} ta="right">
                    {t.name}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.quarters.map((q) => (
                <Table.Tr key={q.label}>
                  <Table.Th scope="row">{q.label}</Table.Th>
                  {types.map((t) => (
                    <Table.Td key={t.code} ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatValue(amountOf(q, t.code), 'money', currency)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    >
      <BarChart
        h={320}
        data={data}
        dataKey="quarter"
        type="stacked"
        series={types.map((t) => ({ name: t.key, label: t.name, color: t.color }))}
        withLegend
        // In the order of the table (largest type first), not alphabetical.
        legendProps={{ itemSorter: null }}
        valueFormatter={money.exact}
        yAxisProps={{ tickFormatter: money.axis, width: 70 }}
      />
    </ChartCard>
  );
}

function SourcedByTypeCard({ report, params }: SectionProps) {
  const { currency } = report.period;
  // Each type in the colour it has in the quarterly stack.
  const colors = new Map(typeSeries(report).map((t) => [t.code, t.color]));
  const data = report.sourcedByType.flatMap((t) =>
    t.amount.value === null
      ? []
      : [
          {
            type: t.partnerTypeName,
            amount: toMajor(t.amount.value, currency),
            color: colors.get(t.partnerType),
          },
        ],
  );
  return (
    <ChartCard
      title="Sourced revenue by partner type"
      description="Over the whole period, by the primary type of the sourcing partner."
      csvHref={csvHref('revenue', params, 'sourced_by_type')}
      empty={noWinsReason(report) ?? (data.length ? null : 'No partner-sourced deal was won in this period')}
      table={
        <Table striped aria-label="Sourced revenue by partner type">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Partner type</Table.Th>
              <Table.Th ta="right">Sourced revenue</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.sourcedByType.map((t) => (
              <Table.Tr key={t.partnerType}>
                <Table.Th scope="row">{t.partnerTypeName}</Table.Th>
                <FigureCell figure={t.amount} unit="money" currency={currency} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    >
      <TypeBarChart data={data} label="Sourced revenue" color="blue.6" currency={currency} />
    </ChartCard>
  );
}

function PartnerCreditCard({ report, params }: SectionProps) {
  const { currency } = report.period;
  const model = modelLabels[report.model].toLowerCase();
  return (
    <ChartCard
      title="Credit by partner"
      description={`Sourced credit is the whole amount of each deal a partner sourced; influence credit shares each deal among the partners that helped (${model}). The top 100 partners.`}
      csvHref={csvHref('revenue', params, 'partners')}
      empty={
        noWinsReason(report) ??
        (report.partners.length ? null : 'No partner was credited on a deal won in this period')
      }
      tableOnly
      table={
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label="Credit by partner">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Partner</Table.Th>
                <Table.Th>Partner type</Table.Th>
                <Table.Th ta="right">Sourced credit</Table.Th>
                <Table.Th ta="right">Influence credit ({model})</Table.Th>
                <Table.Th ta="right">Won deals</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.partners.map((p) => (
                <Table.Tr key={p.organizationId}>
                  <Table.Td>
                    <AnchorLink
                      to="/analytics/partners/$partnerId"
                      params={{ partnerId: p.organizationId }}
                      // The scorecard keeps the period and model this credit was computed with.
                      search={{ from: params.from, to: params.to, model: params.model }}
                      fw={500}
                    >
                      {p.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{p.partnerTypeName}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatValue(p.sourcedCredit, 'money', currency)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatValue(p.influenceCredit, 'money', currency)}
                  </Table.Td>
                  <Table.Td ta="right">{formatValue(p.deals, 'count', currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    >
      {null}
    </ChartCard>
  );
}
