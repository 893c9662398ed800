import { Button, Group, Select, TextInput } from '@mantine/core';
import { attributionModels } from '@partnergraph/shared/codes';
import { IconFilterOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { AnalyticsParams } from '../../api/analytics';
import { partnerTypesQueryOptions } from '../../api/partner-types';
import { programsQueryOptions } from '../../api/programs';
import { industriesQueryOptions } from '../../api/settings';
import { countryOptions } from '../../components/countries';
import { hasAnalyticsFilters } from './analytics-search';

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Periods people ask for, as half-open [from, to) dates in UTC. */
export function presetPeriods(now = new Date()) {
  const y = now.getUTCFullYear();
  const q = Math.floor(now.getUTCMonth() / 3);
  const tomorrow = new Date(Date.UTC(y, now.getUTCMonth(), now.getUTCDate() + 1));
  const yearAgo = new Date(Date.UTC(y - 1, now.getUTCMonth(), now.getUTCDate() + 1));
  return {
    last12: { label: 'Last 12 months', from: iso(yearAgo), to: iso(tomorrow) },
    thisYear: { label: 'This year', from: `${y}-01-01`, to: `${y + 1}-01-01` },
    lastYear: { label: 'Last year', from: `${y - 1}-01-01`, to: `${y}-01-01` },
    thisQuarter: {
      label: 'This quarter',
      from: iso(new Date(Date.UTC(y, q * 3, 1))),
      to: iso(new Date(Date.UTC(y, q * 3 + 3, 1))),
    },
    lastQuarter: {
      label: 'Last quarter',
      from: iso(new Date(Date.UTC(y, q * 3 - 3, 1))),
      to: iso(new Date(Date.UTC(y, q * 3, 1))),
    },
  };
}

export const modelLabels: Record<(typeof attributionModels)[number], string> = {
  even: 'Even split',
  first_touch: 'First involved',
  last_touch: 'Last involved',
};

interface Props {
  params: AnalyticsParams;
  onChange: (next: AnalyticsParams) => void;
  showModel?: boolean;
  /** Partner scorecards take a period and model only. */
  periodOnly?: boolean;
}

/** The period and the filters of metrics.md, shared by every dashboard. */
export function FilterBar({ params, onChange, showModel, periodOnly }: Props) {
  const presets = presetPeriods();
  const types = useQuery({ ...partnerTypesQueryOptions, enabled: !periodOnly });
  const industries = useQuery({ ...industriesQueryOptions, enabled: !periodOnly });
  const programs = useQuery({ ...programsQueryOptions(), enabled: !periodOnly });
  const program = programs.data?.find((p) => p.id === params.programId);
  const preset =
    Object.entries(presets).find(([, p]) => p.from === params.from && p.to === params.to)?.[0] ??
    (params.from || params.to ? 'custom' : 'last12');
  const set = (patch: Partial<AnalyticsParams>) => onChange({ ...params, ...patch });

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label="Period"
        w={170}
        value={preset}
        allowDeselect={false}
        data={[
          ...Object.entries(presets).map(([value, p]) => ({ value, label: p.label })),
          { value: 'custom', label: 'Custom…' },
        ]}
        onChange={(v) => {
          if (!v || v === 'custom')
            return set({ from: params.from ?? presets.last12.from, to: params.to ?? presets.last12.to });
          const p = presets[v as keyof typeof presets];
          set({ from: p.from, to: p.to });
        }}
      />
      {preset === 'custom' && (
        <>
          <TextInput
            type="date"
            label="From"
            w={150}
            value={params.from ?? ''}
            onChange={(e) => set({ from: e.currentTarget.value || undefined })}
          />
          <TextInput
            type="date"
            label="Until (not included)"
            w={170}
            value={params.to ?? ''}
            onChange={(e) => set({ to: e.currentTarget.value || undefined })}
          />
        </>
      )}
      {!periodOnly && (
        <>
          <Select
            label="Customer country"
            placeholder="All"
            w={170}
            searchable
            clearable
            data={countryOptions}
            value={params.country ?? null}
            onChange={(v) => set({ country: v ?? undefined })}
          />
          <Select
            label="Customer industry"
            placeholder="All"
            w={200}
            searchable
            clearable
            data={(industries.data ?? []).map((i) => ({ value: i.code, label: i.name }))}
            value={params.industry ?? null}
            onChange={(v) => set({ industry: v ?? undefined })}
          />
          <Select
            label="Partner type"
            placeholder="All"
            w={190}
            clearable
            data={(types.data ?? []).map((t) => ({ value: t.code, label: t.name }))}
            value={params.partnerType ?? null}
            onChange={(v) => set({ partnerType: v ?? undefined })}
          />
          <Select
            label="Program"
            placeholder="All"
            w={180}
            clearable
            data={(programs.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={params.programId ?? null}
            onChange={(v) => set({ programId: v ?? undefined, tierId: undefined })}
          />
          {program && (
            <Select
              label="Tier"
              placeholder="All"
              w={150}
              clearable
              data={program.tiers.map((t) => ({ value: t.id, label: t.name }))}
              value={params.tierId ?? null}
              onChange={(v) => set({ tierId: v ?? undefined })}
            />
          )}
        </>
      )}
      {showModel && (
        <Select
          label="Attribution model"
          w={170}
          allowDeselect={false}
          data={attributionModels.map((m) => ({ value: m, label: modelLabels[m] }))}
          value={params.model ?? 'even'}
          onChange={(v) => set({ model: (v as AnalyticsParams['model']) ?? undefined })}
        />
      )}
      {hasAnalyticsFilters(params) && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => onChange({ from: params.from, to: params.to, model: params.model })}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
