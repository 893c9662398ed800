import { eq, or, sql } from 'drizzle-orm';
import { isVendor, type Actor } from '../../lib/actor';
import { connections, integrationListings, solutions, type solutionMembers } from './marketplace.tables';

// Who sees which of the marketplace's rows and fields. The vendor's staff see the whole marketplace; a
// partner what is published, and its own. (A profile's draft and snapshot: seesDraft; search and the
// public locator read only the published snapshot's columns, so no rule of a draft can leak there.)

/** The organization's own staff and the vendor read a profile's draft; everyone else only what is published. */
export const seesDraft = (actor: Actor, orgId: string) => isVendor(actor) || actor.orgId === orgId;

/** A connection is visible to both of its parties and the vendor. */
export function visibleConnections(actor: Actor) {
  if (isVendor(actor)) return undefined;
  return or(eq(connections.requesterOrgId, actor.orgId), eq(connections.recipientOrgId, actor.orgId));
}

/** The id a connection has in the vendor's other system is the vendor's: a partner reads null. */
export const seesConnectionExternalId = (actor: Actor) => isVendor(actor);

/** Vendor staff may read any partner's connection boxes; a partner only its own. */
export const readsConnectionsOfAnyPartner = (actor: Actor) => isVendor(actor);

/** Published listings are everyone's catalog; drafts and reviews stay with their owner and the vendor. */
export function visibleListings(actor: Actor) {
  if (isVendor(actor)) return undefined;
  return or(eq(integrationListings.status, 'published'), eq(integrationListings.organizationId, actor.orgId));
}

/** Which accounts run an integration: the vendor and the listing partner; others see the count on the listing. */
export const seesInstallsOf = (actor: Actor, listing: { organizationId: string }) =>
  isVendor(actor) || listing.organizationId === actor.orgId;

/** Published solutions are in the marketplace; a pending one is seen by its members and the vendor. */
export function visibleSolutions(actor: Actor) {
  if (isVendor(actor)) return undefined;
  return or(
    eq(solutions.status, 'published'),
    sql`exists (select 1 from solution_members m where m.solution_id = ${solutions.id} and m.organization_id = ${actor.orgId})`,
  );
}

/**
 * A member of a solution no longer active is not shown to other partners (its organization is not
 * theirs to see); the vendor and that member itself still see it.
 */
export function seesSolutionMember(
  actor: Actor,
  m: { status: string; m: Pick<typeof solutionMembers.$inferSelect, 'organizationId'> },
) {
  return m.status === 'active' || isVendor(actor) || m.m.organizationId === actor.orgId;
}
