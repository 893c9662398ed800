import { Alert, Button, Group, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { PopulationFilter } from '@partnergraph/shared/contracts/mapping';
import { formatMinor } from '@partnergraph/shared/money-format';
import { errorMessage } from '../../api/client';
import { useUpdatePopulation, type Population } from '../../api/mapping';
import { partnerTypesQueryOptions } from '../../api/partner-types';
import { industriesQueryOptions } from '../../api/settings';
import { countryName, countryOptions } from '../../components/countries';
import { dealStages, dealStatusCopy, dealStatuses, stageLabels } from '../deals/labels';
import { industryOptions } from '../referrals/industry-options';
import { currencyOptions, majorAmountText, parseMajorAmount } from '../settings/format';

/** A deal filter as its inputs hold it: amounts as the major units a person types. */
export interface FilterDraft {
  statuses: string[];
  stages: string[];
  industries: string[];
  countries: string[];
  partnerTypes: string[];
  currency: string | null;
  min: string;
  max: string;
}

export const emptyDraft: FilterDraft = {
  statuses: ['registered', 'approved'],
  stages: [],
  industries: [],
  countries: [],
  partnerTypes: [],
  currency: null,
  min: '',
  max: '',
};

export function draftOf(filter: Population['filter']): FilterDraft {
  if (!filter) return emptyDraft;
  const currency = filter.amount?.currency ?? null;
  const text = (v: number | undefined) => (v === undefined || !currency ? '' : majorAmountText(v, currency));
  return {
    statuses: filter.statuses,
    stages: filter.stages ?? [],
    industries: filter.industries ?? [],
    countries: filter.countries ?? [],
    partnerTypes: filter.partnerTypes ?? [],
    currency,
    min: text(filter.amount?.min),
    max: text(filter.amount?.max),
  };
}

/** The filter the API takes, or what to fix first. Empty lists are left out: they filter nothing. */
export function filterOf(d: FilterDraft): { filter: PopulationFilter } | { error: string } {
  if (!d.statuses.length) return { error: 'Choose at least one deal status' };
  const filter: PopulationFilter = { statuses: d.statuses as PopulationFilter['statuses'] };
  if (d.stages.length) filter.stages = d.stages as NonNullable<PopulationFilter['stages']>;
  if (d.industries.length) filter.industries = d.industries;
  if (d.countries.length) filter.countries = d.countries;
  if (d.partnerTypes.length) filter.partnerTypes = d.partnerTypes;
  if (d.min.trim() || d.max.trim()) {
    if (!d.currency) return { error: 'Choose the currency of the amount range' };
    const amount: NonNullable<PopulationFilter['amount']> = { currency: d.currency };
    for (const key of ['min', 'max'] as const) {
      if (!d[key].trim()) continue;
      const parsed = parseMajorAmount(d[key], d.currency, { allowZero: true });
      if ('error' in parsed) return { error: `${key === 'min' ? 'Minimum' : 'Maximum'}: ${parsed.error}` };
      amount[key] = parsed.minor;
    }
    filter.amount = amount;
  }
  return { filter };
}

/** The filter in words, for the list of populations. */
export function describeFilter(filter: NonNullable<Population['filter']>) {
  const parts = [filter.statuses.map((s) => dealStatusCopy[s].label).join(' or ')];
  if (filter.stages?.length) parts.push(`stage ${filter.stages.map((s) => stageLabels[s]).join(' or ')}`);
  if (filter.industries?.length) parts.push(`industry ${filter.industries.join(', ')}`);
  if (filter.countries?.length) parts.push(`in ${filter.countries.map(countryName).join(', ')}`);
  if (filter.amount) {
    const { currency, min, max } = filter.amount;
    const at = (v: number) => formatMinor(v, currency);
    parts.push(
      min !== undefined && max !== undefined
        ? `${at(min)}–${at(max)}`
        : min !== undefined
          ? `at least ${at(min)}`
          : `at most ${at(max!)}`,
    );
  }
  if (filter.partnerTypes?.length) parts.push(`registered by ${filter.partnerTypes.join(', ')}`);
  return parts.join(' · ');
}

/** The inputs of a deal filter: statuses, stages, industries, countries, an amount range, partner types. */
export function DealFilterFields(props: { value: FilterDraft; onChange: (d: FilterDraft) => void }) {
  const industries = useQuery(industriesQueryOptions);
  const types = useQuery(partnerTypesQueryOptions);
  const d = props.value;
  const set = <K extends keyof FilterDraft>(key: K, v: FilterDraft[K]) => props.onChange({ ...d, [key]: v });
  return (
    <Stack gap="xs">
      <Group grow align="flex-start">
        <MultiSelect
          label="Deal status"
          required
          data={dealStatuses.map((s) => ({ value: s, label: dealStatusCopy[s].label }))}
          value={d.statuses}
          onChange={(v) => set('statuses', v)}
        />
        <MultiSelect
          label="Stage"
          placeholder="Any stage"
          data={dealStages.map((s) => ({ value: s, label: stageLabels[s] }))}
          value={d.stages}
          onChange={(v) => set('stages', v)}
          clearable
        />
        <MultiSelect
          label="Industry"
          placeholder="Any industry"
          data={industryOptions(industries.data)}
          value={d.industries}
          onChange={(v) => set('industries', v)}
          searchable
          clearable
        />
      </Group>
      <Group grow align="flex-start">
        <MultiSelect
          label="Country"
          placeholder="Any country"
          data={countryOptions}
          value={d.countries}
          onChange={(v) => set('countries', v)}
          searchable
          clearable
        />
        <MultiSelect
          label="Registering partner's type"
          placeholder="Any partner"
          data={(types.data ?? []).map((t) => ({ value: t.code, label: t.name }))}
          value={d.partnerTypes}
          onChange={(v) => set('partnerTypes', v)}
          clearable
        />
      </Group>
      <Group grow align="flex-start">
        <Select
          label="Amount currency"
          description="Deals in other currencies are converted at today's rates"
          placeholder="Any amount"
          data={currencyOptions}
          value={d.currency}
          onChange={(v) => set('currency', v)}
          searchable
          clearable
        />
        <TextInput
          label="Amount at least"
          value={d.min}
          onChange={(e) => set('min', e.currentTarget.value)}
        />
        <TextInput label="Amount at most" value={d.max} onChange={(e) => set('max', e.currentTarget.value)} />
      </Group>
    </Stack>
  );
}

/** A custom population's filter, edited in place: saving rebuilds its accounts from the deals. */
export function EditDealFilter({ population }: { population: Population }) {
  const update = useUpdatePopulation();
  const [draft, setDraft] = useState(() => draftOf(population.filter));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Stack gap="xs">
      {population.filter && (
        <Text size="sm" c="dimmed">
          Deals: {describeFilter(population.filter)}
        </Text>
      )}
      <DealFilterFields value={draft} onChange={setDraft} />
      {problem && <Alert color="red">{problem}</Alert>}
      {update.error && <Alert color="red">{errorMessage(update.error)}</Alert>}
      <Group>
        <Button
          size="xs"
          variant="default"
          loading={update.isPending}
          onClick={() => {
            const made = filterOf(draft);
            if ('error' in made) return setProblem(made.error);
            setProblem(null);
            update.mutate({ id: population.id, version: population.version, filter: made.filter });
          }}
        >
          Save filter and rebuild
        </Button>
        {update.isSuccess && (
          <Text size="sm" role="status">
            Saved: {update.data.accountCount} accounts.
          </Text>
        )}
      </Group>
    </Stack>
  );
}
