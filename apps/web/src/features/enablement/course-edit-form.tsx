// Editing a course after it is created (vendor staff): its title, description, audience, lessons in
// order and its quiz. A change of the questions or the passing score is a new quiz; whoever passed the
// earlier one keeps the completion and any certification it earned.
import { Alert, Button, Group, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { updateCourseBody } from '@partnergraph/shared/contracts/enablement';
import {
  assetsQueryOptions,
  type Course,
  type UpdateCourseInput,
  useUpdateCourse,
} from '../../api/enablement';
import { useContractForm } from '../../components/forms';
import { emptySegment, SegmentPicker, segmentIsEmpty, type SegmentValue } from '../community/segment-picker';
import { type LessonValues, LessonsFields } from './lessons-fields';
import { type QuizQuestionValues, QuizFields } from './quiz-fields';
import { saveFailure } from './save-failure';

export interface CourseFormValues extends Record<string, unknown> {
  version: number;
  title: string;
  description: string;
  passingScore: number;
  lessons: LessonValues[];
  questions: QuizQuestionValues[];
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
  return (
    <>
      <TextInput label="Title" required {...form.getInputProps('title')} />
      <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
      <LessonsFields
        form={form}
        assets={assets}
        markNew
        note="Removing a lesson removes who had marked it done; a course already completed stays completed."
      />
      <QuizFields
        form={form}
        note="Changing the questions or the passing score starts a new quiz. People who passed keep their completion and certifications; everyone else takes the new quiz."
      />
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
      setAlert(saveFailure(form, err, 'course'));
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
