import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type ApiToken, type CreatedToken, tokensQueryOptions, useRevokeToken } from '../../api/identity';
import { formatDate } from '../../components/dates';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { CreateTokenModal } from './create-token-modal';
import {
  RevokeTokenConfirm,
  SecretTokenTable,
  type SecretTokenState,
  type TokenColumn,
} from './secret-tokens';
import { TokenReveal } from './token-reveal';
import { useBrandTitle } from '../brand/brand-mark';

function stateOf(token: ApiToken, now = Date.now()): SecretTokenState {
  if (token.revokedAt) return 'revoked';
  return new Date(token.expiresAt).getTime() <= now ? 'expired' : 'active';
}

const scopeLabels: Record<ApiToken['scope'], string> = { read: 'Read only', read_write: 'Read and write' };

const tokenColumns: TokenColumn<ApiToken>[] = [
  { header: 'Access', cell: (t) => scopeLabels[t.scope], at: 'afterToken' },
  { header: 'Expires', cell: (t) => formatDate(t.expiresAt), at: 'beforeStatus' },
];

/** Personal API tokens for scripts and integrations: create (the secret shows once), follow use, revoke. */
export function TokensPage() {
  useBrandTitle('API tokens');
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
        <SecretTokenTable
          label="API tokens"
          tokens={tokens.data.items}
          stateOf={stateOf}
          columns={tokenColumns}
          onRevoke={setRevoking}
          minWidth={820}
        />
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
    <RevokeTokenConfirm
      consequence={
        <>
          Requests made with <strong>{token.name}</strong> (<code>{token.prefix}…</code>) are refused from now
          on. This cannot be undone.
        </>
      }
      revoke={revoke}
      onRevoke={() =>
        revoke.mutate(token.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: `${token.name} was revoked.` });
            onDone();
          },
        })
      }
      onDone={onDone}
    />
  );
}
