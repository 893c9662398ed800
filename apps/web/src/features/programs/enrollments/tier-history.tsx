import { Stack, Text, Timeline, Title } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconFlag } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { tierHistoryQueryOptions } from '../../../api/programs';
import { formatDateTime } from '../../../components/dates';
import { ErrorAlert, LoadingState } from '../../../components/query-state';

const historyCopy = {
  initial: { label: 'Joined', color: 'indigo', icon: <IconFlag size={12} /> },
  promotion: { label: 'Promoted', color: 'green', icon: <IconArrowUp size={12} /> },
  demotion: { label: 'Moved down', color: 'orange', icon: <IconArrowDown size={12} /> },
  manual: { label: 'Changed by the vendor', color: 'gray', icon: <IconFlag size={12} /> },
} as const;

/** An enrollment's tier moves: the partner's own programs page and the vendor's partner page. */
export function TierHistory({
  enrollmentId,
  label = 'Tier history',
}: {
  enrollmentId: string;
  /** The section's name for screen readers, told apart where several enrollments' histories share a page. */
  label?: string;
}) {
  const history = useQuery(tierHistoryQueryOptions(enrollmentId));
  return (
    <Stack gap="xs" component="section" aria-label={label}>
      <Title order={3} size="h5">
        Tier history
      </Title>
      {history.isPending ? (
        <LoadingState label="Loading the tier history…" />
      ) : history.isError ? (
        <ErrorAlert error={history.error} title="The tier history could not be loaded" />
      ) : (
        <Timeline bulletSize={20} lineWidth={2}>
          {history.data.map((h) => {
            const copy = historyCopy[h.kind];
            return (
              <Timeline.Item
                key={h.id}
                bullet={copy.icon}
                color={copy.color}
                title={
                  <Text size="sm" fw={600}>
                    {copy.label}: {h.fromTier ? `${h.fromTier} → ` : ''}
                    {h.toTier}
                  </Text>
                }
              >
                <Text size="sm">{h.reason}</Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(h.at)}
                </Text>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Stack>
  );
}
