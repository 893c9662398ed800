import { Badge, Text } from '@mantine/core';
import type { Referral, ReferralStatus } from '../../api/referrals';
import { dealOutcomeCopy, referralStatusCopy } from './labels';

// Badges cut their label short when space runs out; in a table cell the column should widen instead.
const noTruncation = { minWidth: 'max-content' };

export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const copy = referralStatusCopy[status];
  return (
    <Badge color={copy.color} variant="light" style={noTruncation}>
      {copy.label}
    </Badge>
  );
}

/** The status of the deal the referral became; a dash while it has none. */
export function OutcomeBadge({ deal }: { deal: Referral['deal'] }) {
  if (!deal) {
    return (
      <Text c="dimmed" size="sm">
        —
      </Text>
    );
  }
  const copy = dealOutcomeCopy[deal.status];
  return (
    <Badge color={copy.color} variant="dot" style={noTruncation}>
      {copy.label}
    </Badge>
  );
}

/** Who passed the prospect on: a partner, or a visitor of the public partner locator. */
export const referrerName = (referral: Referral) => referral.referrer?.name ?? 'Partner locator';

export const recipientName = (referral: Referral) =>
  referral.toVendor ? 'The vendor' : referral.recipient.name;
