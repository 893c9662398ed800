import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { type ApiToken, type CreatedToken, tokensQueryOptions, useRevokeToken } from '../../api/identity';
import { formatDate, formatDateTime } from '../../components/dates';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { CreateTokenModal } from './create-token-modal';
import { relativeTime } from './relative-time';
import { TokenReveal } from './token-reveal';

type TokenState = 'active' | 'expired' | 'revoked';

function stateOf(token: ApiToken, now = Date.now()): TokenState {
  if (token.revokedAt) return 'revoked';
  return new Date(token.expiresAt).getTime() <= now ? 'expired' : 'active';
}

const stateBadges: Record<TokenState, { label: string; color: string }> = {
  active: { label: 'Active', color: 'green' },
  expired: { label: 'Expired', color: 'gray' },
  revoked: { label: 'Revoked', color: 'red' },
};

const scopeLabels: Record<ApiToken['scope'], string> = { read: 'Read only', read_write: 'Read and write' };

/** Personal API tokens for scripts and integrations: create (the secret shows once), follow use, revoke. */
export function TokensPage() {
  useDocumentTitle('API tokens · PartnerGraph');
  const tokens = useQuery(tokensQueryOptions);
  const [creating, createModal] = useDisclosure(false);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>API tokens</Title>
          <Text c="dimmed">
            A token lets a script call the API as you: send it as{' '}
            <code>Authorization: Bearer &lt;token&gt;</code>.
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
          Create token
        </Button>
      </Group>
      {created && <TokenReveal token={created} onDone={() => setCreated(null)} />}
      {tokens.isPending ? (
        <LoadingState label="Loading tokens…" />
      ) : tokens.isError ? (
        <ErrorAlert error={tokens.error} title="The tokens could not be loaded" />
      ) : tokens.data.items.length === 0 ? (
        <Text c="dimmed">You have no API tokens yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table striped verticalSpacing="sm" aria-label="API tokens">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Token</Table.Th>
                <Table.Th>Access</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Last used</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tokens.data.items.map((token) => {
                const state = stateOf(token);
                return (
                  <Table.Tr key={token.id}>
                    <Table.Td>{token.name}</Table.Td>
                    <Table.Td>
                      <code>{token.prefix}…</code>
                    </Table.Td>
                    <Table.Td>{scopeLabels[token.scope]}</Table.Td>
                    <Table.Td>{formatDate(token.createdAt)}</Table.Td>
                    <Table.Td title={token.lastUsedAt ? formatDateTime(token.lastUsedAt) : undefined}>
                      {token.lastUsedAt ? relativeTime(token.lastUsedAt) : 'Never'}
                    </Table.Td>
                    <Table.Td>{formatDate(token.expiresAt)}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={stateBadges[state].color}>
                        {stateBadges[state].label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {state === 'active' && (
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          aria-label={`Revoke ${token.name}`}
                          onClick={() => setRevoking(token)}
                        >
                          Revoke
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
      <CreateTokenModal
        opened={creating}
        onClose={createModal.close}
        onCreated={(token) => {
          setCreated(token);
          createModal.close();
        }}
      />
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title="Revoke token" centered>
        {revoking && <RevokeTokenForm token={revoking} onDone={() => setRevoking(null)} />}
      </Modal>
    </Stack>
  );
}

function RevokeTokenForm({ token, onDone }: { token: ApiToken; onDone: () => void }) {
  const revoke = useRevokeToken();
  return (
    <Stack>
      <Text>
        Requests made with <strong>{token.name}</strong> (<code>{token.prefix}…</code>) are refused from now
        on. This cannot be undone.
      </Text>
      {revoke.isError && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert">
          {errorMessage(revoke.error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          color="red"
          loading={revoke.isPending}
          onClick={() =>
            revoke.mutate(token.id, {
              onSuccess: () => {
                notifications.show({ color: 'green', message: `${token.name} was revoked.` });
                onDone();
              },
            })
          }
        >
          Revoke token
        </Button>
      </Group>
    </Stack>
  );
}
