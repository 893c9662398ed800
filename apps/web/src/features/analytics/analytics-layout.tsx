import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AnalyticsParams } from '../../api/analytics';
import { ButtonLink } from '../../components/links';
import { FilterBar } from './filter-bar';
import { formatPeriod } from './format';
import { useBrandTitle } from '../brand/brand-mark';

export const dashboards = [
  { to: '/analytics', label: 'Overview' },
  { to: '/analytics/revenue', label: 'Revenue' },
  { to: '/analytics/pipeline', label: 'Pipeline' },
  { to: '/analytics/referrals', label: 'Referrals' },
  { to: '/analytics/coverage', label: 'Coverage' },
  { to: '/analytics/integrations', label: 'Integrations' },
  { to: '/analytics/network', label: 'Network' },
] as const;

interface Props {
  title: string;
  description: ReactNode;
  params: AnalyticsParams;
  onParamsChange: (next: AnalyticsParams) => void;
  /** The period the server computed, once known: "1 Jan 2025 – 31 Dec 2025 · USD". */
  computed?: { from: string; to: string; currency: string; computedAt?: string } | undefined;
  showModel?: boolean;
  children: ReactNode;
}

/** The frame of every ecosystem dashboard: its tabs, the shared period and filters (kept in the URL). */
export function AnalyticsLayout({
  title,
  description,
  params,
  onParamsChange,
  computed,
  showModel,
  children,
}: Props) {
  useBrandTitle(`${title} · Analytics`);
  return (
    <Stack>
      <div>
        <Title order={1}>{title}</Title>
        <Text c="dimmed" size="sm">
          {description}
        </Text>
      </div>
      <Group gap={4} component="nav" aria-label="Dashboards" wrap="wrap">
        {dashboards.map((d) => (
          <ButtonLink
            key={d.to}
            to={d.to}
            search={params}
            size="compact-sm"
            variant="subtle"
            activeOptions={{ exact: true, includeSearch: false }}
            activeProps={{ variant: 'light', 'aria-current': 'page' }}
          >
            {d.label}
          </ButtonLink>
        ))}
      </Group>
      <FilterBar params={params} onChange={onParamsChange} showModel={showModel} />
      {computed && (
        <Text size="xs" c="dimmed" aria-live="polite">
          {formatPeriod(computed.from, computed.to)} · amounts in {computed.currency}
          {/* A large ecosystem's slow report is kept a few minutes: the time says how fresh it is. */}
          {computed.computedAt && ` · computed at ${new Date(computed.computedAt).toLocaleTimeString()}`}
        </Text>
      )}
      {children}
    </Stack>
  );
}
