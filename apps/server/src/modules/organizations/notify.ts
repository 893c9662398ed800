import { and, eq } from 'drizzle-orm';
import type { NotificationKind } from '@partnergraph/shared/community-codes';
import type { Db } from '../../db/client';
import type { Mailer } from '../../lib/mail';
import { addNotifications, usersOfOrganizations, wantEmail } from '../community/notifications.service';
import { users } from '../identity/identity.tables';
import type { Email } from '../mail/templates';

/** Where the bell's notice points and who caused it. */
export interface Notice {
  kind: Extract<NotificationKind, 'referral' | 'connection' | 'deal'>;
  /** A path in the web app. */
  link: string;
  actorUserId?: string | null;
}

/**
 * Tells an organization about something another party did (a connection
 * request, a lead, a decision on its deal): a notice in every one of its
 * users' bells, and the e-mail to its partner admins who did not turn that
 * kind off. Sent after the change committed: a failure must not undo it, and
 * the in-app lists already show the new state.
 */
export async function notifyOrganization(
  db: Db,
  mailer: Mailer,
  organizationId: string,
  email: Email,
  notice: Notice,
) {
  try {
    await addNotifications(db, {
      userIds: await usersOfOrganizations(db, [organizationId]),
      kind: notice.kind,
      title: email.subject,
      link: notice.link,
      actorUserId: notice.actorUserId ?? null,
    });
  } catch {
    // Not fatal: see above.
  }
  const admins = await db
    .select({ id: users.id, to: users.email })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        eq(users.role, 'partner_admin'),
        eq(users.status, 'active'),
      ),
    );
  const wanted = new Set(
    await wantEmail(
      db,
      admins.map((a) => a.id),
      notice.kind,
    ),
  );
  for (const { id, to } of admins) {
    if (!wanted.has(id)) continue;
    try {
      await mailer.send({ to, ...email });
    } catch {
      // Not fatal: see above.
    }
  }
}
