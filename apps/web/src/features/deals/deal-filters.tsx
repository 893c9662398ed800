import { Select, Switch } from '@mantine/core';
import type { DealFilters as Filters, DealSort } from '../../api/deals';
import { FilterBar, FilterSearch } from '../../components/filter-bar';
import { countryOptions } from '../../components/countries';
import { useSession } from '../auth/session';
import { hasFilters } from './deal-search';
import { dealSorts, dealStatusCopy, dealStatuses, sortLabels } from './labels';
import { OrganizationPicker } from './organization-picker';

const statusOptions = dealStatuses.map((value) => ({ value, label: dealStatusCopy[value].label }));
const sortOptions = dealSorts.map((value) => ({ value, label: sortLabels[value] }));

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
}

export function DealFilters({ filters, onChange }: Props) {
  const { organization, user } = useSession();
  const isVendor = organization.kind === 'vendor';
  // The server reads `mine` for channel managers only: the partners assigned to them.
  const isChannelManager = user.role === 'channel_manager';
  const set = <K extends keyof Filters>(key: K, value: Filters[K] | null) =>
    onChange({ ...filters, [key]: value ?? undefined });

  return (
    <FilterBar
      label="Filter deals"
      q={filters.q}
      onSearch={(q) => onChange({ ...filters, q })}
      filtered={hasFilters(filters)}
      onClear={() => onChange({ sort: filters.sort })}
    >
      <FilterSearch placeholder="Customer name or domain" width={220} />
      <Select
        label="Status"
        placeholder="Any status"
        data={statusOptions}
        value={filters.status ?? null}
        onChange={(value) => set('status', value as Filters['status'] | null)}
        clearable
        w={{ base: '100%', sm: 150 }}
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
      {isVendor && (
        <OrganizationPicker
          source="partners"
          label="Registering partner"
          placeholder="Any partner"
          value={filters.registeredBy ?? null}
          onChange={(id) => set('registeredBy', id)}
          clearable
          w={{ base: '100%', sm: 220 }}
        />
      )}
      <Select
        label="Sort"
        data={sortOptions}
        value={filters.sort ?? '-createdAt'}
        onChange={(value) => set('sort', value === '-createdAt' ? null : (value as DealSort | null))}
        allowDeselect={false}
        w={{ base: '100%', sm: 170 }}
      />
      {isChannelManager && (
        <Switch
          label="Only my partners"
          checked={filters.mine === 'true'}
          onChange={(e) => set('mine', e.currentTarget.checked ? 'true' : null)}
          mb={8}
        />
      )}
    </FilterBar>
  );
}
