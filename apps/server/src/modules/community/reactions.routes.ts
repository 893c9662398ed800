import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, idSchema } from '@partnergraph/shared/contracts/common';
import {
  commentSchema,
  postSchema,
  reactBody,
  reactionKinds,
} from '@partnergraph/shared/contracts/community';
import type { Deps } from '../../lib/deps';
import { react } from './reactions.service';

// The kind is checked by the service: an unknown one is a reaction that does not exist (404).
const reactionParams = z.object({
  id: idSchema,
  kind: z.string().max(40).describe(reactionKinds.join(', ')),
});

export default async function reactionRoutes(app: FastifyInstance, { db }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['community'];

  for (const target of ['post', 'comment'] as const) {
    const schema = target === 'post' ? postSchema : commentSchema;
    r.post(
      `/${target}s/:id/reactions`,
      {
        config: { access: 'community:participate' },
        schema: {
          tags,
          summary: `React to a ${target} (once per kind)`,
          params: idParams,
          body: reactBody,
          response: { 200: schema },
        },
      },
      async (req) => react(db, req.ctx, target, req.params.id, req.body.kind, true),
    );
    r.delete(
      `/${target}s/:id/reactions/:kind`,
      {
        config: { access: 'community:participate' },
        schema: {
          tags,
          summary: `Take back your reaction to a ${target}`,
          params: reactionParams,
          response: { 200: schema },
        },
      },
      async (req) => react(db, req.ctx, target, req.params.id, req.params.kind, false),
    );
  }
}
