import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { z } from 'zod';
import {
  createCertificationTypeBody,
  recordCertificationBody,
} from '@partnergraph/shared/contracts/enablement';
import {
  type Certification,
  certificationsQueryOptions,
  certificationTypesQueryOptions,
  useCreateCertificationType,
  useRecordCertification,
  useRevokeCertification,
} from '../../api/enablement';
import { usersQueryOptions } from '../../api/users';
import { showServerErrors, useContractForm } from '../../components/forms';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { UnseenHeader } from '../../components/unseen-header';
import { useBrandTitle } from '../brand/brand-mark';

const statusColors = { valid: 'green', expired: 'gray', revoked: 'red' } as const;
const sourceLabels = {
  path: 'Learning path',
  vendor: 'Recorded by the vendor',
  lms: 'External LMS',
  import: 'Imported',
};

export function CertificationsPage() {
  useBrandTitle('Certifications');
  const canManage = useCan('certifications:manage');
  const { user } = useSession();
  const [scope, setScope] = useState<'all' | 'mine'>(canManage ? 'all' : 'mine');
  const [status, setStatus] = useState<'valid' | 'all'>('all');
  const [recording, recordModal] = useDisclosure(false);
  const [addingType, typeModal] = useDisclosure(false);
  const certs = useQuery(
    certificationsQueryOptions({
      ...(scope === 'mine' ? { userId: user.id } : {}),
      ...(status === 'valid' ? { status: 'valid' as const } : {}),
    }),
  );
  const types = useQuery(certificationTypesQueryOptions);

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>Certifications</Title>
          <Text c="dimmed" size="sm">
            Each certification comes with a verifiable Open Badges credential anyone can check.
          </Text>
        </div>
        {canManage && (
          <Group>
            <Button variant="light" onClick={typeModal.open}>
              New certification type
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={recordModal.open}>
              Record a certification
            </Button>
          </Group>
        )}
      </Group>
      <Group>
        {!canManage && (
          <SegmentedControl
            aria-label="Whose certifications"
            value={scope}
            onChange={(v) => setScope(v as 'all' | 'mine')}
            data={[
              { value: 'mine', label: 'Mine' },
              { value: 'all', label: 'My organization' },
            ]}
          />
        )}
        <SegmentedControl
          aria-label="Which certifications"
          value={status}
          onChange={(v) => setStatus(v as 'valid' | 'all')}
          data={[
            { value: 'all', label: 'All' },
            { value: 'valid', label: 'Valid' },
          ]}
        />
      </Group>
      {certs.isPending ? (
        <LoadingState label="Loading certifications…" />
      ) : certs.isError ? (
        <ErrorAlert error={certs.error} />
      ) : certs.data.length === 0 ? (
        <Alert color="gray">No certifications yet. Pass a course in a learning path to earn one.</Alert>
      ) : (
        <CertificationTable items={certs.data} canManage={canManage} />
      )}
      {types.data && types.data.length > 0 && (
        <Text size="sm" c="dimmed">
          Types: {types.data.map((t) => `${t.name} (${t.holders} holding)`).join(' · ')}
        </Text>
      )}
      <Modal opened={recording} onClose={recordModal.close} title="Record a certification" size="lg">
        {recording && <RecordForm onDone={recordModal.close} />}
      </Modal>
      <Modal opened={addingType} onClose={typeModal.close} title="New certification type">
        {addingType && <TypeForm onDone={typeModal.close} />}
      </Modal>
    </Stack>
  );
}

function CertificationTable({ items, canManage }: { items: Certification[]; canManage: boolean }) {
  const revoke = useRevokeCertification();
  return (
    <Table aria-label="Certifications" striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Certification</Table.Th>
          <Table.Th>Person</Table.Th>
          <Table.Th>Organization</Table.Th>
          <Table.Th>Issued</Table.Th>
          <Table.Th>Expires</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Badge</Table.Th>
          {canManage && <UnseenHeader>Actions</UnseenHeader>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              {c.type.name}
              <Text size="xs" c="dimmed">
                {sourceLabels[c.source]}
              </Text>
            </Table.Td>
            <Table.Td>{c.person.name}</Table.Td>
            <Table.Td>{c.organization.name}</Table.Td>
            <Table.Td>{c.issuedOn}</Table.Td>
            <Table.Td>{c.expiresOn ?? 'Never'}</Table.Td>
            <Table.Td>
              <Badge color={statusColors[c.status]}>{c.status}</Badge>
            </Table.Td>
            <Table.Td>
              <Anchor href={new URL(c.badgeUrl).pathname} target="_blank">
                Verify
              </Anchor>
            </Table.Td>
            {canManage && (
              <Table.Td>
                {c.status !== 'revoked' && (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    loading={revoke.isPending && revoke.variables?.id === c.id}
                    onClick={() => {
                      const reason = window.prompt(`Why revoke ${c.person.name}'s ${c.type.name}?`);
                      if (reason?.trim()) revoke.mutate({ id: c.id, reason: reason.trim() });
                    }}
                  >
                    Revoke
                  </Button>
                )}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const recordFormSchema = recordCertificationBody.and(
  z.object({ expiresOn: z.union([z.literal(''), z.iso.date()]).optional() }),
);

function RecordForm({ onDone }: { onDone: () => void }) {
  const record = useRecordCertification();
  const types = useQuery(certificationTypesQueryOptions);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const people = useQuery(usersQueryOptions({ status: 'active', ...(q ? { q } : {}) }));
  const [alert, setAlert] = useState<string | null>(null);
  const form = useContractForm(recordFormSchema, {
    userId: '',
    typeId: '',
    issuedOn: new Date().toISOString().slice(0, 10),
    expiresOn: '',
  });

  async function submit(v: typeof form.values) {
    setAlert(null);
    try {
      const c = await record.mutateAsync({
        userId: v.userId,
        typeId: v.typeId,
        issuedOn: v.issuedOn,
        ...(v.expiresOn ? { expiresOn: v.expiresOn } : {}),
      });
      notifications.show({ color: 'green', message: `${c.person.name} holds ${c.type.name}.` });
      onDone();
    } catch (err) {
      const left = showServerErrors(form, err);
      if (left) setAlert(left);
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        {alert && (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        )}
        <Select
          label="Person"
          required
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          data={(people.data?.items ?? []).map((u) => ({
            value: u.id,
            label: `${u.name} (${u.email})`,
          }))}
          {...form.getInputProps('userId')}
        />
        <Select
          label="Certification"
          required
          data={(types.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          {...form.getInputProps('typeId')}
        />
        <Group grow>
          <TextInput label="Issued on" type="date" required {...form.getInputProps('issuedOn')} />
          <TextInput
            label="Expires on"
            type="date"
            description="Empty: the type's validity"
            {...form.getInputProps('expiresOn')}
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            Record
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TypeForm({ onDone }: { onDone: () => void }) {
  const create = useCreateCertificationType();
  const [alert, setAlert] = useState<string | null>(null);
  const form = useContractForm(createCertificationTypeBody, {
    code: '',
    name: '',
    description: '',
    validityMonths: 24 as number | undefined,
  });
  async function submit(v: typeof form.values) {
    setAlert(null);
    try {
      await create.mutateAsync(v);
      onDone();
    } catch (err) {
      const left = showServerErrors(form, err);
      if (left) setAlert(left);
    }
  }
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        {alert && (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        )}
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <TextInput label="Code" required description="e.g. sales-pro" {...form.getInputProps('code')} />
        <TextInput label="Description" {...form.getInputProps('description')} />
        <NumberInput label="Valid for (months)" min={1} max={120} {...form.getInputProps('validityMonths')} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Create
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
