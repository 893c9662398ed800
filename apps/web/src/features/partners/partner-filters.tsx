import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { partnerTypesQueryOptions } from '../../api/partner-types';
import type { PartnerFilters as Filters, PartnerSort } from '../../api/partners';
import { countryOptions } from '../../components/countries';
import { hasFilters, partnerStatuses } from './partner-search';
import { statusLabels } from './partner-status-badge';

const statusOptions = partnerStatuses.map((value) => ({ value, label: statusLabels[value] }));

const sortOptions: { value: PartnerSort; label: string }[] = [
  { value: 'name', label: 'Name A–Z' },
  { value: '-name', label: 'Name Z–A' },
  { value: '-createdAt', label: 'Newest first' },
  { value: 'createdAt', label: 'Oldest first' },
  { value: 'country', label: 'Country A–Z' },
  { value: '-country', label: 'Country Z–A' },
];

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

export function PartnerFilters({ filters, onChange }: Props) {
  const types = useQuery(partnerTypesQueryOptions);
  const typeOptions = (types.data ?? []).map((t) => ({ value: t.code, label: t.name }));
  // The search box answers every keystroke; the URL (and the request) follow once typing pauses.
  const [q, setQ] = useState(filters.q ?? '');
  const applyQ = useDebouncedCallback(
    (value: string) => onChange({ ...filters, q: value.trim() || undefined }),
    300,
  );

  const set = <K extends keyof Filters>(key: K, value: Filters[K] | null) =>
    onChange({ ...filters, [key]: value ?? undefined });

  return (
    <Group align="flex-end" gap="sm" role="search" aria-label="Filter partners">
      <TextInput
        label="Search"
        placeholder="Name or domain"
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          applyQ(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') applyQ.flush();
        }}
        w={{ base: '100%', sm: 220 }}
      />
      <Select
        label="Status"
        placeholder="Any status"
        data={statusOptions}
        value={filters.status ?? null}
        onChange={(value) => set('status', value as Filters['status'] | null)}
        clearable
        w={{ base: '100%', sm: 140 }}
      />
      <Select
        label="Partner type"
        placeholder={types.isError ? 'Types could not be loaded' : 'Any type'}
        data={typeOptions}
        value={filters.type ?? null}
        onChange={(value) => set('type', value)}
        clearable
        searchable
        w={{ base: '100%', sm: 210 }}
      />
      <Select
        label="Country"
        placeholder="Any country"
        data={countryOptions}
        value={filters.country ?? null}
        onChange={(value) => set('country', value)}
        clearable
        searchable
        w={{ base: '100%', sm: 180 }}
      />
      <Select
        label="Sort"
        data={sortOptions}
        value={filters.sort ?? 'name'}
        onChange={(value) => set('sort', value === 'name' ? null : (value as PartnerSort | null))}
        allowDeselect={false}
        w={{ base: '100%', sm: 150 }}
      />
      {hasFilters(filters) && (
        <Button
          variant="subtle"
          onClick={() => {
            applyQ.cancel();
            setQ('');
            onChange({ sort: filters.sort });
          }}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
