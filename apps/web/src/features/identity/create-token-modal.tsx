import { Alert, Button, Group, Modal, NumberInput, Radio, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client';
import { type CreatedToken, useCreateToken } from '../../api/identity';

const MAX_DAYS = 366;

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (token: CreatedToken) => void;
}

export function CreateTokenModal({ opened, onClose, onCreated }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Create token" centered>
      {opened && <CreateTokenForm onCancel={onClose} onCreated={onCreated} />}
    </Modal>
  );
}

function CreateTokenForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: Props['onCreated'] }) {
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'read_write'>('read');
  const [days, setDays] = useState<number | string>(90);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});

  const serverErrors = create.error instanceof ApiError ? create.error.fieldErrors() : {};
  const errors = { ...serverErrors, ...localErrors };
  const formError =
    create.isError && !serverErrors.name && !serverErrors.scope && !serverErrors.expiresInDays
      ? errorMessage(create.error)
      : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!name.trim()) found.name = 'Give the token a name, such as the script that uses it';
    const expiresInDays = typeof days === 'number' ? days : Number.NaN;
    if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > MAX_DAYS) {
      found.expiresInDays = `Choose between 1 and ${MAX_DAYS} days`;
    }
    setLocalErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate({ name: name.trim(), scope, expiresInDays }, { onSuccess: onCreated });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {formError && (
          <Alert color="red" icon={<IconAlertCircle />} role="alert">
            {formError}
          </Alert>
        )}
        <TextInput
          label="Name"
          description="What the token is for, so you recognize it later"
          required
          data-autofocus
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <Radio.Group
          label="Access"
          description="The token acts as you, with your role, narrowed to this access."
          value={scope}
          onChange={(value) => setScope(value === 'read_write' ? 'read_write' : 'read')}
          error={errors.scope}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="read" label="Read only (GET requests)" />
            <Radio value="read_write" label="Read and write" />
          </Stack>
        </Radio.Group>
        <NumberInput
          label="Expires after (days)"
          required
          min={1}
          max={MAX_DAYS}
          allowDecimal={false}
          allowNegative={false}
          value={days}
          onChange={setDays}
          error={errors.expiresInDays}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
