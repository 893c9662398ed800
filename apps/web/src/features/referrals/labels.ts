import type { DealStatus } from '@partnergraph/shared/contracts/deals';
import type { ReferralSource, ReferralStatus } from '../../api/referrals';

// Runtime copies of the contract's enums: importing the Zod schemas' values would ship Zod to the
// browser for a list of words. `satisfies` checks every value against the contract's types. The lists the
// referral list's URL accepts live with its parser (referral-search.ts), which loads with the app.
export { referralSourceList, referralStatusList } from './referral-search';

export const referralStatusCopy: Record<ReferralStatus, { label: string; color: string }> = {
  submitted: { label: 'Submitted', color: 'blue' },
  accepted: { label: 'Accepted', color: 'teal' },
  rejected: { label: 'Rejected', color: 'red' },
  converted: { label: 'Converted', color: 'grape' },
};

/** Filter options: which kind of referrals to list. */
export const referralSourceLabels: Record<ReferralSource, string> = {
  partner: 'Partner referrals',
  locator: 'Partner locator leads',
};

/** Where one referral came from. */
export const referralSourceLabel: Record<ReferralSource, string> = {
  partner: 'A partner',
  locator: 'The public partner locator',
};

/** The deal a referral became: its status is the referral's outcome. */
export const dealOutcomeCopy: Record<DealStatus, { label: string; color: string }> = {
  registered: { label: 'Deal registered', color: 'blue' },
  approved: { label: 'Deal approved', color: 'teal' },
  rejected: { label: 'Deal rejected', color: 'red' },
  won: { label: 'Won', color: 'green' },
  lost: { label: 'Lost', color: 'gray' },
  expired: { label: 'Deal expired', color: 'orange' },
};
