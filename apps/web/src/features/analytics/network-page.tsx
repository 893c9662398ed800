import '@mantine/charts/styles.css';
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { analyticsKeys, networkWithBetweenness, reportQueryOptions } from '../../api/analytics';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { AnalyticsLayout } from './analytics-layout';
import { formatInstant } from './format';
import { HeadlineCard } from './headline-card';
import type { DashboardProps } from './dashboard-props';
import { GraphCard } from './network-graph-card';
import { SeriesCard, ConnectorsCard, ClustersCard } from './network-cards';

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
