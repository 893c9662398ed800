import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { SimpleGrid, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type AnalyticsParams, csvHref, type ReferralReport, reportQueryOptions } from '../../api/analytics';
import type { ReferralStatus } from '../../api/referrals';
import { referralStatusCopy } from '../referrals/labels';
import { AnalyticsLayout } from './analytics-layout';
import { ChartCard } from './chart-card';
import { formatValue } from './format';
import { HeadlineCard } from './headline-card';
import { HeadlineSection } from './headline-section';
import { ReportState } from './report-state';
import type { DashboardProps } from './dashboard-props';
import { keyboardScrollable } from '../../components/scroll-region';

const stageLabels: Record<string, string> = {
  created: 'Created',
  decided: 'Decided (accepted or rejected)',
  accepted: 'Accepted',
  converted: 'Converted to a deal',
  won: 'Deal won',
};

const outcomeLabels: Record<string, string> = { won: 'won', lost: 'lost', open: 'still open' };

const NO_REFERRALS = 'No partner-to-partner referral was created in this period';

const statusLabel = (status: string) => referralStatusCopy[status as ReferralStatus]?.label ?? status;

export function ReferralsPage({ params, onParamsChange }: DashboardProps) {
  const report = useQuery(reportQueryOptions('referrals', params));
  return (
    <AnalyticsLayout
      title="Referrals"
      description="Referrals from one partner to another: how many, who refers to whom, and what they bring."
      params={params}
      onParamsChange={onParamsChange}
      computed={report.data?.period}
    >
      <ReportState report={report} noun="the referral report">
        {(referrals) => <ReferralsBody report={referrals} params={params} />}
      </ReportState>
    </AnalyticsLayout>
  );
}

interface SectionProps {
  report: ReferralReport;
  params: AnalyticsParams;
}

function ReferralsBody({ report, params }: SectionProps) {
  const { currency } = report.period;
  return (
    <>
      <StatusSection report={report} params={params} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <HeadlineSection
          title="Rates"
          description="Of the referrals created in the period and decided."
          csvHref={csvHref('referrals', params, 'rates')}
          cols={{ base: 1, xs: 2 }}
        >
          <HeadlineCard
            label="Acceptance rate"
            figure={report.acceptanceRate}
            unit="rate"
            currency={currency}
          />
          <HeadlineCard
            label="Conversion rate"
            figure={report.conversionRate}
            unit="rate"
            currency={currency}
          />
        </HeadlineSection>
        <HeadlineSection
          title="Revenue"
          description="Deals won in the period from partner-to-partner referrals."
          csvHref={csvHref('referrals', params, 'revenue')}
          cols={{ base: 1, xs: 2 }}
        >
          <HeadlineCard
            label="Referral-sourced revenue"
            figure={report.referralSourcedRevenue}
            unit="money"
            currency={currency}
          />
          <HeadlineCard
            label="Referral fees owed"
            figure={report.feesOwed}
            unit="money"
            currency={currency}
          />
        </HeadlineSection>
      </SimpleGrid>
      <FunnelCard report={report} params={params} />
      <MatrixCard report={report} params={params} />
      <HeadlineSection
        title="Reported apart"
        description="Referrals partners sent to your team and leads from the public partner locator, created in the period. The figures above leave them out."
        csvHref={csvHref('referrals', params, 'apart')}
      >
        <HeadlineCard
          label="Referrals to the vendor"
          figure={{ value: report.apart.toVendor }}
          unit="count"
          currency={currency}
        />
        <HeadlineCard
          label="Partner locator leads"
          figure={{ value: report.apart.locatorLeads }}
          unit="count"
          currency={currency}
        />
      </HeadlineSection>
    </>
  );
}

function StatusSection({ report, params }: SectionProps) {
  const { currency } = report.period;
  const converted = report.byStatus.find((s) => s.status === 'converted')?.count ?? 0;
  return (
    <HeadlineSection
      title="Referrals created"
      description={
        <>
          Partner-to-partner referrals created in the period, by their status now.
          {converted > 0 &&
            ` Of the ${formatValue(converted, 'count', currency)} converted, the deal is: ${report.convertedOutcomes
              .map(
                (o) => `${formatValue(o.count, 'count', currency)} ${outcomeLabels[o.outcome] ?? o.outcome}`,
              )
              .join(', ')}.`}
        </>
      }
      csvHref={csvHref('referrals', params, 'status')}
      cols={{ base: 2, sm: 3, lg: 5 }}
    >
      <HeadlineCard label="All" figure={{ value: report.total }} unit="count" currency={currency} />
      {report.byStatus.map((s) => (
        <HeadlineCard
          key={s.status}
          label={statusLabel(s.status)}
          figure={{ value: s.count }}
          unit="count"
          currency={currency}
        />
      ))}
    </HeadlineSection>
  );
}

