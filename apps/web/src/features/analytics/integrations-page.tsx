import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import {
  type AnalyticsParams,
  csvHref,
  type IntegrationReport,
  reportQueryOptions,
} from '../../api/analytics';
import { AnalyticsLayout } from './analytics-layout';
import { ChartCard } from './chart-card';
import { formatValue } from './format';
import { HeadlineCard } from './headline-card';
import { HeadlineSection } from './headline-section';
import { ReportState } from './report-state';
import type { DashboardProps } from './dashboard-props';

const adoptionSeries = [
  { name: 'installs', label: 'Installs', color: 'violet.6' },
  { name: 'customersWithWonDeal', label: 'Customers with a won deal', color: 'teal.6' },
];

export function IntegrationsPage({ params, onParamsChange }: DashboardProps) {
  const report = useQuery(reportQueryOptions('integrations', params));
  return (
    <AnalyticsLayout
      title="Integrations"
      description="How partner integrations drive adoption: in the deals won, among customers, and in revenue."
      params={params}
      onParamsChange={onParamsChange}
      computed={report.data?.period}
    >
      <ReportState report={report} noun="the integration report">
        {(integrations) => (
          <>
            <AdoptionSection report={integrations} params={params} />
            <ByIntegrationCard report={integrations} params={params} />
          </>
        )}
      </ReportState>
    </AnalyticsLayout>
  );
}

interface SectionProps {
  report: IntegrationReport;
  params: AnalyticsParams;
}

/** A headline figure with the counts it is computed from, said in words below it (none when nothing was won). */
function FigureWithCounts({
  counts,
  ...card
}: Parameters<typeof HeadlineCard>[0] & { counts: string | null }) {
  return (
    <Stack gap={6}>
      <HeadlineCard {...card} />
      {counts && (
        <Text size="sm" c="dimmed">
          {counts}
        </Text>
      )}
    </Stack>
  );
}

function AdoptionSection({ report, params }: SectionProps) {
  const { currency } = report.period;
  const count = (n: number, noun: string) =>
    `${formatValue(n, 'count', currency)} ${noun}${n === 1 ? '' : 's'}`;
  const won = report.wonDeals > 0;
  return (
    <HeadlineSection
      title="Integration-driven adoption"
      csvHref={csvHref('integrations', params, 'summary')}
      cols={{ base: 1, sm: 3 }}
    >
      <FigureWithCounts
        label="Won deals with an integration"
        figure={report.dealShare}
        unit="rate"
        currency={currency}
        counts={
          won
            ? `${formatValue(report.wonWithIntegration, 'count', currency)} of ${count(report.wonDeals, 'deal')} won in the period had a partner involved for its integration.`
            : null
        }
      />
      <FigureWithCounts
        label="Customers with a partner integration"
        figure={report.customerShare}
        unit="rate"
        currency={currency}
        counts={`${formatValue(report.customersWithInstall, 'count', currency)} of ${count(report.customers, 'customer')} (distinct domains with a won deal, ever) have a partner integration installed.`}
      />
      <FigureWithCounts
        label="Integration-driven revenue"
        figure={report.revenue}
        unit="money"
        currency={currency}
        counts={
          won ? `Revenue of the ${count(report.wonWithIntegration, 'won deal')} in the first figure.` : null
        }
      />
    </HeadlineSection>
  );
}

function ByIntegrationCard({ report, params }: SectionProps) {
  const { currency } = report.period;
  return (
    <ChartCard
      title="Adoption by integration"
      description="Installs recorded for each partner integration, and how many of them are at customers with a won deal. Installs are counted to date, whatever the period."
      csvHref={csvHref('integrations', params, 'by_integration')}
      empty={
        report.byIntegration.some((i) => i.installs > 0)
          ? null
          : 'No partner integration has been installed yet'
      }
      table={
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label="Adoption by integration">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Integration</Table.Th>
                <Table.Th>Partner</Table.Th>
                <Table.Th ta="right">Installs</Table.Th>
                <Table.Th ta="right">Customers with a won deal</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.byIntegration.map((i) => (
                <Table.Tr key={i.listingId}>
                  <Table.Th scope="row">{i.name}</Table.Th>
                  <Table.Td>{i.partnerName}</Table.Td>
                  <Table.Td ta="right">{formatValue(i.installs, 'count', currency)}</Table.Td>
                  <Table.Td ta="right">{formatValue(i.customersWithWonDeal, 'count', currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    >
      <BarChart
        h={Math.max(180, 52 * report.byIntegration.length)}
        data={report.byIntegration}
        dataKey="name"
        orientation="vertical"
        maxBarWidth={32}
        series={adoptionSeries}
        withLegend
        legendProps={{ itemSorter: null }}
        valueFormatter={(n) => formatValue(n, 'count', currency)}
        yAxisProps={{ width: 220 }}
        gridAxis="y"
      />
    </ChartCard>
  );
}
