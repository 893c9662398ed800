// The vendor's 360° view of a partner, one tab at a time: its deals, its programs' tier history,
// and what happened around it (the audit log for the organization). Each part reads an existing
// endpoint with a filter; performance and notes live in their own files.
import { Badge, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { auditLogQueryOptions } from '../../api/audit';
import { dealListQueryOptions } from '../../api/deals';
import { enrollmentsQueryOptions } from '../../api/programs';
import { formatDateTime } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useCan } from '../auth/session';
import { DealsTable } from '../deals/deals-table';
import { TierHistory } from '../programs/enrollments/tier-history';

/** Deals the partner registered or takes part in, newest first. */
export function PartnerDeals({ partnerId }: { partnerId: string }) {
  const deals = useInfiniteQuery(dealListQueryOptions({ involved: partnerId }));
  const items = deals.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="partner-deals-title">
      <Title order={2} size="h3" id="partner-deals-title">
        Deals
      </Title>
      {deals.isPending ? (
        <LoadingState label="Loading deals…" />
      ) : deals.isError ? (
        <ErrorAlert error={deals.error} title="The deals could not be loaded" />
      ) : items.length === 0 ? (
        <Text c="dimmed">
          No deals yet. Deals the partner registers, or is added to, appear here with their status and
          protection.
        </Text>
      ) : (
        <DealsTable deals={items} />
      )}
      {deals.hasNextPage && (
        <LoadMore
          hasNextPage={deals.hasNextPage}
          isFetchingNextPage={deals.isFetchingNextPage}
          fetchNextPage={deals.fetchNextPage}
          shown={items.length}
          noun="deals"
        />
      )}
    </Stack>
  );
}

/** Each enrollment's tier moves, so a manager sees how the partner got where it is. */
export function PartnerTierHistory({ partnerId }: { partnerId: string }) {
  const enrollments = useQuery(enrollmentsQueryOptions({ organizationId: partnerId }));
  return (
    <Stack gap="sm" component="section" aria-labelledby="partner-tier-history-title">
      <Title order={2} size="h3" id="partner-tier-history-title">
        Tier history
      </Title>
      {enrollments.isPending ? (
        <LoadingState label="Loading enrollments…" />
      ) : enrollments.isError ? (
        <ErrorAlert error={enrollments.error} title="The enrollments could not be loaded" />
      ) : enrollments.data.length === 0 ? (
        <Text c="dimmed">Not enrolled in a program: enroll the partner to start its tier history.</Text>
      ) : (
        enrollments.data.map((e) => (
          <Stack key={e.id} gap={4}>
            <Text fw={600}>{e.program.name}</Text>
            <TierHistory enrollmentId={e.id} label={`Tier history in ${e.program.name}`} />
          </Stack>
        ))
      )}
    </Stack>
  );
}

/** What the partner's people did and what was done to the partner, newest first (the audit log's own filter). */
export function PartnerActivity({ partnerId }: { partnerId: string }) {
  const canRead = useCan('audit:read');
  const log = useInfiniteQuery({ ...auditLogQueryOptions({ organizationId: partnerId }), enabled: canRead });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="partner-activity-title">
      <Group justify="space-between" align="baseline">
        <Title order={2} size="h3" id="partner-activity-title">
          Activity
        </Title>
        {canRead && (
          <AnchorLink to="/audit-log" search={{ organizationId: partnerId }} size="sm">
            Open in the audit log
          </AnchorLink>
        )}
      </Group>
      {!canRead ? (
        <Text c="dimmed">The activity timeline comes from the audit log, which your role does not read.</Text>
      ) : log.isPending ? (
        <LoadingState label="Loading activity…" />
      ) : log.isError ? (
        <ErrorAlert error={log.error} title="The activity could not be loaded" />
      ) : items.length === 0 ? (
        <Text c="dimmed">
          Nothing has happened yet: sign-ins, deals and changes to this partner show up here.
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2} aria-label="Activity timeline">
          {items.map((entry) => (
            <Timeline.Item
              key={entry.id}
              title={
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {entry.actionLabel}
                  </Text>
                  {entry.entityName && (
                    <Badge variant="light" color="gray" tt="none">
                      {entry.entityTypeLabel}: {entry.entityName}
                    </Badge>
                  )}
                </Group>
              }
            >
              <Text size="xs" c="dimmed">
                {entry.actor.name ?? 'The system'}
                {entry.actor.organizationName && ` (${entry.actor.organizationName})`} ·{' '}
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
      {log.hasNextPage && (
        <LoadMore
          hasNextPage={log.hasNextPage}
          isFetchingNextPage={log.isFetchingNextPage}
          fetchNextPage={log.fetchNextPage}
          shown={items.length}
          noun="entries"
        />
      )}
    </Stack>
  );
}
