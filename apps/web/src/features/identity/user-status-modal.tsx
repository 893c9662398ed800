import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { teamQueryOptions, type User, useDeactivateUser, useReactivateUser } from '../../api/identity';
import { roleLabels } from '../../components/roles';

export type UserStatusVerb = 'deactivate' | 'reactivate';

interface Props {
  user: User | null;
  verb: UserStatusVerb;
  onClose: () => void;
}

export function UserStatusModal({ user, verb, onClose }: Props) {
  const title = verb === 'deactivate' ? 'Deactivate user' : 'Reactivate user';
  return (
    <Modal opened={user !== null} onClose={onClose} title={title} centered>
      {user &&
        (verb === 'deactivate' ? (
          <DeactivateForm user={user} onDone={onClose} />
        ) : (
          <ReactivateForm user={user} onDone={onClose} />
        ))}
    </Modal>
  );
}

function DeactivateForm({ user, onDone }: { user: User; onDone: () => void }) {
  const deactivate = useDeactivateUser();
  const [heir, setHeir] = useState<string | null>(null);
  const team = useInfiniteQuery(teamQueryOptions(user.organizationId, { status: 'active' }));
  const teammates = (team.data?.pages.flatMap((page) => page.items) ?? [])
    .filter((u) => u.id !== user.id)
    .map((u) => ({ value: u.id, label: `${u.name} (${roleLabels[u.role]})` }));

  const heirError =
    deactivate.error instanceof ApiError ? deactivate.error.fieldErrors().reassignTo : undefined;
  const formError = deactivate.isError && !heirError ? errorMessage(deactivate.error) : null;

  function submit() {
    deactivate.mutate(
      { id: user.id, version: user.version, ...(heir ? { reassignTo: heir } : {}) },
      {
        onSuccess: (changed) => {
          notifications.show({
            color: 'green',
            message: `${changed.name} was deactivated and signed out everywhere.`,
          });
          onDone();
        },
      },
    );
  }

  return (
    <Stack>
      <Text>
        <strong>{user.name}</strong> ({user.email}) is signed out at once and their API tokens stop working.
        What they recorded stays. You can reactivate them later.
      </Text>
      {formError && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert" title="Not deactivated">
          {formError}
        </Alert>
      )}
      <Select
        label="Hand over to"
        description="Optional: a teammate who takes over what they own, such as the partners they manage."
        placeholder="Nobody"
        data={teammates}
        value={heir}
        onChange={setHeir}
        clearable
        searchable
        disabled={team.isPending}
        error={heirError ?? (team.isError ? errorMessage(team.error) : undefined)}
        comboboxProps={{ withinPortal: true }}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button color="red" loading={deactivate.isPending} onClick={submit}>
          Deactivate
        </Button>
      </Group>
    </Stack>
  );
}

function ReactivateForm({ user, onDone }: { user: User; onDone: () => void }) {
  const reactivate = useReactivateUser();
  return (
    <Stack>
      <Text>
        <strong>{user.name}</strong> ({user.email}) can sign in again with their password, as{' '}
        {roleLabels[user.role]}.
      </Text>
      {reactivate.isError && (
        <Alert color="red" icon={<IconAlertCircle />} role="alert" title="Not reactivated">
          {errorMessage(reactivate.error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          loading={reactivate.isPending}
          onClick={() =>
            reactivate.mutate(
              { id: user.id, version: user.version },
              {
                onSuccess: (changed) => {
                  notifications.show({ color: 'green', message: `${changed.name} was reactivated.` });
                  onDone();
                },
              },
            )
          }
        >
          Reactivate
        </Button>
      </Group>
    </Stack>
  );
}
