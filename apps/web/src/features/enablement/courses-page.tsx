import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Fieldset,
  Group,
  Modal,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { createCourseBody, updatePathBody } from '@partnergraph/shared/contracts/enablement';
import {
  certificationTypesQueryOptions,
  type CourseSummary,
  coursesQueryOptions,
  type LearningPath,
  pathsQueryOptions,
  useCreateCourse,
  useUpdatePath,
} from '../../api/enablement';
import { showServerErrors, useContractForm } from '../../components/forms';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan } from '../auth/session';
import { emptySegment, SegmentPicker, segmentIsEmpty, type SegmentValue } from '../community/segment-picker';
import { useBrandTitle } from '../brand/brand-mark';
import { LessonsFields } from './lessons-fields';
import { OrderedItems } from './ordered-items';
import { saveFailure } from './save-failure';
import { blankQuestion, QuizFields } from './quiz-fields';

export function CoursesPage() {
  useBrandTitle('Courses');
  const canManage = useCan('courses:manage');
  const [creating, createModal] = useDisclosure(false);
  const [editingPath, setEditingPath] = useState<LearningPath | null>(null);
  const courses = useQuery(coursesQueryOptions());
  const paths = useQuery(pathsQueryOptions);

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>Courses</Title>
          <Text c="dimmed" size="sm">
            Lessons and a quiz per course; a learning path of courses earns a certification.
          </Text>
        </div>
        {canManage && (
          <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
            New course
          </Button>
        )}
      </Group>
      {courses.isPending ? (
        <LoadingState label="Loading the courses…" />
      ) : courses.isError ? (
        <ErrorAlert error={courses.error} title="The courses could not be loaded" />
      ) : courses.data.length === 0 ? (
        <Alert color="gray">No courses yet.</Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} role="list" aria-label="Courses">
          {courses.data.map((c) => (
            <CourseCard key={c.id} course={c} />
          ))}
        </SimpleGrid>
      )}
      {paths.data && paths.data.length > 0 && (
        <Stack gap="xs">
          <Title order={2} size="h3">
            Learning paths
          </Title>
          {paths.data.map((p) => (
            <Card withBorder key={p.id}>
              <Group justify="space-between">
                <div>
                  <Text fw={600}>{p.title}</Text>
                  <Text size="sm" c="dimmed">
                    {p.courses.map((c) => `${c.name}${c.completed ? ' ✓' : ''}`).join(' → ')}
                  </Text>
                </div>
                <Group gap="xs">
                  {p.certificationType && <Badge>Earns: {p.certificationType.name}</Badge>}
                  {canManage && (
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Edit the path “${p.title}”`}
                      onClick={() => setEditingPath(p)}
                    >
                      <IconPencil size={16} />
                    </ActionIcon>
                  )}
                </Group>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
      <Modal opened={creating} onClose={createModal.close} title="New course" size="xl">
        {creating && <CourseBuilder onDone={createModal.close} />}
      </Modal>
      <Modal
        opened={editingPath !== null}
        onClose={() => setEditingPath(null)}
        title="Edit learning path"
        size="lg"
      >
        {editingPath && <PathEditForm path={editingPath} onDone={() => setEditingPath(null)} />}
      </Modal>
    </Stack>
  );
}

function CourseCard({ course: c }: { course: CourseSummary }) {
  const done = c.lessonsCompleted;
  return (
    <Card withBorder role="listitem">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <AnchorLink to="/enablement/courses/$courseId" params={{ courseId: c.id }} fw={600}>
            {c.title}
          </AnchorLink>
          {c.completedAt ? (
            <Badge color="green">Completed</Badge>
          ) : c.status === 'draft' ? (
            <Badge color="gray">Draft</Badge>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed" lineClamp={2}>
          {c.description || `${c.lessonCount} lessons, ${c.questionCount} quiz questions`}
        </Text>
        <Progress
          value={c.lessonCount ? (done / c.lessonCount) * 100 : 0}
          aria-label={`${done} of ${c.lessonCount} lessons done`}
        />
        <Text size="xs" c="dimmed">
          {done} of {c.lessonCount} lessons · pass with {c.passingScore}% ·{' '}
          {c.segment?.label ?? 'Every partner'}
        </Text>
      </Stack>
    </Card>
  );
}

function CourseBuilder({ onDone }: { onDone: () => void }) {
  const create = useCreateCourse();
  const [everyone, setEveryone] = useState(true);
  const [segment, setSegment] = useState<SegmentValue>(emptySegment);
  const [alert, setAlert] = useState<string | null>(null);
  const form = useContractForm(createCourseBody, {
    title: '',
    description: '',
    passingScore: 80,
    publish: true,
    lessons: [{ title: '', body: '' }],
    questions: [blankQuestion()],
  });

  async function submit(v: typeof form.values) {
    setAlert(null);
    if (!everyone && segmentIsEmpty(segment))
      return setAlert('Choose who it is for, or open it to every partner');
    try {
      const course = await create.mutateAsync({ ...v, ...(everyone ? {} : { segment }) });
      notifications.show({ color: 'green', message: `“${course.title}” is ${course.status}.` });
      onDone();
    } catch (err) {
      const left = showServerErrors(form, err);
      if (left) setAlert(left);
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        {alert && (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        )}
        <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <LessonsFields form={form} />
        <QuizFields form={form} />
        <Switch
          label="For every partner"
          checked={everyone}
          onChange={(e) => setEveryone(e.currentTarget.checked)}
        />
        {!everyone && <SegmentPicker legend="Who it is for" value={segment} onChange={setSegment} />}
        <Switch label="Publish now" {...form.getInputProps('publish', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            Create course
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type PathFormValues = { version: number; title: string; description: string; courseIds: string[] };

/** A learning path's title, courses in order and certification; certifications already earned stand. */
function PathEditForm({ path, onDone }: { path: LearningPath; onDone: () => void }) {
  const update = useUpdatePath(path.id);
  const courses = useQuery(coursesQueryOptions());
  const types = useQuery(certificationTypesQueryOptions);
  const [typeId, setTypeId] = useState<string | null>(path.certificationType?.id ?? null);
  const [alert, setAlert] = useState<string | null>(null);
  const form = useContractForm<PathFormValues>(updatePathBody, {
    version: path.version,
    title: path.title,
    description: path.description,
    courseIds: path.courses.map((c) => c.id),
  });
  const ids = form.getValues().courseIds;
  const names = new Map<string, string>(path.courses.map((c) => [c.id, c.name]));
  for (const c of courses.data ?? []) names.set(c.id, c.title);

  async function submit(v: PathFormValues) {
    setAlert(null);
    try {
      const saved = await update.mutateAsync({ ...v, certificationTypeId: typeId });
      notifications.show({ color: 'green', message: `“${saved.title}” is saved.` });
      onDone();
    } catch (err) {
      setAlert(saveFailure(form, err, 'path'));
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        {alert && (
          <Alert color="red" role="alert">
            {alert}
          </Alert>
        )}
        <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
        <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
        <Fieldset legend="Courses, in order">
          <Stack gap="xs">
            <OrderedItems
              ids={ids}
              nameOf={(id) => names.get(id) ?? 'Course'}
              removeLabel={(name) => `Remove “${name}” from the path`}
              canRemove={ids.length > 1}
              onMove={(from, to) => form.reorderListItem('courseIds', { from, to })}
              onRemove={(i) => form.removeListItem('courseIds', i)}
            />
            {form.errors.courseIds && (
              <Text size="sm" c="red">
                {form.errors.courseIds}
              </Text>
            )}
            <Select
              label="Add a course"
              searchable
              data={(courses.data ?? [])
                .filter((c) => !ids.includes(c.id))
                .map((c) => ({ value: c.id, label: c.title }))}
              value={null}
              onChange={(v) => v && form.insertListItem('courseIds', v)}
              nothingFoundMessage="Every course is in this path"
            />
          </Stack>
        </Fieldset>
        <Select
          label="Certification it awards"
          description="Certifications already earned through this path stand."
          clearable
          placeholder="None"
          data={(types.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
          value={typeId}
          onChange={setTypeId}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save path
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
