import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { ReferralFilters as Filters } from '../../api/referrals';
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
  // The search box answers every keystroke; the URL (and the request) follow once typing pauses.
  const [q, setQ] = useState(filters.q ?? '');
  const applyQ = useDebouncedCallback(
    (value: string) => onChange({ ...filters, q: value.trim() || undefined }),
    300,
  );

  return (
    <Group align="flex-end" gap="sm" role="search" aria-label="Filter referrals">
      <TextInput
        label="Search"
        placeholder="Company or domain"
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          applyQ(e.currentTarget.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') applyQ.flush();
        }}
        w={{ base: '100%', sm: 260 }}
      />
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
      {hasFilters(filters) && (
        <Button
          variant="subtle"
          onClick={() => {
            applyQ.cancel();
            setQ('');
            onChange({ box: filters.box });
          }}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
