import { Button, Group, SimpleGrid, type SimpleGridProps, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  description?: ReactNode;
  /** The API's CSV of exactly these figures (metrics.md: every figure can be exported). */
  csvHref: string;
  cols?: SimpleGridProps['cols'];
  /** HeadlineCards. */
  children: ReactNode;
}

/** A titled row of headline figures with its CSV download: what ChartCard is to a chart. */
export function HeadlineSection({ title, description, csvHref, cols, children }: Props) {
  const id = `headlines-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        <Button
          component="a"
          href={csvHref}
          download
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} />}
          aria-label={`Download ${title} as CSV`}
        >
          CSV
        </Button>
      </Group>
      <SimpleGrid cols={cols ?? { base: 1, xs: 2, md: 3, lg: 4 }}>{children}</SimpleGrid>
    </Stack>
  );
}
