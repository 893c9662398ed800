import { and, eq, type Placeholder } from 'drizzle-orm';
import type { Actor } from '../../lib/actor';
import { organizations } from './organizations.tables';

/**
 * Partner organizations an actor may see (product.md, "Who may see what"):
 * vendor staff see every partner; a partner's users see their own organization.
 * Other partners become visible through published marketplace profiles, which
 * have their own resource.
 */
export function visiblePartners(actor: Pick<Actor, 'orgKind' | 'orgId'>) {
  return visiblePartnersTo(actor.orgKind, actor.orgId);
}

/** visiblePartners with the actor's organization as a value or a prepared statement's placeholder. */
export function visiblePartnersTo(orgKind: Actor['orgKind'], orgId: string | Placeholder) {
  const partner = eq(organizations.kind, 'partner');
  return orgKind === 'vendor' ? partner : and(partner, eq(organizations.id, orgId));
}

/** Whether the actor may change this partner, once it is known to be visible. */
export function mayChangePartner(actor: Actor, org: { id: string; channelManagerId: string | null }) {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'channel_manager':
      return org.channelManagerId === actor.userId;
    case 'partner_admin':
      return org.id === actor.orgId;
    default:
      return false;
  }
}
