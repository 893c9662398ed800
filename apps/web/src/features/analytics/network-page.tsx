import '@mantine/charts/styles.css';
import {
  Alert,
  Autocomplete,
  Badge,
  Button,
  Card,
  ColorSwatch,
  Grid,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  useMantineTheme,
} from '@mantine/core';
import { LineChart } from '@mantine/charts';
import { IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import {
  type AnalyticsParams,
  analyticsKeys,
  csvHref,
  type NetworkReport,
  networkWithBetweenness,
  reportQueryOptions,
} from '../../api/analytics';
import { formatDateTime } from '../../components/dates';
import { AnchorLink, ButtonLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { AnalyticsLayout } from './analytics-layout';
import { hasAnalyticsFilters } from './analytics-search';
import { ChartCard } from './chart-card';
import { formatInstant, formatValue } from './format';
import { HeadlineCard } from './headline-card';
import { type GraphNode, NetworkGraph } from './network-graph';
import type { DashboardProps } from './dashboard-props';

const PALETTE = ['blue', 'orange', 'teal', 'grape', 'red', 'lime', 'cyan', 'pink', 'yellow', 'violet'];
const OTHER = 'gray';
/** Clusters beyond the largest ten share one colour: a legend of forty swatches helps no one. */
const COLOURED_CLUSTERS = PALETTE.length;

type ColourBy = 'type' | 'cluster';
type Graph = NonNullable<NetworkReport['graph']>;

const month = new Intl.DateTimeFormat('en', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthLabel = (ym: string) => month.format(new Date(`${ym}-01T00:00:00Z`));
const percent = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100);
const pagerank = (v: number) => v.toFixed(4);

/** Network effects (metrics.md): participation, density, network revenue share, the partner graph. */
export function NetworkPage({ params, onParamsChange }: DashboardProps) {
  const [withBetweenness, setWithBetweenness] = useState(false);
  const base = useQuery({
    ...reportQueryOptions('network', params),
    // A graph still being computed in the background: look again until it is ready.
    refetchInterval: (q) => (q.state.data && q.state.data.graph?.status !== 'ready' ? 15_000 : false),
  });
  // Betweenness is slow on large graphs: asked for only on request, and cached apart.
  const between = useQuery({
    queryKey: [...analyticsKeys.report('network', params), 'betweenness'] as const,
    queryFn: ({ signal }) => networkWithBetweenness(params, signal),
    enabled: withBetweenness,
    staleTime: 60_000,
  });
  const r = (withBetweenness ? between.data : undefined) ?? base.data;

  return (
    <AnalyticsLayout
      title="Network"
      description="How partners work with one another: the partner graph of the 12 months before the end of the period, and the value only the network produces."
      params={params}
      onParamsChange={onParamsChange}
      computed={r?.period}
    >
      {base.isPending ? (
        <LoadingState label="Loading the network…" />
      ) : base.isError ? (
        <ErrorAlert error={base.error} title="The network could not be loaded" />
      ) : (
        r && (
          <Stack gap="lg">
            <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }}>
              <HeadlineCard
                label="Participation rate"
                figure={r.participationRate}
                unit="rate"
                currency={r.period.currency}
              />
              <HeadlineCard
                label="Graph density"
                figure={r.density}
                unit="rate"
                currency={r.period.currency}
              />
              <HeadlineCard
                label="Network revenue share"
                figure={r.networkRevenueShare}
                unit="rate"
                currency={r.period.currency}
              />
              <HeadlineCard
                label="Partners (nodes)"
                figure={{ value: r.nodes }}
                unit="count"
                currency={r.period.currency}
              />
              <HeadlineCard
                label="Links (edges)"
                figure={{ value: r.edges }}
                unit="count"
                currency={r.period.currency}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              Graph window: {formatInstant(r.window.from)} –{' '}
              {formatInstant(new Date(Date.parse(r.window.to) - 1).toISOString())}. Participation: share of
              active partners with at least one link; density: links ÷ possible links; network revenue share:
              revenue of won deals with two or more partners or from a partner referral ÷ partner-touched
              revenue.
            </Text>
            <SeriesCard report={r} params={params} />
            <GraphCard report={r} params={params} />
            <ConnectorsCard
              report={r}
              params={params}
              withBetweenness={withBetweenness}
              computing={withBetweenness && between.isFetching}
              error={withBetweenness && between.isError ? between.error : null}
              onCompute={() => (withBetweenness ? void between.refetch() : setWithBetweenness(true))}
            />
            <ClustersCard report={r} params={params} />
          </Stack>
        )
      )}
    </AnalyticsLayout>
  );
}