function FunnelCard({ report, params }: SectionProps) {
  const { currency } = report.period;
  const stageLabel = (stage: string) => stageLabels[stage] ?? stage;
  return (
    <ChartCard
      title="Referral funnel"
      description="Referrals created in the period: each stage counts those that have reached it by now."
      csvHref={csvHref('referrals', params, 'funnel')}
      empty={report.total ? null : NO_REFERRALS}
      table={
        <Table striped aria-label="Referral funnel">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Stage</Table.Th>
              <Table.Th ta="right">Referrals</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.funnel.map((f) => (
              <Table.Tr key={f.stage}>
                <Table.Th scope="row">{stageLabel(f.stage)}</Table.Th>
                <Table.Td ta="right">{formatValue(f.count, 'count', currency)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    >
      <BarChart
        h={260}
        data={report.funnel.map((f) => ({ stage: stageLabel(f.stage), referrals: f.count }))}
        dataKey="stage"
        orientation="vertical"
        maxBarWidth={32}
        series={[{ name: 'referrals', label: 'Referrals', color: 'teal.7' }]}
        withBarValueLabel
        valueFormatter={(n) => formatValue(n, 'count', currency)}
        yAxisProps={{ width: 170 }}
        gridAxis="y"
      />
    </ChartCard>
  );
}

/**
 * The referrer-type × recipient-type matrix as a heat map that is a table: screen readers read the
 * counts, eyes the shading. Shading stops at 70% so that dark text stays readable on every cell.
 */
function MatrixCard({ report, params }: SectionProps) {
  const { currency } = report.period;
  const { types, cells } = report.matrix;
  const names = new Map(types.map((t) => [t.code, t.name]));
  const counts = new Map(cells.map((c) => [`${c.referrerType}→${c.recipientType}`, c.count]));
  // Only the types that referred or were referred, in the vendor's order of types.
  const axis = (codes: string[]) => [
    ...types.map((t) => t.code).filter((code) => codes.includes(code)),
    ...new Set(codes.filter((code) => !names.has(code))),
  ];
  const rows = axis(cells.map((c) => c.referrerType));
  const columns = axis(cells.map((c) => c.recipientType));
  const max = Math.max(0, ...cells.map((c) => c.count));
  return (
    <ChartCard
      title="Who refers to whom"
      description={`By the primary type of the referring and of the receiving partner. Darker cells hold more referrals; the darkest, ${formatValue(max, 'count', currency)}.`}
      csvHref={csvHref('referrals', params, 'matrix')}
      empty={cells.length ? null : NO_REFERRALS}
      tableOnly
      table={
        <Table.ScrollContainer
          minWidth={180 + 90 * columns.length}
          {...keyboardScrollable('Referrals by referrer type and recipient type, as a table')}
        >
          <Table withTableBorder withColumnBorders captionSide="top">
            <Table.Caption>Referrals by referrer type (rows) and recipient type (columns)</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Referrer \ Recipient</Table.Th>
                {columns.map((code) => (
                  <Table.Th key={code} ta="center" fz="xs">
                    {names.get(code) ?? code}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((from) => (
                <Table.Tr key={from}>
                  <Table.Th scope="row" fz="xs">
                    {names.get(from) ?? from}
                  </Table.Th>
                  {columns.map((to) => {
                    const n = counts.get(`${from}→${to}`) ?? 0;
                    return (
                      <Table.Td
                        key={to}
                        ta="center"
                        fw={n ? 600 : undefined}
                        c={n ? 'black' : 'dimmed'}
                        style={{
                          background: n
                            ? `color-mix(in srgb, var(--mantine-color-blue-9) ${Math.round(8 + (62 * n) / max)}%, transparent)`
                            : undefined,
                        }}
                      >
                        {formatValue(n, 'count', currency)}
                      </Table.Td>
                    );
                  })}
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
