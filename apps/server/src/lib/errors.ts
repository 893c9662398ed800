// The one error type. Services throw it; the errors plugin maps it to RFC 9457 problem+json.

export type FieldError = { path: string; message: string };

export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'conflict'
  | 'stale_version'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'rate_limited'
  | 'internal';

const titles: Record<ErrorCode, [number, string]> = {
  bad_request: [400, 'Invalid request'],
  unauthorized: [401, 'Not signed in'],
  forbidden: [403, 'Not allowed'],
  csrf: [403, 'Missing or invalid CSRF token'],
  not_found: [404, 'Not found'],
  conflict: [409, 'Conflict'],
  stale_version: [409, 'Stale version'],
  payload_too_large: [413, 'Request body too large'],
  unsupported_media_type: [415, 'Unsupported media type'],
  unprocessable: [422, 'Refused by the rules'],
  rate_limited: [429, 'Too many requests'],
  internal: [500, 'Internal error'],
};

export class AppError extends Error {
  readonly status: number;
  readonly title: string;
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extra: { errors?: FieldError[]; retryAfterSeconds?: number; [k: string]: unknown } = {},
  ) {
    super(detail ?? titles[code][1]);
    [this.status, this.title] = titles[code];
  }
}

export const notFound = (what = 'resource') => new AppError('not_found', `No such ${what}`);
export const forbidden = (detail = 'Your role does not allow this') => new AppError('forbidden', detail);
export const unauthorized = (detail = 'Sign in to continue') => new AppError('unauthorized', detail);
export const conflict = (detail: string, extra?: Record<string, unknown>) =>
  new AppError('conflict', detail, extra);
export const unprocessable = (detail: string) => new AppError('unprocessable', detail);
export const invalid = (errors: FieldError[], detail = 'Some fields are invalid') =>
  new AppError('bad_request', detail, { errors });
export const staleVersion = (current: number) =>
  new AppError('stale_version', `This record has changed since you read it (current version ${current})`, {
    currentVersion: current,
  });
