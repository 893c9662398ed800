// A course's quiz as the creation and the edit form hold it: the passing score and the questions, each
// with its options and the right one chosen by a radio.
import {
  ActionIcon,
  Button,
  Card,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface QuizQuestionValues {
  prompt: string;
  options: string[];
  correctOption: number;
}

/** What the quiz fields need of a form's values. */
export interface QuizValues extends Record<string, unknown> {
  passingScore: number;
  questions: QuizQuestionValues[];
}

export const blankQuestion = (): QuizQuestionValues => ({ prompt: '', options: ['', ''], correctOption: 0 });

/** The Quiz fieldset: passing score, questions (added, removed) and their options (added, removed). */
export function QuizFields({ form, note }: { form: UseFormReturnType<QuizValues>; note?: ReactNode }) {
  const { questions } = form.getValues();
  return (
    <Fieldset legend="Quiz">
      <Stack>
        {note && (
          <Text size="sm" c="dimmed">
            {note}
          </Text>
        )}
        <NumberInput
          label="Passing score (%)"
          min={1}
          max={100}
          w={200}
          {...form.getInputProps('passingScore')}
        />
        {questions.map((q, i) => (
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
  );
}
