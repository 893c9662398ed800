import { Card, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fundsMetricsQuery } from '@partnergraph/shared/contracts/funds';
import { formatMinor } from '@partnergraph/shared/contracts/money';
import { fundsMetricsQueryOptions } from '../../api/funds';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { keyboardScrollable } from '../../components/scroll-region';

// The funds metrics of docs/METRICS.md for a chosen period. Money is shown in the reporting currency
// where the metric converts (MDF utilization, incentive cost share) and per currency otherwise, never
// added across currencies as it is.

type Figure = { value: number | null; reason?: string | undefined };
const pct = (f: Figure) => (f.value === null ? (f.reason ?? '—') : `${(f.value * 100).toFixed(1)}%`);
const times = (f: Figure) => (f.value === null ? (f.reason ?? '—') : `${f.value.toFixed(2)} per unit`);

function thisYear() {
  const y = new Date().getFullYear();
  return { from: `${y}-01-01`, to: `${y + 1}-01-01` };
}

export function FundsMetrics() {
  const [period, setPeriod] = useState(thisYear);
  const checked = fundsMetricsQuery.safeParse(period);
  const metrics = useQuery({ ...fundsMetricsQueryOptions(period), enabled: checked.success });
  const m = metrics.data;
  return (
    <Card withBorder component="section" aria-labelledby="funds-metrics">
      <Title order={2} size="h4" id="funds-metrics" mb="sm">
        Funds metrics
      </Title>
      <Group align="flex-start" mb="sm">
        <TextInput
          label="From"
          type="date"
          value={period.from}
          onChange={(e) => setPeriod({ ...period, from: e.currentTarget.value })}
        />
        <TextInput
          label="Until (not included)"
          type="date"
          value={period.to}
          onChange={(e) => setPeriod({ ...period, to: e.currentTarget.value })}
          error={checked.success ? undefined : checked.error.issues[0]?.message}
        />
      </Group>
      {metrics.isPending && checked.success && <LoadingState label="Measuring…" />}
      {metrics.isError && <ErrorAlert error={metrics.error} />}
      {m && (
        <Stack gap="sm">
          <Stack gap={4} aria-label="MDF utilization">
            <Text fw={600}>MDF utilization</Text>
            {m.mdfUtilization.budgets.length === 0 ? (
              <Text size="sm">No budget runs in the period</Text>
            ) : (
              <Text size="sm">
                {pct(m.mdfUtilization.utilization)} ·{' '}
                {formatMinor(m.mdfUtilization.spent, m.mdfUtilization.currency)} of claims approved for
                activities in the period, of {formatMinor(m.mdfUtilization.budget, m.mdfUtilization.currency)}{' '}
                budgeted for it (in {m.mdfUtilization.currency}, each claim at the rate on its approval date)
              </Text>
            )}
            {m.mdfUtilization.notConverted.map((n) => (
              <Text size="sm" c="orange" key={n.currency}>
                Not counted: {formatMinor(n.amount, n.currency)} of claims (no {n.currency} rate in force)
              </Text>
            ))}
            {m.mdfUtilization.budgets.length > 0 && (
              <Table.ScrollContainer minWidth={560} {...keyboardScrollable('MDF utilization by budget')}>
                <Table aria-label="MDF utilization by budget">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Budget</Table.Th>
                      <Table.Th>For the period</Table.Th>
                      <Table.Th>In {m.mdfUtilization.currency}</Table.Th>
                      <Table.Th>Claims approved</Table.Th>
                      <Table.Th>Utilization</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {m.mdfUtilization.budgets.map((b) => (
                      <Table.Tr key={b.budgetId}>
                        <Table.Td>
                          {b.name} ({b.fund})
                        </Table.Td>
                        <Table.Td>{formatMinor(b.amount, b.currency)}</Table.Td>
                        <Table.Td>
                          {b.budget === null ? '—' : formatMinor(b.budget, m.mdfUtilization.currency)}
                        </Table.Td>
                        <Table.Td>{formatMinor(b.spent, m.mdfUtilization.currency)}</Table.Td>
                        <Table.Td>{pct(b.utilization)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Stack gap={4} aria-label="Claim cycle time">
              <Text fw={600}>Claim cycle time</Text>
              <Text size="sm">
                {m.claimCycleDays.value === null
                  ? m.claimCycleDays.reason
                  : `${m.claimCycleDays.value} days (median, submission to review)`}
              </Text>
            </Stack>
            <Stack gap={4} aria-label="MDF return">
              <Text fw={600}>MDF return</Text>
              {m.mdfReturn.length === 0 && (
                <Text size="sm">No approved claim for activities in the period</Text>
              )}
              {m.mdfReturn.map((r) => (
                <Text size="sm" key={r.currency}>
                  Pipeline {formatMinor(r.pipeline, r.currency)} ({times(r.pipelinePerUnit)}) · won{' '}
                  {formatMinor(r.wonRevenue, r.currency)} ({times(r.wonRevenuePerUnit)}) on{' '}
                  {formatMinor(r.cost, r.currency)} of claims
                </Text>
              ))}
            </Stack>
            <Stack gap={4} aria-label="Incentive cost share">
              <Text fw={600}>Incentive cost share</Text>
              <Text size="sm">
                {pct(m.incentiveCostShare.share)} ·{' '}
                {formatMinor(m.incentiveCostShare.cost, m.incentiveCostShare.currency)} of incentives on{' '}
                {formatMinor(m.incentiveCostShare.sourcedRevenue, m.incentiveCostShare.currency)}{' '}
                partner-sourced revenue
              </Text>
              {m.incentiveCostShare.notConverted.map((n) => (
                <Text size="sm" c="orange" key={n.currency}>
                  Not counted: {formatMinor(n.amount, n.currency)} (no {n.currency} rate in force)
                </Text>
              ))}
            </Stack>
          </SimpleGrid>
        </Stack>
      )}
    </Card>
  );
}
