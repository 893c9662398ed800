import { Group, Stack, Text, Title } from '@mantine/core';
import { IconId } from '@tabler/icons-react';
import type { MarketplaceFilters } from '../../api/marketplace';
import { ButtonLink } from '../../components/links';
import { useSession } from '../auth/session';
import { PartnerSearch } from './partner-search';
import { useBrandTitle } from '../brand/brand-mark';

const facets = ['type', 'country', 'industry', 'service', 'badge', 'certification'] as const;

/** Signed-in search over the partners' published profiles. */
export function MarketplacePage({
  filters,
  onFiltersChange,
}: {
  filters: MarketplaceFilters;
  onFiltersChange: (filters: MarketplaceFilters) => void;
}) {
  useBrandTitle('Marketplace');
  const { organization } = useSession();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>Marketplace</Title>
          <Text c="dimmed" size="sm">
            Find partners to refer to, integrate with and sell with: every partner that published its profile.
          </Text>
        </div>
        {organization.kind === 'partner' && (
          <ButtonLink to="/organization/profile" variant="default" leftSection={<IconId size={16} />}>
            Your company profile
          </ButtonLink>
        )}
      </Group>
      <PartnerSearch
        source="marketplace"
        filters={filters}
        onFiltersChange={onFiltersChange}
        facets={facets}
      />
    </Stack>
  );
}
