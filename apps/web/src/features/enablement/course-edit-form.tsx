// Editing a course after it is created (vendor staff): its title, description, audience, lessons in
// order and its quiz. A change of the questions or the passing score is a new quiz; whoever passed the
// earlier one keeps the completion and any certification it earned.
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { updateCourseBody } from '@partnergraph/shared/contracts/enablement';
import {
  assetsQueryOptions,
  type Course,
  type UpdateCourseInput,
  useUpdateCourse,
} from '../../api/enablement';
import { isStaleVersion } from '../../api/client';
import { showServerErrors, useContractForm } from '../../components/forms';
import { emptySegment, SegmentPicker, segmentIsEmpty, type SegmentValue } from '../community/segment-picker';

export interface CourseFormValues extends Record<string, unknown> {
  version: number;
  title: string;
  description: string;
  passingScore: number;
  /** `id` names a lesson kept (with people's marks); a new lesson has none. */
  lessons: { id?: string; title: string; body: string; assetId?: string }[];
  questions: { prompt: string; options: string[]; correctOption: number }[];
}

/** The course as the form holds it. */
export function courseFormValues(c: Course): CourseFormValues {
  return {
    version: c.version,
    title: c.title,
    description: c.description,
    passingScore: c.passingScore,
    lessons: c.lessons.map((l) => ({
      id: l.id,
      title: l.title,
      body: l.body,
      ...(l.asset ? { assetId: l.asset.id } : {}),
    })),
    questions: c.questions.map((q) => ({
      prompt: q.prompt,
      options: [...q.options],
      correctOption: q.correctOption ?? 0,
    })),
  };
}

export const blankQuestion = () => ({ prompt: '', options: ['', ''], correctOption: 0 });

/** The request: the whole course as edited, with its audience (null: every partner). */
export function courseUpdateFrom(v: CourseFormValues, segment: SegmentValue | null): UpdateCourseInput {
  return {
    version: v.version,
    title: v.title,
    description: v.description,
    passingScore: v.passingScore,
    segment,
    lessons: v.lessons.map((l) => ({
      ...(l.id ? { id: l.id } : {}),
      title: l.title,
      body: l.body,
      ...(l.assetId ? { assetId: l.assetId } : {}),
    })),
    questions: v.questions,
  };
}

