// Renaming a space, changing its description, visibility or archiving it.
import { Alert, Button, Group, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { updateSpaceBody } from '@partnergraph/shared/contracts/community';
import { useState } from 'react';
import { type Space, useUpdateSpace } from '../../api/community';
import { isStaleVersion } from '../../api/client';
import { showServerErrors, useContractForm } from '../../components/forms';
import { formatDateTime } from '../../components/dates';

// The space contract's rules for the fields this form edits (the version is the space's own).
const editSpaceSchema = updateSpaceBody
  .pick({ name: true, description: true, archived: true })
  .required({ name: true });

type EditSpaceValues = { name: string; description: string; archived: boolean };

export function EditSpaceForm({ space, onDone }: { space: Space; onDone: () => void }) {
  const update = useUpdateSpace(space.id);
  const form = useContractForm<EditSpaceValues>(editSpaceSchema, {
    name: space.name,
    description: space.description,
    archived: space.archived,
  });
  // What the server refused that no field shows (someone changed the space first, a permission).
  const [formError, setFormError] = useState<string | null>(null);

  function submit({ name, description, archived }: EditSpaceValues) {
    setFormError(null);
    update.mutate(
      { version: space.version, name: name.trim(), description: description.trim(), archived },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: 'The space is saved.' });
          onDone();
        },
        onError: (error) =>
          setFormError(
            isStaleVersion(error)
              ? 'Someone changed the space first; it has been reloaded. Close this and try again.'
              : showServerErrors(form, error),
          ),
      },
    );
  }
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput
          label="Name"
          required
          maxLength={120}
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          maxLength={2000}
          key={form.key('description')}
          {...form.getInputProps('description')}
        />
        <Switch
          label="Archived"
          description="An archived space is read-only"
          key={form.key('archived')}
          {...form.getInputProps('archived', { type: 'checkbox' })}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Created {formatDateTime(space.createdAt)}.
        </Text>
      </Stack>
    </form>
  );
}
