import { Badge, Button, Group, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  type ConnectionFilters,
  type ConnectionKind,
  type ConnectionStatus,
  connectionsQueryOptions,
  incomingCountQueryOptions,
} from '../../api/connections';
import { ButtonLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { ConnectionsTable } from './connections-table';
import {
  connectionKindLabel,
  connectionKindList,
  connectionStatusCopy,
  connectionStatusList,
} from './labels';
import { PartnerFilter } from './partner-filter';
import type { ConnectionSearch, ConnectionTab } from './search';
import { useBrandTitle } from '../brand/brand-mark';

interface Tab {
  value: ConnectionTab;
  label: string;
  empty: string;
  /** The list query for this tab, before the kind and partner filters. */
  query: ConnectionFilters;
}

// A partner answers what came in, follows what it asked for, and works with its active connections.
// The vendor's staff see every connection in the ecosystem, or one partner's.
const partnerTabs: Tab[] = [
  {
    value: 'incoming',
    label: 'Incoming requests',
    empty: 'No requests are waiting for your answer.',
    query: { box: 'incoming' },
  },
  {
    value: 'outgoing',
    label: 'Outgoing',
    empty: 'No requests of yours are waiting for an answer.',
    query: { box: 'outgoing' },
  },
  { value: 'active', label: 'Active', empty: 'No active connections yet.', query: { box: 'active' } },
  { value: 'all', label: 'All', empty: 'No connections yet.', query: { box: 'all' } },
];
const vendorTabs: Tab[] = [
  { value: 'all', label: 'All', empty: 'No connections in the ecosystem yet.', query: { box: 'all' } },
  {
    value: 'requested',
    label: 'Requested',
    empty: 'No requests are waiting for an answer.',
    query: { box: 'all', status: 'requested' },
  },
  {
    value: 'active',
    label: 'Active',
    empty: 'No active connections.',
    query: { box: 'all', status: 'active' },
  },
];

const kindOptions = connectionKindList.map((value) => ({ value, label: connectionKindLabel[value] }));
const statusOptions = connectionStatusList.map((value) => ({
  value,
  label: connectionStatusCopy[value].label,
}));

interface Props {
  search: ConnectionSearch;
  onSearchChange: (search: ConnectionSearch) => void;
}

export function ConnectionsPage({ search, onSearchChange }: Props) {
  useBrandTitle('Connections');
  const { organization } = useSession();
  const canRecommend = useCan('recommendations:read');
  const vendor = organization.kind === 'vendor';
  const tabs = vendor ? vendorTabs : partnerTabs;
  const defaultTab = tabs[0]!.value;
  const tab = tabs.find((t) => t.value === search.tab) ?? tabs[0]!;
  const incoming = useQuery({ ...incomingCountQueryOptions, enabled: !vendor });
  // A status narrows only the tab that holds every status.
  const showStatus = tab.value === 'all';
  const filtered = Boolean(search.kind || (showStatus && search.status) || (vendor && search.partner));

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>Connections</Title>
          <Text c="dimmed" size="sm">
            {vendor
              ? 'Relationships partners have asked each other for: referral partnerships, integrations, co-selling and more.'
              : 'Relationships between your organization and other partners: requests to answer, and partners you work with.'}
          </Text>
        </div>
        {canRecommend && (
          <ButtonLink to="/recommendations" variant="light" leftSection={<IconSparkles size={16} />}>
            Partners to meet
          </ButtonLink>
        )}
      </Group>
      <Tabs
        value={tab.value}
        keepMounted={false}
        onChange={(value) => {
          const next = tabs.find((t) => t.value === value)?.value;
          if (next) onSearchChange({ ...search, tab: next === defaultTab ? undefined : next });
        }}
      >
        <Tabs.List>
          {tabs.map((t) => (
            <Tabs.Tab
              key={t.value}
              value={t.value}
              rightSection={
                t.value === 'incoming' && incoming.data && incoming.data.count > 0 ? (
                  <Badge size="sm" variant="filled" color="red" circle={incoming.data.count < 10}>
                    {incoming.data.count}
                    {incoming.data.more ? '+' : ''}
                  </Badge>
                ) : undefined
              }
            >
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value} pt="md">
            <Stack>
              <Group align="flex-end" gap="sm" role="search" aria-label="Filter connections">
                {vendor && (
                  <PartnerFilter
                    value={search.partner ?? null}
                    onChange={(partner) => onSearchChange({ ...search, partner: partner ?? undefined })}
                  />
                )}
                <Select
                  label="Kind"
                  placeholder="Any kind"
                  data={kindOptions}
                  value={search.kind ?? null}
                  onChange={(value) =>
                    onSearchChange({ ...search, kind: (value as ConnectionKind | null) ?? undefined })
                  }
                  clearable
                  w={{ base: '100%', sm: 240 }}
                />
                {showStatus && (
                  <Select
                    label="Status"
                    placeholder="Any status"
                    data={statusOptions}
                    value={search.status ?? null}
                    onChange={(value) =>
                      onSearchChange({ ...search, status: (value as ConnectionStatus | null) ?? undefined })
                    }
                    clearable
                    w={{ base: '100%', sm: 180 }}
                  />
                )}
                {filtered && (
                  <Button variant="subtle" onClick={() => onSearchChange({ tab: search.tab })}>
                    Clear filters
                  </Button>
                )}
              </Group>
              <ConnectionList
                filters={{
                  ...t.query,
                  kind: search.kind,
                  ...(showStatus && search.status ? { status: search.status } : {}),
                  ...(vendor && search.partner ? { organizationId: search.partner } : {}),
                }}
                vendor={vendor}
                empty={filtered ? 'No connections match these filters.' : t.empty}
              />
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

function ConnectionList({
  filters,
  vendor,
  empty,
}: {
  filters: ConnectionFilters;
  vendor: boolean;
  empty: string;
}) {
  // While a new filter loads, the old rows stay (dimmed) instead of the table jumping to a spinner.
  const list = useInfiniteQuery({ ...connectionsQueryOptions(filters), placeholderData: keepPreviousData });
  const connections = list.data?.pages.flatMap((page) => page.items) ?? [];

  if (list.isPending) return <LoadingState label="Loading connections…" />;
  if (list.isError) return <ErrorAlert error={list.error} title="The connections could not be loaded" />;
  if (connections.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {empty}
      </Text>
    );
  }
  return (
    <>
      <div style={{ opacity: list.isPlaceholderData ? 0.5 : 1 }} aria-busy={list.isPlaceholderData}>
        <ConnectionsTable connections={connections} vendor={vendor} />
      </div>
      <LoadMore
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
        shown={connections.length}
        noun={connections.length === 1 ? 'connection' : 'connections'}
      />
    </>
  );
}
