import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { createScimTokenBody } from '@partnergraph/shared/contracts/scim';
import { IconAlertCircle, IconKey, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import {
  type CreatedScimToken,
  type ScimToken,
  scimTokensQueryOptions,
  useCreateScimToken,
  useRevokeScimToken,
} from '../../api/scim';
import { CopyableCode } from '../../components/copyable-code';
import { formatDate, formatDateTime } from '../../components/dates';
import { showServerErrors, useContractForm } from '../../components/forms';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { relativeTime } from '../identity/relative-time';

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
              <Alert
                color="green"
                icon={<IconKey />}
                title={`Token "${created.name}" created`}
                aria-label="New SCIM token"
              >
                <Stack gap="sm">
                  <Text size="sm" fw={600}>
                    Copy the token into your identity provider now: you will not see it again.
                  </Text>
                  <CopyableCode value={created.token} label="SCIM token" copyLabel="Copy the SCIM token" />
                  <Group justify="flex-end">
                    <Button variant="default" onClick={() => setCreated(null)}>
                      I have copied it
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            )}
            {tokens.data.items.length === 0 ? (
              <Text c="dimmed">No SCIM token yet: create one to connect your identity provider.</Text>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table striped verticalSpacing="sm" aria-label="SCIM tokens">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Token</Table.Th>
                      <Table.Th>Created</Table.Th>
                      <Table.Th>Last used</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>Actions</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {tokens.data.items.map((token) => (
                      <Table.Tr key={token.id}>
                        <Table.Td>{token.name}</Table.Td>
                        <Table.Td>
                          <code>{token.prefix}…</code>
                        </Table.Td>
                        <Table.Td>
                          {formatDate(token.createdAt)}
                          {token.createdBy ? ` by ${token.createdBy}` : ''}
                        </Table.Td>
                        <Table.Td title={token.lastUsedAt ? formatDateTime(token.lastUsedAt) : undefined}>
                          {token.lastUsedAt ? relativeTime(token.lastUsedAt) : 'Never'}
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={token.revokedAt ? 'red' : 'green'}>
                            {token.revokedAt ? 'Revoked' : 'Active'}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {!token.revokedAt && (
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
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
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
    <Stack>
      <Text>
        Your identity provider&apos;s requests with <strong>{token.name}</strong> (
        <code>{token.prefix}…</code>) are refused from now on: provisioning stops until you give it a new
        token.
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
