import type { z } from 'zod';
import type {
  Course,
  courseListQuery,
  CourseSummary,
  createCourseBody,
  createPathBody,
  submitQuizBody,
  updateCourseBody,
  updatePathBody,
} from '@partnergraph/shared/contracts/enablement';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange, type ChangeRecorder } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import type { Deps } from '../../lib/deps';
import { AppError, invalid, notFound, unprocessable } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { findUserRecordById } from '../identity/identity.repository';
import { renderMarkdown } from '../community/markdown';
import { checkSegment, labelSegments } from '../community/segments';
import { findAssetById } from './content.repository';
import { findCertificationTypeById } from './certifications.repository';
import { holdsValid, isoDay, issueCertification, type BadgeDeps } from './certifications.service';
import {
  countCompletions,
  countLessonsLeft,
  findCompletion,
  findCourseById,
  findCourseProgress,
  findCourses,
  findLesson,
  findLessons,
  findPathCourseIds,
  findPathCourses,
  findPathForUpdate,
  findPaths,
  findPathsCompletedBy,
  findQuestions,
  insertCompletion,
  insertCourse,
  insertLessonCompletion,
  insertPath,
  insertQuestions,
  insertSubmission,
  publishCourseRow,
  replaceLessons,
  updateCourseRow,
  updatePathRow,
  type CourseRow,
} from './learning.repository';
import { seesAnswers } from './enablement.visibility';

// Courses of lessons and a quiz with a passing score, learning paths of courses, each person's
// progress and completions. Completing the last course of a path with a certification issues it.

type CourseWithCounts = {
  c: CourseRow;
  lessonCount: number;
  questionCount: number;
  lessonsCompleted: number;
  completedAt: Date | null;
  bestScore: number | null;
};

async function toSummaries(q: Queryable, rows: CourseWithCounts[]): Promise<CourseSummary[]> {
  const labels = await labelSegments(
    q,
    rows.map((r) => r.c.segment ?? null),
  );
  return rows.map((r, i) => ({
    id: r.c.id,
    title: r.c.title,
    description: r.c.description,
    segment: labels[i] ?? null,
    status: r.c.status,
    passingScore: r.c.passingScore,
    lessonCount: r.lessonCount,
    questionCount: r.questionCount,
    lessonsCompleted: r.lessonsCompleted,
    completedAt: r.completedAt ? r.completedAt.toISOString() : null,
    quizVersion: r.c.quizVersion,
    version: r.c.version,
    createdAt: r.c.createdAt.toISOString(),
  }));
}

export async function listCourses(db: Db, ctx: Ctx, query: z.output<typeof courseListQuery>) {
  const page = await findCourses(db, ctx.actor, { q: query.q }, query);
  return { items: await toSummaries(db, page.items), nextCursor: page.nextCursor };
}

export async function getCourse(db: Queryable, ctx: Ctx, id: string): Promise<Course> {
  const row = await findCourseById(db, ctx.actor, id);
  if (!row) throw notFound('course');
  const [summary] = await toSummaries(db, [row]);
  const lessons = await findLessons(db, ctx.actor, id);
  const questions = await findQuestions(db, id);
  const answers = seesAnswers(ctx.actor);
  return {
    ...summary!,
    bestScore: row.bestScore,
    lessons: lessons.map(({ l, assetTitle, completed }) => ({
      id: l.id,
      position: l.position,
      title: l.title,
      body: l.body,
      html: l.html,
      asset: l.assetId && assetTitle ? { id: l.assetId, name: assetTitle } : null,
      completed,
    })),
    questions: questions.map((q) => ({
      id: q.id,
      position: q.position,
      prompt: q.prompt,
      options: q.options,
      correctOption: answers ? q.correctOption : null,
    })),
  };
}

