import { eq, or, sql } from 'drizzle-orm';
import type { Actor } from '../../lib/actor';
import { deals, referrals } from './deals.tables';

/** Whose eyes a view is for: the vendor's staff, or the users of one partner organization. */
export type Viewer = Pick<Actor, 'orgKind' | 'orgId'>;

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

type DealRow = typeof deals.$inferSelect;

/** A deal's fields that not every viewer of the deal reads. */
export type RedactedDealField =
  'externalId' | 'notes' | 'decisionReason' | 'lostReason' | 'extensionReason' | 'registeredByUserId';

/**
 * The fields of a visible deal hidden from a viewer (product.md): the id in the
 * vendor's other system is the vendor's; notes, the reasons given (rejection,
 * loss, extension request) and the registering person are the registrant's and
 * the vendor's: an involved partner reads the customer, amount and status.
 */
export function hiddenDealFields(viewer: Viewer, deal: Pick<DealRow, 'registeredByOrgId'>) {
  const hidden = new Set<RedactedDealField>();
  if (viewer.orgKind === 'vendor') return hidden;
  hidden.add('externalId');
  if (deal.registeredByOrgId !== viewer.orgId) {
    for (const f of [
      'notes',
      'decisionReason',
      'lostReason',
      'extensionReason',
      'registeredByUserId',
    ] as const)
      hidden.add(f);
  }
  return hidden;
}

export type RedactedDeal = Omit<DealRow, 'notes'> & { notes: string | null };

/**
 * A deal as a viewer may read it, hidden fields set to null. Every view of a
 * deal is built from this: the record itself, its timeline, the notices and
 * e-mails about it, and exports (which read the record).
 */
export function redactDeal(viewer: Viewer, deal: DealRow): RedactedDeal {
  const out: RedactedDeal = { ...deal };
  for (const f of hiddenDealFields(viewer, deal)) out[f] = null;
  return out;
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

type ReferralRow = typeof referrals.$inferSelect;

/**
 * A referral as a viewer may read it: both parties read it whole except the
 * vendor's external id, and the referring person, who is named to their own
 * organization and the vendor (the recipient learns the referring organization).
 */
export function redactReferral(viewer: Viewer, r: ReferralRow): ReferralRow {
  if (viewer.orgKind === 'vendor') return r;
  return {
    ...r,
    externalId: null,
    referrerUserId: viewer.orgId === r.referrerOrgId ? r.referrerUserId : null,
  };
}

/**
 * Partner organizations a partner may name on its own records (a referral's
 * recipient, a partner on its deal): active and listed in the marketplace, or
 * one it already deals with by name. Any other is answered as not existing.
 */
export function namablePartner(actorOrgId: string, orgId: string) {
  return sql`exists (select 1 from organizations o where o.id = ${orgId} and o.kind = 'partner'
    and o.status = 'active' and (
      exists (select 1 from partner_profiles p where p.organization_id = o.id and p.status = 'published')
      or o.id in (select id from (${counterpartIds(actorOrgId)}) c)))`;
}

/** The partner organizations `org` already deals with by name (referrals, connections, shared deals). */
export function counterpartIds(org: string) {
  return sql`
    select recipient_org_id as id from referrals where referrer_org_id = ${org}
    union select referrer_org_id from referrals where recipient_org_id = ${org} and referrer_org_id is not null
    union select other.organization_id from deal_involvements mine
      join deal_involvements other on other.deal_id = mine.deal_id and other.status = 'confirmed'
      where mine.organization_id = ${org} and mine.status = 'confirmed'
    union select case when requester_org_id = ${org} then recipient_org_id else requester_org_id end
      from connections where status = 'active' and (requester_org_id = ${org} or recipient_org_id = ${org})`;
}
