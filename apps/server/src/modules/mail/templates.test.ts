import { describe, expect, it } from 'vitest';
import {
  applicationApprovedEmail,
  applicationReceivedEmail,
  applicationRejectedEmail,
  connectionAcceptedEmail,
  connectionDeclinedEmail,
  connectionEndedEmail,
  connectionRequestedEmail,
  dealApprovedEmail,
  dealRejectedEmail,
  digestEmail,
  digestIsEmpty,
  invitationEmail,
  locatorLeadEmail,
  mfaChangedEmail,
  passwordChangedEmail,
  passwordResetEmail,
  referralAcceptedEmail,
  referralConvertedEmail,
  referralReceivedEmail,
  referralRejectedEmail,
  type DigestData,
  type Email,
} from './templates';

const site = { url: 'https://partners.example.com', vendorName: 'Acme & Sons' };
const evil = '<script>alert("x")</script>';
const id = '0190a0b0-0000-7000-8000-000000000001';
const at = new Date('2026-03-14T09:30:00Z');

const digest: DigestData = {
  name: evil,
  email: 'pat@partner.example',
  dealsToReview: {
    total: 7,
    items: [{ id, customerName: evil, partnerName: evil, amount: 3_795_196, currency: 'USD', since: at }],
  },
  connectionRequests: {
    total: 1,
    items: [{ id, fromName: evil, relationship: 'referral partnership', since: at }],
  },
  unsubscribeToken: `${id}.abc_DEF-123`,
};

/** Every kind, each with the hostile name wherever a name goes. */
const every: Record<string, Email> = {
  invitation: invitationEmail(
    { inviterName: evil, organizationName: evil, role: 'partner_user', token: 'T' },
    site,
  ),
  passwordReset: passwordResetEmail({ name: evil, token: 'tok_123' }, site),
  passwordChanged: passwordChangedEmail({ name: evil, at }, site),
  mfaChanged: mfaChangedEmail({ name: evil, change: `A passkey named ${evil} was added`, at }, site),
  applicationReceived: applicationReceivedEmail(
    { contactName: evil, companyName: evil, programNames: [evil] },
    site,
  ),
  applicationApproved: applicationApprovedEmail(
    { contactName: evil, companyName: evil, programNames: [evil], invitationToken: 'inv_1' },
    site,
  ),
  applicationApprovedExisting: applicationApprovedEmail(
    { contactName: evil, companyName: evil, programNames: [], invitationToken: null },
    site,
  ),
  applicationRejected: applicationRejectedEmail({ contactName: evil, companyName: evil, reason: evil }, site),
  dealApproved: dealApprovedEmail(
    { organizationName: evil, dealId: id, customerName: evil, protectedUntil: at },
    site,
  ),
  dealRejected: dealRejectedEmail(
    { organizationName: evil, dealId: id, customerName: evil, reason: evil },
    site,
  ),
  referralReceived: referralReceivedEmail(
    { organizationName: evil, referralId: id, companyName: evil, referrerName: evil, need: evil },
    site,
  ),
  referralAccepted: referralAcceptedEmail(
    { organizationName: evil, referralId: id, companyName: evil, recipientName: evil },
    site,
  ),
  referralRejected: referralRejectedEmail(
    { organizationName: evil, referralId: id, companyName: evil, recipientName: evil, reason: evil },
    site,
  ),
  referralConverted: referralConvertedEmail(
    { organizationName: evil, referralId: id, companyName: evil, recipientName: evil },
    site,
  ),
  locatorLead: locatorLeadEmail(
    { organizationName: evil, referralId: id, contactName: evil, companyName: evil, message: evil },
    site,
  ),
  connectionRequested: connectionRequestedEmail(
    { organizationName: evil, connectionId: id, otherName: evil, relationship: 'co-sell', message: evil },
    site,
  ),
  connectionAccepted: connectionAcceptedEmail(
    { organizationName: evil, connectionId: id, otherName: evil, relationship: 'co-sell', reason: null },
    site,
  ),
  connectionDeclined: connectionDeclinedEmail(
    { organizationName: evil, connectionId: id, otherName: evil, relationship: 'co-sell', reason: evil },
    site,
  ),
  connectionEnded: connectionEndedEmail(
    { organizationName: evil, connectionId: id, otherName: evil, relationship: 'co-sell', reason: evil },
    site,
  ),
  digest: digestEmail(digest, site),
};