export async function createCourse(db: Db, ctx: Ctx, input: z.output<typeof createCourseBody>) {
  const id = await runChange(db, ctx, async (tx, record) => {
    const segment = input.segment ? await checkSegment(tx, input.segment, 'body.segment') : null;
    for (const [i, l] of input.lessons.entries()) {
      if (l.assetId && !(await findAssetById(tx, ctx.actor, l.assetId)))
        throw invalid([{ path: `body.lessons.${i}.assetId`, message: 'No such asset in the library' }]);
    }
    const id = newId();
    await insertCourse(
      tx,
      {
        id,
        title: input.title,
        description: input.description,
        segment,
        status: input.publish ? 'published' : 'draft',
        passingScore: input.passingScore,
        createdByUserId: ctx.actor.userId,
      },
      input.lessons.map((l, position) => ({
        id: newId(),
        courseId: id,
        position,
        title: l.title,
        body: l.body,
        html: renderMarkdown(l.body),
        assetId: l.assetId ?? null,
      })),
      input.questions.map((q, position) => ({ id: newId(), courseId: id, position, ...q })),
    );
    const after = {
      title: input.title,
      segment,
      lessons: input.lessons.length,
      questions: input.questions.length,
      passingScore: input.passingScore,
      status: input.publish ? 'published' : 'draft',
    };
    record.audit({ action: 'course.created', entityType: 'course', entityId: id, after });
    record.event({ type: 'course.created', entityType: 'course', entityId: id, payload: { id, ...after } });
    return id;
  });
  return getCourse(db, ctx, id);
}

export async function publishCourse(db: Db, ctx: Ctx, id: string) {
  await runChange(db, ctx, async (tx, record) => {
    const row = await findCourseById(tx, ctx.actor, id, true);
    if (!row) throw notFound('course');
    if (row.c.status === 'published') throw unprocessable('This course is published already');
    await publishCourseRow(tx, id, row.c.version + 1);
    record.audit({
      action: 'course.published',
      entityType: 'course',
      entityId: id,
      before: { status: 'draft' },
      after: { status: 'published' },
    });
  });
  return getCourse(db, ctx, id);
}

const sameQuestions = (
  a: { prompt: string; options: string[]; correctOption: number }[],
  b: { prompt: string; options: string[]; correctOption: number }[],
) =>
  a.length === b.length &&
  a.every(
    (q, i) =>
      q.prompt === b[i]!.prompt &&
      q.correctOption === b[i]!.correctOption &&
      JSON.stringify(q.options) === JSON.stringify(b[i]!.options),
  );

/**
 * Edits a course. What people have done stands: a change of the questions or the passing score is a
 * new quiz (the earlier one's questions stay with the attempts made against them, and whoever passed
 * it keeps the completion and any certification it earned); a removed lesson takes with it only the
 * marks of who had done it. Lessons kept by id keep those marks.
 */
