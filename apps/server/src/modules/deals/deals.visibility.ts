import { eq, or, sql } from 'drizzle-orm';
import type { Actor } from '../../lib/actor';
import { deals, referrals } from './deals.tables';

/**
 * Deals an actor may see (product.md): the vendor's staff every deal; a
 * partner the deals it registered and those it is confirmed as involved on.
 * A proposed involvement shows nothing until the vendor confirms it.
 */
export function visibleDeals(actor: Actor) {
  if (actor.orgKind === 'vendor') return undefined;
  return or(
    eq(deals.registeredByOrgId, actor.orgId),
    sql`exists (select 1 from deal_involvements i where i.deal_id = ${deals.id}
      and i.organization_id = ${actor.orgId} and i.status = 'confirmed')`,
  );
}

/** Admins review every deal; channel managers those registered by partners assigned to them. */
export function mayReviewDeal(actor: Actor, registrant: { kind: string; channelManagerId: string | null }) {
  if (actor.role === 'admin') return true;
  if (actor.role !== 'channel_manager') return false;
  // Vendor-recorded deals belong to the whole vendor team.
  return registrant.kind === 'vendor' || registrant.channelManagerId === actor.userId;
}

/** A referral is visible to both of its parties and the vendor. */
export function visibleReferrals(actor: Actor) {
  if (actor.orgKind === 'vendor') return undefined;
  return or(eq(referrals.referrerOrgId, actor.orgId), eq(referrals.recipientOrgId, actor.orgId));
}
