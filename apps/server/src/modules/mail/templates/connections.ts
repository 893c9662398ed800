// Connection emails, to the partner administrators of the other party.
import { action, linkTo, paragraph, quote, render, type Email, type Site, platformName } from '../layout';
import { adminReason } from './wording';

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
      paragraph(`${d.otherName} asked your organization for a ${d.relationship} on ${platformName()}.`),
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
