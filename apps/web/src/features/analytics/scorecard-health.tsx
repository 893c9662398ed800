// A scorecard's engagement and health sections.
import { Group, RingProgress, Stack, Table, Text } from '@mantine/core';
import { BarChart } from '@mantine/charts';
import type { Scorecard } from '../../api/analytics';
import { formatDate } from '../../components/dates';
import { ChartCard } from './chart-card';
import { formatValue } from './format';
import { pct } from './scorecard-section';

export function Engagement({ card: c, csv }: { card: Scorecard; csv: string }) {
  const e = c.engagement;
  return (
    <ChartCard
      title="Engagement"
      description={`Weighted activity of the organization’s users over the last ${e.windowDays} days: ${e.score} points.`}
      csvHref={csv}
      empty={null}
      table={
        <Table withTableBorder aria-label="Engagement breakdown">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Activity</Table.Th>
              <Table.Th ta="right">Count</Table.Th>
              <Table.Th ta="right">Weight</Table.Th>
              <Table.Th ta="right">Points</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {e.activities.map((a) => (
              <Table.Tr key={a.kind}>
                <Table.Th scope="row" fw={400}>
                  {a.label}
                  {!a.measured && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      (not recorded yet)
                    </Text>
                  )}
                </Table.Th>
                <Table.Td ta="right">{a.count}</Table.Td>
                <Table.Td ta="right">× {a.weight}</Table.Td>
                <Table.Td ta="right">{a.points}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">Engagement score</Table.Th>
              <Table.Td />
              <Table.Td />
              <Table.Th ta="right">{e.score}</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      }
    >
      <BarChart
        h={240}
        data={e.activities.map((a) => ({ activity: a.label, points: a.points, count: a.count }))}
        dataKey="activity"
        series={[{ name: 'points', label: 'Points', color: 'indigo.6' }]}
        orientation="vertical"
        yAxisProps={{ width: 120, interval: 0 }}
        xAxisProps={{ allowDecimals: false }}
      />
    </ChartCard>
  );
}

export function Health({ card: c, csv }: { card: Scorecard; csv: string }) {
  const h = c.health;
  const score = h.score.value;
  const color = score === null ? 'gray' : score >= 70 ? 'teal' : score >= 40 ? 'yellow' : 'red';
  const parts = [
    {
      label: 'Tier-requirement attainment',
      weight: '40%',
      value: pct(h.attainment),
      points: 40 * h.attainment,
    },
    {
      label: `Engagement percentile among ${c.partner.partnerTypeName.toLowerCase()} partners`,
      weight: '30%',
      // Hidden from a partner with fewer than five peers of its type: health counts the middle (0.5).
      value:
        h.engagementPercentile === null
          ? (h.engagementPercentileReason ?? 'Not shown')
          : pct(h.engagementPercentile),
      points: 30 * (h.engagementPercentile ?? 0.5),
    },
    {
      label: 'Recency of activity',
      weight: '30%',
      value: `${h.recency.toFixed(1)} / 100`,
      points: 0.3 * h.recency,
    },
  ];
  const components = (
    <Table withTableBorder aria-label="Health components">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Component</Table.Th>
          <Table.Th ta="right">Weight</Table.Th>
          <Table.Th ta="right">Value</Table.Th>
          <Table.Th ta="right">Points</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {parts.map((p) => (
          <Table.Tr key={p.label}>
            <Table.Th scope="row" fw={400}>
              {p.label}
            </Table.Th>
            <Table.Td ta="right">{p.weight}</Table.Td>
            <Table.Td ta="right">{p.value}</Table.Td>
            <Table.Td ta="right">{p.points.toFixed(1)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th scope="row">Health score</Table.Th>
          <Table.Td />
          <Table.Td />
          <Table.Th ta="right" title={h.score.reason}>
            {formatValue(score, 'score', c.period.currency)}
          </Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
  const lastActivity = (
    <Text size="sm">
      Last activity: {h.lastActivityAt ? formatDate(h.lastActivityAt) : 'no activity recorded'}
    </Text>
  );
  return (
    <ChartCard
      title="Health"
      description="0–100: 40% progress toward the next tier, 30% engagement compared with partners of the same type, 30% how recently its people were active (full within 30 days, none after 180)."
      csvHref={csv}
      empty={null}
      table={
        <Stack gap="xs">
          {components}
          {lastActivity}
        </Stack>
      }
    >
      <Group align="center" wrap="nowrap" gap="lg">
        <RingProgress
          size={150}
          thickness={14}
          roundCaps
          sections={score === null ? [] : [{ value: score, color }]}
          label={
            <Text ta="center" fw={700} fz={28} data-testid="health-score">
              {formatValue(score, 'score', c.period.currency)}
            </Text>
          }
          aria-label={
            score === null ? `Health: ${h.score.reason ?? 'no score'}` : `Health score ${score} of 100`
          }
          role="img"
        />
        <Stack gap={6} style={{ flex: 1 }}>
          {parts.map((p) => (
            <div key={p.label}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm">
                  {p.label}{' '}
                  <Text span c="dimmed" size="xs">
                    ({p.weight})
                  </Text>
                </Text>
                <Text size="sm" fw={600}>
                  {p.value}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {p.points.toFixed(1)} points
              </Text>
            </div>
          ))}
          {lastActivity}
        </Stack>
      </Group>
    </ChartCard>
  );
}
