import { type ComboboxItem, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { partnerPickerQueryOptions } from '../../api/connections';
import { partnerQueryOptions } from '../../api/partners';

interface Props {
  value: string | null;
  onChange: (id: string | null) => void;
}

/** Vendor staff narrow a list to one partner, found by name or domain (GET /partners?q=). */
export function PartnerFilter({ value, onChange }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const found = useQuery({ ...partnerPickerQueryOptions(debounced), placeholderData: keepPreviousData });
  // A partner named by the URL is looked up for its name.
  const selected = useQuery({
    ...partnerQueryOptions(value ?? ''),
    enabled: value !== null && picked[value] === undefined,
  });

  const options: ComboboxItem[] = (found.data ?? []).map((o) => ({ value: o.id, label: o.name }));
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: picked[value] ?? selected.data?.name ?? 'Selected partner' });
  }

  return (
    <Select
      label="Partner"
      placeholder="Any partner"
      data={options}
      value={value}
      onChange={(id, option) => {
        if (id && option) setPicked((all) => ({ ...all, [id]: option.label }));
        onChange(id);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server searched already (names and domains); filtering again by label would drop domain matches.
      filter={({ options: all }) => all}
      nothingFoundMessage={
        found.isError
          ? 'The partners could not be loaded'
          : found.isFetching
            ? 'Searching…'
            : 'No partner matches'
      }
      clearable
      w={{ base: '100%', sm: 260 }}
    />
  );
}
