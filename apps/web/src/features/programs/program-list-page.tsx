import { Badge, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { partnerTypesQueryOptions } from '../../api/partner-types';
import { programsQueryOptions } from '../../api/programs';
import { formatDate } from '../../components/dates';
import { AnchorLink, ButtonLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan } from '../auth/session';
import { ProgramStatusBadge } from './badges';
import type { ProgramStatus } from './labels';
import { useBrandTitle } from '../brand/brand-mark';

type StatusFilter = ProgramStatus | 'all';

const filters: { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'draft', label: 'Drafts' },
  { value: 'published', label: 'Published' },
  { value: 'retired', label: 'Retired' },
];

export function ProgramListPage() {
  useBrandTitle('Programs');
  const canManage = useCan('programs:manage');
  const [status, setStatus] = useState<StatusFilter>('all');
  const programs = useQuery(programsQueryOptions(status === 'all' ? {} : { status }));
  const types = useQuery(partnerTypesQueryOptions);
  const typeName = (code: string) => types.data?.find((t) => t.code === code)?.name ?? code;

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>Programs</Title>
        {canManage && (
          <ButtonLink to="/programs/new" leftSection={<IconPlus size={16} />}>
            New program
          </ButtonLink>
        )}
      </Group>
      <SegmentedControl
        aria-label="Show programs"
        data={filters}
        value={status}
        onChange={(value) => setStatus(value as StatusFilter)}
        w="fit-content"
      />
      {programs.isPending ? (
        <LoadingState label="Loading programs…" />
      ) : programs.isError ? (
        <ErrorAlert error={programs.error} title="The programs could not be loaded" />
      ) : programs.data.length === 0 ? (
        <Text c="dimmed">{status === 'all' ? 'No programs yet.' : 'No programs with this status.'}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label="Programs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Program</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Tiers</Table.Th>
                <Table.Th>Eligible types</Table.Th>
                <Table.Th ta="right">Enrollments</Table.Th>
                <Table.Th>Last changed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {programs.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <AnchorLink to="/programs/$id" params={{ id: p.id }} fw={500}>
                      {p.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 110 }}>
                    <ProgramStatusBadge status={p.status} />
                  </Table.Td>
                  <Table.Td>{p.tiers.map((t) => t.name).join(' › ')}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {p.eligibleTypes.map((code) => (
                        <Badge key={code} variant="outline" size="sm">
                          {typeName(code)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right">{p.enrollmentCount}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
