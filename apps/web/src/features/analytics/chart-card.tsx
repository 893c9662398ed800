import { Button, Card, Center, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconChartBar, IconDownload, IconTable } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';

interface Props {
  title: string;
  description?: ReactNode;
  /** The API's CSV of exactly these figures. */
  csvHref: string;
  /** Why there is nothing to draw (metrics.md: say so, never show 0% or NaN); null when there is data. */
  empty: string | null;
  table: ReactNode;
  children: ReactNode;
  /** Charts that are tables already (a heat map) need no second view. */
  tableOnly?: boolean;
}

/** Every chart has a table view with the same numbers and a CSV download (metrics.md). */
export function ChartCard({ title, description, csvHref, empty, table, children, tableOnly }: Props) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const id = `chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap">
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
          <Group gap="xs">
            {!tableOnly && !empty && (
              <SegmentedControl
                size="xs"
                value={view}
                onChange={(v) => setView(v as 'chart' | 'table')}
                aria-label={`${title}: view`}
                data={[
                  {
                    value: 'chart',
                    label: (
                      <Group gap={4} wrap="nowrap">
                        <IconChartBar size={14} /> Chart
                      </Group>
                    ),
                  },
                  {
                    value: 'table',
                    label: (
                      <Group gap={4} wrap="nowrap">
                        <IconTable size={14} /> Table
                      </Group>
                    ),
                  },
                ]}
              />
            )}
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
        </Group>
        {empty ? (
          <Center mih={120}>
            <Text c="dimmed" role="status">
              {empty}
            </Text>
          </Center>
        ) : tableOnly || view === 'table' ? (
          table
        ) : (
          children
        )}
      </Stack>
    </Card>
  );
}
