import { Badge, Button, Group, Table, TextInput } from '@mantine/core';
import { renamePasskeyBody } from '@partnergraph/shared/contracts/mfa';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { Passkey } from '@partnergraph/shared/contracts/mfa';
import { useRemovePasskey, useRenamePasskey } from '../../api/mfa';
import { formatDateTime } from '../../components/dates';
import { showServerErrors, useContractForm } from '../../components/forms';

/** One of the person's passkeys: rename in place, or remove. */
export function PasskeyRow({ passkey, onError }: { passkey: Passkey; onError: (e: unknown) => void }) {
  const [editing, setEditing] = useState(false);
  const rename = useRenamePasskey();
  const remove = useRemovePasskey();
  const form = useContractForm(renamePasskeyBody, { name: passkey.name });

  return (
    <Table.Tr>
      <Table.Td>
        {editing ? (
          <form
            noValidate
            onSubmit={form.onSubmit(({ name }) =>
              rename.mutate(
                { id: passkey.id, name },
                {
                  onSuccess: () => setEditing(false),
                  onError: (e) => {
                    if (showServerErrors(form, e)) onError(e);
                  },
                },
              ),
            )}
          >
            <Group gap="xs">
              <TextInput size="xs" aria-label="Passkey name" {...form.getInputProps('name')} />
              <Button size="xs" type="submit" loading={rename.isPending}>
                Save
              </Button>
            </Group>
          </form>
        ) : (
          <>
            {passkey.name}
            {passkey.backedUp && (
              <Badge ml="xs" variant="light">
                Synced
              </Badge>
            )}
          </>
        )}
      </Table.Td>
      <Table.Td>{formatDateTime(passkey.createdAt)}</Table.Td>
      <Table.Td>{passkey.lastUsedAt ? formatDateTime(passkey.lastUsedAt) : 'Never'}</Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          {!editing && (
            <Button
              size="xs"
              variant="default"
              aria-label={`Rename ${passkey.name}`}
              onClick={() => setEditing(true)}
            >
              Rename
            </Button>
          )}
          <Button
            size="xs"
            variant="light"
            color="red"
            aria-label={`Remove ${passkey.name}`}
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(passkey.id, {
                onSuccess: () =>
                  notifications.show({ color: 'green', message: `Passkey “${passkey.name}” removed.` }),
                onError,
              })
            }
          >
            Remove
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
