// A course's lessons as the creation and the edit form hold them: in order (moved with the arrows),
// removed while more than one is left, added; with the edit form, each one's library asset.
import {
  ActionIcon,
  Button,
  Card,
  Fieldset,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface LessonValues {
  /** Names a lesson kept (with people's marks); a new lesson has none. */
  id?: string;
  title: string;
  body: string;
  assetId?: string;
}

/** What the lesson fields need of a form's values. */
export interface LessonsValues extends Record<string, unknown> {
  lessons: LessonValues[];
}

export function LessonsFields({
  form,
  assets,
  markNew = false,
  note,
}: {
  form: UseFormReturnType<LessonsValues>;
  /** The library assets a lesson may present; without them a lesson has no asset picker. */
  assets?: { value: string; label: string }[];
  /** Marks the lessons added since the course was read (those without an id). */
  markNew?: boolean;
  note?: ReactNode;
}) {
  const { lessons } = form.getValues();
  const move = (from: number, to: number) => form.reorderListItem('lessons', { from, to });
  return (
    <Fieldset legend="Lessons">
      <Stack>
        {lessons.map((l, i) => (
          <Card withBorder key={form.key(`lessons.${i}`)} aria-label={`Lesson ${i + 1}`} component="section">
            <Stack gap="xs">
              <Group justify="space-between">
                <Text fw={600}>
                  Lesson {i + 1}
                  {markNew && !l.id && (
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
                    disabled={i === lessons.length - 1}
                    onClick={() => move(i, i + 1)}
                  >
                    <IconArrowDown size={16} />
                  </ActionIcon>
                  {lessons.length > 1 && (
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
              {assets && (
                <Select
                  label="Library asset it presents"
                  clearable
                  searchable
                  data={assets}
                  value={l.assetId ?? null}
                  onChange={(v) => form.setFieldValue(`lessons.${i}.assetId`, v ?? undefined)}
                  error={form.errors[`lessons.${i}.assetId`]}
                />
              )}
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
        {note && (
          <Text size="xs" c="dimmed">
            {note}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
