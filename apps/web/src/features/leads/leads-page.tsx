import {
  Alert,
  Button,
  Card,
  Checkbox,
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
import { leadStatuses } from '@partnergraph/shared/lead-codes';
import { formatMinor } from '@partnergraph/shared/money-format';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import {
  type Lead,
  type LeadFilters,
  leadSlaQueryOptions,
  leadsQueryOptions,
  useBulkLeads,
} from '../../api/leads';
import { countryName } from '../../components/countries';
import { formatDateTime } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { LeadStatusBadge, leadStatusLabel } from './lead-status';
import { UnseenHeader } from '../../components/unseen-header';
import { useBrandTitle } from '../brand/brand-mark';

interface Props {
  filters: LeadFilters;
  onFiltersChange: (filters: LeadFilters) => void;
}

/** The vendor's lead queue (filters, SLA, bulk actions), or a partner's inbox and the leads it left. */
export function LeadsPage({ filters, onFiltersChange }: Props) {
  useBrandTitle('Leads');
  const { organization } = useSession();
  const isVendor = organization.kind === 'vendor';
  const canManage = useCan('leads:manage');
  return (
    <Stack>
      <div>
        <Title order={1}>Leads</Title>
        <Text c="dimmed" size="sm">
          {isVendor
            ? 'Every lead, where the rules sent it and how long it has waited.'
            : 'Leads the vendor routed to your organization. Accept them before their deadline, or they move on.'}
        </Text>
      </div>
      {canManage && <SlaView />}
      {isVendor ? (
        <>
          <VendorFilters filters={filters} onChange={onFiltersChange} />
          <LeadList filters={filters} selectable={canManage} />
        </>
      ) : (
        <Tabs
          value={filters.box ?? 'current'}
          keepMounted={false}
          onChange={(v) => onFiltersChange({ ...filters, box: v === 'left' ? 'left' : undefined })}
        >
          <Tabs.List>
            <Tabs.Tab value="current">Inbox</Tabs.Tab>
            <Tabs.Tab value="left">Withdrawn</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="current" pt="md">
            <LeadList filters={{ ...filters, box: 'current' }} selectable={false} />
          </Tabs.Panel>
          <Tabs.Panel value="left" pt="md">
            <LeadList filters={{ ...filters, box: 'left' }} selectable={false} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}

function SlaView() {
  const sla = useQuery(leadSlaQueryOptions);
  if (!sla.data) return null;
  const s = sla.data;
  const card = (label: string, value: string | number) => (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
    </Card>
  );
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} aria-label="Lead SLA">
      {card('Waiting for an answer', s.waiting)}
      {card('Past their deadline', s.overdue)}
      {card('In the vendor’s queue', s.unassigned)}
      {card(
        'Median time to accept (90 days)',
        s.medianHoursToAccept === null ? '—' : `${s.medianHoursToAccept} h`,
      )}
    </SimpleGrid>
  );
}

function VendorFilters({ filters, onChange }: { filters: LeadFilters; onChange: (f: LeadFilters) => void }) {
  return (
    <Group align="flex-end">
      <TextInput
        label="Company"
        placeholder="Name or domain"
        defaultValue={filters.q ?? ''}
        onChange={(e) => onChange({ ...filters, q: e.currentTarget.value || undefined })}
      />
      <Select
        label="Status"
        placeholder="Any"
        clearable
        data={leadStatuses.map((s) => ({ value: s, label: leadStatusLabel[s] }))}
        value={filters.status ?? null}
        onChange={(v) => onChange({ ...filters, status: (v as LeadFilters['status']) ?? undefined })}
      />
      <Checkbox
        label="Overdue only"
        checked={filters.overdue === 'true'}
        onChange={(e) => onChange({ ...filters, overdue: e.currentTarget.checked ? 'true' : undefined })}
      />
    </Group>
  );
}

function LeadList({ filters, selectable }: { filters: LeadFilters; selectable: boolean }) {
  const leads = useInfiniteQuery({ ...leadsQueryOptions(filters), placeholderData: keepPreviousData });
  const [selected, setSelected] = useState<string[]>([]);
  const bulk = useBulkLeads();
  if (leads.isPending) return <LoadingState label="Loading leads…" />;
  if (leads.isError) return <ErrorAlert error={leads.error} title="The leads could not be loaded" />;
  const items = leads.data.pages.flatMap((p) => p.items);
  if (!items.length) {
    return (
      <Text c="dimmed">
        {filters.box === 'left' ? 'No lead has been withdrawn from you.' : 'No leads here yet.'}
      </Text>
    );
  }
  const toggle = (id: string) =>
    setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  return (
    <Stack>
      {selectable && selected.length > 0 && (
        <Group>
          <Text size="sm">{selected.length} selected</Text>
          <Button
            size="xs"
            variant="light"
            loading={bulk.isPending}
            onClick={() =>
              bulk.mutate({ action: 'route', leadIds: selected }, { onSuccess: () => setSelected([]) })
            }
          >
            Route again
          </Button>
          <Button
            size="xs"
            variant="light"
            color="red"
            loading={bulk.isPending}
            onClick={() =>
              bulk.mutate(
                { action: 'close', leadIds: selected, reason: 'Closed from the queue' },
                { onSuccess: () => setSelected([]) },
              )
            }
          >
            Close
          </Button>
        </Group>
      )}
      {bulk.error && <Alert color="red">{errorMessage(bulk.error)}</Alert>}
      {bulk.data && bulk.data.items.some((i) => !i.ok) && (
        <Alert color="orange">
          {bulk.data.items
            .filter((i) => !i.ok)
            .map((i) => i.error)
            .join('; ')}
        </Alert>
      )}
      <Table striped withTableBorder aria-label="Leads">
        <Table.Thead>
          <Table.Tr>
            {selectable && <UnseenHeader w={40}>Select</UnseenHeader>}
            <Table.Th>Company</Table.Th>
            <Table.Th>Country</Table.Th>
            <Table.Th>Value</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>{filters.box === 'left' ? 'Left you' : 'Assigned to'}</Table.Th>
            <Table.Th>Deadline</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((l) => (
            <LeadRow
              key={l.id}
              lead={l}
              selectable={selectable}
              checked={selected.includes(l.id)}
              onToggle={() => toggle(l.id)}
            />
          ))}
        </Table.Tbody>
      </Table>
      <LoadMore
        hasNextPage={leads.hasNextPage}
        isFetchingNextPage={leads.isFetchingNextPage}
        fetchNextPage={() => void leads.fetchNextPage()}
        shown={items.length}
        noun="leads"
      />
    </Stack>
  );
}

function LeadRow({
  lead: l,
  selectable,
  checked,
  onToggle,
}: {
  lead: Lead;
  selectable: boolean;
  checked: boolean;
  onToggle: () => void;
}) {
  if (l.view === 'left') {
    return (
      <Table.Tr>
        <Table.Td>
          <AnchorLink to="/leads/$leadId" params={{ leadId: l.id }}>
            Withdrawn lead
          </AnchorLink>
        </Table.Td>
        <Table.Td colSpan={3}>—</Table.Td>
        <Table.Td>
          {l.leftAt ? `${l.leftAs ?? 'withdrawn'} on ${formatDateTime(l.leftAt)}` : l.leftAs}
        </Table.Td>
        <Table.Td>—</Table.Td>
      </Table.Tr>
    );
  }
  return (
    <Table.Tr>
      {selectable && (
        <Table.Td>
          <Checkbox aria-label={`Select ${l.company?.name}`} checked={checked} onChange={onToggle} />
        </Table.Td>
      )}
      <Table.Td>
        <AnchorLink to="/leads/$leadId" params={{ leadId: l.id }}>
          {l.company?.name}
        </AnchorLink>
      </Table.Td>
      <Table.Td>{countryName(l.company?.country)}</Table.Td>
      <Table.Td>
        {l.estimatedAmount !== null && l.estimatedCurrency
          ? formatMinor(l.estimatedAmount, l.estimatedCurrency)
          : '—'}
      </Table.Td>
      <Table.Td>{l.status && <LeadStatusBadge status={l.status} />}</Table.Td>
      <Table.Td>{l.assignedTo?.name ?? '—'}</Table.Td>
      <Table.Td>{l.deadlineAt ? formatDateTime(l.deadlineAt) : '—'}</Table.Td>
    </Table.Tr>
  );
}
