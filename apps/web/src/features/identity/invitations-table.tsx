import { Alert, Button, Group, Modal, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { type Invitation, invitationsQueryOptions, useInvitationAction } from '../../api/identity';
import { formatDate, formatDateTime } from '../../components/dates';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { roleLabels } from '../../components/roles';
import { relativeTime } from './relative-time';

/** The open invitations into one organization, each with resend and revoke. */
export function InvitationsTable({ organizationId, label }: { organizationId: string; label: string }) {
  const invitations = useInfiniteQuery(invitationsQueryOptions({ organizationId, status: 'pending' }));
  const action = useInvitationAction();
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const items = invitations.data?.pages.flatMap((page) => page.items) ?? [];

  function resend(invitation: Invitation) {
    action.mutate(
      { invitation, verb: 'resend' },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: `A new link was sent to ${invitation.email}; the earlier one no longer works.`,
          }),
      },
    );
  }

  if (invitations.isPending) return <LoadingState label="Loading invitations…" />;
  if (invitations.isError)
    return <ErrorAlert error={invitations.error} title="The invitations could not be loaded" />;
  if (items.length === 0) return <Text c="dimmed">No invitations are waiting for an answer.</Text>;

  return (
    <Stack gap="sm">
      {action.isError && !revoking && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert" title="The invitation was not changed">
          {errorMessage(action.error)}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="xs" aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Invited by</Table.Th>
              <Table.Th>Last sent</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>{invitation.email}</Table.Td>
                <Table.Td>{roleLabels[invitation.role]}</Table.Td>
                <Table.Td>{invitation.invitedBy?.name ?? '—'}</Table.Td>
                <Table.Td title={formatDateTime(invitation.lastSentAt)}>
                  {relativeTime(invitation.lastSentAt)}
                  {invitation.sendCount > 1 ? ` (sent ${invitation.sendCount} times)` : ''}
                </Table.Td>
                <Table.Td>{formatDate(invitation.expiresAt)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Resend the invitation to ${invitation.email}`}
                      loading={action.isPending && action.variables.invitation.id === invitation.id}
                      onClick={() => resend(invitation)}
                    >
                      Resend
                    </Button>
                    <Button
                      size="xs"
                      variant="light"
                      color="red"
                      aria-label={`Revoke the invitation to ${invitation.email}`}
                      onClick={() => {
                        action.reset();
                        setRevoking(invitation);
                      }}
                    >
                      Revoke
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {invitations.hasNextPage && (
        <LoadMore
          hasNextPage={invitations.hasNextPage}
          isFetchingNextPage={invitations.isFetchingNextPage}
          fetchNextPage={invitations.fetchNextPage}
          shown={items.length}
          noun="invitations"
        />
      )}
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title="Revoke invitation" centered>
        {revoking && (
          <Stack>
            <Text>
              The link sent to <strong>{revoking.email}</strong> stops working at once. You can invite the
              address again later.
            </Text>
            {action.isError && (
              <Alert color="red" icon={<IconAlertCircle />} role="alert">
                {errorMessage(action.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRevoking(null)}>
                Cancel
              </Button>
              <Button
                color="red"
                loading={action.isPending}
                onClick={() =>
                  action.mutate(
                    { invitation: revoking, verb: 'revoke' },
                    {
                      onSuccess: () => {
                        notifications.show({
                          color: 'green',
                          message: `The invitation to ${revoking.email} was revoked.`,
                        });
                        setRevoking(null);
                      },
                    },
                  )
                }
              >
                Revoke invitation
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
