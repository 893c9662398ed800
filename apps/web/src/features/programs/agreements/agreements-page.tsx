import { Alert, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../../api/client';
import { type Agreement, agreementsQueryOptions, useCreateAgreement } from '../../../api/programs';
import { formatDate } from '../../../components/dates';
import { AnchorLink } from '../../../components/links';
import { ErrorAlert, LoadingState } from '../../../components/query-state';
import { useCan } from '../../auth/session';
import { type AgreementType, agreementTypeLabels } from '../labels';
import { MarkdownEditor } from './markdown-editor';
import { closeButtonProps } from '../modal-props';
import { useBrandTitle } from '../../brand/brand-mark';

export const shortHash = (hash: string) => hash.slice(0, 12);

export function AgreementsPage() {
  useBrandTitle('Agreements');
  const canManage = useCan('agreements:manage');
  const agreements = useQuery(agreementsQueryOptions);
  const [creating, createModal] = useDisclosure(false);

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <div>
          <Title order={1}>Agreements</Title>
          <Text c="dimmed" size="sm">
            One agreement per type, each with immutable versions. Programs require agreements by type.
          </Text>
        </div>
        {canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
            New agreement
          </Button>
        )}
      </Group>
      {agreements.isPending ? (
        <LoadingState label="Loading agreements…" />
      ) : agreements.isError ? (
        <ErrorAlert error={agreements.error} title="The agreements could not be loaded" />
      ) : agreements.data.length === 0 ? (
        <Text c="dimmed">No agreements yet.</Text>
      ) : (
        <Table.ScrollContainer minWidth={680}>
          <Table striped highlightOnHover aria-label="Agreements">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Agreement</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Current version</Table.Th>
                <Table.Th>Published</Table.Th>
                <Table.Th>Content hash</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agreements.data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <AnchorLink to="/agreements/$id" params={{ id: a.id }} fw={500}>
                      {a.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{agreementTypeLabels[a.type]}</Table.Td>
                  <Table.Td>Version {a.currentVersion.versionNumber}</Table.Td>
                  <Table.Td>{formatDate(a.currentVersion.publishedAt)}</Table.Td>
                  <Table.Td>
                    <Text ff="monospace" size="xs" title={a.currentVersion.contentHash}>
                      {shortHash(a.currentVersion.contentHash)}…
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal
        closeButtonProps={closeButtonProps}
        opened={creating}
        onClose={createModal.close}
        title="New agreement"
        size="xl"
      >
        {creating && <NewAgreementForm existing={agreements.data ?? []} onDone={createModal.close} />}
      </Modal>
    </Stack>
  );
}

function NewAgreementForm({ existing, onDone }: { existing: Agreement[]; onDone: () => void }) {
  const navigate = useNavigate();
  const create = useCreateAgreement();
  const [type, setType] = useState<AgreementType | null>(null);
  const [name, setName] = useState('');
  const [body, setBody] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const server = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const errors = { ...server, ...local };
  const unplaced =
    create.isError && !server.type && !server.name && !server.body ? errorMessage(create.error) : null;

  // One agreement per type: a taken type gets a new version of its agreement instead.
  const typeOptions = (Object.keys(agreementTypeLabels) as AgreementType[]).map((t) => {
    const taken = existing.find((a) => a.type === t);
    return {
      value: t,
      label: taken ? `${agreementTypeLabels[t]} (exists: ${taken.name})` : agreementTypeLabels[t],
      disabled: !!taken,
    };
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!type) found.type = 'Choose a type';
    if (name.trim().length < 2) found.name = 'Give a name of at least 2 characters';
    if (!body.trim()) found.body = 'Write the agreement text';
    setLocal(found);
    if (!type || Object.keys(found).length) return;
    create.mutate(
      { type, name: name.trim(), body },
      {
        onSuccess: (agreement) => {
          notifications.show({ color: 'green', message: `${agreement.name} version 1 was published.` });
          onDone();
          void navigate({ to: '/agreements/$id', params: { id: agreement.id } });
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          Creating the agreement publishes its first version. Partners accept it on behalf of their
          organization.
        </Text>
        {unplaced && (
          <Alert color="red" role="alert">
            {unplaced}
          </Alert>
        )}
        <Group grow align="flex-start">
          <Select
            label="Type"
            required
            data={typeOptions}
            value={type}
            onChange={(value) => setType(value as AgreementType | null)}
            error={errors.type}
          />
          <TextInput
            label="Name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
        </Group>
        <MarkdownEditor value={body} onChange={setBody} error={errors.body} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Publish version 1
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