const textLinks = (m: Email) => [...m.text.matchAll(/https?:\/\/\S+/g)].map((x) => x[0]);
const htmlLinks = (m: Email) =>
  [...m.html.matchAll(/href="([^"]*)"/g)].map((x) => x[1]!.replace(/&#38;/g, '&'));

describe('email templates', () => {
  it.each(Object.entries(every))('%s escapes every value in the HTML', (_, m) => {
    expect(m.html).not.toContain('<script');
    expect(m.html).not.toContain('"x"');
    expect(m.html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(m.html).toContain('Acme &#38; Sons · PartnerGraph');
    // The text part is plain text: the name as written.
    expect(m.text).toContain(evil);
  });

  it.each(Object.entries(every))('%s carries the same absolute links in its text and HTML', (_, m) => {
    const links = new Set(textLinks(m));
    expect(links.size).toBeGreaterThan(0);
    expect(new Set(htmlLinks(m))).toEqual(links);
    for (const link of links) expect(link.startsWith(`${site.url}/`) || link === site.url).toBe(true);
  });

  it('keeps the wording people and tests rely on', () => {
    expect(every.invitation!.text).toMatch(/\/invitations\/T\b/);
    expect(every.passwordReset!.text).toContain(`${site.url}/reset-password/tok_123`);
    expect(every.passwordChanged!.subject).toBe('Your PartnerGraph password was changed');
    expect(every.passwordChanged!.text).toContain('2026-03-14 09:30 UTC');
    expect(every.applicationApprovedExisting!.text).not.toMatch(/\/invitations\//);
    expect(every.dealApproved!.text).toContain('protected until 2026-03-14');
    expect(every.connectionAccepted!.text).not.toContain('Reason:');
  });

  it('encodes ids and tokens, so no value can bend a link', () => {
    const m = passwordResetEmail({ name: 'Pat', token: '../admin?x=1' }, site);
    expect(textLinks(m)).toContain(`${site.url}/reset-password/..%2Fadmin%3Fx%3D1`);
  });

  it('gives optional mail an unsubscribe link, and only optional mail', () => {
    const unsubscribe = `${site.url}/api/v1/unsubscribe?token=${id}.abc_DEF-123`;
    expect(every.digest!.text).toContain(`Unsubscribe: ${unsubscribe}`);
    expect(htmlLinks(every.digest!)).toContain(unsubscribe);
    for (const [kind, m] of Object.entries(every)) {
      if (kind !== 'digest') expect(m.text, kind).not.toContain('Unsubscribe');
    }
  });

  it('sums up the digest in its subject and names the oldest items with a way to the rest', () => {
    const m = every.digest!;
    expect(m.subject).toBe('Waiting for you: 7 deal registrations, 1 connection request');
    expect(m.text).toContain('Deal registrations to review (7)');
    // Amounts read in the deal's currency, as the web app shows them: never in cents.
    expect(m.text).toContain('$37,951.96, ');
    expect(m.html).toContain('$37,951.96, ');
    expect(m.text).toContain('Open the review queue (6 more):');
    expect(m.text).toContain('See incoming requests:');
    expect(m.text).not.toContain('Partner applications');
    expect(digestIsEmpty(digest)).toBe(false);
    expect(
      digestIsEmpty({ ...digest, dealsToReview: { total: 0, items: [] }, connectionRequests: undefined }),
    ).toBe(true);
  });

  it('names the platform only as PartnerGraph without a vendor name', () => {
    const m = passwordResetEmail({ name: 'Pat', token: 't' }, { url: site.url });
    expect(m.text).toContain(`PartnerGraph: ${site.url}`);
    expect(m.html).not.toContain('·');
  });
});
