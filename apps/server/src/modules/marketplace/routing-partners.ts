import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { organizationsView } from '../organizations/organizations.repository';
import { partnerProfiles } from './marketplace.tables';

/**
 * Partners a lead may be routed to, as their published profiles show them:
 * active organizations with a published snapshot (types, countries served,
 * specializations). A draft never routes a lead, as it never reaches search.
 */
export async function findRoutablePartners(q: Queryable, onlyIds?: string[]) {
  const rows = await q
    .select({
      organizationId: partnerProfiles.organizationId,
      name: organizationsView.name,
      types: partnerProfiles.types,
      countries: partnerProfiles.countries,
      specializations: sql<
        string[]
      >`coalesce(array(select jsonb_array_elements_text(${partnerProfiles.published}->'specializations')), '{}')`,
    })
    .from(partnerProfiles)
    .innerJoin(organizationsView, eq(organizationsView.id, partnerProfiles.organizationId))
    .where(
      and(
        eq(partnerProfiles.status, 'published'),
        eq(organizationsView.status, 'active'),
        eq(organizationsView.kind, 'partner'),
        onlyIds ? inArray(partnerProfiles.organizationId, onlyIds) : undefined,
      ),
    );
  return rows;
}
