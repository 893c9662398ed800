import type { paths as ApiPaths } from '@partnergraph/client';
import type { Problem } from '@partnergraph/shared/contracts/common';
import createClient, { type Middleware } from 'openapi-fetch';

export type FieldError = NonNullable<Problem['errors']>[number];

/** A failed API call: the server's problem+json, or a stand-in when the server could not be reached. */
export class ApiError extends Error {
  readonly type: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldError[];
  readonly retryAfterSeconds: number | null;

  constructor(problem: Problem, retryAfterSeconds: number | null = null) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.type = problem.type;
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * Field messages keyed by the field name. The server names fields by where
   * they sit in the request (`body.name`, `body.types.0`); forms want `name`, `types`.
   */
  fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const e of this.errors) {
      const field = e.path.replace(/^(body|query|params)\./, '').split('.')[0] ?? e.path;
      byField[field] ??= e.message;
    }
    return byField;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** 409 comes for duplicates too; only a stale `version` means "someone else changed this first". */
export function isStaleVersion(error: unknown): error is ApiError {
  return isApiError(error, 409) && error.type.endsWith('/stale-version');
}

// The CSRF token lives in memory only: it comes with sign-in and with GET /me, so a reload recovers it.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** The header every write carries (for requests `http` cannot make, such as an upload that reports progress). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type QueryParams = Record<string, string | number | boolean | readonly string[] | undefined | null>;

/**
 * The query string as the server reads it: empty values (a cleared filter) are left out, and a list
 * repeats its key (`?country=DE&country=FR`).
 */
export function withQuery(path: string, query: QueryParams = {}): string {
  const qs = serializeQuery(query);
  return qs ? `${path}?${qs}` : path;
}

function serializeQuery(query: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== '') params.append(key, String(item));
    }
  }
  return params.toString();
}

/** The API's paths as the web app names them: without the `/api/v1` every one of them starts with. */
export type Paths = {
  [P in keyof ApiPaths as P extends `/api/v1${infer Rest}` ? Rest : never]: ApiPaths[P];
};

const unreachable = () =>
  new ApiError({
    type: 'about:blank',
    title: 'Cannot reach the server',
    status: 0,
    detail: 'Cannot reach the server. Check your connection and try again.',
  });

const session: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept', 'application/json');
    if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  // A cancelled query stays a cancellation (React Query ignores it); anything else is the network.
  onError({ request }) {
    return request.signal.aborted ? undefined : unreachable();
  },
};

/**
 * The typed client: paths, parameters, bodies and answers come from the server's OpenAPI document
 * (packages/client), so a renamed field or path is a type error here. Use it through `call`.
 */
export const http = createClient<Paths>({
  baseUrl: '/api/v1',
  credentials: 'same-origin',
  querySerializer: (query) => serializeQuery(query as QueryParams),
});
http.use(session);

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The answer's body, typed from the schema (undefined for 204); a non-2xx answer throws `ApiError`
 * built from its problem+json.
 * `call(http.GET('/partners/{id}', { params: { path: { id } }, signal }))`
 */
export async function call<T>(request: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await request;
  if (response.ok) return data as T;
  throw new ApiError(readProblem(response, error), retryAfter(response));
}

function readProblem(response: Response, body: unknown): Problem {
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
  };
  // A proxy in front of the server may answer with HTML; keep the status and a plain title then.
  if (!/json/.test(response.headers.get('content-type') ?? '') || typeof body !== 'object' || body === null) {
    return fallback;
  }
  return { ...fallback, ...(body as Partial<Problem>), status: response.status };
}

function retryAfter(response: Response): number | null {
  const value = Number(response.headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** The text to show a person for any error a query or mutation produced. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail ?? error.title;
  if (error instanceof Error) return error.message;
  return 'Something went wrong';
}
