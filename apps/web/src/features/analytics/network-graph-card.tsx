// The partner graph card: the drawing, its colours and legend, the chosen node, and the table of nodes.
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
  Stack,
  Table,
  Text,
  Title,
  useMantineTheme,
} from '@mantine/core';
import { IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { type AnalyticsParams, csvHref, type NetworkReport } from '../../api/analytics';
import { formatDateTime } from '../../components/dates';
import { AnchorLink, ButtonLink } from '../../components/links';
import { hasAnalyticsFilters } from './analytics-search';
import { ChartCard } from './chart-card';
import { type GraphNode, NetworkGraph } from './network-graph';
import { PALETTE, OTHER, COLOURED_CLUSTERS, type ColourBy, type Graph, pagerank } from './network-format';

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

export function GraphCard({ report: r, params }: { report: NetworkReport; params: AnalyticsParams }) {
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
