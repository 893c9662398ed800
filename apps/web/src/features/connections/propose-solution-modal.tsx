import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { activePartnersQueryOptions, useCreateSolution } from '../../api/connections';
import { AnchorLink } from '../../components/links';
import { useSession } from '../auth/session';
import { closeButtonProps } from '../programs/modal-props';

interface MemberRow {
  key: number;
  organizationId: string | null;
  role: string;
}

interface Errors {
  name?: string;
  description?: string;
  role?: string;
  members?: string;
  rows: Record<number, { organizationId?: string; role?: string }>;
}

const MAX_MEMBERS = 10;

/** Propose a joint solution with partners one works with; it is published once every member accepts. */
export function ProposeSolutionModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Propose a joint solution"
      closeButtonProps={closeButtonProps}
      centered
      size="lg"
    >
      {opened && <ProposeSolutionForm onClose={onClose} />}
    </Modal>
  );
}

function ProposeSolutionForm({ onClose }: { onClose: () => void }) {
  const { organization } = useSession();
  const navigate = useNavigate();
  const partners = useQuery(activePartnersQueryOptions(organization.id));
  const create = useCreateSolution();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [role, setRole] = useState('');
  const [members, setMembers] = useState<MemberRow[]>([{ key: 0, organizationId: null, role: '' }]);
  const [nextKey, setNextKey] = useState(1);
  const [errors, setErrors] = useState<Errors>({ rows: {} });

  // The server names members by position (body.members.0.organizationId): map those onto the rows.
  const server = create.error instanceof ApiError ? create.error : null;
  const serverRow = (index: number, field: 'organizationId' | 'role') =>
    server?.errors.find((e) => e.path === `body.members.${index}.${field}`)?.message;
  const serverFields = server?.fieldErrors() ?? {};
  const placed =
    ['name', 'description', 'role'].some((f) => serverFields[f]) ||
    (server?.errors.some((e) => e.path.startsWith('body.members')) ?? false);

  function change(key: number, patch: Partial<MemberRow>) {
    setMembers((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Errors = { rows: {} };
    if (name.trim().length < 2) found.name = 'Give the solution a name';
    if (description.trim().length < 10) found.description = 'Describe the solution (10 characters or more)';
    if (role.trim().length < 2) found.role = 'Say what your organization brings, e.g. "Implementation"';
    members.forEach((m) => {
      const row: { organizationId?: string; role?: string } = {};
      if (!m.organizationId) row.organizationId = 'Choose a partner';
      if (m.role.trim().length < 2) row.role = 'Give its role';
      if (row.organizationId || row.role) found.rows[m.key] = row;
    });
    if (members.length === 0) found.members = 'A joint solution has at least one other partner';
    setErrors(found);
    if (found.name || found.description || found.role || found.members || Object.keys(found.rows).length)
      return;
    create.mutate(
      {
        name: name.trim(),
        description: description.trim(),
        role: role.trim(),
        members: members.map((m) => ({ organizationId: m.organizationId!, role: m.role.trim() })),
      },
      {
        onSuccess: (solution) => {
          notifications.show({
            color: 'green',
            message: `${solution.name} is proposed. It is published once every member accepts.`,
          });
          onClose();
          void navigate({ to: '/solutions/$solutionId', params: { solutionId: solution.id } });
        },
      },
    );
  }

  const chosen = members.map((m) => m.organizationId).filter(Boolean);
  const options = (partners.data ?? []).map((p) => ({ value: p.id, label: p.name }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {create.error && !placed && (
          <Alert color="red" role="alert">
            {errorMessage(create.error)}
          </Alert>
        )}
        <TextInput
          label="Name"
          required
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name ?? serverFields.name}
          data-autofocus
        />
        <Textarea
          label="Description"
          description="What the solution does, and for which customers"
          required
          autosize
          minRows={3}
          maxRows={10}
          maxLength={5000}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description ?? serverFields.description}
        />
        <TextInput
          label="Your role"
          description={`What ${organization.name} brings to it`}
          required
          maxLength={120}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value)}
          error={errors.role ?? serverFields.role}
        />
        <Stack gap="xs">
          <div>
            <Text fw={500} size="sm">
              Members
            </Text>
            <Text size="xs" c="dimmed">
              Partners you have an active connection with. Each is asked to accept.
            </Text>
          </div>
          {partners.isError && (
            <Alert color="red" role="alert">
              Your connections could not be loaded: {errorMessage(partners.error)}
            </Alert>
          )}
          {partners.isSuccess && options.length === 0 && (
            <Alert color="yellow">
              You have no active connections yet.{' '}
              <AnchorLink to="/recommendations">Find partners to meet</AnchorLink> and connect first.
            </Alert>
          )}
          {(errors.members ?? serverFields.members) && (
            <Text size="sm" c="red">
              {errors.members ?? serverFields.members}
            </Text>
          )}
          {members.map((m, index) => (
            <Group
              key={m.key}
              align="flex-start"
              gap="sm"
              wrap="nowrap"
              role="group"
              aria-label={`Member ${index + 1}`}
            >
              <Select
                label="Partner"
                placeholder={partners.isPending ? 'Loading…' : 'Choose a partner'}
                data={options.filter((o) => o.value === m.organizationId || !chosen.includes(o.value))}
                value={m.organizationId}
                onChange={(organizationId) => change(m.key, { organizationId })}
                searchable
                required
                error={errors.rows[m.key]?.organizationId ?? serverRow(index, 'organizationId')}
                style={{ flex: 1 }}
              />
              <TextInput
                label="Role"
                placeholder="e.g. Connector"
                required
                maxLength={120}
                value={m.role}
                onChange={(e) => change(m.key, { role: e.currentTarget.value })}
                error={errors.rows[m.key]?.role ?? serverRow(index, 'role')}
                style={{ flex: 1 }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={28}
                aria-label={`Remove member ${index + 1}`}
                disabled={members.length === 1}
                onClick={() => setMembers((rows) => rows.filter((r) => r.key !== m.key))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="subtle"
              leftSection={<IconPlus size={16} />}
              disabled={members.length >= MAX_MEMBERS || members.length >= options.length}
              onClick={() => {
                setMembers((rows) => [...rows, { key: nextKey, organizationId: null, role: '' }]);
                setNextKey((k) => k + 1);
              }}
            >
              Add a member
            </Button>
          </Group>
        </Stack>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Propose solution
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
