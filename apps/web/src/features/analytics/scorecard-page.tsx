import '@mantine/charts/styles.css';
import {
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Group,
  Progress,
  RingProgress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { BarChart } from '@mantine/charts';
import { isMoneyMetric } from '@partnergraph/shared/codes';
import { useDocumentTitle } from '@mantine/hooks';
import { IconBuilding, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { type Scorecard, scorecardCsvHref, scorecardQueryOptions } from '../../api/analytics';
import { isApiError } from '../../api/client';
import { formatDate } from '../../components/dates';
import { AnchorLink, ButtonLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useSession } from '../auth/session';
import { PartnerStatusBadge, statusLabels } from '../partners/partner-status-badge';
import { ChartCard } from './chart-card';
import { FilterBar, modelLabels } from './filter-bar';
import { formatPeriod, formatValue } from './format';
import { HeadlineCard } from './headline-card';
import type { DashboardProps } from './dashboard-props';

type Props = DashboardProps & { partnerId: string };

const pct = (v: number) => `${(v * 100).toFixed(0)}%`;

/**
 * One partner's scorecard (metrics.md): its revenue, pipeline, referrals, engagement, health and
 * tier progress, with anonymous benchmarks. Vendor staff read any partner's; a partner its own.
 */
export function ScorecardPage({ partnerId, params, onParamsChange }: Props) {
  const { organization } = useSession();
  const isVendor = organization.kind === 'vendor';
  const card = useQuery(scorecardQueryOptions(partnerId, params));
  const c = card.data;
  useDocumentTitle(`${c ? `${c.partner.name} · ` : ''}Scorecard · PartnerGraph`);

  const breadcrumbs = isVendor ? (
    <Breadcrumbs>
      <AnchorLink to="/analytics" search={{ from: params.from, to: params.to }}>
        Analytics
      </AnchorLink>
      <Text size="sm">{c?.partner.name ?? 'Scorecard'}</Text>
    </Breadcrumbs>
  ) : null;

  if (card.isPending) return <LoadingState label="Loading the scorecard…" />;
  if (card.isError) {
    // 404 also means "not yours to see": the API does not tell the two apart, and neither do we.
    return (
      <Stack>
        {breadcrumbs}
        <Title order={1}>{isApiError(card.error, 404) ? 'Scorecard not found' : 'Scorecard'}</Title>
        {isApiError(card.error, 404) ? (
          <Text>
            There is no partner at this address, or you may not see its scorecard.{' '}
            {isVendor && <AnchorLink to="/partners">Back to the partner list</AnchorLink>}
          </Text>
        ) : (
          <ErrorAlert error={card.error} title="The scorecard could not be loaded" />
        )}
      </Stack>
    );
  }
  if (!c) return null;

  const own = organization.id === c.partner.id;
  const currency = c.period.currency;
  const status = c.partner.status in statusLabels ? (c.partner.status as keyof typeof statusLabels) : null;

  return (
    <Stack gap="lg">
      {breadcrumbs}
      <Group justify="space-between" align="flex-start">
        <div>
          <Text c="dimmed" size="sm" fw={500}>
            {own ? 'Your scorecard' : 'Partner scorecard'}
          </Text>
          <Group gap="sm">
            <Title order={1}>{c.partner.name}</Title>
            <Badge variant="light" color="gray" tt="none">
              {c.partner.partnerTypeName}
            </Badge>
            {status ? (
              <PartnerStatusBadge status={status} />
            ) : (
              <Badge variant="light">{c.partner.status}</Badge>
            )}
          </Group>
        </div>
        <Group gap="xs">
          {isVendor && (
            <ButtonLink
              to="/partners/$id"
              params={{ id: c.partner.id }}
              variant="default"
              leftSection={<IconBuilding size={16} />}
            >
              Partner page
            </ButtonLink>
          )}
          <Button
            component="a"
            href={scorecardCsvHref(partnerId, params)}
            download
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Download CSV
          </Button>
        </Group>
      </Group>
      <FilterBar params={params} onChange={onParamsChange} periodOnly showModel />
      <Text size="xs" c="dimmed" aria-live="polite">
        {formatPeriod(c.period.from, c.period.to)} · amounts in {currency} · influence credit:{' '}
        {modelLabels[c.model].toLowerCase()}
      </Text>

      <Section title="Revenue" id="scorecard-revenue">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <HeadlineCard label="Sourced revenue" figure={c.revenue.sourced} unit="money" currency={currency} />
          <HeadlineCard
            label="Influence credit"
            figure={c.revenue.influenceCredit}
            unit="money"
            currency={currency}
          />
          <HeadlineCard
            label="Won deals credited"
            figure={{ value: c.revenue.wonDeals }}
            unit="count"
            currency={currency}
          />
        </SimpleGrid>
      </Section>

      <Section title="Pipeline" id="scorecard-pipeline" note={`Open deals at ${formatDate(c.pipeline.at)}`}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <HeadlineCard label="Open pipeline" figure={c.pipeline.value} unit="money" currency={currency} />
          <HeadlineCard
            label="Open deals"
            figure={{ value: c.pipeline.openDeals }}
            unit="count"
            currency={currency}
          />
        </SimpleGrid>
      </Section>

      <Section
        title="Referrals"
        id="scorecard-referrals"
        note="Partner-to-partner referrals created in the period"
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
          <HeadlineCard label="Sent" figure={{ value: c.referrals.sent }} unit="count" currency={currency} />
          <HeadlineCard
            label="Received"
            figure={{ value: c.referrals.received }}
            unit="count"
            currency={currency}
          />
          <HeadlineCard
            label="Acceptance rate"
            figure={c.referrals.acceptanceRate}
            unit="rate"
            currency={currency}
          />
          <HeadlineCard
            label="Conversion rate"
            figure={c.referrals.conversionRate}
            unit="rate"
            currency={currency}
          />
          <HeadlineCard
            label="Fees earned"
            figure={c.referrals.feesEarned}
            unit="money"
            currency={currency}
          />
        </SimpleGrid>
      </Section>

      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Health card={c} csv={scorecardCsvHref(partnerId, params, 'health')} />
        <Engagement card={c} csv={scorecardCsvHref(partnerId, params, 'engagement')} />
      </SimpleGrid>
      <Tiers card={c} csv={scorecardCsvHref(partnerId, params, 'tiers')} />
      <Benchmarks card={c} own={own} csv={scorecardCsvHref(partnerId, params, 'benchmarks')} />
    </Stack>
  );
}

function Section({
  title,
  id,
  note,
  children,
}: {
  title: string;
  id: string;
  note?: string;
  children: ReactNode;
}) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Group gap="sm" align="baseline">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {note && (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        )}
      </Group>
      {children}
    </Stack>
  );
}

function Engagement({ card: c, csv }: { card: Scorecard; csv: string }) {
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

function Health({ card: c, csv }: { card: Scorecard; csv: string }) {
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

type Requirement = Scorecard['tiers'][number]['requirements'][number];

/** A requirement's reading as a person says it: money in the reporting currency, an attestation as given or not. */
function reading(r: Requirement, currency: string) {
  if (r.metric === 'manual_attestation')
    return r.value === null ? 'not recorded' : r.value >= 1 ? 'given' : 'not given yet';
  const format = (v: number) => formatValue(v, isMoneyMetric(r.metric) ? 'money' : 'count', currency);
  return `${r.value === null ? (r.reason ?? 'not measured') : format(r.value)} of ${format(r.threshold)}`;
}

function Tiers({ card: c, csv }: { card: Scorecard; csv: string }) {
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
                      <Text size="sm" c={r.attainment >= 1 ? 'teal.8' : undefined}>
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

function Benchmarks({ card: c, own, csv }: { card: Scorecard; own: boolean; csv: string }) {
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
