// The daily digest of what waits for someone.
import { formatMinor } from '@partnergraph/shared/money-format';
import {
  action,
  heading,
  linkTo,
  list,
  paragraph,
  render,
  type Block,
  type Email,
  type Site,
  platformName,
} from '../layout';
import { dayOf, hello, plural } from './wording';

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
      paragraph(`Here is what waits for you on ${platformName()} today, oldest first.`),
      ...sections.flatMap((s) => s.blocks),
    ],
    {
      reason: `You receive this daily digest because it is on for your account (${d.email}); it comes only on days when something waits for you. Turn it off with the link below or under Email preferences in your user menu.`,
      unsubscribeUrl: unsubscribeUrl(site, d.unsubscribeToken),
    },
  );
}
