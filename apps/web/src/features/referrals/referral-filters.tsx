import { Select } from '@mantine/core';
import type { ReferralFilters as Filters } from '../../api/referrals';
import { FilterBar, FilterSearch } from '../../components/filter-bar';
import { referralSourceLabels, referralSourceList, referralStatusCopy, referralStatusList } from './labels';
import { hasFilters } from './referral-search';

const statusOptions = referralStatusList.map((value) => ({ value, label: referralStatusCopy[value].label }));
const sourceOptions = referralSourceList.map((value) => ({ value, label: referralSourceLabels[value] }));

interface Props {
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** Vendor staff also see leads from the public partner locator, and may tell them apart. */
  showSource: boolean;
}

export function ReferralFilters({ filters, onChange, showSource }: Props) {
  return (
    <FilterBar
      label="Filter referrals"
      q={filters.q}
      onSearch={(q) => onChange({ ...filters, q })}
      filtered={hasFilters(filters)}
      onClear={() => onChange({ box: filters.box })}
    >
      <FilterSearch placeholder="Company or domain" width={260} />
      <Select
        label="Status"
        placeholder="Any status"
        data={statusOptions}
        value={filters.status ?? null}
        onChange={(value) => onChange({ ...filters, status: (value as Filters['status']) ?? undefined })}
        clearable
        w={{ base: '100%', sm: 160 }}
      />
      {showSource && (
        <Select
          label="Source"
          placeholder="Any source"
          data={sourceOptions}
          value={filters.source ?? null}
          onChange={(value) => onChange({ ...filters, source: (value as Filters['source']) ?? undefined })}
          clearable
          w={{ base: '100%', sm: 200 }}
        />
      )}
    </FilterBar>
  );
}