export async function updateCourse(db: Db, ctx: Ctx, id: string, input: z.output<typeof updateCourseBody>) {
  await runChange(db, ctx, async (tx, record) => {
    const row = await findCourseById(tx, ctx.actor, id, true);
    if (!row) throw notFound('course');
    const c = row.c;
    assertVersion(c, input.version);
    const segment =
      input.segment === undefined
        ? c.segment
        : input.segment
          ? await checkSegment(tx, input.segment, 'body.segment')
          : null;
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const note = (field: string, was: unknown, is: unknown) => {
      if (JSON.stringify(was) === JSON.stringify(is)) return;
      before[field] = was;
      after[field] = is;
    };
    note('title', c.title, input.title ?? c.title);
    note('description', c.description, input.description ?? c.description);
    note('segment', c.segment ?? null, segment ?? null);

    if (input.lessons) {
      const current = await findLessons(tx, ctx.actor, id);
      const ids = new Set(current.map((l) => l.l.id));
      const errors: { path: string; message: string }[] = [];
      for (const [i, l] of input.lessons.entries()) {
        if (l.id && !ids.has(l.id))
          errors.push({ path: `body.lessons.${i}.id`, message: 'This lesson is not in this course' });
        if (l.assetId && !(await findAssetById(tx, ctx.actor, l.assetId)))
          errors.push({ path: `body.lessons.${i}.assetId`, message: 'No such asset in the library' });
      }
      if (errors.length) throw invalid(errors);
      const next = input.lessons.map((l, position) => ({
        id: l.id ?? newId(),
        kept: Boolean(l.id),
        courseId: id,
        position,
        title: l.title,
        body: l.body,
        html: renderMarkdown(l.body),
        assetId: l.assetId ?? null,
      }));
      const shape = (ls: { id: string; title: string; body: string; assetId: string | null }[]) =>
        ls.map((l) => ({ id: l.id, title: l.title, body: l.body, assetId: l.assetId }));
      const was = shape(current.map((l) => l.l));
      if (JSON.stringify(was) !== JSON.stringify(shape(next))) {
        await replaceLessons(tx, id, next);
        before.lessons = was.map((l) => ({ id: l.id, title: l.title }));
        after.lessons = next.map((l) => ({ id: l.id, title: l.title }));
      }
    }

    let quizVersion = c.quizVersion;
    const passingScore = input.passingScore ?? c.passingScore;
    if (input.questions || passingScore !== c.passingScore) {
      const current = await findQuestions(tx, id);
      const questions = input.questions ?? current;
      if (!sameQuestions(current, questions) || passingScore !== c.passingScore) {
        quizVersion = c.quizVersion + 1;
        await insertQuestions(
          tx,
          questions.map((q, position) => ({
            id: newId(),
            courseId: id,
            quizVersion,
            position,
            prompt: q.prompt,
            options: q.options,
            correctOption: q.correctOption,
          })),
        );
        before.quiz = { version: c.quizVersion, questions: current.length, passingScore: c.passingScore };
        after.quiz = {
          version: quizVersion,
          questions: questions.length,
          passingScore,
          // Who passed the earlier quiz keeps the completion (and any certification it earned).
          completionsKept: await countCompletions(tx, id),
        };
      }
    }

    await updateCourseRow(tx, id, {
      title: input.title ?? c.title,
      description: input.description ?? c.description,
      segment,
      passingScore,
      quizVersion,
      version: c.version + 1,
    });
    record.audit({ action: 'course.updated', entityType: 'course', entityId: id, before, after });
    record.event({
      type: 'course.updated',
      entityType: 'course',
      entityId: id,
      payload: { id, title: input.title ?? c.title, changed: Object.keys(after), quizVersion },
    });
  });
  return getCourse(db, ctx, id);
}

export interface Learner {
  id: string;
  name: string;
  email: string;
  organizationId: string;
}

/**
 * Records a course completion and issues the certification of every path it finishes. Returns the
 * certifications earned (none when the person had completed the course before).
 */
export async function completeCourse(
  tx: Queryable,
  deps: BadgeDeps,
  record: ChangeRecorder,
  learner: Learner,
  course: { id: string; title: string },
  how: { source: 'course' | 'lms'; score: number | null; completedAt: Date },
) {
  const inserted = await insertCompletion(tx, {
    courseId: course.id,
    userId: learner.id,
    organizationId: learner.organizationId,
    source: how.source,
    score: how.score,
    completedAt: how.completedAt,
  });
  if (!inserted) return [];
  record.audit({
    action: 'course.completed',
    entityType: 'course',
    entityId: course.id,
    after: {
      userId: learner.id,
      organizationId: learner.organizationId,
      source: how.source,
      score: how.score,
    },
  });
  const earned: { id: string; type: { id: string; name: string } }[] = [];
  for (const path of await findPathsCompletedBy(tx, learner.id, course.id)) {
    const typeId = path.certificationTypeId!;
    if (await holdsValid(tx, learner.id, typeId)) continue;
    earned.push(
      await issueCertification(tx, deps, record, {
        typeId,
        user: learner,
        issuedOn: isoDay(how.completedAt),
        // Reported by an LMS, the certification says so: that is where its evidence lives.
        source: how.source === 'lms' ? 'lms' : 'path',
        recordedByUserId: null,
      }),
    );
  }
  return earned;
}

async function learnerOf(tx: Queryable, actor: Actor): Promise<Learner> {
  const user = await findUserRecordById(tx, actor.userId);
  return { id: actor.userId, name: actor.name, email: user!.email, organizationId: actor.orgId };
}

