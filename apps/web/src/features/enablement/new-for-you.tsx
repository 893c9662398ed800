import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { assetsQueryOptions } from '../../api/enablement';
import { formatDate } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { useCan } from '../auth/session';

/** A partner's home: what the library gained for its segments in the last 30 days (the newest five). */
export function NewForYou() {
  const canRead = useCan('enablement:read');
  const fresh = useInfiniteQuery({ ...assetsQueryOptions({ fresh: true }), enabled: canRead });
  const items = fresh.data?.pages[0]?.items.slice(0, 5) ?? [];
  if (!canRead || items.length === 0) return null;
  return (
    <Card withBorder component="section" aria-label="New for you">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <IconSparkles size={18} aria-hidden />
            <Title order={2} size="h4">
              New for you
            </Title>
          </Group>
          <AnchorLink to="/enablement/library" size="sm">
            Content library
          </AnchorLink>
        </Group>
        {items.map((a) => (
          <Group key={a.id} justify="space-between" wrap="nowrap">
            <AnchorLink to="/enablement/library/$assetId" params={{ assetId: a.id }}>
              {a.title}
            </AnchorLink>
            <Text size="xs" c="dimmed">
              {formatDate(a.publishedAt)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
