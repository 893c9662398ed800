// Every email the platform sends, one function per kind: typed data in,
// subject, text and HTML out, all through the one layout. Wording lives here
// and nowhere else; see docs/INTEGRATION.md (Email) before changing it, as
// tests and people's mail filters read some of these subjects.
import { formatMinor } from '@partnergraph/shared/money-format';
import type { Role } from '@partnergraph/shared/permissions';
import {
  action,
  heading,
  linkTo,
  list,
  paragraph,
  quote,
  render,
  strong,
  type Block,
  type Email,
  type Site,
} from './layout';

export type { Email, Site } from './layout';
export { siteOf } from './layout';

const roleNames: Record<Role, string> = {
  admin: 'administrator',
  channel_manager: 'channel manager',
  analyst: 'analyst',
  partner_admin: 'partner administrator',
  partner_user: 'partner user',
};

/** A day as people read it in any time zone: 2025-03-14. */
const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const timeOf = (d: Date) => `${dayOf(d)} ${d.toISOString().slice(11, 16)} UTC`;
const hello = (name: string) => paragraph(`Hello ${name},`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** Notifications to an organization go to its partner administrators. */
const adminReason = (organizationName: string) =>
  `You received this email as a partner administrator of ${organizationName} on PartnerGraph.`;

// --- Accounts ---

export function invitationEmail(
  d: { inviterName: string; organizationName: string; role: Role; token: string },
  site: Site,
): Email {
  return render(
    site,
    `${d.inviterName} invited you to ${d.organizationName} on PartnerGraph`,
    [
      paragraph(
        `${d.inviterName} invited you to join `,
        strong(d.organizationName),
        ` on PartnerGraph as ${roleNames[d.role]}.`,
      ),
      action('Accept the invitation and choose your password', linkTo(site, 'invitations', d.token)),
      paragraph('The link works once and expires in 7 days.'),
    ],
    {
      reason: `You received this email because ${d.inviterName} invited this address to ${d.organizationName}. If you did not expect it, ignore it: no account is created unless the link is used.`,
    },
  );
}

export function passwordResetEmail(d: { name: string; token: string }, site: Site): Email {
  return render(
    site,
    'Reset your PartnerGraph password',
    [
      hello(d.name),
      paragraph('Someone asked to reset the password of your PartnerGraph account.'),
      action('Choose a new password', linkTo(site, 'reset-password', d.token)),
      paragraph(
        'The link works once, for one hour. If you did not ask, ignore this email: your password stays as it is.',
      ),
    ],
    { reason: 'You received this email because a password reset was asked for the account of this address.' },
  );
}

export function passwordChangedEmail(d: { name: string; at: Date }, site: Site): Email {
  return render(
    site,
    'Your PartnerGraph password was changed',
    [
      hello(d.name),
      paragraph(
        `The password of your PartnerGraph account was changed at ${timeOf(d.at)}. All sessions were signed out.`,
      ),
      paragraph('If this was not you, reset your password at once and tell your administrator.'),
      action('Reset your password', linkTo(site, 'forgot-password')),
    ],
    {
      reason:
        'You received this email because the password of your account changed: every change is told, so one you did not make cannot go unnoticed.',
    },
  );
}

/** A sign-in factor of the account changed (added, renamed, removed, reset, recovery codes): always told. */
export function mfaChangedEmail(d: { name: string; change: string; at: Date }, site: Site): Email {
  return render(
    site,
    'A sign-in factor of your PartnerGraph account changed',
    [
      hello(d.name),
      paragraph(`${d.change} (${timeOf(d.at)}).`),
      paragraph('If this was not you, reset your password at once and tell your administrator.'),
      action('Review your account security', linkTo(site, 'account', 'security')),
    ],
    {
      reason:
        'You received this email because a sign-in factor of your account changed: every change is told, so one you did not make cannot go unnoticed.',
    },
  );
}

// --- Partner applications (sent to the applicant's contact, who has no account yet) ---

const applicantReason = (companyName: string) =>
  `You received this email because ${companyName} applied to the partner program with this address.`;

export function applicationReceivedEmail(
  d: { contactName: string; companyName: string; programNames: string[] },
  site: Site,
): Email {
  return render(
    site,
    'We received your partner application',
    [
      hello(d.contactName),
      paragraph(
        `Thank you for applying to ${d.programNames.join(', ')} with ${d.companyName}. A channel manager will review it and answer by email.`,
      ),
    ],
    { reason: applicantReason(d.companyName) },
  );
}

export function applicationApprovedEmail(
  d: {
    contactName: string;
    companyName: string;
    /** The programs it was enrolled in. */
    programNames: string[];
    /** An invitation to set up the first account; null when the contact already has one. */
    invitationToken: string | null;
  },
  site: Site,
): Email {
  return render(
    site,
    `Welcome to the partner program: ${d.companyName} is approved`,
    [
      hello(d.contactName),
      paragraph(
        `${d.companyName} is approved${d.programNames.length ? ` for ${d.programNames.join(', ')}` : ''}.`,
      ),
      ...(d.invitationToken
        ? [
            action(
              'Set up your account (the link works once and expires in 7 days)',
              linkTo(site, 'invitations', d.invitationToken),
            ),
          ]
        : [
            paragraph('Sign in with your existing account to continue.'),
            action('Sign in', linkTo(site, 'login')),
          ]),
      paragraph('Next: accept the partner agreement and complete your onboarding checklist.'),
    ],
    { reason: applicantReason(d.companyName) },
  );
}

export function applicationRejectedEmail(
  d: { contactName: string; companyName: string; reason: string },
  site: Site,
): Email {
  return render(
    site,
    'Your partner application',
    [
      hello(d.contactName),
      paragraph(
        `Thank you for applying with ${d.companyName}. We are not able to accept the application at this time.`,
      ),
      paragraph(`Reason: ${d.reason}`),
    ],
    { reason: applicantReason(d.companyName) },
  );
}

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

// --- Connections (to the partner administrators of the other party) ---

interface ConnectionStep {
  organizationName: string;
  connectionId: string;
  /** The other party: the one that acted. */
  otherName: string;
  /** The kind of connection in words, e.g. "referral partnership". */
  relationship: string;
}

export function connectionRequestedEmail(d: ConnectionStep & { message: string }, site: Site): Email {
  return render(
    site,
    `${d.otherName} would like a ${d.relationship}`,
    [
      paragraph(`${d.otherName} asked your organization for a ${d.relationship} on PartnerGraph.`),
      ...(d.message ? [quote(d.message)] : []),
      action('Answer it', linkTo(site, 'connections', d.connectionId)),
    ],
    { reason: adminReason(d.organizationName) },
  );
}

function connectionAnswered(
  verb: 'accepted' | 'declined' | 'ended',
  d: ConnectionStep & { reason: string | null },
  site: Site,
): Email {
  return render(
    site,
    `${d.otherName} ${verb} the ${d.relationship}`,
    [
      paragraph(`${d.otherName} ${verb} the ${d.relationship} with your organization.`),
      ...(d.reason ? [paragraph(`Reason: ${d.reason}`)] : []),
      action('See the connection', linkTo(site, 'connections', d.connectionId)),
    ],
    { reason: adminReason(d.organizationName) },
  );
}

export const connectionAcceptedEmail = (d: ConnectionStep & { reason: string | null }, site: Site) =>
  connectionAnswered('accepted', d, site);
export const connectionDeclinedEmail = (d: ConnectionStep & { reason: string | null }, site: Site) =>
  connectionAnswered('declined', d, site);
export const connectionEndedEmail = (d: ConnectionStep & { reason: string | null }, site: Site) =>
  connectionAnswered('ended', d, site);

// --- Community notifications ---

/**
 * A notification the member chose to receive by e-mail (mention, reply,
 * announcement…): the same words as the bell shows, a link to the place, and
 * where to turn this kind off.
 */
export function notificationEmail(
  d: { name: string; title: string; body: string; path: string; settingsPath: string },
  site: Site,
): Email {
  const url = `${site.url}${d.path}`;
  return render(
    site,
    d.title,
    [hello(d.name), paragraph(d.title), ...(d.body ? [quote(d.body)] : []), action('Open it', url)],
    {
      reason: 'You receive this because you chose e-mail for this kind of notification.',
      unsubscribeUrl: `${site.url}${d.settingsPath}`,
    },
  );
}

// --- The daily digest ---

/** One kind of waiting item: how many there are, and the oldest few to name. */
export interface Waiting<T> {
  total: number;
  items: T[];
}

export interface DigestData {
  name: string;
  email: string;
  /** Everyone: unread community notifications. */
  notices?: Waiting<{ id: string; title: string; link: string; since: Date }> | undefined;
  /** Vendor staff. */
  applications?: Waiting<{ id: string; companyName: string; since: Date }> | undefined;
  /** `amount` in integer minor units of `currency`, the deal's own. */
  dealsToReview?:
    | Waiting<{
        id: string;
        customerName: string;
        partnerName: string;
        amount: number;
        currency: string;
        since: Date;
      }>
    | undefined;
  vendorReferrals?:
    Waiting<{ id: string; companyName: string; fromName: string | null; since: Date }> | undefined;
  /** Partners. */
  referralsReceived?:
    Waiting<{ id: string; companyName: string; fromName: string | null; since: Date }> | undefined;
  connectionRequests?:
    Waiting<{ id: string; fromName: string; relationship: string; since: Date }> | undefined;
  expiringDeals?: Waiting<{ id: string; customerName: string; expiresAt: Date }> | undefined;
  /** The signed unsubscribe token (see unsubscribe.ts). */
  unsubscribeToken: string;
}

/** Whether anything waits: an empty digest is never sent. */
export const digestIsEmpty = (d: DigestData) =>
  ![
    d.notices,
    d.applications,
    d.dealsToReview,
    d.vendorReferrals,
    d.referralsReceived,
    d.connectionRequests,
    d.expiringDeals,
  ].some((w) => w && w.total > 0);

export const unsubscribeUrl = (site: Site, token: string) =>
  `${site.url}/api/v1/unsubscribe?token=${encodeURIComponent(token)}`;

export function digestEmail(d: DigestData, site: Site): Email {
  const since = (at: Date) => `waiting since ${dayOf(at)}`;
  const sections: { count: string; blocks: Block[] }[] = [];
  const section = <T>(
    w: Waiting<T> | undefined,
    count: (n: number) => string,
    title: string,
    item: (x: T) => { title: string; url: string; detail: string },
    all: { label: string; url: string },
  ) => {
    if (!w || w.total === 0) return;
    const more = w.total - w.items.length;
    sections.push({
      count: count(w.total),
      blocks: [
        heading(`${title} (${w.total})`),
        list(w.items.map(item)),
        action(more > 0 ? `${all.label} (${more} more)` : all.label, all.url),
      ],
    });
  };
  section(
    d.applications,
    (n) => plural(n, 'partner application'),
    'Partner applications to review',
    (x) => ({ title: x.companyName, url: linkTo(site, 'applications'), detail: since(x.since) }),
    { label: 'Review applications', url: linkTo(site, 'applications') },
  );
  section(
    d.dealsToReview,
    (n) => plural(n, 'deal registration'),
    'Deal registrations to review',
    (x) => ({
      title: x.customerName,
      url: linkTo(site, 'deals', x.id),
      detail: `${formatMinor(x.amount, x.currency)}, ${x.partnerName}, ${since(x.since)}`,
    }),
    { label: 'Open the review queue', url: linkTo(site, 'deals', 'review') },
  );
  section(
    d.vendorReferrals,
    (n) => plural(n, 'referral to the vendor', 'referrals to the vendor'),
    'Referrals to the vendor awaiting an answer',
    (x) => ({
      title: x.companyName,
      url: linkTo(site, 'referrals', x.id),
      detail: `${x.fromName ? `from ${x.fromName}, ` : ''}${since(x.since)}`,
    }),
    { label: 'Open the referral inbox', url: `${linkTo(site, 'referrals')}?box=inbox&status=submitted` },
  );
  section(
    d.referralsReceived,
    (n) => plural(n, 'referral'),
    'Referrals awaiting your answer',
    (x) => ({
      title: x.companyName,
      url: linkTo(site, 'referrals', x.id),
      detail: `${x.fromName ? `from ${x.fromName}` : 'from the partner locator'}, ${since(x.since)}`,
    }),
    { label: 'Open the referral inbox', url: `${linkTo(site, 'referrals')}?box=inbox&status=submitted` },
  );
  section(
    d.connectionRequests,
    (n) => plural(n, 'connection request'),
    'Connection requests awaiting your answer',
    (x) => ({
      title: x.fromName,
      url: linkTo(site, 'connections', x.id),
      detail: `${x.relationship}, ${since(x.since)}`,
    }),
    { label: 'See incoming requests', url: `${linkTo(site, 'connections')}?tab=incoming` },
  );
  section(
    d.expiringDeals,
    (n) => `${plural(n, 'deal')} losing protection soon`,
    'Deals whose protection ends within 14 days',
    (x) => ({
      title: x.customerName,
      url: linkTo(site, 'deals', x.id),
      detail: `protected until ${dayOf(x.expiresAt)}`,
    }),
    { label: 'See your deals', url: `${linkTo(site, 'deals')}?status=approved` },
  );
  section(
    d.notices,
    (n) => plural(n, 'unread notification'),
    'Unread notifications',
    (x) => ({ title: x.title, url: `${site.url}${x.link}`, detail: dayOf(x.since) }),
    { label: 'Open your notifications', url: `${site.url}/notifications` },
  );
  return render(
    site,
    `Waiting for you: ${sections.map((s) => s.count).join(', ')}`,
    [
      hello(d.name),
      paragraph('Here is what waits for you on PartnerGraph today, oldest first.'),
      ...sections.flatMap((s) => s.blocks),
    ],
    {
      reason: `You receive this daily digest because it is on for your account (${d.email}); it comes only on days when something waits for you. Turn it off with the link below or under Email preferences in your user menu.`,
      unsubscribeUrl: unsubscribeUrl(site, d.unsubscribeToken),
    },
  );
}
