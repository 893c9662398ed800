import { Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { timelineQueryOptions } from '../../api/deals';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert, LoadingState } from '../../components/query-state';

export function TimelineSection({ dealId }: { dealId: string }) {
  const timeline = useQuery(timelineQueryOptions(dealId));
  const items = timeline.data ?? [];

  return (
    <Stack gap="sm" component="section" aria-labelledby="deal-timeline">
      <Title order={2} size="h3" id="deal-timeline">
        History
      </Title>
      {timeline.isPending ? (
        <LoadingState label="Loading history…" />
      ) : timeline.isError ? (
        <ErrorAlert error={timeline.error} title="The history could not be loaded" />
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm">
          Nothing recorded yet.
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={items.length - 1}>
          {items.map((entry, index) => (
            <Timeline.Item key={`${entry.at}-${index}`} title={entry.summary}>
              <Text size="xs" c="dimmed">
                {formatDateTime(entry.at)}
                {entry.actor && ` · ${entry.actor}`}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
