import { sql, type SQL } from 'drizzle-orm';
import type { Segment } from '@partnergraph/shared/contracts/community';
import type { Queryable } from '../../db/client';
import { invalid } from '../../lib/errors';
import { isId } from '../../lib/ids';
import { findPartnerTypeNamesByCodes } from '../organizations/organizations.repository';
import { findProgramNamesByIds, findTierNamesByIds } from '../programs/programs.repository';
import type { SegmentSpec } from './community.tables';

/**
 * Whether an organization falls in a segment stored as jsonb: every non-empty
 * list must match (any entry within it). Programs and tiers count through
 * active enrollments, so a partner promoted to Gold joins the Gold audience
 * at once and one demoted leaves it.
 */
// Inner aliases start with s: `orgId` may be a column of an outer query's `o` or `e`.
export function orgInSegment(segment: SQL | unknown, orgId: SQL | string): SQL {
  const seg = sql`${segment}`;
  const org = typeof orgId === 'string' ? sql`${orgId}::uuid` : orgId;
  const list = (key: string) => sql`(select jsonb_array_elements_text(${seg} -> ${key}))`;
  const empty = (key: string) => sql`coalesce(jsonb_array_length(${seg} -> ${key}), 0) = 0`;
  return sql`(${seg} is null or (
    (${empty('partnerTypes')} or exists (select 1 from organization_partner_types sopt
      where sopt.organization_id = ${org} and sopt.type_code in ${list('partnerTypes')}))
    and (${empty('countries')} or (select so.country from organizations so where so.id = ${org}) in ${list('countries')})
    and (${empty('programIds')} or exists (select 1 from enrollments se where se.organization_id = ${org}
      and se.status = 'active' and se.program_id::text in ${list('programIds')}))
    and (${empty('tierIds')} or exists (select 1 from enrollments se where se.organization_id = ${org}
      and se.status = 'active' and se.tier_id::text in ${list('tierIds')}))
  ))`;
}

/** Refuses a segment naming a partner type, program or tier that does not exist (400 naming the field). */
export async function checkSegment(q: Queryable, segment: Segment, path: string): Promise<SegmentSpec> {
  const errors: { path: string; message: string }[] = [];
  if (segment.partnerTypes.length) {
    const found = await findPartnerTypeNamesByCodes(q, segment.partnerTypes);
    const known = new Set(found.map((r) => r.code));
    segment.partnerTypes.forEach((c, i) => {
      if (!known.has(c)) errors.push({ path: `${path}.partnerTypes.${i}`, message: `No partner type ${c}` });
    });
  }
  const ids = async (
    list: string[],
    key: string,
    find: typeof findProgramNamesByIds | typeof findTierNamesByIds,
    what: string,
  ) => {
    const valid = list.filter(isId);
    const found = valid.length ? await find(q, valid) : [];
    const known = new Set(found.map((r) => r.id));
    list.forEach((id, i) => {
      if (!known.has(id)) errors.push({ path: `${path}.${key}.${i}`, message: `No such ${what}` });
    });
  };
  await ids(segment.programIds, 'programIds', findProgramNamesByIds, 'program');
  await ids(segment.tierIds, 'tierIds', findTierNamesByIds, 'tier');
  if (errors.length) throw invalid(errors);
  return {
    partnerTypes: [...new Set(segment.partnerTypes)],
    programIds: [...new Set(segment.programIds)],
    tierIds: [...new Set(segment.tierIds)],
    countries: [...new Set(segment.countries)],
  };
}

/** "Reseller · Reseller Program: Gold · DE, FR" — names looked up once per call. */
export async function labelSegments(q: Queryable, segments: (SegmentSpec | null)[]) {
  const typeCodes = new Set<string>();
  const tierIds = new Set<string>();
  const programIds = new Set<string>();
  for (const s of segments) {
    if (!s) continue;
    s.partnerTypes.forEach((c) => typeCodes.add(c));
    s.tierIds.forEach((id) => tierIds.add(id));
    s.programIds.forEach((id) => programIds.add(id));
  }
  const typeNames = new Map(
    typeCodes.size ? (await findPartnerTypeNamesByCodes(q, [...typeCodes])).map((r) => [r.code, r.name]) : [],
  );
  const tierNames = new Map(
    tierIds.size
      ? (await findTierNamesByIds(q, [...tierIds])).map((r) => [r.id, `${r.program}: ${r.name}`])
      : [],
  );
  const programNames = new Map(
    programIds.size ? (await findProgramNamesByIds(q, [...programIds])).map((r) => [r.id, r.name]) : [],
  );
  return segments.map((s) => {
    if (!s) return null;
    const parts = [
      s.partnerTypes.map((c) => typeNames.get(c) ?? c).join(' or '),
      s.programIds.map((id) => programNames.get(id) ?? 'a removed program').join(' or '),
      s.tierIds.map((id) => tierNames.get(id) ?? 'a removed tier').join(' or '),
      s.countries.join(', '),
    ].filter(Boolean);
    return { ...s, label: parts.length ? parts.join(' · ') : 'Every partner' };
  });
}
