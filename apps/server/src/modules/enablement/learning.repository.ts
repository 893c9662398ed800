import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { qualified } from '../../db/qualified';
import type { Actor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { containing, keyset, where, type PageRequest } from '../../lib/pagination';
import {
  courseCompletions,
  courseLessons,
  courses,
  learningPathCourses,
  learningPaths,
  lessonCompletions,
  quizQuestions,
  quizSubmissions,
} from './enablement.tables';
import { visibleCourses, visiblePaths, visibleProgressOf } from './enablement.visibility';

export type CourseRow = typeof courses.$inferSelect;

/**
 * A course with the reader's own progress. The subqueries name the outer row as `courses.id`: Drizzle
 * writes a column of a single-table select unqualified ("id"), which inside a subquery would be the
 * subquery's own table's column (a lesson's id, not the course's).
 */
const courseColumns = (actor: Actor) => ({
  c: courses,
  lessonCount: sql<number>`(select count(*)::int from course_lessons l where l.course_id = courses.id)`,
  questionCount: sql<number>`(select count(*)::int from quiz_questions q where q.course_id = courses.id
    and q.quiz_version = courses.quiz_version)`,
  lessonsCompleted: sql<number>`(select count(*)::int from lesson_completions lc where lc.course_id = courses.id
    and lc.user_id = ${actor.userId}::uuid)`,
  completedAt:
    sql<Date | null>`(select cc.completed_at from course_completions cc where cc.course_id = courses.id
    and cc.user_id = ${actor.userId}::uuid)`.mapWith((v) => (v === null ? null : new Date(v as string))),
  bestScore: sql<number | null>`(select max(s.score) from quiz_submissions s where s.course_id = courses.id
    and s.user_id = ${actor.userId}::uuid)`,
});
export type CourseWithProgress = Awaited<ReturnType<typeof findCourseById>> & object;

export async function findCourseById(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  if (!isId(id)) return undefined;
  const query = q
    .select(courseColumns(actor))
    .from(courses)
    .where(and(eq(courses.id, id), visibleCourses(actor)));
  const [row] = forUpdate ? await query.for('update', { of: courses }) : await query;
  return row;
}

export async function findCourses(
  q: Queryable,
  actor: Actor,
  f: { q?: string | undefined },
  page: Omit<PageRequest, 'sort'>,
) {
  const ks = keyset({ createdAt: { column: courses.createdAt, cast: 'timestamptz' } }, courses.id, {
    ...page,
    sort: '-createdAt',
  });
  const words = f.q ? containing(f.q) : null;
  const rows = await q
    .select(courseColumns(actor))
    .from(courses)
    .where(
      where(
        visibleCourses(actor),
        words ? sql`(${courses.title} ilike ${words} or ${courses.description} ilike ${words})` : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return ks.page(
    rows.map((r) => ({ ...r, id: r.c.id })),
    (r) => r.c.createdAt,
  );
}

export function findLessons(q: Queryable, actor: Actor, courseId: string) {
  return q
    .select({
      l: courseLessons,
      assetTitle: sql<
        string | null
      >`(select a.title from content_assets a where a.id = ${qualified(courseLessons.assetId)})`,
      completed: sql<boolean>`exists (select 1 from lesson_completions lc where lc.lesson_id = ${qualified(courseLessons.id)}
        and lc.user_id = ${actor.userId}::uuid)`,
    })
    .from(courseLessons)
    .where(eq(courseLessons.courseId, courseId))
    .orderBy(asc(courseLessons.position));
}

/** The questions of the quiz in force (earlier quizzes' stay with the attempts made against them). */
export function findQuestions(q: Queryable, courseId: string) {
  return q
    .select()
    .from(quizQuestions)
    .where(
      and(
        eq(quizQuestions.courseId, courseId),
        sql`${quizQuestions.quizVersion} = (select c.quiz_version from courses c where c.id = ${courseId}::uuid)`,
      ),
    )
    .orderBy(asc(quizQuestions.position));
}

export async function updateCourseRow(
  q: Queryable,
  id: string,
  set: Partial<
    Pick<CourseRow, 'title' | 'description' | 'segment' | 'passingScore' | 'quizVersion' | 'version'>
  >,
) {
  await q.update(courses).set(set).where(eq(courses.id, id));
}

/**
 * Makes the course's lessons these, in this order: lessons not kept are removed (with the marks of
 * who had done them), kept ones move, new ones are added. Positions are unique per course, so the kept
 * ones step aside first.
 */
export async function replaceLessons(
  q: Queryable,
  courseId: string,
  lessons: (typeof courseLessons.$inferInsert & { kept: boolean })[],
) {
  const kept = lessons.filter((l) => l.kept).map((l) => l.id);
  await q
    .delete(courseLessons)
    .where(
      and(eq(courseLessons.courseId, courseId), kept.length ? notInArray(courseLessons.id, kept) : undefined),
    );
  if (kept.length)
    await q
      .update(courseLessons)
      .set({ position: sql`-1 - ${courseLessons.position}` })
      .where(and(eq(courseLessons.courseId, courseId), inArray(courseLessons.id, kept)));
  for (const { kept: isKept, ...l } of lessons) {
    if (isKept)
      await q
        .update(courseLessons)
        .set({ position: l.position, title: l.title, body: l.body, html: l.html, assetId: l.assetId })
        .where(eq(courseLessons.id, l.id));
    else await q.insert(courseLessons).values(l);
  }
}

export async function insertQuestions(q: Queryable, questions: (typeof quizQuestions.$inferInsert)[]) {
  if (questions.length) await q.insert(quizQuestions).values(questions);
}

/** How many people have completed a course (their completions stand whatever an edit changes). */
export async function countCompletions(q: Queryable, courseId: string) {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(courseCompletions)
    .where(eq(courseCompletions.courseId, courseId));
  return row?.n ?? 0;
}

export async function insertCourse(
  q: Queryable,
  course: typeof courses.$inferInsert,
  lessons: (typeof courseLessons.$inferInsert)[],
  questions: (typeof quizQuestions.$inferInsert)[],
) {
  await q.insert(courses).values(course);
  await q.insert(courseLessons).values(lessons);
  if (questions.length) await q.insert(quizQuestions).values(questions);
}

export async function publishCourseRow(q: Queryable, id: string, version: number) {
  await q.update(courses).set({ status: 'published', version }).where(eq(courses.id, id));
}

export async function findLesson(q: Queryable, courseId: string, lessonId: string) {
  if (!isId(lessonId)) return undefined;
  const [row] = await q
    .select()
    .from(courseLessons)
    .where(and(eq(courseLessons.id, lessonId), eq(courseLessons.courseId, courseId)));
  return row;
}

export async function insertLessonCompletion(q: Queryable, v: typeof lessonCompletions.$inferInsert) {
  const rows = await q.insert(lessonCompletions).values(v).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function countLessonsLeft(q: Queryable, courseId: string, userId: string) {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(courseLessons)
    .where(
      and(
        eq(courseLessons.courseId, courseId),
        sql`not exists (select 1 from lesson_completions lc where lc.lesson_id = ${courseLessons.id}
          and lc.user_id = ${userId}::uuid)`,
      ),
    );
  return row?.n ?? 0;
}

export async function findCompletion(q: Queryable, courseId: string, userId: string) {
  const [row] = await q
    .select()
    .from(courseCompletions)
    .where(and(eq(courseCompletions.courseId, courseId), eq(courseCompletions.userId, userId)));
  return row;
}

export async function insertSubmission(q: Queryable, v: typeof quizSubmissions.$inferInsert) {
  await q.insert(quizSubmissions).values(v);
}

/** Records a completion; false when the person had already completed the course. */
export async function insertCompletion(q: Queryable, v: typeof courseCompletions.$inferInsert) {
  const rows = await q.insert(courseCompletions).values(v).onConflictDoNothing().returning();
  return rows.length > 0;
}

/** The paths with a certification this course belongs to that the person has now completed entirely. */
export async function findPathsCompletedBy(q: Queryable, userId: string, courseId: string) {
  return q
    .select({ id: learningPaths.id, certificationTypeId: learningPaths.certificationTypeId })
    .from(learningPaths)
    .where(
      and(
        sql`${learningPaths.certificationTypeId} is not null`,
        sql`exists (select 1 from learning_path_courses pc where pc.path_id = ${learningPaths.id} and pc.course_id = ${courseId}::uuid)`,
        sql`not exists (select 1 from learning_path_courses pc where pc.path_id = ${learningPaths.id}
          and not exists (select 1 from course_completions cc where cc.course_id = pc.course_id and cc.user_id = ${userId}::uuid))`,
      ),
    );
}

/** Each person's progress in a course: those who started it, of the organizations the actor sees. */
export async function findCourseProgress(q: Queryable, actor: Actor, courseId: string) {
  const res = await q.execute<{
    user_id: string;
    user_name: string;
    org_id: string;
    org_name: string;
    lessons_completed: number;
    lesson_count: number;
    best_score: number | null;
    completed_at: string | Date | null;
    source: 'course' | 'lms' | null;
  }>(sql`
    with people as (
      select user_id from lesson_completions where course_id = ${courseId}::uuid
      union select user_id from quiz_submissions where course_id = ${courseId}::uuid
      union select user_id from course_completions where course_id = ${courseId}::uuid
    )
    select u.id as user_id, u.name as user_name, o.id as org_id, o.name as org_name,
      (select count(*)::int from lesson_completions lc where lc.course_id = ${courseId}::uuid and lc.user_id = u.id) as lessons_completed,
      (select count(*)::int from course_lessons l where l.course_id = ${courseId}::uuid) as lesson_count,
      (select max(s.score) from quiz_submissions s where s.course_id = ${courseId}::uuid and s.user_id = u.id) as best_score,
      cc.completed_at, cc.source
    from people p
    join users u on u.id = p.user_id
    join organizations o on o.id = u.organization_id
    left join course_completions cc on cc.course_id = ${courseId}::uuid and cc.user_id = u.id
    where ${visibleProgressOf(actor, sql`o.id`) ?? sql`true`}
    order by o.name, u.name
    limit 1000`);
  return res.rows;
}

// --- Learning paths ---

export async function findPaths(q: Queryable, actor: Actor, id?: string) {
  if (id !== undefined && !isId(id)) return [];
  return q
    .select({
      p: learningPaths,
      typeName: sql<
        string | null
      >`(select t.name from certification_types t where t.id = ${qualified(learningPaths.certificationTypeId)})`,
    })
    .from(learningPaths)
    .where(where(visiblePaths(actor), id ? eq(learningPaths.id, id) : undefined))
    .orderBy(learningPaths.title);
}

/** The courses of these paths the actor may see, in order, with whether the actor completed each. */
export async function findPathCourses(q: Queryable, actor: Actor, pathIds: string[]) {
  if (!pathIds.length) return [];
  return q
    .select({
      pathId: learningPathCourses.pathId,
      id: courses.id,
      name: courses.title,
      completed: sql<boolean>`exists (select 1 from course_completions cc where cc.course_id = ${qualified(courses.id)}
        and cc.user_id = ${actor.userId}::uuid)`,
    })
    .from(learningPathCourses)
    .innerJoin(courses, eq(courses.id, learningPathCourses.courseId))
    .where(and(sql`${learningPathCourses.pathId} in ${pathIds}`, visibleCourses(actor)))
    .orderBy(asc(learningPathCourses.position));
}

export async function findPathForUpdate(q: Queryable, actor: Actor, id: string) {
  if (!isId(id)) return undefined;
  const [row] = await q
    .select()
    .from(learningPaths)
    .where(and(eq(learningPaths.id, id), visiblePaths(actor)))
    .for('update');
  return row;
}

export async function updatePathRow(
  q: Queryable,
  id: string,
  set: Partial<
    Pick<
      typeof learningPaths.$inferSelect,
      'title' | 'description' | 'segment' | 'certificationTypeId' | 'version'
    >
  >,
  courseIds?: string[],
) {
  await q.update(learningPaths).set(set).where(eq(learningPaths.id, id));
  if (!courseIds) return;
  await q.delete(learningPathCourses).where(eq(learningPathCourses.pathId, id));
  await q
    .insert(learningPathCourses)
    .values(courseIds.map((courseId, position) => ({ pathId: id, courseId, position })));
}

/** A path's courses in order (all of them: the vendor's edit). */
export async function findPathCourseIds(q: Queryable, pathId: string) {
  const rows = await q
    .select({ courseId: learningPathCourses.courseId })
    .from(learningPathCourses)
    .where(eq(learningPathCourses.pathId, pathId))
    .orderBy(asc(learningPathCourses.position));
  return rows.map((r) => r.courseId);
}

export async function insertPath(q: Queryable, path: typeof learningPaths.$inferInsert, courseIds: string[]) {
  await q.insert(learningPaths).values(path);
  await q
    .insert(learningPathCourses)
    .values(courseIds.map((courseId, position) => ({ pathId: path.id, courseId, position })));
}

/** Completion rate: of the people who started a course, how many completed it (per course, for metrics). */
export async function findCompletionRates(q: Queryable, organizationId: string | null) {
  const res = await q.execute<{ started: number; completed: number }>(sql`
    with started as (
      select distinct lc.user_id, lc.course_id from lesson_completions lc
      union select distinct s.user_id, s.course_id from quiz_submissions s
      union select cc.user_id, cc.course_id from course_completions cc
    )
    select count(*)::int as started,
      count(*) filter (where exists (select 1 from course_completions cc
        where cc.user_id = st.user_id and cc.course_id = st.course_id))::int as completed
    from started st join users u on u.id = st.user_id
    where ${organizationId ? sql`u.organization_id = ${organizationId}::uuid` : sql`true`}`);
  return res.rows[0] ?? { started: 0, completed: 0 };
}
