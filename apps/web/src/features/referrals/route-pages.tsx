import type { ReferralFilters } from '../../api/referrals';
import { useCan } from '../auth/session';
import { NotAllowedPage } from '../errors/not-allowed-page';
import { NewReferralPage } from './new-referral-page';
import { ReferralPage } from './referral-page';
import { ReferralsPage } from './referrals-page';

// The screens behind the referral routes, each with the check its route needs, from the same
// permission matrix the server's gate reads.

export function ReferralsRoutePage(props: {
  filters: ReferralFilters;
  onFiltersChange: (filters: ReferralFilters) => void;
}) {
  const canRead = useCan('referrals:read');
  if (!canRead) return <NotAllowedPage what="referrals" />;
  return <ReferralsPage {...props} />;
}

/** Partners send referrals; the vendor receives them. */
export function NewReferralRoutePage({ to, connection }: { to?: string; connection?: string }) {
  const canSend = useCan('referrals:send');
  if (!canSend) return <NotAllowedPage what="sending referrals" />;
  return <NewReferralPage to={to} connection={connection} />;
}

export function ReferralRoutePage({ referralId }: { referralId: string }) {
  const canRead = useCan('referrals:read');
  if (!canRead) return <NotAllowedPage what="referrals" />;
  // A new id, a new page: nothing of the last referral's dialogs or notices carries over.
  return <ReferralPage key={referralId} referralId={referralId} />;
}
