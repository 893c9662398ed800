// The partners on a deal: who is involved, in which role, and what the actor may read of it.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Involvement } from '@partnergraph/shared/contracts/deals';
import type { Queryable } from '../../db/client';
import { prepared } from '../../db/prepared';
import type { Actor } from '../../lib/actor';
import {
  organizationKindOf,
  organizationNameOf,
  organizationsView,
} from '../organizations/organizations.repository';
import { dealInvolvements } from './deals.tables';
import { isVendorInvitation, namablePartner, seesInvolvement, seesInvolvementNote } from './deals.visibility';

/**
 * The involvements on these deals, each with its organization's name and its proposer's name and kind.
 * Prepared (every read of a deal asks it): the ids as one array parameter, whatever their number.
 */
export async function involvementsOf(q: Queryable, dealIds: string[]) {
  const rows = await prepared(q, 'deal_involvements_of', (on) =>
    on
      .select({
        involvement: dealInvolvements,
        orgName: organizationsView.name,
        // Null when no organization proposed it.
        proposerName: organizationNameOf(dealInvolvements.proposedByOrgId),
        proposerKind: organizationKindOf(dealInvolvements.proposedByOrgId),
      })
      .from(dealInvolvements)
      .innerJoin(organizationsView, eq(organizationsView.id, dealInvolvements.organizationId))
      .where(sql`${dealInvolvements.dealId} = any(${sql.placeholder('dealIds')}::uuid[])`)
      .orderBy(asc(dealInvolvements.involvedAt), asc(dealInvolvements.organizationId)),
  ).execute({ dealIds });
  return rows.map((r) => ({
    involvement: r.involvement,
    orgName: r.orgName,
    proposerName: r.proposerName ?? null,
    proposerKind: r.proposerKind ?? null,
  }));
}

type InvolvementLoaded = Awaited<ReturnType<typeof involvementsOf>>[number];

/** An involvement as the actor reads it (deals.visibility.ts), or null when it may not. */
export function involvementDto(
  actor: Actor,
  registeredByOrgId: string,
  i: InvolvementLoaded,
): Involvement | null {
  const v = i.involvement;
  if (!seesInvolvement(actor, registeredByOrgId, v)) return null;
  return {
    organization: { id: v.organizationId, name: i.orgName },
    role: v.role,
    status: v.status,
    note: seesInvolvementNote(actor, v) ? v.note : null,
    proposedBy: v.proposedByOrgId ? { id: v.proposedByOrgId, name: i.proposerName ?? '' } : null,
    invitation: isVendorInvitation(v, i.proposerKind),
    involvedAt: v.involvedAt.toISOString(),
    confirmedAt: v.confirmedAt?.toISOString() ?? null,
  };
}

export async function isConfirmedOn(q: Queryable, dealId: string, orgId: string) {
  const [row] = await q
    .select({ role: dealInvolvements.role })
    .from(dealInvolvements)
    .where(
      and(
        eq(dealInvolvements.dealId, dealId),
        eq(dealInvolvements.organizationId, orgId),
        eq(dealInvolvements.status, 'confirmed'),
      ),
    );
  return !!row;
}

export async function confirmedOrgIdsOn(q: Queryable, dealId: string) {
  const rows = await q
    .select({ org: dealInvolvements.organizationId })
    .from(dealInvolvements)
    .where(and(eq(dealInvolvements.dealId, dealId), eq(dealInvolvements.status, 'confirmed')));
  return rows.map((r) => r.org);
}

/** Whether a partner may name `orgId` on its own records (deals.visibility.ts, namablePartner). */
export async function isNamablePartner(q: Queryable, actorOrgId: string, orgId: string) {
  const result = await q.execute<{ ok: boolean }>(sql`select ${namablePartner(actorOrgId, orgId)} as ok`);
  return result.rows[0]?.ok ?? false;
}
