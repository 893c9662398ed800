import type { ReferralBox, ReferralFilters, ReferralSource, ReferralStatus } from '../../api/referrals';
import { searchOneOf, searchText } from '../../components/search-params';

// Here rather than in labels.ts (which re-exports them): see deals/deal-search.ts.
export const referralStatusList = [
  'submitted',
  'accepted',
  'rejected',
  'converted',
] as const satisfies readonly ReferralStatus[];

export const referralSourceList = ['partner', 'locator'] as const satisfies readonly ReferralSource[];

const boxes = ['inbox', 'outbox', 'all'] as const satisfies readonly ReferralBox[];

/** The referral list's filters live in the URL, so a filtered list can be bookmarked and shared. */
export function parseReferralSearch(search: Record<string, unknown>): ReferralFilters {
  return {
    box: searchOneOf(boxes, search.box),
    status: searchOneOf(referralStatusList, search.status),
    source: searchOneOf(referralSourceList, search.source),
    q: searchText(search.q),
  };
}

/** Whether the list is narrowed beyond the chosen tab. */
export const hasFilters = (filters: ReferralFilters) =>
  Boolean(filters.status || filters.source || filters.q);

/** `/referrals/new?to=<organization id>` preselects the recipient (e.g. from a marketplace profile). */
const idLike = (v: string | undefined) => (v && /^[\w-]{1,64}$/.test(v) ? v : undefined);

/** `to` preselects the recipient; `connection` sends the referral under that connection (its fee terms apply). */
export function parseNewReferralSearch(search: Record<string, unknown>): {
  to?: string;
  connection?: string;
} {
  return { to: idLike(searchText(search.to)), connection: idLike(searchText(search.connection)) };
}
