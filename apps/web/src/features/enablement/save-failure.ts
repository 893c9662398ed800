import type { FormErrors } from '@mantine/form';
import { isStaleVersion } from '../../api/client';
import { showServerErrors } from '../../components/forms';

/**
 * What an edit form says when saving fails: that someone saved `what` first (it has been reloaded), or
 * the errors the server found, placed on the form's inputs (null when all of them were).
 */
export function saveFailure(
  form: { setErrors(errors: FormErrors): void; getValues(): Record<string, unknown> },
  err: unknown,
  what: string,
): string | null {
  return isStaleVersion(err)
    ? `Someone changed this ${what} first; it has been reloaded. Close this and edit it again.`
    : showServerErrors(form, err);
}
