import { Breadcrumbs, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type Import, importsQueryOptions, isRunning } from '../../api/imports';
import { formatDateTime } from '../../components/dates';
import { AnchorLink, ButtonLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { importTypeNames } from './import-codes';
import { formatCount, plural } from './import-parts';
import { ImportStatusBadge } from './import-status-badge';
import { useBrandTitle } from '../brand/brand-mark';

/** The vendor admin's CSV imports, newest first, and the way to start one. */
export function ImportsPage() {
  useBrandTitle('Imports');
  const list = useInfiniteQuery({
    ...importsQueryOptions,
    // While an import runs its row follows it here too.
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((i) => isRunning(i.status))) ? 2000 : false,
  });
  const imports = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <AnchorLink to="/settings">Settings</AnchorLink>
        <Text size="sm">Imports</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>Imports</Title>
          <Text c="dimmed" size="sm" maw={720}>
            Bring partners, people, enrollments, connections, referrals, FX rates and deals in from CSV files.
            Each file is checked in a dry run first, row by row, and imported only when it has no errors. A
            record is matched by its key, so importing a file again updates what it imported before.
          </Text>
        </div>
        <ButtonLink to="/settings/imports/new" leftSection={<IconFileUpload size={16} />}>
          New import
        </ButtonLink>
      </Group>
      {list.isPending ? (
        <LoadingState label="Loading imports…" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="The imports could not be loaded" />
      ) : imports.length === 0 ? (
        <Text c="dimmed" py="xl" ta="center">
          Nothing has been imported yet. Start with partners: the other types refer to them.
        </Text>
      ) : (
        <>
          <ImportsTable imports={imports} />
          <LoadMore
            hasNextPage={list.hasNextPage}
            isFetchingNextPage={list.isFetchingNextPage}
            fetchNextPage={list.fetchNextPage}
            shown={imports.length}
            noun={imports.length === 1 ? 'import' : 'imports'}
          />
        </>
      )}
    </Stack>
  );
}

function rowsText(item: Import): string {
  if (item.totalRows !== null) return plural(item.totalRows, 'row');
  if (isRunning(item.status)) return `${formatCount(item.progress.rows)} so far`;
  return '—';
}

function resultText(item: Import): string {
  if (item.status === 'committed' || item.created || item.updated)
    return `${formatCount(item.created)} created · ${formatCount(item.updated)} updated${item.skipped ? ` · ${formatCount(item.skipped)} rejected` : ''}`;
  if (item.errorRows) return `${plural(item.errorRows, 'row')} with errors`;
  return '—';
}

function ImportsTable({ imports }: { imports: Import[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Imports">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Rows</Table.Th>
            <Table.Th>Result</Table.Th>
            <Table.Th>By</Table.Th>
            <Table.Th>When</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {imports.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                <AnchorLink to="/settings/imports/$importId" params={{ importId: item.id }}>
                  {item.fileName}
                </AnchorLink>
              </Table.Td>
              <Table.Td>{importTypeNames[item.type]}</Table.Td>
              <Table.Td>
                <ImportStatusBadge status={item.status} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{rowsText(item)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{resultText(item)}</Table.Td>
              <Table.Td>{item.createdBy?.name ?? '—'}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
