import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { escapeHtml, type Mailer } from '../../lib/mail';
import { users } from '../identity/identity.tables';

/**
 * Tells an organization's partner admins about something another party did
 * (a connection request, a lead). Sent after the change committed: a mail
 * failure must not undo it, and the in-app lists already show the new state.
 * (Delivery through the outbox, with retries, is the integration issue's.)
 */
export async function notifyOrganization(
  db: Db,
  mailer: Mailer,
  organizationId: string,
  message: { subject: string; text: string },
) {
  const admins = await db
    .select({ email: users.email })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        eq(users.role, 'partner_admin'),
        eq(users.status, 'active'),
      ),
    );
  for (const { email } of admins) {
    try {
      await mailer.send({
        to: email,
        subject: message.subject,
        text: message.text,
        html: `<p>${escapeHtml(message.text).replace(/\n/g, '<br>')}</p>`,
      });
    } catch {
      // Not fatal: see above.
    }
  }
}
