import { AppError } from '../../lib/errors';

/** The `scimType` values of RFC 7644 §3.12 that this server answers. */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue';

/** An AppError that the /scim/v2 error handler writes as a SCIM error body with its scimType. */
export const scimBadRequest = (scimType: ScimType, detail: string) =>
  new AppError('bad_request', detail, { scimType });
export const scimConflict = (detail: string, scimType: ScimType = 'uniqueness') =>
  new AppError('conflict', detail, { scimType });
export const scimNotFound = (what: string) => new AppError('not_found', `${what} not found`);
