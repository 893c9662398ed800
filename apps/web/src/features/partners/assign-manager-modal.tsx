import { Alert, Button, Group, Modal, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Partner } from '@partnergraph/shared/contracts/organizations';
import { managerRoles } from '@partnergraph/shared/permissions';
import { useQueries } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { errorMessage, isStaleVersion } from '../../api/client';
import { useAssignManager } from '../../api/partners';
import { usersQueryOptions } from '../../api/users';
import { useSession } from '../auth/session';

interface Props {
  partner: Partner;
  opened: boolean;
  onClose: () => void;
}

export function AssignManagerModal({ partner, opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Assign channel manager" centered>
      {opened && <AssignManagerForm partner={partner} onDone={onClose} />}
    </Modal>
  );
}

function AssignManagerForm({ partner, onDone }: { partner: Partner; onDone: () => void }) {
  const { organization } = useSession();
  // Those who may manage partners are vendor staff, so users of the signed-in (vendor) organization,
  // in the roles the server accepts (managerRoles): the list offers exactly what the endpoint takes.
  const managers = useQueries({
    queries: managerRoles.map((role) =>
      usersQueryOptions({ organizationId: organization.id, role, status: 'active' }),
    ),
    combine: (results) => ({
      isPending: results.some((r) => r.isPending),
      isError: results.some((r) => r.isError),
      error: results.find((r) => r.error)?.error ?? null,
      items: results.flatMap((r) => r.data?.items ?? []).sort((a, b) => a.name.localeCompare(b.name)),
    }),
  });
  const assign = useAssignManager(partner.id);
  const [managerId, setManagerId] = useState<string | null>(partner.channelManager?.id ?? null);

  const options = managers.items.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));
  // Keep the current manager choosable even if they no longer show up as an active channel manager.
  const current = partner.channelManager;
  if (current && !options.some((o) => o.value === current.id)) {
    options.unshift({ value: current.id, label: `${current.name} (${current.email})` });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    assign.mutate(
      { version: partner.version, channelManagerId: managerId },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'green',
            message: saved.channelManager
              ? `${saved.channelManager.name} now manages ${saved.name}.`
              : `${saved.name} has no channel manager now.`,
          });
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {(managers.isError || assign.isError) && (
          <Alert color="red" role="alert">
            {isStaleVersion(assign.error)
              ? 'This partner was changed by someone else meanwhile. The page now shows the latest version; check it and save again.'
              : errorMessage(managers.error ?? assign.error)}
          </Alert>
        )}
        <Select
          label="Channel manager"
          placeholder={managers.isPending ? 'Loading channel managers…' : 'Unassigned'}
          data={options}
          value={managerId}
          onChange={setManagerId}
          searchable
          clearable
          data-autofocus
          nothingFoundMessage="No channel manager matches"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={assign.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
