import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Mailer } from '../../lib/mail';
import { users } from '../identity/identity.tables';
import type { Email } from '../mail/templates';

/**
 * Tells an organization's partner admins about something another party did
 * (a connection request, a lead). Sent after the change committed: a mail
 * failure must not undo it, and the in-app lists already show the new state.
 * (Delivery through the outbox, with retries, is the integration issue's.)
 */
export async function notifyOrganization(db: Db, mailer: Mailer, organizationId: string, email: Email) {
  const admins = await db
    .select({ to: users.email })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        eq(users.role, 'partner_admin'),
        eq(users.status, 'active'),
      ),
    );
  for (const { to } of admins) {
    try {
      await mailer.send({ to, ...email });
    } catch {
      // Not fatal: see above.
    }
  }
}