function SeriesCard({ report: r, params }: { report: NetworkReport; params: AnalyticsParams }) {
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

/** Colours of the nodes and the legend that names them. */
function useColours(graph: Graph | null, by: ColourBy) {
  const theme = useMantineTheme();
  return useMemo(() => {
    const hex = (name: string) => theme.colors[name]?.[6] ?? '#868e96';
    const colours = new Map<string, string>();
    const legend: { key: string; label: string; color: string }[] = [];
    if (!graph) return { colours, legend };
    if (by === 'type') {
      const types = [...new Map(graph.nodes.map((n) => [n.partnerType, n.partnerTypeName])).entries()].sort(
        (a, b) => a[1].localeCompare(b[1]),
      );
      const of = new Map(types.map(([code], i) => [code, hex(PALETTE[i % PALETTE.length] ?? OTHER)]));
      for (const n of graph.nodes) colours.set(n.id, of.get(n.partnerType) ?? hex(OTHER));
      for (const [code, name] of types)
        legend.push({ key: code, label: name, color: of.get(code) ?? hex(OTHER) });
    } else {
      const clusterColour = (c: number) =>
        c >= 1 && c <= COLOURED_CLUSTERS ? hex(PALETTE[c - 1] ?? OTHER) : hex(OTHER);
      for (const n of graph.nodes) colours.set(n.id, clusterColour(n.cluster));
      const shown = graph.clusters.filter((c) => c.id <= COLOURED_CLUSTERS).sort((a, b) => a.id - b.id);
      for (const c of shown)
        legend.push({
          key: String(c.id),
          label: `Cluster ${c.id} (${c.size}, around ${c.topPartner})`,
          color: clusterColour(c.id),
        });
      if (graph.clusters.some((c) => c.id > COLOURED_CLUSTERS))
        legend.push({ key: 'other', label: 'Smaller clusters', color: hex(OTHER) });
    }
    return { colours, legend };
  }, [graph, by, theme]);
}

function GraphCard({ report: r, params }: { report: NetworkReport; params: AnalyticsParams }) {
  const graph = r.graph;
  const [colourBy, setColourBy] = useState<ColourBy>('type');
  const [selected, setSelected] = useState<string | null>(null);
  const [centreOn, setCentreOn] = useState<{ id: string; at: number } | null>(null);
  const [search, setSearch] = useState('');
  const { colours, legend } = useColours(graph, colourBy);
  const nodes = useMemo(() => graph?.nodes ?? [], [graph]);
  const edges = useMemo(() => graph?.edges ?? [], [graph]);
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  // Autocomplete options are names; two partners of one name are told apart by their type.
  const options = useMemo(() => {
    const count = new Map<string, number>();
    for (const n of nodes) count.set(n.name, (count.get(n.name) ?? 0) + 1);
    const entries = nodes.map(
      (n) => [(count.get(n.name) ?? 0) > 1 ? `${n.name} (${n.partnerTypeName})` : n.name, n.id] as const,
    );
    return new Map(entries.sort((a, b) => a[0].localeCompare(b[0])));
  }, [nodes]);
  const select = useCallback((id: string | null) => setSelected(id), []);
  const node = selected ? byId.get(selected) : undefined;

  const choose = (label: string) => {
    const id = options.get(label);
    if (!id) return;
    setSelected(id);
    setCentreOn({ id, at: Date.now() });
  };

  const nodeTable = (
    <NodesTable nodes={nodes} params={params} onSelect={(id) => setSelected(id)} selected={selected} />
  );
  const empty = !graph
    ? 'The partner graph is being computed in the background; this page looks again every 15 seconds.'
    : nodes.length === 0
      ? 'There are no active partners to draw.'
      : null;

  return (
    <Stack gap="xs">
      {graph?.status === 'computing' && (
        <Alert color="blue" icon={<IconInfoCircle />} role="status">
          A newer graph is being computed in the background: this one was computed{' '}
          {formatDateTime(graph.computedAt)}. The page updates by itself when it is ready.
        </Alert>
      )}
      <ChartCard
        title="Partner graph"
        description={
          <>
            Partners linked by connections, partner-to-partner referrals and deals they worked together
            (window of 12 months), laid out by the server; size follows PageRank.{' '}
            {graph && <>Computed {formatDateTime(graph.computedAt)}. </>}
            {graph && graph.drawnNodes < r.nodes && (
              <b>
                Only the {graph.drawnNodes.toLocaleString('en-US')} partners with the highest PageRank of{' '}
                {r.nodes.toLocaleString('en-US')} are drawn.{' '}
              </b>
            )}
            {hasAnalyticsFilters(params) &&
              'The graph is the whole ecosystem’s: filters apply to the figures only.'}
          </>
        }
        csvHref={csvHref('network', params)}
        empty={empty}
        table={nodeTable}
      >
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <Autocomplete
              label="Find a partner"
              placeholder="Partner name"
              w={300}
              leftSection={<IconSearch size={16} />}
              data={[...options.keys()]}
              limit={20}
              value={search}
              onChange={setSearch}
              onOptionSubmit={choose}
              onKeyDown={(e) => {
                if (e.key === 'Enter') choose(search);
              }}
            />
            <Group gap="xs" align="center">
              <Text size="sm" id="colour-by-label">
                Colour by
              </Text>
              <SegmentedControl
                size="xs"
                value={colourBy}
                onChange={(v) => setColourBy(v as ColourBy)}
                aria-labelledby="colour-by-label"
                data={[
                  { value: 'type', label: 'Partner type' },
                  { value: 'cluster', label: 'Cluster' },
                ]}
              />
            </Group>
          </Group>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 8 }}>
              <NetworkGraph
                nodes={nodes}
                edges={edges}
                colors={colours}
                selected={selected}
                onSelect={select}
                centreOn={centreOn}
                fallback={nodeTable}
                legend={
                  <Group gap="md" mt="xs" wrap="wrap" role="list" aria-label="Legend">
                    {legend.map((l) => (
                      <Group key={l.key} gap={4} wrap="nowrap" role="listitem">
                        <ColorSwatch color={l.color} size={12} withShadow={false} />
                        <Text size="xs">{l.label}</Text>
                      </Group>
                    ))}
                  </Group>
                }
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <NodeDetails node={node} params={params} onClear={() => setSelected(null)} />
            </Grid.Col>
          </Grid>
        </Stack>
      </ChartCard>
    </Stack>
  );
}

