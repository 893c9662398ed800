import { type ComboboxItem, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { counterpartsQueryOptions, partnerPickerQueryOptions } from '../../api/deals';
import { partnerQueryOptions } from '../../api/partners';

interface Props {
  /**
   * Where the choices come from: vendor staff search every partner (`/partners?q=`); a partner
   * picks among its counterparts (`/referrals/counterparts`), the only organizations it may name.
   */
  source: 'partners' | 'counterparts';
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  placeholder?: string;
  description?: string;
  error?: string;
  required?: boolean;
  clearable?: boolean;
  /** Organizations that may not be picked (already on the deal). */
  exclude?: readonly string[];
  w?: Parameters<typeof Select>[0]['w'];
}

export function OrganizationPicker({ source, value, onChange, exclude = [], ...props }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  // Names of organizations picked in this session, so the chosen one keeps its label when a new search drops it.
  const [picked, setPicked] = useState<Record<string, string>>({});
  const partners = useQuery({
    ...partnerPickerQueryOptions(debounced),
    enabled: source === 'partners',
    placeholderData: keepPreviousData,
  });
  const counterparts = useQuery({ ...counterpartsQueryOptions, enabled: source === 'counterparts' });
  // A value that came from elsewhere (the URL) is named by looking the partner up.
  const selected = useQuery({
    ...partnerQueryOptions(value ?? ''),
    enabled: source === 'partners' && value !== null && picked[value] === undefined,
  });

  const found = (source === 'partners' ? partners.data : counterparts.data) ?? [];
  const options: ComboboxItem[] = found
    .filter((o) => !exclude.includes(o.id))
    .map((o) => ({ value: o.id, label: o.name }));
  if (value && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: picked[value] ?? selected.data?.name ?? 'Selected organization' });
  }
  const failed = source === 'partners' ? partners.isError : counterparts.isError;
  const loading = source === 'partners' ? partners.isFetching : counterparts.isPending;

  return (
    <Select
      {...props}
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
      filter={source === 'partners' ? ({ options: all }) => all : undefined}
      nothingFoundMessage={
        failed
          ? 'The organizations could not be loaded'
          : loading
            ? 'Searching…'
            : source === 'counterparts'
              ? 'No organizations you have worked with yet'
              : 'No organization matches'
      }
    />
  );
}
