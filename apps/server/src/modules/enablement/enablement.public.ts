import type { Queryable } from '../../db/client';
import { countCertifiedByType, findCertificationTypesByCode } from './certifications.repository';

// Enablement's door for other modules (lead routing, the marketplace): certified people counted per
// partner and type, never the certification rows themselves, so who holds what stays enablement's.
// A certification counts while in force (issued, not expired, not revoked) and only for an active
// person of the organization, exactly as the tier engine's `certified_users` counts it.

export interface CertifiedCount {
  code: string;
  name: string;
  people: number;
}

/** Certified people per partner and type on `day` (default today), for the partners named (or all). */
export async function certifiedPeopleByType(
  q: Queryable,
  organizationIds: string[] | null,
  day = new Date().toISOString().slice(0, 10),
): Promise<Map<string, CertifiedCount[]>> {
  const out = new Map<string, CertifiedCount[]>();
  if (organizationIds && !organizationIds.length) return out;
  for (const r of await countCertifiedByType(q, organizationIds, day)) {
    const list = out.get(r.organizationId) ?? [];
    list.push({ code: r.code, name: r.name, people: r.people });
    out.set(r.organizationId, list);
  }
  return out;
}

/** The vendor's certification type codes (lower case), to check a rule or a filter that names one. */
export async function certificationTypeCodes(q: Queryable): Promise<Set<string>> {
  return new Set((await findCertificationTypesByCode(q)).keys());
}

/** Certification type names by code (lower case): the labels of a filter by certification. */
export async function certificationTypeNames(q: Queryable): Promise<Map<string, string>> {
  return new Map([...(await findCertificationTypesByCode(q))].map(([code, t]) => [code, t.name]));
}
