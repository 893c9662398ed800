import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Code,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronRight, IconRefresh, IconSend } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { errorMessage } from '../../api/client';
import {
  type Delivery,
  deliveriesQueryOptions,
  useReplayDelivery,
  useSendTestEvent,
  type Webhook,
} from '../../api/webhooks';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { relativeTime } from '../identity/relative-time';
import { DeliveryStatusBadge, deliveryStatusOptions } from './webhook-parts';

const COLUMNS = 9;

type StatusFilter = Delivery['status'] | 'all';

/** Every event sent to the webhook, newest first: its attempts, the answers, and a way to send it again. */
export function DeliveryLog({ webhook }: { webhook: Webhook }) {
  const [status, setStatus] = useState<StatusFilter>('all');
  const list = useInfiniteQuery({
    ...deliveriesQueryOptions(webhook.id, status === 'all' ? {} : { status }),
    placeholderData: keepPreviousData,
  });
  const deliveries = list.data?.pages.flatMap((p) => p.items) ?? [];
  const sendTest = useSendTestEvent(webhook.id);
  const active = webhook.status === 'active';

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="webhook-deliveries">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4" id="webhook-deliveries">
              Deliveries
            </Title>
            <Text size="sm" c="dimmed">
              A failed delivery is retried with growing delays; the <Code>webhook-id</Code> stays the same on
              every attempt and replay.
            </Text>
          </div>
          <Button
            variant="light"
            leftSection={<IconSend size={16} />}
            loading={sendTest.isPending}
            disabled={!active}
            title={active ? undefined : 'Enable the webhook to send a test event'}
            onClick={() =>
              sendTest.mutate(undefined, {
                onSuccess: () =>
                  notifications.show({ color: 'green', message: 'A webhook.test event was queued.' }),
              })
            }
          >
            Send test event
          </Button>
        </Group>
        {sendTest.error && (
          <Alert color="red" role="alert">
            {errorMessage(sendTest.error)}
          </Alert>
        )}
        <SegmentedControl
          aria-label="Delivery status"
          value={status}
          onChange={(value) => setStatus(value as StatusFilter)}
          data={[{ value: 'all', label: 'All' }, ...deliveryStatusOptions]}
          w="fit-content"
        />
        {list.isPending ? (
          <LoadingState label="Loading deliveries…" />
        ) : list.isError ? (
          <ErrorAlert error={list.error} title="The deliveries could not be loaded" />
        ) : deliveries.length === 0 ? (
          <Text c="dimmed" py="md" ta="center">
            {status === 'all' ? 'Nothing has been sent to this webhook yet.' : `No ${status} deliveries.`}
          </Text>
        ) : (
          <>
            <div style={{ opacity: list.isPlaceholderData ? 0.5 : 1 }} aria-busy={list.isPlaceholderData}>
              <DeliveriesTable webhookId={webhook.id} deliveries={deliveries} />
            </div>
            <LoadMore
              hasNextPage={list.hasNextPage}
              isFetchingNextPage={list.isFetchingNextPage}
              fetchNextPage={list.fetchNextPage}
              shown={deliveries.length}
              noun={deliveries.length === 1 ? 'delivery' : 'deliveries'}
            />
          </>
        )}
      </Stack>
    </Card>
  );
}

function When({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {relativeTime(iso)}
    </time>
  );
}

function lastResponse(d: Delivery): string {
  if (d.lastStatusCode !== null && d.lastError) return `${d.lastStatusCode} · ${d.lastError}`;
  if (d.lastStatusCode !== null) return String(d.lastStatusCode);
  return d.lastError ?? '—';
}

function DeliveriesTable({ webhookId, deliveries }: { webhookId: string; deliveries: Delivery[] }) {
  const replay = useReplayDelivery(webhookId);
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Stack gap="xs">
      {replay.error && (
        <Alert color="red" role="alert">
          {errorMessage(replay.error)}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="xs" aria-label="Deliveries">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={44}>
                <VisuallyHidden>Attempts log</VisuallyHidden>
              </Table.Th>
              <Table.Th>Event type</Table.Th>
              <Table.Th>webhook-id</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Last response</Table.Th>
              <Table.Th>Next attempt</Table.Th>
              <Table.Th>Time</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {deliveries.map((d) => {
              const expanded = open.has(d.id);
              const logId = `delivery-log-${d.id}`;
              return (
                <Fragment key={d.id}>
                  <Table.Tr>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        onClick={() => toggle(d.id)}
                        aria-expanded={expanded}
                        aria-controls={expanded ? logId : undefined}
                        aria-label={`${expanded ? 'Hide' : 'Show'} the attempts of ${d.eventType} ${d.eventId}`}
                      >
                        {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                      </ActionIcon>
                    </Table.Td>
                    <Table.Td>
                      <Code>{d.eventType}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }} miw={150}>
                        {d.eventId}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <DeliveryStatusBadge status={d.status} />
                    </Table.Td>
                    <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{d.attempts}</Table.Td>
                    <Table.Td maw={240} style={{ wordBreak: 'break-word' }}>
                      {lastResponse(d)}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {d.status === 'pending' && d.nextAttemptAt ? <When iso={d.nextAttemptAt} /> : '—'}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <When iso={d.createdAt} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconRefresh size={14} />}
                        loading={replay.isPending && replay.variables === d.id}
                        aria-label={`Replay ${d.eventType} ${d.eventId}`}
                        onClick={() =>
                          replay.mutate(d.id, {
                            onSuccess: () =>
                              notifications.show({
                                color: 'green',
                                message: `${d.eventType} is queued to be sent again.`,
                              }),
                          })
                        }
                      >
                        Replay
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                  {expanded && (
                    <Table.Tr id={logId}>
                      <Table.Td colSpan={COLUMNS}>
                        <AttemptLog delivery={d} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function AttemptLog({ delivery }: { delivery: Delivery }) {
  if (delivery.log.length === 0) {
    return (
      <Text size="sm" c="dimmed" py={4}>
        No attempt yet
        {delivery.nextAttemptAt ? `: the first is due ${formatDateTime(delivery.nextAttemptAt)}` : ''}.
      </Text>
    );
  }
  // The server keeps the last 20 attempts; number them as counted since the first.
  const first = Math.max(1, delivery.attempts - delivery.log.length + 1);
  return (
    <Table withTableBorder verticalSpacing={4} fz="sm" aria-label={`Attempts of ${delivery.eventId}`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Attempt</Table.Th>
          <Table.Th>At</Table.Th>
          <Table.Th>Response</Table.Th>
          <Table.Th>Error</Table.Th>
          <Table.Th>Took</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {delivery.log.map((attempt, i) => (
          <Table.Tr key={`${attempt.at}-${i}`}>
            <Table.Td>{first + i}</Table.Td>
            <Table.Td>
              <time dateTime={attempt.at}>{formatDateTime(attempt.at)}</time>
            </Table.Td>
            <Table.Td>{attempt.statusCode ?? '—'}</Table.Td>
            <Table.Td style={{ wordBreak: 'break-word' }}>{attempt.error ?? '—'}</Table.Td>
            <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{Math.round(attempt.ms)} ms</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
