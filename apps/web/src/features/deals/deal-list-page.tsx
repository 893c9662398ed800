import { Group, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { type DealFilters as Filters, dealListQueryOptions } from '../../api/deals';
import { ButtonLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { DealFilters } from './deal-filters';
import { hasFilters } from './deal-search';
import { DealsTable } from './deals-table';
import { useBrandTitle } from '../brand/brand-mark';

interface Props {
  filters: Filters;
  onFiltersChange: (filters: Filters) => void;
}

export function DealListPage({ filters, onFiltersChange }: Props) {
  useBrandTitle('Deals');
  const { organization } = useSession();
  const canRegister = useCan('deals:register');
  // While a new filter loads, the old rows stay (dimmed) instead of the table jumping to a spinner.
  const list = useInfiniteQuery({ ...dealListQueryOptions(filters), placeholderData: keepPreviousData });
  const deals = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={1}>Deals</Title>
          <Text c="dimmed" size="sm">
            {organization.kind === 'vendor'
              ? 'Every deal in the ecosystem: registered by partners, and recorded by your team.'
              : 'Deals your organization registered, and deals it is confirmed on.'}
          </Text>
        </div>
        {canRegister && (
          <ButtonLink to="/deals/new" leftSection={<IconPlus size={16} />}>
            {organization.kind === 'vendor' ? 'Record a deal' : 'Register a deal'}
          </ButtonLink>
        )}
      </Group>
      <DealFilters filters={filters} onChange={onFiltersChange} />
      {list.isPending ? (
        <LoadingState label="Loading deals…" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="The deals could not be loaded" />
      ) : deals.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          {hasFilters(filters) ? 'No deals match these filters.' : 'There are no deals yet.'}
        </Text>
      ) : (
        <>
          <div style={{ opacity: list.isPlaceholderData ? 0.5 : 1 }} aria-busy={list.isPlaceholderData}>
            <DealsTable deals={deals} />
          </div>
          <LoadMore
            hasNextPage={list.hasNextPage}
            isFetchingNextPage={list.isFetchingNextPage}
            fetchNextPage={list.fetchNextPage}
            shown={deals.length}
            noun={deals.length === 1 ? 'deal' : 'deals'}
          />
        </>
      )}
    </Stack>
  );
}
