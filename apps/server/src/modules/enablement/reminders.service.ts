import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import type { Mailer } from '../../lib/mail';
import { findUserContacts } from '../identity/identity.repository';
import { action, linkTo, paragraph, render, strong, type Site } from '../mail/layout';
import { findCertificationsToRemind, markReminded } from './certifications.repository';

/** How long before it expires a certification's holder is reminded to renew it. */
export const REMIND_DAYS = 30;

export interface ReminderDeps {
  mailer: Mailer;
  site: Site;
  log?: Pick<FastifyBaseLogger, 'error'> | undefined;
}

export function renewalReminderEmail(
  d: { name: string; certification: string; expiresOn: string },
  site: Site,
) {
  return render(
    site,
    `Your ${d.certification} expires on ${d.expiresOn}`,
    [
      paragraph(`Hello ${d.name},`),
      paragraph(
        'Your certification ',
        strong(d.certification),
        ` expires on ${d.expiresOn}. Renew it to keep it counting for your organization's tier.`,
      ),
      action('See your certifications', linkTo(site, 'enablement', 'certifications')),
    ],
    { reason: 'You receive this because you hold this certification.' },
  );
}

/**
 * Reminds each holder of a certification expiring within REMIND_DAYS, once per certification: the
 * reminder is claimed (and audited) in the database first, then mailed, so two runs never send two.
 */
export async function sendRenewalReminders(db: Db, deps: ReminderDeps) {
  const due = await findCertificationsToRemind(db, REMIND_DAYS);
  const result = { reminded: 0, failed: 0 };
  if (!due.length) return result;
  const contacts = new Map(
    (
      await findUserContacts(
        db,
        due.map((d) => d.c.userId),
      )
    ).map((u) => [u.id, u]),
  );
  for (const d of due) {
    const claimed = await runChange(
      db,
      { actor: null, requestId: 'job:remind-certification-renewals', ip: null },
      async (tx, record) => {
        const [fresh] = await findCertificationsToRemind(tx, REMIND_DAYS, d.c.id);
        if (!fresh) return false;
        await markReminded(tx, d.c.id);
        record.audit({
          action: 'certification.renewal_reminded',
          entityType: 'certification',
          entityId: d.c.id,
          after: { userId: d.c.userId, expiresOn: d.c.expiresOn },
        });
        return true;
      },
    );
    const to = contacts.get(d.c.userId);
    if (!claimed || !to) continue;
    try {
      await deps.mailer.send({
        to: to.email,
        ...renewalReminderEmail(
          { name: d.personName, certification: d.typeName, expiresOn: d.c.expiresOn! },
          deps.site,
        ),
      });
      result.reminded++;
    } catch (err) {
      result.failed++;
      deps.log?.error({ err, certificationId: d.c.id }, 'a renewal reminder could not be sent');
    }
  }
  return result;
}

// The scheduler hands a job the database only; the routes register the mailer and the public address
// here when the app starts (certifications.routes.ts), as the daily digest does.
let appDeps: ReminderDeps | undefined;

export function setReminderDeps(deps: ReminderDeps) {
  appDeps = deps;
}

/** The `remind-certification-renewals` job. */
export async function runRenewalReminders(db: Db) {
  if (!appDeps) return { notReady: 1 };
  return sendRenewalReminders(db, appDeps);
}
