import { Alert } from '@mantine/core';
import { ApiError, errorMessage, isApiError, isStaleVersion } from '../../api/client';

export const STALE_DEAL =
  'This deal was changed by someone else meanwhile. The page now shows the latest version: check it and try again.';

/**
 * The error of an action on a deal that belongs to no field: a stale version (the deal was reloaded),
 * a rule the deal's state breaks (422), a permission. Field messages are shown at their fields.
 */
export function ActionError({ error, fields = [] }: { error: Error | null; fields?: string[] }) {
  if (!error) return null;
  if (error instanceof ApiError && Object.keys(error.fieldErrors()).some((f) => fields.includes(f)))
    return null;
  return (
    <Alert
      color={isStaleVersion(error) || isApiError(error, 422) ? 'yellow' : 'red'}
      role="alert"
      title={isStaleVersion(error) ? 'Changed by someone else' : undefined}
    >
      {isStaleVersion(error) ? STALE_DEAL : errorMessage(error)}
    </Alert>
  );
}

export function fieldError(error: Error | null, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldErrors()[field] : undefined;
}
