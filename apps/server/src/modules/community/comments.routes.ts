import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import {
  commentSchema,
  createCommentBody,
  moderationReasonBody,
  revisionSchema,
  updateCommentBody,
} from '@partnergraph/shared/contracts/community';
import type { Deps } from '../../lib/deps';
import { items, none } from './route-schemas';
import { moderateComment } from './moderation.service';
import { createComment, deleteComment, listComments, updateComment } from './comments.service';
import { listRevisions } from './revisions.service';

export default async function commentRoutes(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['community'];

  r.get(
    '/posts/:id/comments',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: "A post's comments, oldest first (threads by parentId)",
        description:
          'Hidden and deleted comments stay as placeholders without their text, so threads keep their shape.',
        params: idParams,
        querystring: paginationQuery,
        response: { 200: pageOf(commentSchema) },
      },
    },
    async (req) => listComments(db, req.ctx, req.params.id, req.query),
  );
  r.post(
    '/posts/:id/comments',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Comment on a post, or reply to a comment',
        description:
          'The post author, the replied-to author and mentioned members are notified. At most 40 comments per 10 minutes per person.',
        params: idParams,
        body: createCommentBody,
        response: { 201: commentSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createComment(deps, req.ctx, req.params.id, req.body)),
  );
  r.patch(
    '/comments/:id',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Edit your comment (the previous text is kept)',
        params: idParams,
        body: updateCommentBody,
        response: { 200: commentSchema },
      },
    },
    async (req) => updateComment(deps, req.ctx, req.params.id, req.body),
  );
  r.delete(
    '/comments/:id',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Delete a comment (its author or a moderator)',
        params: idParams,
        response: none,
      },
    },
    async (req, reply) => {
      await deleteComment(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.get(
    '/comments/:id/revisions',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: "A comment's earlier texts, newest first",
        params: idParams,
        response: { 200: items(revisionSchema) },
      },
    },
    async (req) => listRevisions(db, req.ctx, 'comment', req.params.id),
  );
  r.post(
    '/comments/:id/hide',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Hide a comment (moderators); its author is told why',
        params: idParams,
        body: moderationReasonBody,
        response: { 200: commentSchema },
      },
    },
    async (req) => moderateComment(deps, req.ctx, req.params.id, 'hide', req.body.reason),
  );
  r.post(
    '/comments/:id/unhide',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Show a hidden comment again (moderators)',
        params: idParams,
        response: { 200: commentSchema },
      },
    },
    async (req) => moderateComment(deps, req.ctx, req.params.id, 'unhide', null),
  );
}
