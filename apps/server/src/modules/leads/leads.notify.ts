import type { Db } from '../../db/client';
import { leadAnsweredEmail, leadOfferedEmail, leadWithdrawnEmail, type Site } from '../mail/templates';
import type { Mailer } from '../../lib/mail';
import { notifyOrganization } from '../notifications/notifications.service';
import { findOrganizationById, findVendor } from '../organizations/organizations.repository';
import { findAssignment, findLeadRecord } from './leads.repository';
import { redactLead } from './leads.visibility';

// Notices sent after a lead's change committed. Each reads the lead through
// the same redaction as the API, as the organization it is sent to sees it.

interface Mail {
  mailer: Mailer;
  site: Site;
}

/** Tells the partner a lead is offered to now (if it is): company, need and deadline, no contact. */
export async function tellAssigned(db: Db, mail: Mail, leadId: string) {
  const lead = await findLeadRecord(db, leadId);
  if (lead?.status !== 'offered' || !lead.assignedOrgId) return;
  const org = await findOrganizationById(db, lead.assignedOrgId);
  if (!org) return;
  const current = await findAssignment(db, lead.currentAssignmentId);
  const shown = redactLead({ orgKind: 'partner', orgId: org.id }, lead, current ? [current] : [], new Map());
  await notifyOrganization(
    db,
    mail.mailer,
    org.id,
    leadOfferedEmail(
      {
        organizationName: org.name,
        leadId,
        companyName: shown.company!.name,
        need: shown.need!,
        deadlineAt: current?.deadlineAt ?? null,
      },
      mail.site,
    ),
    { kind: 'lead', link: `/leads/${leadId}` },
  );
}

/** Tells a partner a lead left it; the notice says when and why, nothing of the lead. */
export async function tellWithdrawn(
  db: Db,
  mail: Mail,
  orgId: string,
  leadId: string,
  at: Date,
  why: string,
) {
  const org = await findOrganizationById(db, orgId);
  if (org?.kind !== 'partner') return;
  await notifyOrganization(
    db,
    mail.mailer,
    org.id,
    leadWithdrawnEmail({ organizationName: org.name, leadId, at, why }, mail.site),
    { kind: 'lead', link: `/leads/${leadId}` },
  );
}

/** Status back to the vendor: a partner accepted, declined, converted or referred a lead on. */
export async function tellVendor(db: Db, mail: Mail, leadId: string, partnerOrgId: string, answer: string) {
  const [vendor, partner, lead] = await Promise.all([
    findVendor(db),
    findOrganizationById(db, partnerOrgId),
    findLeadRecord(db, leadId),
  ]);
  if (!vendor || !partner || !lead) return;
  await notifyOrganization(
    db,
    mail.mailer,
    vendor.id,
    leadAnsweredEmail(
      {
        organizationName: vendor.name,
        leadId,
        companyName: lead.companyName,
        partnerName: partner.name,
        answer,
      },
      mail.site,
    ),
    { kind: 'lead', link: `/leads/${leadId}` },
  );
}
