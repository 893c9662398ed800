// Lead distribution emails: to the partner a lead is offered to or taken from, and to the vendor's staff.
import { action, linkTo, paragraph, quote, render, type Email, type Site, platformName } from '../layout';
import { adminReason, timeOf } from './wording';

/** Before acceptance the partner reads the company, need and value, never the contact (leads.visibility.ts). */
export function leadOfferedEmail(
  d: { organizationName: string; leadId: string; companyName: string; need: string; deadlineAt: Date | null },
  site: Site,
): Email {
  return render(
    site,
    `A lead for you: ${d.companyName}`,
    [
      paragraph(
        `The vendor routed a lead to ${d.organizationName}${d.deadlineAt ? `; accept it by ${timeOf(d.deadlineAt)} or it moves to another partner` : ''}.`,
      ),
      quote(d.need),
      action('See the lead', linkTo(site, 'leads', d.leadId)),
    ],
    { reason: adminReason(d.organizationName) },
  );
}

export function leadWithdrawnEmail(
  d: { organizationName: string; leadId: string; at: Date; why: string },
  site: Site,
): Email {
  return render(
    site,
    `A lead was withdrawn from ${d.organizationName}`,
    [
      paragraph(`A lead offered to ${d.organizationName} was withdrawn on ${timeOf(d.at)}: ${d.why}.`),
      action('Your leads', linkTo(site, 'leads')),
    ],
    { reason: adminReason(d.organizationName) },
  );
}

/** To the vendor's staff: a partner answered a lead. */
export function leadAnsweredEmail(
  d: { organizationName: string; leadId: string; companyName: string; partnerName: string; answer: string },
  site: Site,
): Email {
  return render(
    site,
    `${d.partnerName} ${d.answer} the lead ${d.companyName}`,
    [
      paragraph(`${d.partnerName} ${d.answer} the lead ${d.companyName}.`),
      action('See the lead', linkTo(site, 'leads', d.leadId)),
    ],
    { reason: `You received this email as a member of ${d.organizationName} on ${platformName()}.` },
  );
}
