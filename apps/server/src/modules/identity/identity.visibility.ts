import { eq } from 'drizzle-orm';
import { isVendor, type Actor } from '../../lib/actor';
import { invitations, users } from './identity.tables';

/** Vendor staff see every user; a partner's users see only their own organization's. */
export function visibleUsers(actor: Actor) {
  return isVendor(actor) ? undefined : eq(users.organizationId, actor.orgId);
}

/** Vendor staff see every invitation; a partner admin those of its own organization. */
export function visibleInvitations(actor: Actor) {
  return isVendor(actor) ? undefined : eq(invitations.organizationId, actor.orgId);
}
