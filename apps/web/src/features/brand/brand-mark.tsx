import { Anchor, Group, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { brandQueryOptions } from '../../api/brand';

/** The vendor's name while the brand loads or when it cannot: neutral, never the tool's own name. */
const FALLBACK_NAME = 'Partner program';

export function useBrand() {
  return useQuery(brandQueryOptions).data;
}

/** The vendor's logo and name, as the app shell and the public pages show them. */
export function BrandMark({ size = 'lg' }: { size?: 'md' | 'lg' }) {
  const brand = useBrand();
  return (
    <Group gap="xs" wrap="nowrap">
      {/* A plain image (Mantine's Image adds only a fallback this logo does not use, to every page). */}
      {brand?.logoUrl && (
        <img
          src={brand.logoUrl}
          alt=""
          style={{ display: 'block', height: size === 'lg' ? 28 : 22, width: 'auto' }}
        />
      )}
      <Text fw={800} fz={size} c="var(--mantine-primary-color-filled)" data-testid="brand-name">
        {brand?.name ?? FALLBACK_NAME}
      </Text>
    </Group>
  );
}

/** The one place a public page names the tool it runs on. */
export function PoweredBy() {
  return (
    <Text size="xs" c="dimmed">
      Powered by{' '}
      <Anchor href="https://github.com/partnergraph" size="xs" c="dimmed" underline="always">
        PartnerGraph
      </Anchor>
    </Text>
  );
}

/** The vendor's support contact, where a public page offers help. */
export function SupportContact() {
  const brand = useBrand();
  if (!brand?.supportEmail && !brand?.supportUrl) return null;
  return (
    <Text size="xs" c="dimmed">
      Questions?{' '}
      {brand.supportEmail && (
        <Anchor href={`mailto:${brand.supportEmail}`} size="xs">
          {brand.supportEmail}
        </Anchor>
      )}
      {brand.supportEmail && brand.supportUrl && ' · '}
      {brand.supportUrl && (
        <Anchor href={brand.supportUrl} size="xs">
          Help
        </Anchor>
      )}
    </Text>
  );
}

/** The tab's title: the page, then the vendor's name. */
export function useBrandTitle(title: string) {
  const brand = useBrand();
  useDocumentTitle(`${title} · ${brand?.name ?? FALLBACK_NAME}`);
}
