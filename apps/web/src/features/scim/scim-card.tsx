import { Alert, Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { createScimTokenBody } from '@partnergraph/shared/contracts/scim';
import { IconAlertCircle, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type CreatedScimToken,
  type ScimToken,
  scimTokensQueryOptions,
  useCreateScimToken,
  useRevokeScimToken,
} from '../../api/scim';
import { CopyableCode } from '../../components/copyable-code';
import { showServerErrors, useContractForm } from '../../components/forms';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { RevokeTokenConfirm, SecretReveal, SecretTokenTable } from '../identity/secret-tokens';

/**
 * The SCIM card: the base URL and a bearer token to paste into the identity provider, each token's
 * last use, and revocation. A token is shown once; the server keeps only its hash.
 */
export function ScimCard() {
  const tokens = useQuery(scimTokensQueryOptions);
  const [creating, createModal] = useDisclosure(false);
  const [created, setCreated] = useState<CreatedScimToken | null>(null);
  const [revoking, setRevoking] = useState<ScimToken | null>(null);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="scim-connection">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h3" id="scim-connection">
              Connect your identity provider
            </Title>
            <Text c="dimmed" size="sm">
              In Okta or Microsoft Entra ID, set the SCIM connector base URL (tenant URL) to this address and
              the authentication to a bearer token (secret token) created here.
            </Text>
          </div>
          <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
            Create SCIM token
          </Button>
        </Group>
        {tokens.isPending ? (
          <LoadingState label="Loading SCIM tokens…" />
        ) : tokens.isError ? (
          <ErrorAlert error={tokens.error} title="The SCIM tokens could not be loaded" />
        ) : (
          <>
            <CopyableCode
              value={tokens.data.baseUrl}
              label="SCIM base URL"
              copyLabel="Copy the SCIM base URL"
            />
            {created && (
              <SecretReveal
                label="New SCIM token"
                title={`Token "${created.name}" created`}
                instruction="Copy the token into your identity provider now: you will not see it again."
                value={created.token}
                valueLabel="SCIM token"
                copyLabel="Copy the SCIM token"
                onDone={() => setCreated(null)}
              />
            )}
            {tokens.data.items.length === 0 ? (
              <Text c="dimmed">No SCIM token yet: create one to connect your identity provider.</Text>
            ) : (
              <SecretTokenTable
                label="SCIM tokens"
                tokens={tokens.data.items}
                stateOf={(t) => (t.revokedAt ? 'revoked' : 'active')}
                createdBy={(t) => t.createdBy}
                onRevoke={setRevoking}
              />
            )}
          </>
        )}
      </Stack>
      <Modal opened={creating} onClose={createModal.close} title="Create SCIM token" centered>
        {creating && (
          <CreateScimTokenForm
            onCancel={createModal.close}
            onCreated={(token) => {
              setCreated(token);
              createModal.close();
            }}
          />
        )}
      </Modal>
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title="Revoke SCIM token" centered>
        {revoking && <RevokeScimTokenForm token={revoking} onDone={() => setRevoking(null)} />}
      </Modal>
    </Card>
  );
}

function CreateScimTokenForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (token: CreatedScimToken) => void;
}) {
  const create = useCreateScimToken();
  const form = useContractForm(createScimTokenBody, { name: '' });
  const [formError, setFormError] = useState<string | null>(null);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        create.mutate(
          { name: values.name.trim() },
          { onSuccess: onCreated, onError: (error) => setFormError(showServerErrors(form, error)) },
        ),
      )}
    >
      <Stack>
        {formError && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {formError}
          </Alert>
        )}
        <TextInput
          label="Name"
          description="Which identity provider uses it, e.g. Okta or Entra ID"
          required
          data-autofocus
          maxLength={100}
          {...form.getInputProps('name')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RevokeScimTokenForm({ token, onDone }: { token: ScimToken; onDone: () => void }) {
  const revoke = useRevokeScimToken();
  return (
    <RevokeTokenConfirm
      consequence={
        <>
          Your identity provider&apos;s requests with <strong>{token.name}</strong> (
          <code>{token.prefix}…</code>) are refused from now on: provisioning stops until you give it a new
          token.
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
