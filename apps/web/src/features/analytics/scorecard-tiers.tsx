// A scorecard's tier progress and its anonymous benchmarks against other partners.
import { Badge, Card, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { isMoneyMetric } from '@partnergraph/shared/codes';
import type { Scorecard } from '../../api/analytics';
import { ChartCard } from './chart-card';
import { formatValue } from './format';
import { pct } from './scorecard-section';

type Requirement = Scorecard['tiers'][number]['requirements'][number];

/** A requirement's reading as a person says it: money in the reporting currency, an attestation as given or not. */
function reading(r: Requirement, currency: string) {
  if (r.metric === 'manual_attestation')
    return r.value === null ? 'not recorded' : r.value >= 1 ? 'given' : 'not given yet';
  const format = (v: number) => formatValue(v, isMoneyMetric(r.metric) ? 'money' : 'count', currency);
  return `${r.value === null ? (r.reason ?? 'not measured') : format(r.value)} of ${format(r.threshold)}`;
}

export function Tiers({ card: c, csv }: { card: Scorecard; csv: string }) {
  const currency = c.period.currency;
  return (
    <ChartCard
      title="Tier progress"
      description="Each active program enrollment: progress toward the next tier (at the top tier, toward keeping it)."
      csvHref={csv}
      empty={c.tiers.length ? null : 'No active program enrollment: there is no tier to progress toward.'}
      table={
        <Table withTableBorder aria-label="Tier progress">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Program</Table.Th>
              <Table.Th>Target tier</Table.Th>
              <Table.Th>Requirement</Table.Th>
              <Table.Th ta="right">Value / threshold</Table.Th>
              <Table.Th ta="right">Progress</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.tiers.flatMap((t) =>
              (t.requirements.length ? t.requirements : [null]).map((r, i) => (
                <Table.Tr key={`${t.enrollmentId}-${i}`}>
                  <Table.Td>{t.programName}</Table.Td>
                  <Table.Td>{t.targetTier ?? '—'}</Table.Td>
                  <Table.Td>{r ? r.label : 'No requirements'}</Table.Td>
                  <Table.Td ta="right">{r ? reading(r, currency) : '—'}</Table.Td>
                  <Table.Td ta="right">{pct(r ? r.attainment : t.attainment)}</Table.Td>
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
        </Table>
      }
    >
      <Stack gap="md">
        {c.tiers.map((t) => (
          <Card
            key={t.enrollmentId}
            withBorder
            padding="sm"
            component="article"
            aria-label={`${t.programName}: tier progress`}
          >
            <Group justify="space-between" mb="xs">
              <div>
                <Text fw={600}>{t.programName}</Text>
                <Text size="sm" c="dimmed">
                  {t.currentTier && t.currentTier === t.targetTier
                    ? `${t.currentTier} (top tier): requirements to keep it`
                    : `${t.currentTier ?? 'No tier yet'} → ${t.targetTier ?? 'no tier defined'}`}
                </Text>
              </div>
              <Badge variant="light" size="lg" tt="none">
                {pct(t.attainment)} attained
              </Badge>
            </Group>
            {t.requirements.length === 0 ? (
              <Text size="sm" c="dimmed">
                This tier has no requirements: it counts as attained.
              </Text>
            ) : (
              <Stack gap={8}>
                {t.requirements.map((r, i) => (
                  <div key={`${r.metric}-${i}`}>
                    <Group justify="space-between" gap="xs">
                      <Text size="sm">{r.label.charAt(0).toUpperCase() + r.label.slice(1)}</Text>
                      <Text size="sm" c={r.attainment >= 1 ? 'teal' : undefined}>
                        {reading(r, currency)}
                      </Text>
                    </Group>
                    <Progress
                      value={Math.min(100, r.attainment * 100)}
                      color={r.attainment >= 1 ? 'teal' : 'indigo'}
                      aria-label={`${r.label}: ${pct(r.attainment)}`}
                    />
                  </div>
                ))}
              </Stack>
            )}
          </Card>
        ))}
      </Stack>
    </ChartCard>
  );
}

export function Benchmarks({ card: c, own, csv }: { card: Scorecard; own: boolean; csv: string }) {
  const currency = c.period.currency;
  const organizations = Math.max(0, ...c.benchmarks.map((b) => b.organizations));
  const reason = c.benchmarks.find((b) => b.reason)?.reason;
  // Every row is drawn from the same peers, so the bands (and their labels) are the same on each.
  const bands = c.benchmarks[0]?.bands ?? [];
  const fmt = (b: Scorecard['benchmarks'][number], v: number | null) =>
    formatValue(v, b.money ? 'money' : 'count', currency);
  return (
    <ChartCard
      title="Ecosystem benchmarks (anonymous)"
      description={
        organizations > 0
          ? `${own ? 'You' : 'This partner'} beside the means of 5 peers ranked around the quartiles of the ${organizations} other active ${c.partner.partnerTypeName.toLowerCase()} organizations (rank 1 is the lowest). Aggregates only: no other partner’s figure is shown.`
          : 'Means of 5 peers ranked around the quartiles of the other active organizations of the same partner type, shown only when there are at least 5.'
      }
      csvHref={csv}
      empty={
        organizations > 0
          ? null
          : (reason ?? 'Too few organizations share this partner type for a benchmark.')
      }
      tableOnly
      table={
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder aria-label="Ecosystem benchmarks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Metric</Table.Th>
                <Table.Th ta="right">{own ? 'You' : 'This partner'}</Table.Th>
                {bands.map((band) => (
                  <Table.Th key={band.key} ta="right">
                    {band.statistic}
                  </Table.Th>
                ))}
                <Table.Th ta="right">Organizations</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.benchmarks.map((b) => (
                <Table.Tr key={b.metric}>
                  <Table.Th scope="row" fw={400}>
                    {b.label}
                  </Table.Th>
                  <Table.Td ta="right" fw={700} title={b.you.reason}>
                    {fmt(b, b.you.value)}
                  </Table.Td>
                  {b.bands.map((band) => (
                    <Table.Td key={band.key} ta="right" title={band.value.reason}>
                      {fmt(b, band.value.value)}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">{b.organizations}</Table.Td>
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
