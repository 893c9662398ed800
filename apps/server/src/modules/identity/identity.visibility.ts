import { eq } from 'drizzle-orm';
import type { Actor } from '../../lib/actor';
import { users } from './identity.tables';

/** Vendor staff see every user; a partner's users see only their own organization's. */
export function visibleUsers(actor: Actor) {
  return actor.orgKind === 'vendor' ? undefined : eq(users.organizationId, actor.orgId);
}
