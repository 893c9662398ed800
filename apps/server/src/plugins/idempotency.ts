import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/client';
import { idempotencyKeys } from '../db/platform.tables';
import { AppError, conflict, invalid } from '../lib/errors';

declare module 'fastify' {
  interface FastifyRequest {
    idempotency: { userId: string; key: string } | null;
  }
  interface FastifyContextConfig {
    /** The response carries a secret shown once (an API token): it is never stored for replay. */
    noReplay?: boolean;
  }
}

/**
 * `Idempotency-Key` on creates: the first request with a key claims it before
 * running, so a concurrent retry is refused (409) instead of creating twice;
 * later retries get the stored first result back.
 */
async function idempotencyPlugin(app: FastifyInstance, opts: { db: Db }) {
  app.decorateRequest('idempotency', null);
  app.addHook('preHandler', async (request, reply) => {
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined || !request.actor) return;
    if (request.routeOptions.config.noReplay) return;
    const key = Array.isArray(header) ? header[0]! : header;
    if (key.length < 1 || key.length > 200) {
      throw invalid([{ path: 'headers.idempotency-key', message: 'Use 1 to 200 characters' }]);
    }
    const userId = request.actor.userId;
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const claimed = await opts.db
      .insert(idempotencyKeys)
      .values({ userId, key, requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length) {
      request.idempotency = { userId, key };
      return;
    }
    const [prior] = await opts.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
    if (!prior || prior.requestHash !== requestHash) {
      throw new AppError('unprocessable', 'This Idempotency-Key was used for a different request');
    }
    if (prior.status === null) throw conflict('A request with this Idempotency-Key is still in progress');
    return reply.code(prior.status).header('idempotent-replayed', 'true').send(prior.body);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotency;
    if (!claim) return payload;
    request.idempotency = null;
    const where = and(eq(idempotencyKeys.userId, claim.userId), eq(idempotencyKeys.key, claim.key));
    if (reply.statusCode < 400 && typeof payload === 'string') {
      await opts.db
        .update(idempotencyKeys)
        .set({ status: reply.statusCode, body: payload ? JSON.parse(payload) : null })
        .where(where);
    } else {
      // A failed attempt leaves nothing behind, so the client may retry with the same key.
      await opts.db.delete(idempotencyKeys).where(where);
    }
    return payload;
  });
}

export default fp(idempotencyPlugin, { name: 'idempotency' });
