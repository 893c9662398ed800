import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf } from '@partnergraph/shared/contracts/common';
import {
  courseListQuery,
  courseSchema,
  courseSummarySchema,
  createCourseBody,
  createPathBody,
  learningRecordBody,
  learningRecordSchema,
  lessonParams,
  pathSchema,
  progressRowSchema,
  quizResultSchema,
  submitQuizBody,
  updateCourseBody,
  updatePathBody,
} from '@partnergraph/shared/contracts/enablement';
import type { Deps } from '../../lib/deps';
import {
  completeLesson,
  createCourse,
  createPath,
  getCourse,
  getPath,
  listCourseProgress,
  listCourses,
  listPaths,
  publishCourse,
  submitQuiz,
  updateCourse,
  updatePath,
} from './learning.service';
import { recordLearning } from './records.service';

export default async function learningRoutes(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['enablement'];

  r.get(
    '/courses',
    {
      config: { access: 'enablement:read' },
      schema: {
        tags,
        summary: 'Courses you may take, with your progress',
        description:
          'Partners see the published courses of their segments; vendor staff see all, drafts too.',
        querystring: courseListQuery,
        response: { 200: pageOf(courseSummarySchema) },
      },
    },
    async (req) => listCourses(db, req.ctx, req.query),
  );
  r.post(
    '/courses',
    {
      config: { access: 'courses:manage' },
      schema: {
        tags,
        summary: 'Create a course of lessons and a quiz with a passing score (vendor)',
        body: createCourseBody,
        response: { 201: courseSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createCourse(db, req.ctx, req.body)),
  );
  r.get(
    '/courses/:id',
    {
      config: { access: 'enablement:read' },
      schema: {
        tags,
        summary: 'A course: its lessons and quiz, with your progress',
        description: "Partners are not sent the quiz's answers.",
        params: idParams,
        response: { 200: courseSchema },
      },
    },
    async (req) => getCourse(db, req.ctx, req.params.id),
  );
  r.patch(
    '/courses/:id',
    {
      config: { access: 'courses:manage' },
      schema: {
        tags,
        summary: 'Change a course: title, description, audience, lessons and quiz (vendor)',
        description:
          "Carries the `version` you read (409 when stale). `lessons` lists every lesson in order (a lesson named by `id` is kept with people's progress; one not listed is removed). A change of `questions` or `passingScore` is a new quiz: whoever passed the earlier one keeps the completion and any certification it earned.",
        params: idParams,
        body: updateCourseBody,
        response: { 200: courseSchema },
      },
    },
    async (req) => updateCourse(db, req.ctx, req.params.id, req.body),
  );
  r.post(
    '/courses/:id/publish',
    {
      config: { access: 'courses:manage' },
      schema: {
        tags,
        summary: 'Publish a draft course (vendor)',
        params: idParams,
        response: { 200: courseSchema },
      },
    },
    async (req) => publishCourse(db, req.ctx, req.params.id),
  );
  r.post(
    '/courses/:id/lessons/:lessonId/complete',
    {
      config: { access: 'learning:participate' },
      schema: {
        tags,
        summary: 'Mark a lesson done',
        description: 'A course without a quiz is complete when its last lesson is.',
        params: lessonParams,
        response: { 200: courseSchema },
      },
    },
    async (req) => completeLesson(deps, req.ctx, req.params.id, req.params.lessonId),
  );
  r.post(
    '/courses/:id/quiz',
    {
      config: { access: 'learning:participate' },
      schema: {
        tags,
        summary: "Submit answers to a course's quiz",
        description:
          'Graded at once; passing completes the course (and any learning path it finishes, with its certification). A second submission after passing is refused (409).',
        params: idParams,
        body: submitQuizBody,
        response: { 200: quizResultSchema },
      },
    },
    async (req) => submitQuiz(deps, req.ctx, req.params.id, req.body),
  );
  r.get(
    '/courses/:id/progress',
    {
      config: { access: 'enablement:read' },
      schema: {
        tags,
        summary: "People's progress in a course",
        description: "A partner sees its own people's; vendor staff everyone's.",
        params: idParams,
        response: { 200: z.object({ items: z.array(progressRowSchema) }) },
      },
    },
    async (req) => ({ items: await listCourseProgress(db, req.ctx, req.params.id) }),
  );
  r.get(
    '/learning-paths',
    {
      config: { access: 'enablement:read' },
      schema: {
        tags,
        summary: 'Learning paths you may follow, with your progress',
        response: { 200: z.object({ items: z.array(pathSchema) }) },
      },
    },
    async (req) => ({ items: await listPaths(db, req.ctx) }),
  );
  r.post(
    '/learning-paths',
    {
      config: { access: 'courses:manage' },
      schema: {
        tags,
        summary: 'Create a learning path of courses, optionally awarding a certification (vendor)',
        body: createPathBody,
        response: { 201: pathSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createPath(db, req.ctx, req.body)),
  );
  r.get(
    '/learning-paths/:id',
    {
      config: { access: 'enablement:read' },
      schema: { tags, summary: 'A learning path', params: idParams, response: { 200: pathSchema } },
    },
    async (req) => getPath(db, req.ctx, req.params.id),
  );
  r.patch(
    '/learning-paths/:id',
    {
      config: { access: 'courses:manage' },
      schema: {
        tags,
        summary: 'Change a learning path: title, audience, courses in order, certification (vendor)',
        description:
          'Carries the `version` you read (409 when stale). Certifications already earned through the path stand.',
        params: idParams,
        body: updatePathBody,
        response: { 200: pathSchema },
      },
    },
    async (req) => updatePath(db, req.ctx, req.params.id, req.body),
  );
  r.post(
    '/learning-records',
    {
      config: { access: 'learning-records:write' },
      schema: {
        tags,
        summary: "An external LMS's completion (an xAPI completed/passed statement)",
        description:
          "Post with an API token. The vendor's token reports for anyone, a partner's for its own people; an unknown person or course answers 404. Resending a statement changes nothing.",
        body: learningRecordBody,
        response: { 201: learningRecordSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await recordLearning(deps, req.ctx, req.body)),
  );
}
