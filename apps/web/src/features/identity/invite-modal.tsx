import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OrgKind, Role } from '@partnergraph/shared/permissions';
import { IconAlertCircle } from '@tabler/icons-react';
import { createInvitationBody } from '@partnergraph/shared/contracts/identity';
import { useState } from 'react';
import { z } from 'zod';
import { ApiError } from '../../api/client';
import { showServerErrors, useContractForm } from '../../components/forms';
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

// The invitation contract's own rules for what the person types; the organization is the modal's.
const inviteFormSchema = z.object({
  email: z.string().trim().pipe(createInvitationBody.shape.email),
  role: createInvitationBody.shape.role,
});

function InviteForm({ organization, onDone }: { organization: Props['organization']; onDone: () => void }) {
  const invite = useCreateInvitation();
  const options = roleOptions(organization.kind);
  const form = useContractForm<{ email: string; role: Role | null }>(inviteFormSchema, {
    email: '',
    role: organization.kind === 'partner' ? 'partner_user' : null,
  });
  const [formError, setFormError] = useState<string | null>(null);

  function submit({ email, role }: { email: string; role: Role | null }) {
    if (!role) return;
    setFormError(null);
    invite.mutate(
      { email: email.trim(), role, organizationId: organization.id },
      {
        onSuccess: (invitation) => {
          notifications.show({
            color: 'green',
            title: 'Invitation sent',
            message: `${invitation.email} was invited to ${invitation.organizationName} as ${roleLabels[invitation.role]}.`,
          });
          onDone();
        },
        onError: (error) => {
          // The server's 409s (an account or an open invitation for the address) are about the address: say them there.
          if (error instanceof ApiError && error.status === 409) {
            form.setFieldError('email', error.detail ?? error.title);
          } else {
            setFormError(showServerErrors(form, error));
          }
        },
      },
    );
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
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
          key={form.key('email')}
          {...form.getInputProps('email')}
        />
        <Select
          label="Role"
          required
          data={options}
          key={form.key('role')}
          {...form.getInputProps('role')}
          onChange={(value) => form.setFieldValue('role', isRole(value, organization.kind) ? value : null)}
          allowDeselect={false}
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
