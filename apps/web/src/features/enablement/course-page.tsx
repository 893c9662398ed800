import { Alert, Badge, Button, Card, Group, Modal, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCertificate, IconCheck, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  type Course,
  courseProgressQueryOptions,
  courseQueryOptions,
  useCompleteLesson,
  useSubmitQuiz,
} from '../../api/enablement';
import { errorMessage, isApiError } from '../../api/client';
import { formatDate } from '../../components/dates';
import { AnchorLink } from '../../components/links';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { ServerHtml } from '../community/html-content';
import { NotFoundPage } from '../errors/not-found-page';
import { useBrandTitle } from '../brand/brand-mark';
import { CourseEditForm } from './course-edit-form';

export function CoursePage({ courseId }: { courseId: string }) {
  const course = useQuery(courseQueryOptions(courseId));
  const canTake = useCan('learning:participate');
  const canManage = useCan('courses:manage');
  const [editing, editModal] = useDisclosure(false);
  const { organization } = useSession();
  useBrandTitle(`${course.data?.title ?? 'Course'}`);
  if (course.isPending) return <LoadingState label="Loading the course…" />;
  if (isApiError(course.error, 404)) return <NotFoundPage />;
  if (course.isError) return <ErrorAlert error={course.error} />;
  const c = course.data;
  return (
    <Stack>
      <AnchorLink to="/enablement/courses" size="sm">
        ← All courses
      </AnchorLink>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{c.title}</Title>
          <Text c="dimmed" size="sm">
            {c.lessonCount} lessons · {c.questionCount} questions · pass with {c.passingScore}%
            {canManage &&
              ` · ${c.segment?.label ?? 'Every partner'}${c.quizVersion > 1 ? ` · quiz version ${c.quizVersion}` : ''}`}
          </Text>
        </div>
        <Group gap="xs">
          {c.completedAt && (
            <Badge color="green" size="lg" leftSection={<IconCheck size={14} />}>
              Completed {formatDate(c.completedAt)}
            </Badge>
          )}
          {canManage && (
            <Button variant="light" leftSection={<IconPencil size={16} />} onClick={editModal.open}>
              Edit course
            </Button>
          )}
        </Group>
      </Group>
      <Modal opened={editing} onClose={editModal.close} title="Edit course" size="xl">
        {editing && <CourseEditForm course={c} onDone={editModal.close} />}
      </Modal>
      {c.description && <Text>{c.description}</Text>}
      <Title order={2} size="h3">
        Lessons
      </Title>
      {c.lessons.map((l) => (
        <Lesson key={l.id} course={c} lesson={l} canTake={canTake} />
      ))}
      {c.questions.length > 0 && canTake && organization.kind === 'partner' && <Quiz course={c} />}
      {c.questions.length > 0 && organization.kind === 'vendor' && <Answers course={c} />}
      <Progress courseId={c.id} />
    </Stack>
  );
}

function Lesson({
  course,
  lesson: l,
  canTake,
}: {
  course: Course;
  lesson: Course['lessons'][number];
  canTake: boolean;
}) {
  const complete = useCompleteLesson();
  return (
    <Card withBorder aria-label={`Lesson ${l.position + 1}: ${l.title}`} component="section">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {l.position + 1}. {l.title}
          </Title>
          {l.completed ? (
            <Badge color="green" leftSection={<IconCheck size={12} />}>
              Done
            </Badge>
          ) : (
            canTake && (
              <Button
                size="xs"
                variant="light"
                loading={complete.isPending}
                onClick={() => complete.mutate({ id: course.id, lessonId: l.id })}
              >
                Mark as done
              </Button>
            )
          )}
        </Group>
        {l.html && <ServerHtml html={l.html} />}
        {l.asset && (
          <AnchorLink to="/enablement/library/$assetId" params={{ assetId: l.asset.id }} size="sm">
            Open “{l.asset.name}” in the library
          </AnchorLink>
        )}
        {complete.isError && <Text c="red">{errorMessage(complete.error)}</Text>}
      </Stack>
    </Card>
  );
}

function Quiz({ course: c }: { course: Course }) {
  const submit = useSubmitQuiz();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const result = submit.data;
  if (c.completedAt && !result)
    return (
      <Alert color="green">
        You passed this course{c.bestScore !== null ? ` with ${c.bestScore}%` : ''}.
      </Alert>
    );
  const unanswered = c.questions.filter((q) => answers[q.id] === undefined).length;
  return (
    <Card withBorder component="section" aria-label="Quiz">
      <Stack>
        <Title order={2} size="h3">
          Quiz
        </Title>
        {c.questions.map((q) => (
          <Radio.Group
            key={q.id}
            label={`${q.position + 1}. ${q.prompt}`}
            value={answers[q.id] ?? null}
            onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
          >
            <Stack gap={6} mt={6}>
              {q.options.map((o, j) => (
                <Radio key={j} value={String(j)} label={o} disabled={result?.passed} />
              ))}
            </Stack>
          </Radio.Group>
        ))}
        {result && (
          <Alert
            color={result.passed ? 'green' : 'orange'}
            role="status"
            title={result.passed ? 'Passed' : 'Not passed yet'}
            icon={result.passed ? <IconCertificate /> : undefined}
          >
            You scored {result.score}% ({result.correct} of {result.total}); {result.passingScore}% passes.
            {result.certificationsEarned.map((e) => (
              <Text key={e.id} fw={600} mt={4}>
                You earned {e.type.name}.
              </Text>
            ))}
          </Alert>
        )}
        {submit.isError && (
          <Alert color="red" role="alert">
            {errorMessage(submit.error)}
          </Alert>
        )}
        {!result?.passed && (
          <Group justify="flex-end">
            <Text size="sm" c="dimmed">
              {unanswered ? `${unanswered} left to answer` : 'All answered'}
            </Text>
            <Button
              loading={submit.isPending}
              disabled={unanswered > 0}
              onClick={() =>
                submit.mutate({
                  id: c.id,
                  body: {
                    answers: Object.entries(answers).map(([questionId, v]) => ({
                      questionId,
                      option: Number(v),
                    })),
                  },
                })
              }
            >
              Submit answers
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** The vendor's view of the quiz: its questions with the right answers. */
function Answers({ course: c }: { course: Course }) {
  return (
    <Card withBorder component="section" aria-label="Quiz answers">
      <Title order={2} size="h3" mb="xs">
        Quiz
      </Title>
      {c.questions.map((q) => (
        <Text key={q.id} size="sm">
          {q.position + 1}. {q.prompt} — <b>{q.correctOption !== null ? q.options[q.correctOption] : ''}</b>
        </Text>
      ))}
    </Card>
  );
}

function Progress({ courseId }: { courseId: string }) {
  const progress = useQuery(courseProgressQueryOptions(courseId));
  if (!progress.data || progress.data.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        Progress
      </Title>
      <Table aria-label="Progress">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Person</Table.Th>
            <Table.Th>Organization</Table.Th>
            <Table.Th>Lessons</Table.Th>
            <Table.Th>Best score</Table.Th>
            <Table.Th>Completed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {progress.data.map((p) => (
            <Table.Tr key={p.person.id}>
              <Table.Td>{p.person.name}</Table.Td>
              <Table.Td>{p.organization.name}</Table.Td>
              <Table.Td>
                {p.lessonsCompleted} of {p.lessonCount}
              </Table.Td>
              <Table.Td>{p.bestScore !== null ? `${p.bestScore}%` : '—'}</Table.Td>
              <Table.Td>
                {p.completedAt ? `${formatDate(p.completedAt)}${p.source === 'lms' ? ' (LMS)' : ''}` : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
