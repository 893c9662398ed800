import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../lib/errors';

/** Writes any AppError as RFC 9457 problem+json. */
export function sendProblem(reply: FastifyReply, err: AppError) {
  const { errors, retryAfterSeconds, ...rest } = err.extra;
  if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
  return reply
    .code(err.status)
    .type('application/problem+json')
    .send({
      type: `https://partnergraph.dev/problems/${err.code.replace(/_/g, '-')}`,
      title: err.title,
      status: err.status,
      detail: err.detail ?? err.title,
      instance: reply.request.url,
      ...(errors ? { errors } : {}),
      ...rest,
    });
}

const fastifyCodes: Record<string, () => AppError> = {
  FST_ERR_CTP_BODY_TOO_LARGE: () =>
    new AppError('payload_too_large', 'The request body is larger than 1 MiB'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () =>
    new AppError('unsupported_media_type', 'Send the request body as application/json'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new AppError('bad_request', 'The request body is empty', {
      errors: [{ path: 'body', message: 'Required' }],
    }),
  FST_ERR_CTP_INVALID_JSON_BODY: () =>
    new AppError('bad_request', 'The request body is not valid JSON', {
      errors: [{ path: 'body', message: 'Invalid JSON' }],
    }),
};

/** Maps whatever a handler throws to problem+json: bad input never becomes a 500, and no stack ever leaves. */
async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return sendProblem(reply, error);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const errors: FieldError[] = error.validation.flatMap((v) => {
        const base = [where, ...v.instancePath.split('/').filter(Boolean)];
        // Name each unknown field itself, not the object that holds it.
        const keys = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: string[] }).keys : undefined;
        if (keys?.length)
          return keys.map((k) => ({ path: [...base, k].join('.'), message: 'Unknown field' }));
        return [{ path: base.join('.'), message: v.message ?? 'Invalid value' }];
      });
      return sendProblem(
        reply,
        new AppError('bad_request', `Invalid ${where}: ${errors.map((e) => e.path).join(', ')}`, { errors }),
      );
    }
    const code = (error as FastifyError).code;
    const mapped = code ? fastifyCodes[code] : undefined;
    if (mapped) return sendProblem(reply, mapped());
    // JSON syntax errors from the body parser carry a 400 status code.
    if ((error as FastifyError).statusCode === 400) {
      return sendProblem(reply, new AppError('bad_request', error.message));
    }
    const pgCode = pgErrorCode(error);
    if (pgCode === '23505') return sendProblem(reply, new AppError('conflict', 'That already exists'));
    if (pgCode === '23503') {
      return sendProblem(
        reply,
        new AppError('conflict', 'It refers to something that no longer exists, or is still in use'),
      );
    }
    // Values PostgreSQL could not read (a malformed uuid or date that slipped past a schema).
    if (pgCode === '22P02' || pgCode === '22007' || pgCode === '22008') {
      return sendProblem(reply, new AppError('bad_request', 'A value in the request is malformed'));
    }
    if (pgCode === '40001' || pgCode === '40P01')
      return sendProblem(reply, new AppError('conflict', 'A concurrent change won; retry'));
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      new AppError('internal', 'Something went wrong on our side; it has been logged'),
    );
  });
}

/** Drizzle wraps driver errors; the PostgreSQL code sits on the cause. */
export function pgErrorCode(err: unknown): string | undefined {
  for (
    let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as typeof e, i++
  ) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

export default fp(errorsPlugin, { name: 'errors' });
