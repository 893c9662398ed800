import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, idSchema, pageOf } from '@partnergraph/shared/contracts/common';
import {
  createPostBody,
  moderationReasonBody,
  postListQuery,
  postSchema,
  previewBody,
  previewSchema,
  revisionSchema,
  updatePostBody,
} from '@partnergraph/shared/contracts/community';
import type { Deps } from '../../lib/deps';
import { items, none } from './route-schemas';
import { moderatePost, type PostVerb } from './moderation.service';
import { createPost, deletePost, getPost, listPosts, previewMarkdown, updatePost } from './posts.service';
import { listRevisions } from './revisions.service';

const previewQuery = z.object({
  spaceId: idSchema.optional().describe('Resolve mentions among this space’s readers'),
});

export default async function postRoutes(app: FastifyInstance, deps: Deps) {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['community'];

  r.get(
    '/spaces/:id/posts',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: "A space's feed",
        description: 'Pinned posts first, then by latest activity (a new comment lifts a post).',
        params: idParams,
        querystring: postListQuery,
        response: { 200: pageOf(postSchema) },
      },
    },
    async (req) => listPosts(db, req.ctx, req.params.id, req.query),
  );
  r.post(
    '/spaces/:id/posts',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Post in a space (members who joined; the vendor anywhere)',
        description:
          'Markdown, rendered to sanitized HTML. Mentioned members who may read the space are notified. At most 10 posts per 10 minutes per person (429 with Retry-After).',
        params: idParams,
        body: createPostBody,
        response: { 201: postSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createPost(deps, req.ctx, req.params.id, req.body)),
  );
  r.post(
    '/community/preview',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: "Render Markdown exactly as a post would show it (the composer's preview)",
        querystring: previewQuery,
        body: previewBody,
        response: { 200: previewSchema },
      },
    },
    async (req) => previewMarkdown(db, req.ctx, req.body.body, req.query.spaceId),
  );
  r.get(
    '/posts/:id',
    {
      config: { access: 'community:read' },
      schema: { tags, summary: 'A post', params: idParams, response: { 200: postSchema } },
    },
    async (req) => getPost(db, req.ctx, req.params.id),
  );
  r.patch(
    '/posts/:id',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Edit your post (the previous text is kept in its history)',
        params: idParams,
        body: updatePostBody,
        response: { 200: postSchema },
      },
    },
    async (req) => updatePost(deps, req.ctx, req.params.id, req.body),
  );
  r.delete(
    '/posts/:id',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Delete a post (its author or a moderator); kept for the moderators',
        params: idParams,
        response: none,
      },
    },
    async (req, reply) => {
      await deletePost(db, req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.get(
    '/posts/:id/revisions',
    {
      config: { access: 'community:read' },
      schema: {
        tags,
        summary: "A post's earlier texts, newest first",
        params: idParams,
        response: { 200: items(revisionSchema) },
      },
    },
    async (req) => listRevisions(db, req.ctx, 'post', req.params.id),
  );
  const postVerbs: Record<Exclude<PostVerb, 'hide'>, string> = {
    pin: 'Pin a post to the top of its space (moderators)',
    unpin: 'Unpin a post (moderators)',
    lock: 'Lock a thread: no new comments or edits (moderators)',
    unlock: 'Unlock a thread (moderators)',
    unhide: 'Show a hidden post again (moderators)',
  };
  for (const [verb, summary] of Object.entries(postVerbs) as [Exclude<PostVerb, 'hide'>, string][]) {
    r.post(
      `/posts/:id/${verb}`,
      {
        config: { access: 'community:participate' },
        schema: { tags, summary, params: idParams, response: { 200: postSchema } },
      },
      async (req) => moderatePost(deps, req.ctx, req.params.id, verb, null),
    );
  }
  r.post(
    '/posts/:id/hide',
    {
      config: { access: 'community:participate' },
      schema: {
        tags,
        summary: 'Hide a post from the space (moderators); its author is told why',
        params: idParams,
        body: moderationReasonBody,
        response: { 200: postSchema },
      },
    },
    async (req) => moderatePost(deps, req.ctx, req.params.id, 'hide', req.body.reason),
  );
}
