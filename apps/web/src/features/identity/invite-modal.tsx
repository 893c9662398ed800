import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OrgKind, Role } from '@partnergraph/shared/permissions';
import { IconAlertCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { useCreateInvitation } from '../../api/identity';
import { roleLabels } from '../../components/roles';
import { isRole, roleOptions } from './roles';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** The organization the invitee joins, and its kind, which decides the roles on offer. */
  organization: { id: string; name: string; kind: OrgKind };
  title: string;
}

export function InviteModal({ opened, onClose, organization, title }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      {/* Mounted only while open, so every opening starts with empty fields. */}
      {opened && <InviteForm organization={organization} onDone={onClose} />}
    </Modal>
  );
}

// The server's 409s (an account or an open invitation for the address) are about the address: say them there.
function emailErrorOf(error: unknown): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.status === 409) return error.detail ?? error.title;
  return error.fieldErrors().email;
}

function InviteForm({ organization, onDone }: { organization: Props['organization']; onDone: () => void }) {
  const invite = useCreateInvitation();
  const options = roleOptions(organization.kind);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role | null>(organization.kind === 'partner' ? 'partner_user' : null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const serverErrors = invite.error instanceof ApiError ? invite.error.fieldErrors() : {};
  const emailError = localErrors.email ?? emailErrorOf(invite.error);
  const roleError = localErrors.role ?? serverErrors.role;
  const formError =
    invite.isError && !emailErrorOf(invite.error) && !serverErrors.role ? errorMessage(invite.error) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const address = email.trim();
    if (!address) found.email = 'Enter the email address of the person to invite';
    else if (!/^[^\s@]+@[^\s@]+$/.test(address)) found.email = 'Enter a valid email address';
    if (!role) found.role = 'Choose a role';
    setLocalErrors(found);
    if (Object.keys(found).length > 0 || !role) return;
    invite.mutate(
      { email: address, role, organizationId: organization.id },
      {
        onSuccess: (invitation) => {
          notifications.show({
            color: 'green',
            title: 'Invitation sent',
            message: `${invitation.email} was invited to ${invitation.organizationName} as ${roleLabels[invitation.role]}.`,
          });
          onDone();
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          We email a link to join {organization.name}. It works once and expires in 7 days.
        </Text>
        {formError && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {formError}
          </Alert>
        )}
        <TextInput
          label="Email"
          type="email"
          required
          data-autofocus
          value={email}
          onChange={(e) => {
            setEmail(e.currentTarget.value);
            // The server's objection was to the address as it was; a new one deserves a fresh look.
            if (invite.isError) invite.reset();
          }}
          error={emailError}
        />
        <Select
          label="Role"
          required
          data={options}
          value={role}
          onChange={(value) => setRole(isRole(value, organization.kind) ? value : null)}
          allowDeselect={false}
          error={roleError}
          comboboxProps={{ withinPortal: true }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={invite.isPending}>
            Send invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
