import { eq, or, sql, type Placeholder } from 'drizzle-orm';
import type { Actor } from '../../lib/actor';
import { deals, referrals, type dealInvolvements } from './deals.tables';

/** Whose eyes a view is for: the vendor's staff, or the users of one partner organization. */
export type Viewer = Pick<Actor, 'orgKind' | 'orgId'>;

/** The vendor's staff see every deal, referral and involvement; a partner only its own share of them. */
export const seesWholeEcosystem = (viewer: Viewer) => viewer.orgKind === 'vendor';

/**
 * The vendor's staff act for the vendor: a deal they record needs no review,
 * a partner they add is confirmed, and they answer the referrals sent to the vendor.
 */
export const actsForVendor = (actor: Viewer) => actor.orgKind === 'vendor';

/**
 * Deals an actor may see (product.md): the vendor's staff every deal; a
 * partner the deals it registered, those it is confirmed as involved on, and
 * those the vendor invited it onto (a proposal by the vendor: the vendor chose
 * to record it as involved, pending its answer). A proposal by a partner, the
 * invited partner's own request included, shows nothing until the vendor
 * confirms it.
 */
export function visibleDeals(actor: Actor) {
  return visibleDealsTo(actor.orgKind, actor.orgId);
}

/** visibleDeals by the viewer's kind, its organization a value or a prepared statement's placeholder. */
export function visibleDealsTo(orgKind: Actor['orgKind'], orgId: string | Placeholder) {
  if (seesWholeEcosystem({ orgKind, orgId: '' })) return undefined;
  return or(
    eq(deals.registeredByOrgId, orgId),
    sql`exists (select 1 from deal_involvements i where i.deal_id = ${deals.id}
      and i.organization_id = ${orgId} and (i.status = 'confirmed' or (i.status = 'proposed'
        and exists (select 1 from organizations v where v.id = i.proposed_by_org_id and v.kind = 'vendor'))))`,
  );
}

/** An involvement the vendor proposed (an invitation the partner accepts or declines), not a partner. */
export const isVendorInvitation = (
  i: Pick<typeof dealInvolvements.$inferSelect, 'status'>,
  proposerKind: string | null,
) => i.status === 'proposed' && proposerKind === 'vendor';

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
  if (seesWholeEcosystem(viewer)) return hidden;
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

/**
 * Open deals shown as possible conflicts of a customer: a partner sees only
 * its own organization's among them, the vendor's staff every one. `orgId`
 * is a value or a prepared statement's placeholder.
 */
export function visibleConflictCandidatesTo(orgKind: Actor['orgKind'], orgId: string | Placeholder) {
  return seesWholeEcosystem({ orgKind, orgId: '' }) ? undefined : eq(deals.registeredByOrgId, orgId);
}

type InvolvementRow = typeof dealInvolvements.$inferSelect;

/**
 * Involvements a viewer of the deal reads: the vendor every one; a partner the
 * confirmed ones, its own proposals and its own involvement (an invitation it
 * answers), and the registering partner every proposal on its deal.
 */
export function seesInvolvement(
  viewer: Viewer,
  registeredByOrgId: string,
  i: Pick<InvolvementRow, 'status' | 'proposedByOrgId' | 'organizationId'>,
) {
  return (
    seesWholeEcosystem(viewer) ||
    i.status === 'confirmed' ||
    i.proposedByOrgId === viewer.orgId ||
    i.organizationId === viewer.orgId ||
    registeredByOrgId === viewer.orgId
  );
}

/** A note on an involvement is read by the vendor and by the organization that wrote it. */
export function seesInvolvementNote(viewer: Viewer, i: Pick<InvolvementRow, 'notedByOrgId'>) {
  return seesWholeEcosystem(viewer) || i.notedByOrgId === viewer.orgId;
}

/** Attribution credits on a won deal: the vendor reads every partner's, a partner its own. */
export function seesCreditOf(viewer: Viewer, organizationId: string) {
  return seesWholeEcosystem(viewer) || organizationId === viewer.orgId;
}

/** Timeline entries the vendor alone reads, whoever else sees the deal. */
const vendorOnlyActions = new Set(['deal.protection_override', 'deal.protection_overridden']);

export const isVendorOnlyEntry = (action: string) => vendorOnlyActions.has(action);

export interface TimelineEntry {
  action: string;
  actorOrgId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * An entry of a deal's timeline a viewer of the deal reads. Proposals are the
 * proposer's, the registrant's and the vendor's until confirmed (the
 * involvement's rule): others read neither a proposal nor its withdrawal.
 */
export function seesTimelineEntry(
  viewer: Viewer,
  deal: Pick<DealRow, 'registeredByOrgId'>,
  e: TimelineEntry,
) {
  if (isVendorOnlyEntry(e.action)) return seesWholeEcosystem(viewer);
  if (seesWholeEcosystem(viewer) || deal.registeredByOrgId === viewer.orgId) return true;
  if (
    e.action !== 'deal.involvement_proposed' &&
    e.action !== 'deal.involvement_removed' &&
    e.action !== 'deal.involvement_declined'
  )
    return true;
  const about = (e.after ?? e.before ?? {}) as { organizationId?: string; status?: string };
  const mine = about.organizationId === viewer.orgId || e.actorOrgId === viewer.orgId;
  return mine || (e.action === 'deal.involvement_removed' && about.status === 'confirmed');
}

/** People are named to their own organization and to the vendor's staff; to others, the organization. */
export function namesPersonIn(viewer: Viewer, e: { actorOrgId: string | null; actorOrgKind: string | null }) {
  return seesWholeEcosystem(viewer) || e.actorOrgId === viewer.orgId || e.actorOrgKind === 'vendor';
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
  if (seesWholeEcosystem(actor)) return undefined;
  return or(eq(referrals.referrerOrgId, actor.orgId), eq(referrals.recipientOrgId, actor.orgId));
}

/** A viewer's referral inbox: those sent to it (the vendor's staff: those sent to the vendor). */
export function referralInbox(actor: Actor) {
  return seesWholeEcosystem(actor) ? eq(referrals.toVendor, true) : eq(referrals.recipientOrgId, actor.orgId);
}

/** A viewer's referral outbox: those it sent (the vendor sends none). */
export function referralOutbox(actor: Actor) {
  return seesWholeEcosystem(actor) ? sql`false` : eq(referrals.referrerOrgId, actor.orgId);
}

type ReferralRow = typeof referrals.$inferSelect;

/**
 * A referral as a viewer may read it: both parties read it whole except the
 * vendor's external id, and the referring person, who is named to their own
 * organization and the vendor (the recipient learns the referring organization).
 */
export function redactReferral(viewer: Viewer, r: ReferralRow): ReferralRow {
  if (seesWholeEcosystem(viewer)) return r;
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
