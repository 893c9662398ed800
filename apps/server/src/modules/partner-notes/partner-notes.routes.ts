import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import {
  createPartnerNoteBody,
  createPartnerTaskBody,
  partnerNoteParams,
  partnerNoteSchema,
  partnerTaskAction,
  partnerTaskListQuery,
  partnerTaskParams,
  partnerTaskSchema,
  updatePartnerNoteBody,
  updatePartnerTaskBody,
} from '@partnergraph/shared/contracts/partner-notes';
import type { Deps } from '../../lib/deps';
import {
  createPartnerNote,
  createPartnerTask,
  deletePartnerNote,
  deletePartnerTask,
  listPartnerNotes,
  listPartnerTasks,
  setPartnerTaskDone,
  updatePartnerNote,
  updatePartnerTask,
} from './partner-notes.service';

const tags = ['partners'];
const none = { 204: z.null() };
const vendorOnly = 'The vendor’s own: a partner’s users are refused.';

export default async function partnerNoteRoutes(app: FastifyInstance, { db }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/partners/:id/notes',
    {
      config: { access: 'partner-notes:read' },
      schema: {
        tags,
        summary: 'List the vendor’s notes about a partner, newest first',
        description: vendorOnly,
        params: idParams,
        querystring: paginationQuery,
        response: { 200: pageOf(partnerNoteSchema) },
      },
    },
    async (req) => listPartnerNotes(db, req.ctx, req.params.id, req.query),
  );

  r.post(
    '/partners/:id/notes',
    {
      config: { access: 'partner-notes:manage' },
      schema: {
        tags,
        summary: 'Write a note about a partner',
        description: `${vendorOnly} Accepts an \`Idempotency-Key\` header.`,
        params: idParams,
        body: createPartnerNoteBody,
        response: { 201: partnerNoteSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createPartnerNote(db, req.ctx, req.params.id, req.body)),
  );

  r.patch(
    '/partners/:id/notes/:noteId',
    {
      config: { access: 'partner-notes:manage' },
      schema: {
        tags,
        summary: 'Edit a note (its author or an admin)',
        description: 'Send the `version` you read; a stale one answers 409.',
        params: partnerNoteParams,
        body: updatePartnerNoteBody,
        response: { 200: partnerNoteSchema },
      },
    },
    async (req) => updatePartnerNote(db, req.ctx, req.params.id, req.params.noteId, req.body),
  );

  r.delete(
    '/partners/:id/notes/:noteId',
    {
      config: { access: 'partner-notes:manage' },
      schema: {
        tags,
        summary: 'Delete a note (its author or an admin)',
        params: partnerNoteParams,
        response: none,
      },
    },
    async (req, reply) => {
      await deletePartnerNote(db, req.ctx, req.params.id, req.params.noteId);
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/partners/:id/tasks',
    {
      config: { access: 'partner-notes:read' },
      schema: {
        tags,
        summary: 'List the vendor’s follow-up tasks on a partner, newest first',
        description: `${vendorOnly} Filter with \`status\`: open, done or all.`,
        params: idParams,
        querystring: partnerTaskListQuery.extend(paginationQuery.shape),
        response: { 200: pageOf(partnerTaskSchema) },
      },
    },
    async (req) => listPartnerTasks(db, req.ctx, req.params.id, req.query.status, req.query),
  );

  r.post(
    '/partners/:id/tasks',
    {
      config: { access: 'partner-notes:manage' },
      schema: {
        tags,
        summary: 'Add a follow-up task on a partner',
        description: `${vendorOnly} The assignee is an active admin or channel manager. Accepts an \`Idempotency-Key\` header.`,
        params: idParams,
        body: createPartnerTaskBody,
        response: { 201: partnerTaskSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createPartnerTask(db, req.ctx, req.params.id, req.body)),
  );

  r.patch(
    '/partners/:id/tasks/:taskId',
    {
      config: { access: 'partner-notes:manage' },
      schema: {
        tags,
        summary: 'Change a task’s title, assignee or due date',
        description:
          'Send the `version` you read; a stale one answers 409. `null` clears the assignee or due date.',
        params: partnerTaskParams,
        body: updatePartnerTaskBody,
        response: { 200: partnerTaskSchema },
      },
    },
    async (req) => updatePartnerTask(db, req.ctx, req.params.id, req.params.taskId, req.body),
  );

  for (const [verb, done, summary] of [
    ['complete', true, 'Mark a task done'],
    ['reopen', false, 'Open a done task again'],
  ] as const) {
    r.post(
      `/partners/:id/tasks/:taskId/${verb}`,
      {
        config: { access: 'partner-notes:manage' },
        schema: {
          tags,
          summary,
          description: 'Send the `version` you read; a stale one answers 409, a task already so 422.',
          params: partnerTaskParams,
          body: partnerTaskAction,
          response: { 200: partnerTaskSchema },
        },
      },
      async (req) =>
        setPartnerTaskDone(db, req.ctx, req.params.id, req.params.taskId, req.body.version, done),
    );
  }

  r.delete(
    '/partners/:id/tasks/:taskId',
    {
      config: { access: 'partner-notes:manage' },
      schema: {
        tags,
        summary: 'Delete a task',
        params: partnerTaskParams,
        response: none,
      },
    },
    async (req, reply) => {
      await deletePartnerTask(db, req.ctx, req.params.id, req.params.taskId);
      return reply.code(204).send(null);
    },
  );
}
