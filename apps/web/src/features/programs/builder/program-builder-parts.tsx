// The program builder's frame: its sections, the alert for a program someone else changed, and the status step.
import { Alert, Breadcrumbs, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { errorMessage, isStaleVersion } from '../../../api/client';
import type { useProgramStatusAction } from '../../../api/programs';
import { type Program } from '../../../api/programs';
import { formatDateTime } from '../../../components/dates';
import { AnchorLink } from '../../../components/links';
import { closeButtonProps } from '../modal-props';

export function ProgramBreadcrumbs({ name }: { name: string }) {
  return (
    <Breadcrumbs>
      <AnchorLink to="/programs">Programs</AnchorLink>
      <Text size="sm">{name}</Text>
    </Breadcrumbs>
  );
}

export function Section({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {description && (
        <Text size="sm" c="dimmed" mb="md">
          {description}
        </Text>
      )}
      {!description && <div style={{ height: 'var(--mantine-spacing-md)' }} />}
      {children}
    </Paper>
  );
}

export function StaleAlert({
  latest,
  onLoadLatest,
  onKeepMine,
}: {
  latest: Program;
  onLoadLatest: () => void;
  onKeepMine: () => void;
}) {
  return (
    <Alert color="orange" role="alert" icon={<IconAlertTriangle />} title="Someone else changed this program">
      <Stack gap="xs">
        <Text size="sm">
          It was saved by someone else meanwhile (now version {latest.version},{' '}
          {formatDateTime(latest.updatedAt)}). Load their version and lose your unsaved edits, or keep your
          edits and save them over theirs.
        </Text>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={onLoadLatest}>
            Load their version
          </Button>
          <Button size="xs" variant="light" color="orange" onClick={onKeepMine}>
            Keep my edits
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

export function StatusModal({
  program,
  verb,
  onClose,
  onDone,
  onStale,
  action,
}: {
  program: Program;
  verb: 'publish' | 'retire' | null;
  onClose: () => void;
  onDone: (program: Program) => void;
  onStale: () => void;
  action: ReturnType<typeof useProgramStatusAction>;
}) {
  const copy =
    verb === 'publish'
      ? {
          title: `Publish ${program.name}`,
          text: 'Publishing opens the program to applications and enrollments. Its settings and tiers can still change afterwards; tier changes become a new tiers version.',
          button: 'Publish',
          color: 'green',
          done: 'published',
        }
      : {
          title: `Retire ${program.name}`,
          text: 'A retired program takes no new applications or enrollments and can no longer change. Existing enrollments stay.',
          button: 'Retire',
          color: 'red',
          done: 'retired',
        };

  function confirm() {
    if (!verb) return;
    action.mutate(
      { verb, version: program.version },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: `${saved.name} was ${copy.done}.` });
          onDone(saved);
          onClose();
        },
        onError: (error) => {
          if (isStaleVersion(error)) {
            onStale();
            onClose();
          }
        },
      },
    );
  }

  return (
    <Modal
      closeButtonProps={closeButtonProps}
      opened={verb !== null}
      onClose={onClose}
      title={copy.title}
      centered
    >
      <Stack>
        <Text>{copy.text}</Text>
        {action.isError && !isStaleVersion(action.error) && (
          <Alert color="red" role="alert">
            {errorMessage(action.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color={copy.color} onClick={confirm} loading={action.isPending} data-autofocus>
            {copy.button}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
