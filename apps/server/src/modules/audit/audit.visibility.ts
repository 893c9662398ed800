import { eq } from 'drizzle-orm';
import { isVendor, type Actor } from '../../lib/actor';
import { auditLog } from './audit.tables';

/**
 * The audit log is the vendor's: the route's permission admits vendor roles only, and this filter holds
 * it to that should a partner ever reach a read (a partner would see only its own organization's entries).
 */
export function visibleAudit(actor: Actor) {
  return isVendor(actor) ? undefined : eq(auditLog.actorOrgId, actor.orgId);
}
