import type { FastifyBaseLogger } from 'fastify';
import { formatMinor } from '@partnergraph/shared/contracts/money';
import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import type { Mailer } from '../../lib/mail';
import { findActivePartnerAdmins } from '../identity/identity.repository';
import { claimDeadlineEmail, type Site } from '../mail/templates';
import { findOrganizationsByIds } from '../organizations/organizations.repository';
import {
  findLapsedRequests,
  findRequestsToRemind,
  markRequestReminded,
  updateRequest,
} from './mdf.repository';

const REMIND_DAYS = 7;
const job = (name: string) => ({ actor: null, requestId: `job:${name}`, ip: null });

/** Approved requests whose claim deadline passed unclaimed give their reservation back to the budget. */
export async function releaseLapsedRequests(db: Db, now = new Date()) {
  const today = now.toISOString().slice(0, 10);
  return runChange(
    db,
    job('release-lapsed-fund-requests'),
    async (tx, record) => {
      const lapsed = await findLapsedRequests(tx, today);
      for (const r of lapsed) {
        await updateRequest(tx, r.id, { status: 'closed', reserved: 0, released: r.released + r.reserved });
        record.audit({
          action: 'fund_request.lapsed',
          entityType: 'fund_request',
          entityId: r.id,
          before: { status: r.status, reserved: r.reserved },
          after: { status: 'closed', released: r.reserved, claimDeadline: r.claimDeadline },
        });
      }
      return { released: lapsed.length };
    },
    { refreshOnly: true },
  );
}

let mail: { mailer: Mailer; site: Site; log: FastifyBaseLogger } | null = null;
/** The mailer and site the app was built with (set by the funds routes): the reminder job mails through them. */
export function setFundsMailDeps(deps: { mailer: Mailer; site: Site; log: FastifyBaseLogger }) {
  mail = deps;
}

/** A week before a claim deadline, the partner's administrators are reminded once. */
export async function remindClaimDeadlines(db: Db, now = new Date()) {
  if (!mail) return { reminded: 0 };
  const until = new Date(now.getTime() + REMIND_DAYS * 86_400_000).toISOString().slice(0, 10);
  const due = await findRequestsToRemind(db, until);
  const names = new Map(
    (
      await findOrganizationsByIds(
        db,
        due.map((r) => r.partnerId),
      )
    ).map((o) => [o.id, o.name]),
  );
  let reminded = 0;
  for (const r of due) {
    // Claimed before the mail goes, so two processes never both remind: only the one whose update found
    // the reminder unsent mails.
    const claimed = await runChange(
      db,
      job('remind-claim-deadlines'),
      async (tx, record) => {
        const row = await markRequestReminded(tx, r.id, now);
        if (!row) return undefined;
        record.audit({
          action: 'fund_request.reminded',
          entityType: 'fund_request',
          entityId: r.id,
          after: { claimDeadline: r.claimDeadline },
        });
        return row;
      },
      { refreshOnly: true },
    );
    if (!claimed) continue;
    const email = claimDeadlineEmail(
      {
        organizationName: names.get(r.partnerId) ?? '',
        requestId: r.id,
        title: r.title,
        claimDeadline: claimed.claimDeadline!,
        reserved: formatMinor(r.reserved, r.currency),
      },
      mail.site,
    );
    for (const admin of await findActivePartnerAdmins(db, r.partnerId)) {
      await mail.mailer
        .send({ to: admin.to, ...email })
        .catch((err: unknown) => mail?.log.error({ err }, 'claim reminder not sent'));
    }
    reminded++;
  }
  return { reminded };
}
