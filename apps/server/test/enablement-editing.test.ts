// Editing enablement content after it is published (issue 25): the vendor renames a course, reorders its
// lessons and rewrites its quiz, and whoever passed the earlier quiz keeps the completion and the
// certification it earned; collections are renamed and their assets reordered; paths change courses.
// Bad input is refused naming the field, a stale version answers 409, and each edit is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
let admin: Session;
let analyst: Session;
let aUser: Session;
let aAdmin: Session;
let bUser: Session;

interface CourseDto {
  id: string;
  title: string;
  version: number;
  quizVersion: number;
  passingScore: number;
  completedAt: string | null;
  lessons: { id: string; title: string; completed: boolean }[];
  questions: { id: string; prompt: string; options: string[]; correctOption: number | null }[];
}

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  analyst = await signIn(t.app, e.analyst.email, PASSWORD);
  aUser = await signIn(t.app, e.aUser.email, PASSWORD);
  aAdmin = await signIn(t.app, e.aAdmin.email, PASSWORD);
  bUser = await signIn(t.app, e.bUser.email, PASSWORD);
});
afterAll(() => t?.close());

const auditOf = async (entityId: string, action: string) =>
  (await as(t.app, admin).get(`/api/v1/audit-log?limit=200&entityId=${entityId}&action=${action}`)).json()
    .items as { action: string; before: Record<string, unknown>; after: Record<string, unknown> }[];

