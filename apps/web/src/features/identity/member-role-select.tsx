import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OrgKind } from '@partnergraph/shared/permissions';
import { errorMessage } from '../../api/client';
import { type User, useUpdateUser } from '../../api/identity';
import { roleLabels } from '../../components/roles';
import { isRole, roleOptions } from './roles';

/** A member's role, changed in place; a refusal (the last administrator, a stale row) is said under it. */
export function MemberRoleSelect({ user, kind }: { user: User; kind: OrgKind }) {
  const update = useUpdateUser();

  return (
    <Select
      aria-label={`Role of ${user.name}`}
      data={roleOptions(kind)}
      value={user.role}
      allowDeselect={false}
      disabled={update.isPending}
      size="xs"
      w={200}
      error={update.isError ? errorMessage(update.error) : undefined}
      onChange={(value) => {
        if (!isRole(value, kind) || value === user.role) return;
        update.mutate(
          { id: user.id, version: user.version, role: value },
          {
            onSuccess: (changed) =>
              notifications.show({
                color: 'green',
                message: `${changed.name} is now ${roleLabels[changed.role]}.`,
              }),
          },
        );
      }}
    />
  );
}