function NodeDetails({
  node,
  params,
  onClear,
}: {
  node: GraphNode | undefined;
  params: AnalyticsParams;
  onClear: () => void;
}) {
  return (
    <Card withBorder padding="md" component="section" aria-label="Selected partner" aria-live="polite">
      {!node ? (
        <Text size="sm" c="dimmed">
          Click a partner in the graph, or find one by name, to see its place in the network.
        </Text>
      ) : (
        <Stack gap="xs">
          <Title order={3} size="h5">
            {node.name}
          </Title>
          <Badge variant="light" tt="none" w="fit-content">
            {node.partnerTypeName}
          </Badge>
          <Table variant="vertical" withTableBorder aria-label={`${node.name}: network figures`} fz="sm">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={120}>PageRank</Table.Th>
                <Table.Td>{pagerank(node.pagerank)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Degree</Table.Th>
                <Table.Td>{`${node.degree} partner${node.degree === 1 ? '' : 's'}`}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Cluster</Table.Th>
                <Table.Td>{node.cluster}</Table.Td>
              </Table.Tr>
              {node.betweenness !== undefined && (
                <Table.Tr>
                  <Table.Th>Betweenness</Table.Th>
                  <Table.Td>{node.betweenness.toFixed(4)}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          <Group gap="xs">
            <ButtonLink
              to="/analytics/partners/$partnerId"
              params={{ partnerId: node.id }}
              search={{ from: params.from, to: params.to }}
              size="xs"
            >
              Open scorecard
            </ButtonLink>
            <Button size="xs" variant="subtle" onClick={onClear}>
              Clear selection
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

function NodesTable({
  nodes,
  params,
  selected,
  onSelect,
}: {
  nodes: GraphNode[];
  params: AnalyticsParams;
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const sorted = [...nodes].sort((a, b) => b.pagerank - a.pagerank || a.name.localeCompare(b.name));
  return (
    <Table.ScrollContainer minWidth={640} maxHeight={480}>
      <Table withTableBorder stickyHeader highlightOnHover aria-label="Partners in the graph">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Partner</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th ta="right">PageRank</Table.Th>
            <Table.Th ta="right">Degree</Table.Th>
            <Table.Th ta="right">Cluster</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((n) => (
            <Table.Tr
              key={n.id}
              bg={n.id === selected ? 'var(--mantine-color-indigo-light)' : undefined}
              onClick={() => onSelect(n.id)}
            >
              <Table.Td>
                <AnchorLink
                  to="/analytics/partners/$partnerId"
                  params={{ partnerId: n.id }}
                  search={{ from: params.from, to: params.to }}
                >
                  {n.name}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{n.partnerTypeName}</Table.Td>
              <Table.Td ta="right">{pagerank(n.pagerank)}</Table.Td>
              <Table.Td ta="right">{n.degree}</Table.Td>
              <Table.Td ta="right">{n.cluster}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ConnectorsCard({
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

function ClustersCard({ report: r, params }: { report: NetworkReport; params: AnalyticsParams }) {
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
