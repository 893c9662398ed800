import { Alert, Badge, Button, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/client';
import { sessionsQueryOptions, useEndSession } from '../../api/identity';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { relativeTime } from './relative-time';
import { describeUserAgent } from './user-agent';
import { useBrandTitle } from '../brand/brand-mark';

/** Where this account is signed in, with a way to end any other session at once. */
export function SessionsPage() {
  useBrandTitle('Sessions');
  const sessions = useQuery(sessionsQueryOptions);
  const end = useEndSession();

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>Sessions</Title>
        <Text c="dimmed">
          The browsers and devices signed in to your account. Sign out any you do not recognize, then change
          your password.
        </Text>
      </div>
      {end.isError && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert" title="The session was not signed out">
          {errorMessage(end.error)}
        </Alert>
      )}
      {sessions.isPending ? (
        <LoadingState label="Loading sessions…" />
      ) : sessions.isError ? (
        <ErrorAlert error={sessions.error} title="The sessions could not be loaded" />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped verticalSpacing="sm" aria-label="Sessions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Device</Table.Th>
                <Table.Th>IP address</Table.Th>
                <Table.Th>Signed in</Table.Th>
                <Table.Th>Last seen</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.items.map((session) => {
                const device = describeUserAgent(session.userAgent);
                return (
                  <Table.Tr key={session.id}>
                    <Table.Td title={session.userAgent ?? undefined}>
                      {device}
                      {session.current && (
                        <Badge ml="xs" color="green" variant="light">
                          This device
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{session.ip ?? 'Unknown'}</Table.Td>
                    <Table.Td>{formatDateTime(session.createdAt)}</Table.Td>
                    <Table.Td title={formatDateTime(session.lastSeenAt)}>
                      {session.current ? 'Now' : relativeTime(session.lastSeenAt)}
                    </Table.Td>
                    <Table.Td>
                      {!session.current && (
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          aria-label={`Sign out ${device}, last seen ${relativeTime(session.lastSeenAt)}`}
                          loading={end.isPending && end.variables === session.id}
                          onClick={() =>
                            end.mutate(session.id, {
                              onSuccess: () =>
                                notifications.show({ color: 'green', message: `${device} was signed out.` }),
                            })
                          }
                        >
                          Sign out
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
