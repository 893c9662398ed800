import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { PartnerType } from '@partnergraph/shared/contracts/organizations';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { partnerTypesQueryOptions } from '../../api/partner-types';
import { usePartnerTypeMutations } from '../../api/programs';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { codeFrom } from './builder/program-draft';
import { closeButtonProps } from './modal-props';
import { useBrandTitle } from '../brand/brand-mark';

type Dialog =
  { kind: 'create' } | { kind: 'edit'; type: PartnerType } | { kind: 'delete'; type: PartnerType } | null;

/** The vendor's list of partner types: add, rename, retire (holders keep it), restore, delete when unused. */
export function PartnerTypesPage() {
  useBrandTitle('Partner types');
  const types = useQuery(partnerTypesQueryOptions);
  const mutations = usePartnerTypeMutations();
  const [dialog, setDialogState] = useState<Dialog>(null);
  // Each opening starts without the previous attempt's error.
  const setDialog = (next: Dialog) => {
    mutations.create.reset();
    mutations.update.reset();
    mutations.remove.reset();
    setDialogState(next);
  };
  const [busyCode, setBusyCode] = useState<string | null>(null);

  function setRetired(type: PartnerType, retired: boolean) {
    setBusyCode(type.code);
    mutations.setRetired.mutate(
      { code: type.code, retired },
      {
        onSuccess: () =>
          notifications.show({
            color: 'green',
            message: `${type.name} was ${retired ? 'retired: it is no longer offered for new choices' : 'restored'}.`,
          }),
        onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
        onSettled: () => setBusyCode(null),
      },
    );
  }

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <div>
          <Title order={1}>Partner types</Title>
          <Text c="dimmed" size="sm">
            The kinds of partner an organization can be. A retired type is no longer offered; those holding it
            keep it.
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'create' })}>
          Add partner type
        </Button>
      </Group>
      {types.isPending ? (
        <LoadingState label="Loading partner types…" />
      ) : types.isError ? (
        <ErrorAlert error={types.error} title="The partner types could not be loaded" />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label="Partner types">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Code</Table.Th>
                <Table.Th>Description</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {types.data.map((t) => (
                <Table.Tr key={t.code}>
                  <Table.Td fw={500}>{t.name}</Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="sm">
                      {t.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t.description}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 100 }}>
                    <Badge color={t.retired ? 'gray' : 'green'} variant="light">
                      {t.retired ? 'Retired' : 'Offered'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        aria-label={`Edit ${t.name}`}
                        onClick={() => setDialog({ kind: 'edit', type: t })}
                      >
                        Edit
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        color={t.retired ? 'green' : 'orange'}
                        aria-label={`${t.retired ? 'Restore' : 'Retire'} ${t.name}`}
                        loading={busyCode === t.code}
                        onClick={() => setRetired(t, !t.retired)}
                      >
                        {t.retired ? 'Restore' : 'Retire'}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        aria-label={`Delete ${t.name}`}
                        onClick={() => setDialog({ kind: 'delete', type: t })}
                      >
                        Delete
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        closeButtonProps={closeButtonProps}
        opened={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'edit' ? `Edit ${dialog.type.name}` : 'Add partner type'}
        centered
      >
        {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
          <PartnerTypeForm
            type={dialog.kind === 'edit' ? dialog.type : null}
            mutations={mutations}
            onDone={() => setDialog(null)}
          />
        )}
      </Modal>
      <Modal
        closeButtonProps={closeButtonProps}
        opened={dialog?.kind === 'delete'}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'delete' ? `Delete ${dialog.type.name}` : ''}
        centered
      >
        {dialog?.kind === 'delete' && (
          <DeleteConfirm type={dialog.type} mutations={mutations} onDone={() => setDialog(null)} />
        )}
      </Modal>
    </Stack>
  );
}

type Mutations = ReturnType<typeof usePartnerTypeMutations>;

function PartnerTypeForm({
  type,
  mutations,
  onDone,
}: {
  type: PartnerType | null;
  mutations: Mutations;
  onDone: () => void;
}) {
  const mutation = type ? mutations.update : mutations.create;
  const [name, setName] = useState(type?.name ?? '');
  const [code, setCode] = useState(type?.code ?? '');
  const [codeEdited, setCodeEdited] = useState(false);
  const [description, setDescription] = useState(type?.description ?? '');
  const [missingName, setMissingName] = useState(false);
  const fieldErrors = mutation.error instanceof ApiError ? mutation.error.fieldErrors() : {};
  const placed = ['name', 'code', 'description'].some((f) => fieldErrors[f]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (name.trim().length < 2) {
      setMissingName(true);
      return;
    }
    const onSuccess = () => {
      notifications.show({ color: 'green', message: `${name.trim()} was saved.` });
      onDone();
    };
    if (type) {
      mutations.update.mutate({ code: type.code, name: name.trim(), description }, { onSuccess });
    } else {
      mutations.create.mutate({ code: code.trim(), name: name.trim(), description }, { onSuccess });
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {mutation.isError && !placed && (
          <Alert color="red" role="alert">
            {errorMessage(mutation.error)}
          </Alert>
        )}
        <TextInput
          label="Name"
          required
          data-autofocus
          value={name}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setName(next);
            setMissingName(false);
            if (!type && !codeEdited) setCode(codeFrom(next, ''));
          }}
          error={(missingName ? 'Give a name of at least 2 characters' : undefined) ?? fieldErrors.name}
        />
        <TextInput
          label="Code"
          description={
            type ? 'The code cannot change' : 'Lower-case letters, digits and underscores; used by the API'
          }
          disabled={type !== null}
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value);
            setCodeEdited(true);
          }}
          error={fieldErrors.code}
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={fieldErrors.description}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {type ? 'Save changes' : 'Add partner type'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function DeleteConfirm({
  type,
  mutations,
  onDone,
}: {
  type: PartnerType;
  mutations: Mutations;
  onDone: () => void;
}) {
  const remove = mutations.remove;
  return (
    <Stack>
      <Text>
        Delete {type.name} for good? Only a type no organization, program or application uses can be deleted.
      </Text>
      {remove.isError && (
        // 409 says in a sentence where the type is in use: retiring is then the way.
        <Alert color="red" role="alert" title="Not deleted">
          {errorMessage(remove.error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          color="red"
          loading={remove.isPending}
          onClick={() =>
            remove.mutate(type.code, {
              onSuccess: () => {
                notifications.show({ color: 'green', message: `${type.name} was deleted.` });
                onDone();
              },
            })
          }
        >
          Delete
        </Button>
      </Group>
    </Stack>
  );
}