export async function completeLesson(deps: Deps, ctx: Ctx, courseId: string, lessonId: string) {
  await runChange(deps.db, ctx, async (tx, record) => {
    const course = await findCourseById(tx, ctx.actor, courseId);
    if (!course) throw notFound('course');
    const lesson = await findLesson(tx, courseId, lessonId);
    if (!lesson) throw notFound('lesson');
    const added = await insertLessonCompletion(tx, { lessonId, courseId, userId: ctx.actor.userId });
    record.audit({
      action: 'course.lesson_completed',
      entityType: 'course',
      entityId: courseId,
      after: { lessonId, userId: ctx.actor.userId, again: !added },
    });
    // A course without a quiz is complete when its last lesson is.
    if (course.questionCount === 0 && (await countLessonsLeft(tx, courseId, ctx.actor.userId)) === 0) {
      await completeCourse(
        tx,
        deps,
        record,
        await learnerOf(tx, ctx.actor),
        { id: courseId, title: course.c.title },
        {
          source: 'course',
          score: null,
          completedAt: new Date(),
        },
      );
    }
  });
  return getCourse(deps.db, ctx, courseId);
}

/**
 * Grades a quiz. An answer to a question that is not in this quiz, or an option the question does
 * not have, is refused naming it; a second submission after passing is refused; a question left
 * unanswered counts as wrong.
 */
export async function submitQuiz(
  deps: Deps,
  ctx: Ctx,
  courseId: string,
  input: z.output<typeof submitQuizBody>,
) {
  return runChange(deps.db, ctx, async (tx, record) => {
    const course = await findCourseById(tx, ctx.actor, courseId, true);
    if (!course) throw notFound('course');
    const questions = await findQuestions(tx, courseId);
    if (!questions.length) throw unprocessable('This course has no quiz: complete its lessons');
    const completion = await findCompletion(tx, courseId, ctx.actor.userId);
    if (completion)
      throw new AppError(
        'conflict',
        `You completed this course on ${isoDay(completion.completedAt)}: a passed quiz is not taken again`,
        {
          errors: [{ path: 'body.answers', message: 'You have already passed this quiz' }],
        },
      );
    const byId = new Map(questions.map((q) => [q.id, q]));
    const errors: { path: string; message: string }[] = [];
    const seen = new Set<string>();
    input.answers.forEach((a, i) => {
      const q = byId.get(a.questionId);
      if (!q)
        errors.push({ path: `body.answers.${i}.questionId`, message: 'This question is not in this quiz' });
      else if (seen.has(a.questionId))
        errors.push({ path: `body.answers.${i}.questionId`, message: 'This question is answered twice' });
      else if (a.option >= q.options.length)
        errors.push({
          path: `body.answers.${i}.option`,
          message: `This question has ${q.options.length} options`,
        });
      seen.add(a.questionId);
    });
    if (errors.length) throw invalid(errors);
    const correct = input.answers.filter((a) => byId.get(a.questionId)!.correctOption === a.option).length;
    const score = Math.round((correct * 100) / questions.length);
    const passed = score >= course.c.passingScore;
    await insertSubmission(tx, {
      id: newId(),
      courseId,
      quizVersion: course.c.quizVersion,
      userId: ctx.actor.userId,
      answers: input.answers,
      score,
      passed,
    });
    record.audit({
      action: 'course.quiz_submitted',
      entityType: 'course',
      entityId: courseId,
      after: { userId: ctx.actor.userId, score, passed },
    });
    const certificationsEarned = passed
      ? await completeCourse(
          tx,
          deps,
          record,
          await learnerOf(tx, ctx.actor),
          { id: courseId, title: course.c.title },
          {
            source: 'course',
            score,
            completedAt: new Date(),
          },
        )
      : [];
    return {
      score,
      passed,
      passingScore: course.c.passingScore,
      correct,
      total: questions.length,
      certificationsEarned,
    };
  });
}

export async function listCourseProgress(db: Db, ctx: Ctx, courseId: string) {
  if (!(await findCourseById(db, ctx.actor, courseId))) throw notFound('course');
  const rows = await findCourseProgress(db, ctx.actor, courseId);
  return rows.map((r) => ({
    person: { id: r.user_id, name: r.user_name },
    organization: { id: r.org_id, name: r.org_name },
    lessonsCompleted: r.lessons_completed,
    lessonCount: r.lesson_count,
    bestScore: r.best_score,
    completedAt: r.completed_at ? new Date(r.completed_at).toISOString() : null,
    source: r.source,
  }));
}

// --- Learning paths ---

