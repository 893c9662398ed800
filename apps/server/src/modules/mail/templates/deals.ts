// Deal and referral emails, and the locator's leads.
import { action, linkTo, paragraph, quote, render, type Email, type Site } from '../layout';
import { dayOf, adminReason } from './wording';

// --- Deals (to the registering partner's administrators) ---

export function dealApprovedEmail(
  d: { organizationName: string; dealId: string; customerName: string; protectedUntil: Date | null },
  site: Site,
): Email {
  return render(
    site,
    `Your deal registration for ${d.customerName} was approved`,
    [
      paragraph(
        `Your registration of ${d.customerName} was approved; it is protected until ${d.protectedUntil ? dayOf(d.protectedUntil) : 'further notice'}.`,
      ),
      action('See the deal', linkTo(site, 'deals', d.dealId)),
    ],
    { reason: adminReason(d.organizationName) },
  );
}

export function dealRejectedEmail(
  d: { organizationName: string; dealId: string; customerName: string; reason: string },
  site: Site,
): Email {
  return render(
    site,
    `Your deal registration for ${d.customerName} was rejected`,
    [
      paragraph(`Your registration of ${d.customerName} was rejected: ${d.reason}`),
      action('See the deal', linkTo(site, 'deals', d.dealId)),
    ],
    { reason: adminReason(d.organizationName) },
  );
}

// --- Referrals (to the partner administrators of the party that did not act) ---

interface ReferralStep {
  /** The organization told: its partner administrators get the email. */
  organizationName: string;
  referralId: string;
  companyName: string;
}

export function referralReceivedEmail(
  d: ReferralStep & { referrerName: string | null; need: string },
  site: Site,
): Email {
  const referrer = d.referrerName ?? 'A partner';
  return render(
    site,
    `${referrer} referred ${d.companyName} to you`,
    [
      paragraph(`${referrer} referred a prospect to your organization: ${d.companyName}.`),
      quote(d.need),
      action('Answer the referral', linkTo(site, 'referrals', d.referralId)),
    ],
    { reason: adminReason(d.organizationName) },
  );
}

export function referralAcceptedEmail(d: ReferralStep & { recipientName: string }, site: Site): Email {
  return render(
    site,
    `${d.recipientName} accepted your referral`,
    [
      paragraph(`${d.recipientName} accepted your referral of ${d.companyName}.`),
      action('See the referral', linkTo(site, 'referrals', d.referralId)),
    ],
    { reason: adminReason(d.organizationName) },
  );
}

export function referralRejectedEmail(
  d: ReferralStep & { recipientName: string; reason: string },
  site: Site,
): Email {
  return render(
    site,
    `${d.recipientName} declined your referral`,
    [
      paragraph(`${d.recipientName} declined your referral of ${d.companyName}: ${d.reason}`),
      action('See the referral', linkTo(site, 'referrals', d.referralId)),
    ],
    { reason: adminReason(d.organizationName) },
  );
}

export function referralConvertedEmail(d: ReferralStep & { recipientName: string }, site: Site): Email {
  return render(
    site,
    `${d.recipientName} turned your referral into a deal`,
    [
      paragraph(
        `${d.recipientName} registered a deal for ${d.companyName}, which you referred. You will see its outcome and your fee here.`,
      ),
      action('See the referral', linkTo(site, 'referrals', d.referralId)),
    ],
    { reason: adminReason(d.organizationName) },
  );
}

/** A customer's message through the public partner locator: a lead in the partner's referral inbox. */
export function locatorLeadEmail(
  d: {
    organizationName: string;
    referralId: string;
    contactName: string;
    companyName: string;
    message: string;
  },
  site: Site,
): Email {
  return render(
    site,
    `A new lead from the partner locator: ${d.companyName}`,
    [
      paragraph(`${d.contactName} of ${d.companyName} contacted you through the partner locator:`),
      quote(d.message),
      action('See it in your referral inbox', linkTo(site, 'referrals', d.referralId)),
    ],
    { reason: adminReason(d.organizationName) },
  );
}
