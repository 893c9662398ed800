import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import { endCurrent, routeLead } from './leads.assign';
import { tellAssigned, tellWithdrawn } from './leads.notify';
import { findAssignment, findDueAssignments, findLeadRecord } from './leads.repository';
import type { Mail } from './leads.service';

// The mailer the notices go through, given when the routes are registered (as the digest's are): the job
// runs outside any request. Without it (a script that built no routes) leads still move, silently.
let mail: Mail | null = null;
export function setPullbackMail(m: Mail) {
  mail = m;
}

/**
 * The `pull-back-leads` job: every offer past its deadline is withdrawn and
 * the lead routed to the next eligible partner (never one that already had
 * it). Each lead is its own transaction, and each re-reads the offer under a
 * lock, so a second run, or a partner accepting at the same moment, finds it
 * already decided and changes nothing.
 */
export async function pullBackOverdueLeads(db: Db, now = new Date()) {
  let withdrawn = 0;
  let rerouted = 0;
  for (;;) {
    const due = await findDueAssignments(db, now);
    let moved = 0;
    for (const { id, leadId } of due) {
      const result = await runChange(
        db,
        { actor: null, requestId: 'job:lead-pullback', ip: null },
        async (tx, record) => {
          const lead = await findLeadRecord(tx, leadId, { forUpdate: true });
          const offer = await findAssignment(tx, id);
          if (!lead || !offer || offer.outcome !== 'waiting' || !offer.deadlineAt || offer.deadlineAt > now)
            return null;
          if (lead.currentAssignmentId !== offer.id || lead.status !== 'offered') return null;
          await endCurrent(tx, lead, 'withdrawn', now, 'Not accepted by the deadline', null);
          record.audit({
            action: 'lead.withdrawn',
            entityType: 'lead',
            entityId: lead.id,
            before: { status: 'offered', organizationId: offer.organizationId },
            after: { deadlineAt: offer.deadlineAt.toISOString() },
          });
          record.event({
            type: 'lead.withdrawn',
            entityType: 'lead',
            entityId: lead.id,
            organizationIds: [offer.organizationId],
            payload: { id: lead.id, organizationId: offer.organizationId, withdrawnAt: now.toISOString() },
          });
          const decision = await routeLead(tx, record, lead, now);
          return { from: offer.organizationId, to: decision.chosen?.organizationId ?? null };
        },
        { refreshOnly: true },
      );
      if (!result) continue;
      moved++;
      withdrawn++;
      if (result.to) rerouted++;
      if (mail) {
        await tellWithdrawn(db, mail, result.from, leadId, now, 'it was not accepted by its deadline');
        await tellAssigned(db, mail, leadId);
      }
    }
    // A full page may leave more behind; a page where nothing moved means the rest is someone else's work.
    if (due.length < 200 || moved === 0) break;
  }
  return { withdrawn, rerouted };
}
