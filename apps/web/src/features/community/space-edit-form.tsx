// Renaming a space, changing its description, visibility or archiving it.
import { Alert, Button, Group, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { type Space, useUpdateSpace } from '../../api/community';
import { ApiError, errorMessage, isStaleVersion } from '../../api/client';
import { formatDateTime } from '../../components/dates';

export function EditSpaceForm({ space, onDone }: { space: Space; onDone: () => void }) {
  const update = useUpdateSpace(space.id);
  const [name, setName] = useState(space.name);
  const [description, setDescription] = useState(space.description);
  const [archived, setArchived] = useState(space.archived);
  const errors = update.error instanceof ApiError ? update.error.fieldErrors() : {};

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(
      { version: space.version, name: name.trim(), description: description.trim(), archived },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: 'The space is saved.' });
          onDone();
        },
      },
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {update.isError && !Object.keys(errors).length && (
          <Alert color="red" role="alert">
            {isStaleVersion(update.error)
              ? 'Someone changed the space first; it has been reloaded. Close this and try again.'
              : errorMessage(update.error)}
          </Alert>
        )}
        <TextInput
          label="Name"
          required
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          maxLength={2000}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Switch
          label="Archived"
          description="An archived space is read-only"
          checked={archived}
          onChange={(e) => setArchived(e.currentTarget.checked)}
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
