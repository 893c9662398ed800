import { eq } from 'drizzle-orm';
import { notifications } from './notifications.tables';

/**
 * A notice is its addressee's alone: nobody else lists, counts, reads or marks it, vendor staff included
 * (a notice may name what only its addressee may see). Every read and change of notices composes this.
 */
export function addressedTo(userId: string) {
  return eq(notifications.userId, userId);
}