/** The fields: lessons (moved with the arrows, removed, added) and the quiz. */
export function CourseEditFields({
  form,
  assets,
}: {
  form: UseFormReturnType<CourseFormValues>;
  assets: { value: string; label: string }[];
}) {
  const values = form.getValues();
  const move = (from: number, to: number) => form.reorderListItem('lessons', { from, to });
  return (
    <>
      <TextInput label="Title" required {...form.getInputProps('title')} />
      <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
      <Fieldset legend="Lessons">
        <Stack>
          {values.lessons.map((l, i) => (
            <Card
              withBorder
              key={form.key(`lessons.${i}`)}
              aria-label={`Lesson ${i + 1}`}
              component="section"
            >
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text fw={600}>
                    Lesson {i + 1}
                    {!l.id && (
                      <Text span c="dimmed" size="sm">
                        {' '}
                        (new)
                      </Text>
                    )}
                  </Text>
                  <Group gap={4}>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Move lesson ${i + 1} up`}
                      disabled={i === 0}
                      onClick={() => move(i, i - 1)}
                    >
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`Move lesson ${i + 1} down`}
                      disabled={i === values.lessons.length - 1}
                      onClick={() => move(i, i + 1)}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    {values.lessons.length > 1 && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Remove lesson ${i + 1}`}
                        onClick={() => form.removeListItem('lessons', i)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Group>
                </Group>
                <TextInput label="Lesson title" required {...form.getInputProps(`lessons.${i}.title`)} />
                <Textarea
                  label="Lesson text (Markdown)"
                  autosize
                  minRows={3}
                  {...form.getInputProps(`lessons.${i}.body`)}
                />
                <Select
                  label="Library asset it presents"
                  clearable
                  searchable
                  data={assets}
                  value={l.assetId ?? null}
                  onChange={(v) => form.setFieldValue(`lessons.${i}.assetId`, v ?? undefined)}
                  error={form.errors[`lessons.${i}.assetId`]}
                />
              </Stack>
            </Card>
          ))}
          <Button
            variant="light"
            w="fit-content"
            onClick={() => form.insertListItem('lessons', { title: '', body: '' })}
          >
            Add a lesson
          </Button>
          <Text size="xs" c="dimmed">
            Removing a lesson removes who had marked it done; a course already completed stays completed.
          </Text>
        </Stack>
      </Fieldset>
      <Fieldset legend="Quiz">
        <Stack>
          <Text size="sm" c="dimmed">
            Changing the questions or the passing score starts a new quiz. People who passed keep their
            completion and certifications; everyone else takes the new quiz.
          </Text>
          <NumberInput
            label="Passing score (%)"
            min={1}
            max={100}
            w={200}
            {...form.getInputProps('passingScore')}
          />
          {values.questions.map((q, i) => (
            <Card withBorder key={form.key(`questions.${i}`)}>
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text fw={600}>Question {i + 1}</Text>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Remove question ${i + 1}`}
                    onClick={() => form.removeListItem('questions', i)}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
                <TextInput label="Question" required {...form.getInputProps(`questions.${i}.prompt`)} />
                <Radio.Group
                  label="Options (choose the right one)"
                  value={String(q.correctOption)}
                  onChange={(v) => form.setFieldValue(`questions.${i}.correctOption`, Number(v))}
                  error={form.errors[`questions.${i}.correctOption`]}
                >
                  <Stack gap={6} mt={4}>
                    {q.options.map((_, j) => (
                      <Group key={j} wrap="nowrap">
                        <Radio value={String(j)} aria-label={`Question ${i + 1}: option ${j + 1} is right`} />
                        <TextInput
                          aria-label={`Question ${i + 1}: option ${j + 1}`}
                          placeholder={`Option ${j + 1}`}
                          style={{ flex: 1 }}
                          {...form.getInputProps(`questions.${i}.options.${j}`)}
                        />
                        {q.options.length > 2 && (
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`Remove option ${j + 1} of question ${i + 1}`}
                            onClick={() => {
                              form.removeListItem(`questions.${i}.options`, j);
                              if (q.correctOption >= j && q.correctOption > 0)
                                form.setFieldValue(
                                  `questions.${i}.correctOption`,
                                  q.correctOption === j ? 0 : q.correctOption - 1,
                                );
                            }}
                          >
                            <IconTrash size={14} />
                          </ActionIcon>
                        )}
                      </Group>
                    ))}
                  </Stack>
                </Radio.Group>
                <Button
                  variant="subtle"
                  size="xs"
                  w="fit-content"
                  onClick={() => form.insertListItem(`questions.${i}.options`, '')}
                >
                  Add an option
                </Button>
              </Stack>
            </Card>
          ))}
          <Button
            variant="light"
            w="fit-content"
            onClick={() => form.insertListItem('questions', blankQuestion())}
          >
            Add a question
          </Button>
        </Stack>
      </Fieldset>
    </>
  );
}

const segmentOf = (c: Course): SegmentValue =>
  c.segment
    ? {
        partnerTypes: c.segment.partnerTypes,
        programIds: c.segment.programIds,
        tierIds: c.segment.tierIds,
        countries: c.segment.countries,
      }
    : emptySegment;

export function CourseEditForm({ course, onDone }: { course: Course; onDone: () => void }) {
  const update = useUpdateCourse(course.id);
  const [everyone, setEveryone] = useState(course.segment === null);
  const [segment, setSegment] = useState<SegmentValue>(segmentOf(course));
  const [alert, setAlert] = useState<string | null>(null);
  const form = useContractForm<CourseFormValues>(updateCourseBody, courseFormValues(course));
  const library = useInfiniteQuery(assetsQueryOptions({}));
  const assets = new Map<string, string>();
  for (const l of course.lessons) if (l.asset) assets.set(l.asset.id, l.asset.name);
  for (const a of library.data?.pages.flatMap((p) => p.items) ?? []) assets.set(a.id, a.title);

  async function submit(v: CourseFormValues) {
    setAlert(null);
    if (!everyone && segmentIsEmpty(segment))
      return setAlert('Choose who it is for, or open it to every partner');
    try {
      const saved = await update.mutateAsync(courseUpdateFrom(v, everyone ? null : segment));
      notifications.show({
        color: 'green',
        message:
          saved.quizVersion !== course.quizVersion
            ? `“${saved.title}” is saved with a new quiz.`
            : `“${saved.title}” is saved.`,
      });
      onDone();
    } catch (err) {
      setAlert(
        isStaleVersion(err)
          ? 'Someone changed this course first; it has been reloaded. Close this and edit it again.'
          : showServerErrors(form, err),
      );
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
        <CourseEditFields form={form} assets={[...assets].map(([value, label]) => ({ value, label }))} />
        <Switch
          label="For every partner"
          checked={everyone}
          onChange={(e) => setEveryone(e.currentTarget.checked)}
        />
        {!everyone && <SegmentPicker legend="Who it is for" value={segment} onChange={setSegment} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save course
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
