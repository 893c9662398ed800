import { Text, Title } from '@mantine/core';
import type { MarketplaceFilters } from '../../api/marketplace';
import { PartnerSearch } from './partner-search';
import { LocatorFrame } from './public-frame';
import { useBrandTitle } from '../brand/brand-mark';

const facets = ['country', 'industry', 'type', 'certification'] as const;

/** The public partner locator: customers find a partner by need, country and industry, signed out. */
export function LocatorPage({
  filters,
  onFiltersChange,
}: {
  filters: MarketplaceFilters;
  onFiltersChange: (filters: MarketplaceFilters) => void;
}) {
  useBrandTitle('Find a partner');
  return (
    <LocatorFrame>
      <div>
        <Title order={1}>Find a partner</Title>
        <Text c="dimmed">
          Search our partners by what you need, where you are and your industry, then contact them directly.
        </Text>
      </div>
      <PartnerSearch source="locator" filters={filters} onFiltersChange={onFiltersChange} facets={facets} />
    </LocatorFrame>
  );
}
