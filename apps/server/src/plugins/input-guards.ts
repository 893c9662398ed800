import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { invalid, type FieldError } from '../lib/errors';

const MAX_DEPTH = 64;

/** Paths of strings holding a NUL character (PostgreSQL text cannot store one), and of nesting deeper than any of our schemas. */
function findProblems(value: unknown, path: string, depth: number, out: FieldError[]) {
  if (out.length >= 10) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ path, message: 'Contains a NUL character' });
    return;
  }
  if (value && typeof value === 'object') {
    if (depth > MAX_DEPTH) {
      out.push({ path, message: 'Nested too deeply' });
      return;
    }
    for (const [k, v] of Object.entries(value)) findProblems(v, `${path}.${k}`, depth + 1, out);
  }
}

/**
 * Input no schema should have to think about, refused up front with the
 * field named: NUL characters and absurd nesting, in the body, query or path.
 */
async function inputGuards(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    const problems: FieldError[] = [];
    findProblems(request.params, 'params', 0, problems);
    findProblems(request.query, 'querystring', 0, problems);
    // A streamed upload (CSV imports) is read by its own parser, which checks its cells.
    if (!(request.body instanceof Readable)) findProblems(request.body, 'body', 0, problems);
    if (problems.length) throw invalid(problems);
  });
}

export default fp(inputGuards, { name: 'input-guards' });