describe('editing a course', () => {
  let course: CourseDto;
  let certificationId: string;
  let pathId: string;

  it('a person passes the first quiz and earns the path’s certification', async () => {
    const type = await as(t.app, admin).post('/api/v1/certification-types', {
      code: 'edit-pro',
      name: 'Editing Pro',
    });
    const created = await as(t.app, admin).post('/api/v1/courses', {
      title: 'Selling Acme',
      segment: { countries: ['DE'] },
      lessons: [
        { title: 'The pitch', body: 'Lead with the outcome.' },
        { title: 'The demo', body: 'Show, do not tell.' },
      ],
      questions: [{ prompt: 'Lead with?', options: ['Features', 'The outcome'], correctOption: 1 }],
      passingScore: 100,
    });
    expect(created.statusCode, created.body).toBe(201);
    course = created.json();
    expect(course).toMatchObject({ version: 1, quizVersion: 1 });
    const path = await as(t.app, admin).post('/api/v1/learning-paths', {
      title: 'Sales track',
      courseIds: [course.id],
      certificationTypeId: type.json().id,
    });
    pathId = path.json().id;
    await as(t.app, aUser).post(`/api/v1/courses/${course.id}/lessons/${course.lessons[0]!.id}/complete`);
    const passed = await as(t.app, aUser).post(`/api/v1/courses/${course.id}/quiz`, {
      answers: [{ questionId: course.questions[0]!.id, option: 1 }],
    });
    expect(passed.json()).toMatchObject({
      passed: true,
      certificationsEarned: [{ type: { name: 'Editing Pro' } }],
    });
    certificationId = passed.json().certificationsEarned[0].id;
  });

  it('changes the title, reorders the lessons and rewrites the quiz: a new quiz, the pass stands', async () => {
    const [pitch, demo] = course.lessons;
    const res = await as(t.app, admin).patch(`/api/v1/courses/${course.id}`, {
      version: 1,
      title: 'Selling Acme, 2nd edition',
      lessons: [
        { id: demo!.id, title: 'The demo', body: 'Show, do not tell.' },
        { id: pitch!.id, title: 'The pitch', body: 'Lead with the **outcome**.' },
        { title: 'The close', body: 'Ask for the order.' },
      ],
      questions: [
        { prompt: 'Lead with?', options: ['Features', 'The outcome', 'The price'], correctOption: 1 },
        { prompt: 'Who signs?', options: ['The buyer', 'The user'], correctOption: 0 },
      ],
      passingScore: 50,
    });
    expect(res.statusCode, res.body).toBe(200);
    const edited: CourseDto = res.json();
    expect(edited).toMatchObject({
      title: 'Selling Acme, 2nd edition',
      version: 2,
      quizVersion: 2,
      passingScore: 50,
      lessonCount: 3,
      questionCount: 2,
    });
    expect(edited.lessons.map((l) => [l.title, l.id])).toEqual([
      ['The demo', demo!.id],
      ['The pitch', pitch!.id],
      ['The close', expect.any(String)],
    ]);
    expect(edited.questions.map((q) => [q.prompt, q.correctOption])).toEqual([
      ['Lead with?', 1],
      ['Who signs?', 0],
    ]);

    // The person who passed the first quiz: still completed, lesson mark kept, certification valid.
    const mine: CourseDto = (await as(t.app, aUser).get(`/api/v1/courses/${course.id}`)).json();
    expect(mine.completedAt).not.toBeNull();
    expect(mine).toMatchObject({ lessonCount: 3, lessonsCompleted: 1, questionCount: 2, bestScore: 100 });
    expect(mine.lessons.find((l) => l.id === pitch!.id)?.completed).toBe(true);
    expect(mine.questions.map((q) => q.correctOption)).toEqual([null, null]);
    const cert = await as(t.app, aUser).get(`/api/v1/certifications/${certificationId}`);
    expect(cert.json()).toMatchObject({ status: 'valid' });
    const badge = await as(t.app, null).get(`/api/v1/certifications/verify/${certificationId}`);
    expect(badge.json().status).toBe('valid');
    const again = await as(t.app, aUser).post(`/api/v1/courses/${course.id}/quiz`, {
      answers: [{ questionId: edited.questions[0]!.id, option: 1 }],
    });
    expect(again.statusCode).toBe(409);

    // Someone else takes the new quiz; an answer to the old quiz's question is not in it.
    const old = await as(t.app, aAdmin).post(`/api/v1/courses/${course.id}/quiz`, {
      answers: [{ questionId: course.questions[0]!.id, option: 1 }],
    });
    expect(old.statusCode).toBe(400);
    expect(old.json().errors).toEqual([
      { path: 'body.answers.0.questionId', message: 'This question is not in this quiz' },
    ]);
    const taken = await as(t.app, aAdmin).post(`/api/v1/courses/${course.id}/quiz`, {
      answers: [
        { questionId: edited.questions[0]!.id, option: 1 },
        { questionId: edited.questions[1]!.id, option: 1 },
      ],
    });
    expect(taken.json()).toMatchObject({ score: 50, passed: true, total: 2 });
    course = edited;
  });

  it('writes the edit to the audit log with what changed', async () => {
    const [entry] = await auditOf(course.id, 'course.updated');
    expect(entry).toMatchObject({
      before: { title: 'Selling Acme', quiz: { version: 1, questions: 1, passingScore: 100 } },
      after: {
        title: 'Selling Acme, 2nd edition',
        quiz: { version: 2, questions: 2, passingScore: 50, completionsKept: 1 },
      },
    });
    expect((entry!.after.lessons as unknown[]).length).toBe(3);
  });

  it('answers 409 to a stale version and changes nothing', async () => {
    const res = await as(t.app, admin).patch(`/api/v1/courses/${course.id}`, { version: 1, title: 'Late' });
    expect(res.statusCode).toBe(409);
    expect((await as(t.app, admin).get(`/api/v1/courses/${course.id}`)).json().title).toBe(
      'Selling Acme, 2nd edition',
    );
  });

  it('refuses bad input naming the field', async () => {
    const wrongOption = await as(t.app, admin).patch(`/api/v1/courses/${course.id}`, {
      version: 2,
      questions: [{ prompt: 'Pick', options: ['A', 'B'], correctOption: 2 }],
    });
    expect(wrongOption.statusCode).toBe(400);
    expect(wrongOption.json().errors).toContainEqual(
      expect.objectContaining({ path: 'body.questions.0.correctOption' }),
    );
    const foreignLesson = await as(t.app, admin).patch(`/api/v1/courses/${course.id}`, {
      version: 2,
      lessons: [{ id: certificationId, title: 'Not mine' }],
    });
    expect(foreignLesson.statusCode).toBe(400);
    expect(foreignLesson.json().errors).toEqual([
      { path: 'body.lessons.0.id', message: 'This lesson is not in this course' },
    ]);
    const noLessons = await as(t.app, admin).patch(`/api/v1/courses/${course.id}`, {
      version: 2,
      lessons: [],
    });
    expect(noLessons.statusCode).toBe(400);
    expect(noLessons.json().errors[0].path).toBe('body.lessons');
    const current = (await as(t.app, admin).get(`/api/v1/courses/${course.id}`)).json();
    expect(current).toMatchObject({ version: 2, quizVersion: 2 });
  });

  it('keeps the quiz when only the title changes', async () => {
    const res = await as(t.app, admin).patch(`/api/v1/courses/${course.id}`, {
      version: 2,
      description: 'For resellers.',
      questions: course.questions.map((q) => ({
        prompt: q.prompt,
        options: q.options,
        correctOption: q.correctOption!,
      })),
    });
    expect(res.json()).toMatchObject({ version: 3, quizVersion: 2, description: 'For resellers.' });
  });

  it('removes a lesson with the marks of who had done it; a completed course stays completed', async () => {
    const kept = course.lessons.filter((l) => l.title !== 'The pitch');
    const res = await as(t.app, admin).patch(`/api/v1/courses/${course.id}`, {
      version: 3,
      lessons: kept.map((l) => ({ id: l.id, title: l.title, body: '' })),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 4, quizVersion: 2, lessonCount: 2 });
    const mine = (await as(t.app, aUser).get(`/api/v1/courses/${course.id}`)).json();
    expect(mine).toMatchObject({ lessonCount: 2, lessonsCompleted: 0, completedAt: expect.any(String) });
    const progress = (await as(t.app, admin).get(`/api/v1/courses/${course.id}/progress`)).json().items;
    expect(progress.find((p: { person: { id: string } }) => p.person.id === e.aUser.id)).toMatchObject({
      lessonsCompleted: 0,
      lessonCount: 2,
      completedAt: expect.any(String),
    });
  });

  it('is the vendor’s: a partner and an analyst are refused; a partner outside its audience gets 404', async () => {
    expect(
      (await as(t.app, aAdmin).patch(`/api/v1/courses/${course.id}`, { version: 4, title: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await as(t.app, analyst).patch(`/api/v1/courses/${course.id}`, { version: 4, title: 'x' })).statusCode,
    ).toBe(403);
    expect((await as(t.app, bUser).get(`/api/v1/courses/${course.id}`)).statusCode).toBe(404);
  });

  it('changes a path’s courses; the certification earned through it stands', async () => {
    const other = await as(t.app, admin).post('/api/v1/courses', {
      title: 'Advanced selling',
      lessons: [{ title: 'Objections' }],
    });
    const res = await as(t.app, admin).patch(`/api/v1/learning-paths/${pathId}`, {
      version: 1,
      title: 'Sales track, 2027',
      courseIds: [course.id, other.json().id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      title: 'Sales track, 2027',
      version: 2,
      courses: [{ id: course.id }, { id: other.json().id }],
    });
    expect((await as(t.app, aUser).get(`/api/v1/certifications/${certificationId}`)).json().status).toBe(
      'valid',
    );
    // Both count among the type's holders: the one who passed the first quiz and the one who passed the new.
    const types = (await as(t.app, admin).get('/api/v1/certification-types')).json().items;
    expect(types.find((x: { code: string }) => x.code === 'edit-pro')).toMatchObject({ holders: 2 });
    const bad = await as(t.app, admin).patch(`/api/v1/learning-paths/${pathId}`, {
      version: 2,
      courseIds: [course.id, course.id],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.courseIds.1');
    expect(await auditOf(pathId, 'learning_path.updated')).toHaveLength(1);
  });
});

describe('the counts a course is read with', () => {
  it('are its own lessons and questions: a course with a quiz is not completed by its lessons alone', async () => {
    const created = await as(t.app, admin).post('/api/v1/courses', {
      title: 'Quiz at the end',
      lessons: [{ title: 'Only lesson' }],
      questions: [{ prompt: 'Ready?', options: ['Yes', 'No'], correctOption: 0 }],
    });
    expect(created.json()).toMatchObject({ lessonCount: 1, questionCount: 1 });
    const done = await as(t.app, bUser).post(
      `/api/v1/courses/${created.json().id}/lessons/${created.json().lessons[0].id}/complete`,
    );
    expect(done.json()).toMatchObject({ lessonsCompleted: 1, completedAt: null });
  });
});

describe('editing a collection', () => {
  it('renames it, narrows its audience and sets its assets in order', async () => {
    const decks = (
      await as(t.app, admin).post('/api/v1/content/collections', { name: 'Decks', description: 'Slides' })
    ).json();
    const other = (await as(t.app, admin).post('/api/v1/content/collections', { name: 'Other' })).json();
    const asset = async (title: string, collectionId?: string) =>
      (
        await as(t.app, admin).post('/api/v1/content/assets', {
          kind: 'link',
          title,
          url: 'https://example.com/' + encodeURIComponent(title),
          ...(collectionId ? { collectionId } : {}),
        })
      ).json() as { id: string; version: number };
    const first = await asset('First deck', decks.id);
    const second = await asset('Second deck', decks.id);
    const moved = await asset('From elsewhere', other.id);
    expect(decks.version).toBe(1);

    const res = await as(t.app, admin).patch(`/api/v1/content/collections/${decks.id}`, {
      version: 1,
      name: 'Sales decks',
      segment: { countries: ['DE'] },
      assetIds: [moved.id, second.id],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Sales decks',
      description: 'Slides',
      version: 2,
      segment: { countries: ['DE'] },
      assets: [{ title: 'From elsewhere' }, { title: 'Second deck' }],
    });
    const counts = (await as(t.app, admin).get('/api/v1/content/collections')).json().items;
    expect(counts.filter((x: { id: string }) => [decks.id, other.id].includes(x.id))).toMatchObject([
      { name: 'Other', assetCount: 0 },
      { name: 'Sales decks', assetCount: 2 },
    ]);
    // The first deck left it, the moved one left its former collection.
    expect((await as(t.app, admin).get(`/api/v1/content/assets/${first.id}`)).json().collection).toBeNull();
    const other2 = (await as(t.app, admin).get(`/api/v1/content/collections/${other.id}`)).json();
    expect(other2.assets).toEqual([]);
    expect((await as(t.app, admin).get(`/api/v1/content/assets/${moved.id}`)).json()).toMatchObject({
      collection: { id: decks.id, name: 'Sales decks' },
      version: moved.version + 1,
    });

    // Partners: A (Germany) reads it; B (France) gets 404, on the collection and its assets.
    expect(
      (await as(t.app, aUser).get(`/api/v1/content/collections/${decks.id}`)).json().assets,
    ).toHaveLength(2);
    expect((await as(t.app, bUser).get(`/api/v1/content/collections/${decks.id}`)).statusCode).toBe(404);
    expect((await as(t.app, bUser).get(`/api/v1/content/assets/${second.id}`)).statusCode).toBe(404);

    const [entry] = await auditOf(decks.id, 'content.collection_updated');
    expect(entry).toMatchObject({
      before: { name: 'Decks', assetIds: [second.id, first.id] },
      after: { name: 'Sales decks', assetIds: [moved.id, second.id] },
    });

    // Stale version, an unknown or twice-listed asset, a partner: refused, nothing changed.
    expect(
      (await as(t.app, admin).patch(`/api/v1/content/collections/${decks.id}`, { version: 1, name: 'x' }))
        .statusCode,
    ).toBe(409);
    const unknown = await as(t.app, admin).patch(`/api/v1/content/collections/${decks.id}`, {
      version: 2,
      assetIds: [second.id, decks.id],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      { path: 'body.assetIds.1', message: 'No such asset in the library' },
    ]);
    const twice = await as(t.app, admin).patch(`/api/v1/content/collections/${decks.id}`, {
      version: 2,
      assetIds: [second.id, second.id],
    });
    expect(twice.json().errors[0].path).toBe('body.assetIds.1');
    expect(
      (await as(t.app, aAdmin).patch(`/api/v1/content/collections/${decks.id}`, { version: 2, name: 'x' }))
        .statusCode,
    ).toBe(403);
    expect((await as(t.app, admin).get(`/api/v1/content/collections/${decks.id}`)).json()).toMatchObject({
      name: 'Sales decks',
      version: 2,
    });
  });
});
