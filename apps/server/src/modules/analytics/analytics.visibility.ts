import { isVendor, type Actor } from '../../lib/actor';

/**
 * Analytics are aggregates over every partner's deals and referrals: the reports are the vendor
 * staff's (the `analytics:read` permission). The one thing a partner reads is its own scorecard:
 * asked for another partner's, it answers as if that partner did not exist.
 */
export function mayReadScorecard(actor: Actor, partnerId: string): boolean {
  return isVendor(actor) || actor.orgId === partnerId;
}
