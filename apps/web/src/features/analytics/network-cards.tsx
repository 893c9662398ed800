// The network dashboard's other cards: the monthly series, the connectors and the clusters.
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { LineChart } from '@mantine/charts';
import { type AnalyticsParams, csvHref, type NetworkReport } from '../../api/analytics';
import { AnchorLink } from '../../components/links';
import { ErrorAlert } from '../../components/query-state';
import { ChartCard } from './chart-card';
import { formatValue } from './format';
import { monthLabel, percent, pagerank } from './network-format';

export function SeriesCard({ report: r, params }: { report: NetworkReport; params: AnalyticsParams }) {
  const data = r.series.map((m) => ({
    month: monthLabel(m.month),
    participation: percent(m.participationRate.value),
    density: percent(m.density.value),
    share: percent(m.networkRevenueShare.value),
  }));
  return (
    <ChartCard
      title="Network effects by month"
      description="At each month end: participation and density of the graph of the 12 months before, and the network revenue share of the deals won that month. Percent."
      csvHref={csvHref('network', params, 'series')}
      empty={r.series.length ? null : 'The period has no whole month to show.'}
      table={
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder aria-label="Network effects by month">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Month</Table.Th>
                <Table.Th ta="right">Participation rate</Table.Th>
                <Table.Th ta="right">Graph density</Table.Th>
                <Table.Th ta="right">Network revenue share</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.series.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Th scope="row">{monthLabel(m.month)}</Table.Th>
                  {[m.participationRate, m.density, m.networkRevenueShare].map((f, i) => (
                    <Table.Td key={i} ta="right" title={f.reason}>
                      {formatValue(f.value, 'rate', r.period.currency)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      }
    >
      <LineChart
        h={280}
        data={data}
        dataKey="month"
        series={[
          { name: 'participation', label: 'Participation rate', color: 'indigo.6' },
          { name: 'density', label: 'Graph density', color: 'teal.6' },
          { name: 'share', label: 'Network revenue share', color: 'orange.6' },
        ]}
        curveType="linear"
        connectNulls={false}
        withLegend
        yAxisProps={{ domain: [0, 100] }}
        valueFormatter={(v) => `${v.toFixed(1)}%`}
      />
    </ChartCard>
  );
}

export function ConnectorsCard({
  report: r,
  params,
  withBetweenness,
  computing,
  error,
  onCompute,
}: {
  report: NetworkReport;
  params: AnalyticsParams;
  withBetweenness: boolean;
  computing: boolean;
  error: Error | null;
  onCompute: () => void;
}) {
  const hasBetweenness = r.connectors.some((c) => c.betweenness !== undefined);
  return (
    <ChartCard
      title="Connectors"
      description={
        <>
          The partners most central to the network, by PageRank (damping 0.85, weighted by interactions).
          Betweenness (how often a partner lies on the shortest path between two others) is computed on
          request: it is slow on large graphs.
        </>
      }
      // The CSV of what is shown: with the betweenness column once it was asked for.
      csvHref={`${csvHref('network', params, 'connectors')}${hasBetweenness ? '&betweenness=true' : ''}`}
      empty={r.connectors.length ? null : 'There are no active partners to rank.'}
      tableOnly
      table={
        <Stack gap="xs">
          <Group gap="sm">
            <Button
              size="xs"
              variant="light"
              onClick={onCompute}
              loading={computing}
              disabled={withBetweenness && hasBetweenness}
            >
              {hasBetweenness ? 'Betweenness computed' : 'Compute betweenness'}
            </Button>
            {withBetweenness && !computing && !error && !hasBetweenness && (
              <Text size="xs" c="dimmed" role="status">
                The server did not compute betweenness: the graph is too large for it on a request.
              </Text>
            )}
          </Group>
          {error && <ErrorAlert error={error} title="Betweenness could not be computed" />}
          <Table.ScrollContainer minWidth={640}>
            <Table withTableBorder aria-label="Connectors">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th ta="right" w={50}>
                    #
                  </Table.Th>
                  <Table.Th>Partner</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th ta="right">PageRank</Table.Th>
                  <Table.Th ta="right">Degree</Table.Th>
                  <Table.Th ta="right">Cluster</Table.Th>
                  {hasBetweenness && <Table.Th ta="right">Betweenness</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.connectors.map((c, i) => (
                  <Table.Tr key={c.organizationId}>
                    <Table.Td ta="right">{i + 1}</Table.Td>
                    <Table.Td>
                      <AnchorLink
                        to="/analytics/partners/$partnerId"
                        params={{ partnerId: c.organizationId }}
                        search={{ from: params.from, to: params.to }}
                      >
                        {c.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{c.partnerTypeName}</Table.Td>
                    <Table.Td ta="right">{pagerank(c.pagerank)}</Table.Td>
                    <Table.Td ta="right">{c.degree}</Table.Td>
                    <Table.Td ta="right">{c.cluster}</Table.Td>
                    {hasBetweenness && (
                      <Table.Td ta="right">
                        {c.betweenness === undefined ? '—' : c.betweenness.toFixed(4)}
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      }
    >
      {null}
    </ChartCard>
  );
}

export function ClustersCard({ report: r, params }: { report: NetworkReport; params: AnalyticsParams }) {
  const clusters = r.graph?.clusters ?? [];
  return (
    <ChartCard
      title="Clusters"
      description="Communities of partners who work more with one another than with the rest (Louvain, resolution 1.0), largest first."
      csvHref={csvHref('network', params, 'clusters')}
      empty={
        !r.graph
          ? 'The clusters come with the partner graph, which is being computed.'
          : clusters.length
            ? null
            : 'There are no active partners to group.'
      }
      tableOnly
      table={
        <Table withTableBorder aria-label="Clusters">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cluster</Table.Th>
              <Table.Th ta="right">Partners</Table.Th>
              <Table.Th>Most central partner</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clusters.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>Cluster {c.id}</Table.Td>
                <Table.Td ta="right">{c.size}</Table.Td>
                <Table.Td>{c.topPartner}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      }
    >
      {null}
    </ChartCard>
  );
}
