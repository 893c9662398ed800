import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { isVendor, type Actor } from '../../lib/actor';
import { orgInSegment } from '../community/segments';
import {
  certifications,
  contentAssets,
  contentCollections,
  courseCompletions,
  courses,
  learningPaths,
} from './enablement.tables';

// Who sees what of enablement (issue 25). The vendor's staff see everything. A partner sees the
// collections, assets, courses and paths whose segment includes its organization at the time it reads
// (the community's predicate), an asset only until it expires or is retired and a course only once published;
// of people's progress and certifications, its own organization's. Everything else answers 404.

export function visibleCollections(actor: Actor): SQL | undefined {
  if (isVendor(actor)) return undefined;
  return orgInSegment(contentCollections.segment, actor.orgId);
}

/** An asset in a collection the partner may not read is hidden with it. */
export function visibleAssets(actor: Actor): SQL | undefined {
  if (isVendor(actor)) return undefined;
  return and(
    orgInSegment(contentAssets.segment, actor.orgId),
    sql`${contentAssets.retiredAt} is null`,
    or(sql`${contentAssets.expiresOn} is null`, sql`${contentAssets.expiresOn} > current_date`),
    or(
      sql`${contentAssets.collectionId} is null`,
      sql`exists (select 1 from content_collections sc where sc.id = ${contentAssets.collectionId}
        and ${orgInSegment(sql`sc.segment`, actor.orgId)})`,
    ),
  );
}

export function visibleCourses(actor: Actor): SQL | undefined {
  if (isVendor(actor)) return undefined;
  return and(eq(courses.status, 'published'), orgInSegment(courses.segment, actor.orgId));
}

export function visiblePaths(actor: Actor): SQL | undefined {
  if (isVendor(actor)) return undefined;
  return orgInSegment(learningPaths.segment, actor.orgId);
}

/** A partner sees its own people's completions and certifications; the vendor everyone's. */
export function visibleCompletions(actor: Actor): SQL | undefined {
  return isVendor(actor) ? undefined : eq(courseCompletions.organizationId, actor.orgId);
}

export function visibleCertifications(actor: Actor): SQL | undefined {
  return isVendor(actor) ? undefined : eq(certifications.organizationId, actor.orgId);
}

/** Whose progress an actor reads: (organization column) → predicate. */
export function visibleProgressOf(actor: Actor, organizationId: SQL): SQL | undefined {
  return isVendor(actor) ? undefined : sql`${organizationId} = ${actor.orgId}::uuid`;
}

/** The answers of a quiz are the vendor's: partners get the questions only. */
export const seesAnswers = (actor: Actor) => isVendor(actor);

/** Usage analytics: the vendor's across the ecosystem, a partner's for its own people. */
export const seesUsageOf = (actor: Actor) => (isVendor(actor) ? null : actor.orgId);
