import { Fieldset, MultiSelect, SimpleGrid, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { SegmentInput } from '../../api/community';
import { partnerTypesQueryOptions } from '../../api/partner-types';
import { programsQueryOptions } from '../../api/programs';
import { countryOptions } from '../../components/countries';

export type SegmentValue = Required<SegmentInput>;
export const emptySegment: SegmentValue = { partnerTypes: [], programIds: [], tierIds: [], countries: [] };

export const segmentIsEmpty = (s: SegmentValue) =>
  s.partnerTypes.length + s.programIds.length + s.tierIds.length + s.countries.length === 0;

interface Props {
  legend: string;
  value: SegmentValue;
  onChange: (value: SegmentValue) => void;
  error?: string;
}

/**
 * Who a space, an announcement or an event is for: partners matching every list that is filled in
 * (any entry within a list). Tiers are offered for the programs chosen, or for every program.
 */
export function SegmentPicker({ legend, value, onChange, error }: Props) {
  const types = useQuery(partnerTypesQueryOptions);
  const programs = useQuery(programsQueryOptions());
  const chosen = (programs.data ?? []).filter(
    (p) => value.programIds.length === 0 || value.programIds.includes(p.id),
  );
  const tierOptions = chosen.map((p) => ({
    group: p.name,
    items: p.tiers.map((t) => ({ value: t.id, label: `${t.name} (${p.name})` })),
  }));
  const set = (patch: Partial<SegmentValue>) => onChange({ ...value, ...patch });

  return (
    <Fieldset legend={legend}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect
          label="Partner types"
          placeholder={value.partnerTypes.length ? undefined : 'Any type'}
          data={(types.data ?? []).map((t) => ({ value: t.code, label: t.name }))}
          value={value.partnerTypes}
          onChange={(partnerTypes) => set({ partnerTypes })}
          clearable
          searchable
        />
        <MultiSelect
          label="Programs"
          placeholder={value.programIds.length ? undefined : 'Any program'}
          data={(programs.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={value.programIds}
          onChange={(programIds) => {
            const allowed = new Set(
              (programs.data ?? [])
                .filter((p) => programIds.length === 0 || programIds.includes(p.id))
                .flatMap((p) => p.tiers.map((t) => t.id)),
            );
            set({ programIds, tierIds: value.tierIds.filter((id) => allowed.has(id)) });
          }}
          clearable
          searchable
        />
        <MultiSelect
          label="Tiers"
          placeholder={value.tierIds.length ? undefined : 'Any tier'}
          data={tierOptions}
          value={value.tierIds}
          onChange={(tierIds) => set({ tierIds })}
          clearable
          searchable
        />
        <MultiSelect
          label="Countries"
          placeholder={value.countries.length ? undefined : 'Any country'}
          data={countryOptions}
          value={value.countries}
          onChange={(countries) => set({ countries })}
          clearable
          searchable
          limit={50}
        />
      </SimpleGrid>
      <Text size="xs" c={error ? 'red' : 'dimmed'} mt="xs" role={error ? 'alert' : undefined}>
        {error ??
          'Partners matching every list you fill in; programs and tiers count through active enrollments.'}
      </Text>
    </Fieldset>
  );
}
