import { eq, or, sql } from 'drizzle-orm';
import { isVendor, type Actor } from '../../lib/actor';
import { agreementAcceptances, enrollments, programs } from './programs.tables';

/** Vendor staff see every program; a partner sees published ones and those it is enrolled in. */
export function visiblePrograms(actor: Actor) {
  if (isVendor(actor)) return undefined;
  return or(
    eq(programs.status, 'published'),
    sql`exists (select 1 from ${enrollments} e where e.program_id = ${programs.id} and e.organization_id = ${actor.orgId})`,
  );
}

/** Vendor staff see every enrollment; a partner its own organization's. */
export function visibleEnrollments(actor: Actor) {
  return isVendor(actor) ? undefined : eq(enrollments.organizationId, actor.orgId);
}

/** How many organizations each program enrolls is the vendor's figure: a partner reads programs without it. */
export const seesEnrollmentCounts = (actor: Actor) => isVendor(actor);

/** Acceptances of an agreement: vendor staff read every organization's, a partner its own. */
export function visibleAcceptances(actor: Actor) {
  return isVendor(actor) ? undefined : eq(agreementAcceptances.organizationId, actor.orgId);
}

/** Admins manage every enrollment; channel managers those of partners assigned to them. */
export function mayManageEnrollment(actor: Actor, org: { channelManagerId: string | null }) {
  return (
    actor.role === 'admin' || (actor.role === 'channel_manager' && org.channelManagerId === actor.userId)
  );
}
