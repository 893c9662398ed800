import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { partnerTypesQueryOptions } from '../../api/partner-types';
import type { PartnerFilters as Filters, PartnerSort } from '../../api/partners';
import { FilterBar, FilterSearch } from '../../components/filter-bar';
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

  const set = <K extends keyof Filters>(key: K, value: Filters[K] | null) =>
    onChange({ ...filters, [key]: value ?? undefined });

  return (
    <FilterBar
      label="Filter partners"
      q={filters.q}
      onSearch={(q) => onChange({ ...filters, q })}
      filtered={hasFilters(filters)}
      onClear={() => onChange({ sort: filters.sort })}
    >
      <FilterSearch placeholder="Name or domain" width={220} />
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
    </FilterBar>
  );
}
