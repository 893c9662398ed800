import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, type QueryClient, useInfiniteQuery } from '@tanstack/react-query';
import { type PartnerFilters as Filters, partnerListQueryOptions } from '../../api/partners';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useCan } from '../auth/session';
import { NewPartnerModal } from './new-partner-modal';
import { PartnerFilters } from './partner-filters';
import { hasFilters } from './partner-search';
import { PartnersTable } from './partners-table';
import { useBrandTitle } from '../brand/brand-mark';

interface Props {
  filters: Filters;
  onFiltersChange: (filters: Filters) => void;
}

/** The list's first page, asked for by the route (routes.tsx) as soon as this code is loaded. */
export function prefetchPartnerList(queryClient: QueryClient, filters: Filters) {
  return queryClient.prefetchInfiniteQuery(partnerListQueryOptions(filters));
}

export function PartnerListPage({ filters, onFiltersChange }: Props) {
  useBrandTitle('Partners');
  const canCreate = useCan('partners:create');
  const [creating, createModal] = useDisclosure(false);
  // While a new filter loads, the old rows stay (dimmed) instead of the table jumping to a spinner.
  const list = useInfiniteQuery({ ...partnerListQueryOptions(filters), placeholderData: keepPreviousData });
  const partners = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Partners</Title>
        {canCreate && (
          <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
            New partner
          </Button>
        )}
      </Group>
      <PartnerFilters filters={filters} onChange={onFiltersChange} />
      {list.isPending ? (
        <LoadingState label="Loading partners…" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="The partners could not be loaded" />
      ) : partners.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          {hasFilters(filters) ? 'No partners match these filters.' : 'There are no partners yet.'}
        </Text>
      ) : (
        <>
          <div style={{ opacity: list.isPlaceholderData ? 0.5 : 1 }} aria-busy={list.isPlaceholderData}>
            <PartnersTable partners={partners} />
          </div>
          <LoadMore
            hasNextPage={list.hasNextPage}
            isFetchingNextPage={list.isFetchingNextPage}
            fetchNextPage={list.fetchNextPage}
            shown={partners.length}
            noun={partners.length === 1 ? 'partner' : 'partners'}
          />
        </>
      )}
      {canCreate && <NewPartnerModal opened={creating} onClose={createModal.close} />}
    </Stack>
  );
}
