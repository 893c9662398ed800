import { Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { auditLogQueryOptions } from '../../api/audit';
import { endOfLocalDay, startOfLocalDay } from '../../components/dates';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { AuditFilters } from './audit-filters';
import type { AuditSearch } from './audit-search';
import { AuditTable } from './audit-table';
import { useBrandTitle } from '../brand/brand-mark';

interface Props {
  filters: AuditSearch;
  onFiltersChange: (filters: AuditSearch) => void;
}

export function AuditLogPage({ filters, onFiltersChange }: Props) {
  useBrandTitle('Audit log');
  const log = useInfiniteQuery({
    ...auditLogQueryOptions({
      action: filters.action,
      entityType: filters.entityType,
      entityId: filters.entityId,
      actorUserId: filters.actorUserId,
      organizationId: filters.organizationId,
      from: startOfLocalDay(filters.from),
      to: endOfLocalDay(filters.to),
    }),
    placeholderData: keepPreviousData,
  });
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <div>
        <Title order={1}>Audit log</Title>
        <Text c="dimmed">Every change and every sign-in, newest first: who did what, to which record.</Text>
      </div>
      <AuditFilters
        filters={filters}
        onChange={onFiltersChange}
        recordName={
          filters.entityId ? entries.find((x) => x.entityId === filters.entityId)?.entityName : null
        }
      />
      {log.isPending ? (
        <LoadingState label="Loading the audit log…" />
      ) : log.isError ? (
        <ErrorAlert error={log.error} title="The audit log could not be loaded" />
      ) : entries.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          No entries match these filters.
        </Text>
      ) : (
        <>
          <div style={{ opacity: log.isPlaceholderData ? 0.5 : 1 }} aria-busy={log.isPlaceholderData}>
            <AuditTable
              entries={entries}
              onHistory={(entry) =>
                onFiltersChange({
                  ...filters,
                  entityType: entry.entityType,
                  entityId: entry.entityId ?? undefined,
                })
              }
            />
          </div>
          <LoadMore
            hasNextPage={log.hasNextPage}
            isFetchingNextPage={log.isFetchingNextPage}
            fetchNextPage={log.fetchNextPage}
            shown={entries.length}
            noun={entries.length === 1 ? 'entry' : 'entries'}
          />
        </>
      )}
    </Stack>
  );
}