export async function listPaths(db: Queryable, ctx: Ctx, id?: string) {
  const rows = await findPaths(db, ctx.actor, id);
  const labels = await labelSegments(
    db,
    rows.map((r) => r.p.segment ?? null),
  );
  const courseRows = await findPathCourses(
    db,
    ctx.actor,
    rows.map((r) => r.p.id),
  );
  return rows.map(({ p, typeName }, i) => ({
    id: p.id,
    title: p.title,
    description: p.description,
    segment: labels[i] ?? null,
    courses: courseRows
      .filter((c) => c.pathId === p.id)
      .map((c) => ({ id: c.id, name: c.name, completed: c.completed })),
    certificationType:
      p.certificationTypeId && typeName ? { id: p.certificationTypeId, name: typeName } : null,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
  }));
}

export async function getPath(db: Db, ctx: Ctx, id: string) {
  const [path] = await listPaths(db, ctx, id);
  if (!path) throw notFound('learning path');
  return path;
}

export async function createPath(db: Db, ctx: Ctx, input: z.output<typeof createPathBody>) {
  const id = await runChange(db, ctx, async (tx, record) => {
    const segment = input.segment ? await checkSegment(tx, input.segment, 'body.segment') : null;
    const courseIds = [...new Set(input.courseIds)];
    for (const [i, courseId] of input.courseIds.entries()) {
      if (!(await findCourseById(tx, ctx.actor, courseId)))
        throw invalid([{ path: `body.courseIds.${i}`, message: 'No such course' }]);
    }
    if (input.certificationTypeId && !(await findCertificationTypeById(tx, input.certificationTypeId)))
      throw invalid([{ path: 'body.certificationTypeId', message: 'No such certification type' }]);
    const id = newId();
    await insertPath(
      tx,
      {
        id,
        title: input.title,
        description: input.description,
        segment,
        certificationTypeId: input.certificationTypeId ?? null,
        createdByUserId: ctx.actor.userId,
      },
      courseIds,
    );
    record.audit({
      action: 'learning_path.created',
      entityType: 'learning_path',
      entityId: id,
      after: {
        title: input.title,
        courseIds,
        certificationTypeId: input.certificationTypeId ?? null,
        segment,
      },
    });
    return id;
  });
  return getPath(db, ctx, id);
}

/**
 * Edits a learning path. Certifications already earned through it stand; the new set of courses counts
 * from the next completion on (finishing its last course then issues the certification).
 */
export async function updatePath(db: Db, ctx: Ctx, id: string, input: z.output<typeof updatePathBody>) {
  await runChange(db, ctx, async (tx, record) => {
    const p = await findPathForUpdate(tx, ctx.actor, id);
    if (!p) throw notFound('learning path');
    assertVersion(p, input.version);
    const segment =
      input.segment === undefined
        ? p.segment
        : input.segment
          ? await checkSegment(tx, input.segment, 'body.segment')
          : null;
    if (input.courseIds) {
      for (const [i, courseId] of input.courseIds.entries()) {
        if (!(await findCourseById(tx, ctx.actor, courseId)))
          throw invalid([{ path: `body.courseIds.${i}`, message: 'No such course' }]);
      }
    }
    if (input.certificationTypeId && !(await findCertificationTypeById(tx, input.certificationTypeId)))
      throw invalid([{ path: 'body.certificationTypeId', message: 'No such certification type' }]);
    const next = {
      title: input.title ?? p.title,
      description: input.description ?? p.description,
      segment,
      certificationTypeId:
        input.certificationTypeId === undefined ? p.certificationTypeId : input.certificationTypeId,
    };
    const courseIdsBefore = await findPathCourseIds(tx, id);
    await updatePathRow(tx, id, { ...next, version: p.version + 1 }, input.courseIds);
    record.audit({
      action: 'learning_path.updated',
      entityType: 'learning_path',
      entityId: id,
      before: {
        title: p.title,
        segment: p.segment,
        certificationTypeId: p.certificationTypeId,
        courseIds: courseIdsBefore,
      },
      after: {
        title: next.title,
        segment,
        certificationTypeId: next.certificationTypeId,
        courseIds: input.courseIds ?? courseIdsBefore,
      },
    });
  });
  return getPath(db, ctx, id);
}
