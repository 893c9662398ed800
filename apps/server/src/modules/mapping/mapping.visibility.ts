import { eq, or } from 'drizzle-orm';
import { levelRank, type SharingLevel } from '@partnergraph/shared/contracts/mapping';
import type { Actor } from '../../lib/actor';
import { mappingPartnerships, mappingPopulations } from './mapping.tables';

// Who sees what in account mapping. A partnership, its runs, results and overlaps are seen by its two
// organizations only (the vendor's staff are one of them in every vendor ↔ partner partnership; a
// partner ↔ partner one is the two partners' alone). Populations are managed by their own organization;
// the counterpart sees their names and levels through the partnership, never their accounts.

export function visiblePartnerships(actor: Actor) {
  return or(eq(mappingPartnerships.orgAId, actor.orgId), eq(mappingPartnerships.orgBId, actor.orgId));
}

export function ownPopulations(actor: Actor) {
  return eq(mappingPopulations.organizationId, actor.orgId);
}

export interface OverlapView {
  account: { name: string; domains: string[]; fields: Record<string, string> };
  partnerFields: Record<string, string>;
}

/**
 * An overlap as the viewer may see it. The vendor sees its own account whole and what the partner shared.
 * The partner sees the vendor's account only as far as the vendor's level for that population shares it:
 * "overlaps" shows the chosen fields, "full" everything; below that only that the match exists (which its
 * own browser computed anyway).
 */
export function redactOverlap(
  viewerIsAccountOwner: boolean,
  ownerLevel: { level: SharingLevel; sharedFields: readonly string[] },
  o: OverlapView,
) {
  if (viewerIsAccountOwner)
    return {
      account: { ...o.account, name: o.account.name as string | null },
      partnerFields: o.partnerFields,
    };
  const rank = levelRank(ownerLevel.level);
  if (rank < levelRank('overlaps'))
    return { account: { name: null, domains: [], fields: {} }, partnerFields: o.partnerFields };
  const all = rank >= levelRank('full');
  const shown = (f: string) => all || ownerLevel.sharedFields.includes(f);
  return {
    account: {
      name: shown('name') ? o.account.name : null,
      domains: o.account.domains,
      fields: Object.fromEntries(Object.entries(o.account.fields).filter(([k]) => shown(k))),
    },
    partnerFields: o.partnerFields,
  };
}
