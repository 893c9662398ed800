// Funds emails: a claim deadline coming up (to the partner's administrators).
import { action, linkTo, paragraph, render, type Email, type Site } from '../layout';
import { adminReason } from './wording';

export function claimDeadlineEmail(
  d: { organizationName: string; requestId: string; title: string; claimDeadline: string; reserved: string },
  site: Site,
): Email {
  return render(
    site,
    `Claim “${d.title}” by ${d.claimDeadline}`,
    [
      paragraph(
        `${d.reserved} is reserved for your activity “${d.title}”. Claim it with proof of performance (invoices, photos, attendee lists) by ${d.claimDeadline}; after that date the reservation is released.`,
      ),
      action('Claim the funds', linkTo(site, 'funds', 'requests', d.requestId)),
    ],
    { reason: adminReason(d.organizationName) },
  );
}
