import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import { useInfiniteQuery, useQueries } from '@tanstack/react-query';
import { createPartnerNoteBody, createPartnerTaskBody } from '@partnergraph/shared/contracts/partner-notes';
import { rolesWith } from '@partnergraph/shared/permissions';
import { ApiError, errorMessage, isStaleVersion } from '../../api/client';
import {
  partnerNotesQueryOptions,
  partnerTasksQueryOptions,
  useCreateNote,
  useCreateTask,
  useDeleteNote,
  useDeleteTask,
  useSetTaskDone,
  type PartnerTask,
} from '../../api/partner-notes';
import { usersQueryOptions } from '../../api/users';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert, LoadingState, LoadMore } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { formatDay } from '../deals/format';

/** Server field problems onto the form's fields (`body.assigneeId` → `assigneeId`). */
function showFieldErrors(form: { setFieldError: (f: string, m: string) => void }, error: Error) {
  if (!(error instanceof ApiError)) return false;
  const fields = Object.entries(error.fieldErrors());
  for (const [field, message] of fields) form.setFieldError(field, message);
  return fields.length > 0;
}

function NoteForm({ partnerId }: { partnerId: string }) {
  const create = useCreateNote(partnerId);
  const form = useForm({ initialValues: { body: '' } });
  const submit = form.onSubmit((v) => {
    // The contract the server applies, checked here first so the field names its own problem.
    const checked = createPartnerNoteBody.safeParse(v);
    if (!checked.success) {
      for (const issue of checked.error.issues) form.setFieldError(String(issue.path[0]), issue.message);
      return;
    }
    create.mutate(checked.data, {
      onSuccess: () => form.reset(),
      onError: (err) => void showFieldErrors(form, err),
    });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Add a note">
      <Stack gap="xs">
        <Textarea
          label="New note"
          description="Only your organization's staff see notes; the partner never does."
          autosize
          minRows={2}
          maxRows={8}
          {...form.getInputProps('body')}
        />
        {create.isError && !(create.error instanceof ApiError && create.error.errors.length) && (
          <Alert color="red" role="alert">
            {errorMessage(create.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Add note
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PartnerNotes({ partnerId, canManage }: { partnerId: string; canManage: boolean }) {
  const { user } = useSession();
  const notes = useInfiniteQuery(partnerNotesQueryOptions(partnerId));
  const remove = useDeleteNote(partnerId);
  const items = notes.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="sm" component="section" aria-labelledby="partner-notes-title">
      <Title order={2} size="h3" id="partner-notes-title">
        Notes
      </Title>
      {canManage && <NoteForm partnerId={partnerId} />}
      {remove.isError && <ErrorAlert error={remove.error} title="The note could not be deleted" />}
      {notes.isPending ? (
        <LoadingState label="Loading notes…" />
      ) : notes.isError ? (
        <ErrorAlert error={notes.error} title="The notes could not be loaded" />
      ) : items.length === 0 ? (
        <Text c="dimmed">
          No notes yet. Write down what the team should remember about this partner: plans, contacts,
          concerns.
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((note) => (
            <Card withBorder padding="sm" key={note.id} component="li">
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={4}>
                  <Text style={{ whiteSpace: 'pre-wrap' }}>{note.body}</Text>
                  <Text size="xs" c="dimmed">
                    {note.author?.name ?? 'A former user'} ·{' '}
                    <time dateTime={note.createdAt}>{formatDateTime(note.createdAt)}</time>
                  </Text>
                </Stack>
                {canManage && (note.author?.id === user.id || user.role === 'admin') && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Delete the note of ${formatDateTime(note.createdAt)}`}
                    loading={remove.isPending && remove.variables === note.id}
                    onClick={() => remove.mutate(note.id)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      {notes.hasNextPage && (
        <LoadMore
          hasNextPage={notes.hasNextPage}
          isFetchingNextPage={notes.isFetchingNextPage}
          fetchNextPage={notes.fetchNextPage}
          shown={items.length}
          noun="notes"
        />
      )}
    </Stack>
  );
}

/** The vendor's staff a task may go to: the roles the server accepts as assignees. */
function useAssignees() {
  const { organization } = useSession();
  return useQueries({
    queries: rolesWith('partner-notes:manage').map((role) =>
      usersQueryOptions({ organizationId: organization.id, role, status: 'active' }),
    ),
    combine: (results) => ({
      isPending: results.some((r) => r.isPending),
      options: results
        .flatMap((r) => r.data?.items ?? [])
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((u) => ({ value: u.id, label: u.name })),
    }),
  });
}

function TaskForm({ partnerId }: { partnerId: string }) {
  const create = useCreateTask(partnerId);
  const assignees = useAssignees();
  const form = useForm({
    initialValues: { title: '', assigneeId: null as string | null, dueOn: '' },
  });
  const submit = form.onSubmit((v) => {
    const body = { title: v.title, assigneeId: v.assigneeId, dueOn: v.dueOn || null };
    const checked = createPartnerTaskBody.safeParse(body);
    if (!checked.success) {
      for (const issue of checked.error.issues) form.setFieldError(String(issue.path[0]), issue.message);
      return;
    }
    create.mutate(checked.data, {
      onSuccess: () => form.reset(),
      onError: (err) => void showFieldErrors(form, err),
    });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Add a task">
      <Stack gap="xs">
        <TextInput
          label="New task"
          placeholder="e.g. Send the onboarding plan"
          {...form.getInputProps('title')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Assignee"
            placeholder={assignees.isPending ? 'Loading…' : 'Nobody'}
            data={assignees.options}
            searchable
            clearable
            {...form.getInputProps('assigneeId')}
          />
          <TextInput label="Due on" type="date" {...form.getInputProps('dueOn')} />
        </SimpleGrid>
        {create.isError && !(create.error instanceof ApiError && create.error.errors.length) && (
          <Alert color="red" role="alert">
            {errorMessage(create.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Add task
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

function TaskRow({
  task,
  partnerId,
  canManage,
}: {
  task: PartnerTask;
  partnerId: string;
  canManage: boolean;
}) {
  const setDone = useSetTaskDone(partnerId);
  const remove = useDeleteTask(partnerId);
  const overdue = !task.done && task.dueOn !== null && task.dueOn < today();
  const error = setDone.error ?? remove.error;
  return (
    <Card withBorder padding="sm" component="li">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Checkbox
            label={task.title}
            checked={task.done}
            disabled={!canManage || setDone.isPending}
            onChange={(event) => setDone.mutate({ task, done: event.currentTarget.checked })}
            styles={{ label: task.done ? { textDecoration: 'line-through' } : undefined }}
          />
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {task.assignee ? `Assigned to ${task.assignee.name}` : 'Unassigned'}
              {task.dueOn && ` · due ${formatDay(task.dueOn)}`}
              {task.completedAt && ` · done ${formatDateTime(task.completedAt)}`}
            </Text>
            {overdue && (
              <Badge color="red" variant="light" size="sm">
                Overdue
              </Badge>
            )}
          </Group>
          {error && (
            <Text size="xs" c="red" role="alert">
              {isStaleVersion(error)
                ? 'Someone changed this task meanwhile; the list now shows it as it is.'
                : errorMessage(error)}
            </Text>
          )}
        </Stack>
        {canManage && (
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Delete the task ${task.title}`}
            loading={remove.isPending}
            onClick={() => remove.mutate(task.id)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        )}
      </Group>
    </Card>
  );
}

function PartnerTasks({ partnerId, canManage }: { partnerId: string; canManage: boolean }) {
  const tasks = useInfiniteQuery(partnerTasksQueryOptions(partnerId));
  const items = tasks.data?.pages.flatMap((p) => p.items) ?? [];
  // Open tasks first; each group keeps the server's newest-first order.
  const ordered = [...items.filter((t) => !t.done), ...items.filter((t) => t.done)];
  return (
    <Stack gap="sm" component="section" aria-labelledby="partner-tasks-title">
      <Title order={2} size="h3" id="partner-tasks-title">
        Tasks
      </Title>
      {canManage && <TaskForm partnerId={partnerId} />}
      {tasks.isPending ? (
        <LoadingState label="Loading tasks…" />
      ) : tasks.isError ? (
        <ErrorAlert error={tasks.error} title="The tasks could not be loaded" />
      ) : items.length === 0 ? (
        <Text c="dimmed">No tasks yet. Add a follow-up, give it an owner and a due date.</Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          aria-label="Tasks"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {ordered.map((task) => (
            <TaskRow key={task.id} task={task} partnerId={partnerId} canManage={canManage} />
          ))}
        </Stack>
      )}
      {tasks.hasNextPage && (
        <LoadMore
          hasNextPage={tasks.hasNextPage}
          isFetchingNextPage={tasks.isFetchingNextPage}
          fetchNextPage={tasks.fetchNextPage}
          shown={items.length}
          noun="tasks"
        />
      )}
    </Stack>
  );
}

/** The vendor's notes and follow-up tasks on a partner, side by side on a wide screen. */
export function PartnerNotesAndTasks({ partnerId }: { partnerId: string }) {
  const canManage = useCan('partner-notes:manage');
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
      <PartnerTasks partnerId={partnerId} canManage={canManage} />
      <PartnerNotes partnerId={partnerId} canManage={canManage} />
    </SimpleGrid>
  );
}
