import {
  Badge,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type IntegrationFilters,
  integrationCategoriesQueryOptions,
  integrationsQueryOptions,
  reviewCountQueryOptions,
} from '../../api/connections';
import { formatDate } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { IntegrationFormModal } from './integration-form';
import { IntegrationCard, ReviewActions } from './integration-parts';
import type { IntegrationSearch, IntegrationTab } from './search';
import { useIntegrationBuilder } from './use-integration-builder';
import { useBrandTitle } from '../brand/brand-mark';

interface Tab {
  value: IntegrationTab;
  label: string;
  empty: string;
  query: IntegrationFilters;
}

interface Props {
  search: IntegrationSearch;
  onSearchChange: (search: IntegrationSearch) => void;
}

/** The integration catalog; a builder's own listings; the vendor's review queue. */
export function IntegrationsPage({ search, onSearchChange }: Props) {
  useBrandTitle('Integrations');
  const { organization } = useSession();
  const canReview = useCan('integrations:review');
  const builder = useIntegrationBuilder();
  const vendor = organization.kind === 'vendor';
  const reviewCount = useQuery({ ...reviewCountQueryOptions, enabled: canReview });
  const [listing, setListing] = useState(false);

  const tabs: Tab[] = [
    {
      value: 'catalog',
      label: 'Catalog',
      empty: 'No integrations are published yet.',
      query: { status: 'published' },
    },
  ];
  if (builder) {
    tabs.push({
      value: 'mine',
      label: 'My listings',
      empty: 'You have not listed an integration yet.',
      query: { mine: 'true' },
    });
  }
  if (canReview) {
    tabs.push({
      value: 'review',
      label: 'Review queue',
      empty: 'No listings are waiting for review.',
      query: { status: 'submitted' },
    });
  }
  if (vendor) {
    tabs.push({ value: 'all', label: 'All listings', empty: 'No listings yet.', query: {} });
  }
  const tab = tabs.find((t) => t.value === search.tab) ?? tabs[0]!;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>Integrations</Title>
          <Text c="dimmed" size="sm">
            Products that work with the vendor’s, built by ISVs and technology partners, with how many
            customer accounts run them.
          </Text>
        </div>
        {builder && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setListing(true)}>
            List an integration
          </Button>
        )}
      </Group>
      <Tabs
        value={tab.value}
        keepMounted={false}
        onChange={(value) => {
          const next = tabs.find((t) => t.value === value)?.value;
          if (next) onSearchChange({ ...search, tab: next === 'catalog' ? undefined : next });
        }}
      >
        {tabs.length > 1 && (
          <Tabs.List mb="md">
            {tabs.map((t) => (
              <Tabs.Tab
                key={t.value}
                value={t.value}
                rightSection={
                  t.value === 'review' && reviewCount.data && reviewCount.data.count > 0 ? (
                    <Badge size="sm" variant="filled" color="yellow" circle={reviewCount.data.count < 10}>
                      {reviewCount.data.count}
                      {reviewCount.data.more ? '+' : ''}
                    </Badge>
                  ) : undefined
                }
              >
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        )}
        {tabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value}>
            <Stack>
              <CatalogFilters search={search} onChange={onSearchChange} />
              {t.value === 'review' ? (
                <ReviewQueue
                  filters={{ ...t.query, category: search.category, q: search.q }}
                  empty={t.empty}
                />
              ) : (
                <IntegrationGrid
                  filters={{ ...t.query, category: search.category, q: search.q }}
                  showStatus={t.value !== 'catalog'}
                  empty={search.category || search.q ? 'No listings match these filters.' : t.empty}
                />
              )}
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
      <IntegrationFormModal opened={listing} onClose={() => setListing(false)} integration={null} />
    </Stack>
  );
}

function CatalogFilters({
  search,
  onChange,
}: {
  search: IntegrationSearch;
  onChange: (search: IntegrationSearch) => void;
}) {
  const categories = useQuery(integrationCategoriesQueryOptions);
  // The search box answers every keystroke; the URL (and the request) follow once typing pauses.
  const [q, setQ] = useState(search.q ?? '');
  const applyQ = useDebouncedCallback(
    (value: string) => onChange({ ...search, q: value.trim() || undefined }),
    300,
  );
  const options = [...(categories.data ?? [])];
  if (search.category && !options.includes(search.category)) options.unshift(search.category);

  return (
    <Group align="flex-end" gap="sm" role="search" aria-label="Filter integrations">
      <TextInput
        label="Search"
        placeholder="Name or description"
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          applyQ(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') applyQ.flush();
        }}
        w={{ base: '100%', sm: 280 }}
      />
      <Select
        label="Category"
        placeholder="Any category"
        data={options}
        value={search.category ?? null}
        onChange={(category) => onChange({ ...search, category: category ?? undefined })}
        clearable
        searchable
        w={{ base: '100%', sm: 220 }}
      />
      {(search.category || search.q) && (
        <Button
          variant="subtle"
          onClick={() => {
            applyQ.cancel();
            setQ('');
            onChange({ tab: search.tab });
          }}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}

function IntegrationGrid({
  filters,
  showStatus,
  empty,
}: {
  filters: IntegrationFilters;
  showStatus: boolean;
  empty: string;
}) {
  const list = useInfiniteQuery({ ...integrationsQueryOptions(filters), placeholderData: keepPreviousData });
  const integrations = list.data?.pages.flatMap((page) => page.items) ?? [];

  if (list.isPending) return <LoadingState label="Loading integrations…" />;
  if (list.isError) return <ErrorAlert error={list.error} title="The integrations could not be loaded" />;
  if (integrations.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {empty}
      </Text>
    );
  }
  return (
    <>
      <SimpleGrid
        cols={{ base: 1, sm: 2, lg: 3 }}
        spacing="md"
        style={{ opacity: list.isPlaceholderData ? 0.5 : 1 }}
        aria-busy={list.isPlaceholderData}
      >
        {integrations.map((i) => (
          <IntegrationCard key={i.id} integration={i} showStatus={showStatus} />
        ))}
      </SimpleGrid>
      <LoadMore
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
        shown={integrations.length}
        noun={integrations.length === 1 ? 'integration' : 'integrations'}
      />
    </>
  );
}

function ReviewQueue({ filters, empty }: { filters: IntegrationFilters; empty: string }) {
  const list = useInfiniteQuery({ ...integrationsQueryOptions(filters), placeholderData: keepPreviousData });
  const integrations = list.data?.pages.flatMap((page) => page.items) ?? [];

  if (list.isPending) return <LoadingState label="Loading the review queue…" />;
  if (list.isError) return <ErrorAlert error={list.error} title="The review queue could not be loaded" />;
  if (integrations.length === 0) {
    return (
      <Text c="dimmed" py="xl" ta="center">
        {empty}
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={820}>
        <Table striped verticalSpacing="sm" aria-label="Listings waiting for review">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Integration</Table.Th>
              <Table.Th>Partner</Table.Th>
              <Table.Th>Category</Table.Th>
              <Table.Th>Submitted</Table.Th>
              <Table.Th>Decision</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {integrations.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <AnchorLink to="/integrations/$integrationId" params={{ integrationId: i.id }} fw={500}>
                    {i.name}
                  </AnchorLink>
                  <Text size="xs" c="dimmed" lineClamp={2} maw={360}>
                    {i.description}
                  </Text>
                </Table.Td>
                <Table.Td>{i.organization.name}</Table.Td>
                <Table.Td>{i.category}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(i.updatedAt)}</Table.Td>
                <Table.Td>
                  <ReviewActions integration={i} size="xs" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        hasNextPage={list.hasNextPage}
        isFetchingNextPage={list.isFetchingNextPage}
        fetchNextPage={list.fetchNextPage}
        shown={integrations.length}
        noun={integrations.length === 1 ? 'listing' : 'listings'}
      />
    </>
  );
}
