import { Button, Group, Select, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { auditFacetsQueryOptions } from '../../api/audit';
import type { AuditSearch } from './audit-search';

interface Props {
  filters: AuditSearch;
  onChange: (filters: AuditSearch) => void;
  /** The name of the record `entityId` points at, when the list shows it. */
  recordName?: string | null | undefined;
}

/**
 * Filters are picked, not typed: people, organizations, actions and kinds of record come from the
 * log itself, in words, and each pick applies at once.
 */
export function AuditFilters({ filters, onChange, recordName }: Props) {
  const facets = useQuery(auditFacetsQueryOptions);
  const set = (key: keyof AuditSearch, value: string | null) =>
    onChange({ ...filters, [key]: value || undefined });
  const anyFilter = Object.values(filters).some(Boolean);
  const f = facets.data;
  const loading = facets.isPending ? 'Loading choices…' : undefined;

  return (
    <div role="search" aria-label="Filter the audit log">
      <Group align="flex-end" gap="sm">
        <Select
          label="Person"
          placeholder={loading ?? 'Anyone'}
          searchable
          clearable
          nothingFoundMessage="Nobody by that name"
          data={(f?.people ?? []).map((p) => ({
            value: p.id,
            label: p.organizationName ? `${p.name} (${p.organizationName})` : p.name,
          }))}
          value={filters.actorUserId ?? null}
          onChange={(v) => set('actorUserId', v)}
          w={{ base: '100%', sm: 240 }}
        />
        <Select
          label="Organization"
          placeholder={loading ?? 'Any'}
          searchable
          clearable
          nothingFoundMessage="No organization by that name"
          data={(f?.organizations ?? []).map((o) => ({ value: o.id, label: o.name }))}
          value={filters.organizationId ?? null}
          onChange={(v) => set('organizationId', v)}
          w={{ base: '100%', sm: 220 }}
        />
        <Select
          label="Action"
          placeholder={loading ?? 'Any'}
          searchable
          clearable
          nothingFoundMessage="No such action"
          data={f?.actions ?? []}
          value={filters.action ?? null}
          onChange={(v) => set('action', v)}
          w={{ base: '100%', sm: 240 }}
        />
        <Select
          label="Kind of record"
          placeholder={loading ?? 'Any'}
          searchable
          clearable
          data={f?.entityTypes ?? []}
          value={filters.entityType ?? null}
          // A record picked from a row belongs to its kind: changing the kind lets it go.
          onChange={(v) => onChange({ ...filters, entityType: v || undefined, entityId: undefined })}
          w={{ base: '100%', sm: 190 }}
        />
        <TextInput
          label="From"
          type="date"
          value={filters.from ?? ''}
          max={filters.to}
          onChange={(e) => set('from', e.currentTarget.value)}
          w={{ base: '100%', sm: 150 }}
        />
        <TextInput
          label="To"
          type="date"
          value={filters.to ?? ''}
          min={filters.from}
          onChange={(e) => set('to', e.currentTarget.value)}
          w={{ base: '100%', sm: 150 }}
        />
        {anyFilter && (
          <Button variant="subtle" onClick={() => onChange({})}>
            Clear filters
          </Button>
        )}
      </Group>
      {filters.entityId && (
        <Group gap="xs" mt="xs">
          <Text size="sm">Only the history of {recordName ?? 'one record'}.</Text>
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => onChange({ ...filters, entityId: undefined })}
          >
            Show every record
          </Button>
        </Group>
      )}
    </div>
  );
}
