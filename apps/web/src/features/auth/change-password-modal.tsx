import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useChangePassword } from '../../api/auth';
import { ApiError, errorMessage } from '../../api/client';

// The same rule as the contract's passwordSchema, checked here first to spare a round trip.
const MIN_LENGTH = 10;

interface Props {
  opened: boolean;
  onClose: () => void;
}

export function ChangePasswordModal({ opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Change password" centered>
      {/* Mounted only while open, so every opening starts with empty fields. */}
      {opened && <ChangePasswordForm onDone={onClose} />}
    </Modal>
  );
}

function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const change = useChangePassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const serverErrors = change.error instanceof ApiError ? change.error.fieldErrors() : {};
  const errors = { ...serverErrors, ...localErrors };
  const unplacedError =
    change.isError && !serverErrors.currentPassword && !serverErrors.newPassword
      ? errorMessage(change.error)
      : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!currentPassword) found.currentPassword = 'Enter your current password';
    if (newPassword.length < MIN_LENGTH) found.newPassword = `Use at least ${MIN_LENGTH} characters`;
    if (confirmation !== newPassword) found.confirmation = 'The two new passwords differ';
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            title: 'Password changed',
            message: 'Your other sessions were signed out.',
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
          Changing your password signs out every other session of your account.
        </Text>
        {unplacedError && (
          <Alert color="red" role="alert">
            {unplacedError}
          </Alert>
        )}
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          data-autofocus
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.currentTarget.value)}
          error={errors.currentPassword}
        />
        <PasswordInput
          label="New password"
          description={`At least ${MIN_LENGTH} characters`}
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(e) => setNewPassword(e.currentTarget.value)}
          error={errors.newPassword}
        />
        <PasswordInput
          label="Repeat the new password"
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={(e) => setConfirmation(e.currentTarget.value)}
          error={errors.confirmation}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
