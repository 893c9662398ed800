import { sql } from 'drizzle-orm';
import type { benefitKinds } from '@partnergraph/shared/contracts/programs';
import type { Queryable } from '../../db/client';

export interface BestBenefit {
  value: number;
  /** Where it comes from, in words: "Gold tier of Referral Program". */
  source: string;
}

/**
 * The benefit an organization draws on (product.md): where it is in several
 * programs, the best value of that kind among its active enrollments' tiers.
 */
export async function bestBenefit(
  q: Queryable,
  organizationId: string,
  kind: (typeof benefitKinds)[number],
): Promise<BestBenefit | null> {
  const result = await q.execute<{ value: string; tier: string; program: string }>(sql`
    select (b->>'value')::numeric as value, t.name as tier, p.name as program
    from enrollments e
    join program_tiers t on t.id = e.tier_id
    join programs p on p.id = e.program_id
    cross join lateral jsonb_array_elements(t.benefits) b
    where e.organization_id = ${organizationId} and e.status = 'active'
      and b->>'kind' = ${kind} and b ? 'value'
    order by (b->>'value')::numeric desc, p.name
    limit 1`);
  const row = result.rows[0];
  return row ? { value: Number(row.value), source: `${row.tier} tier of ${row.program}` } : null;
}

/**
 * The tier names an organization held at a moment (the end of a rebate's quarter), read from the tier
 * history rather than the enrollment's tier now, so a promotion or demotion after the period does not
 * change what the period earned. An enrollment counts if it had a tier by then and was still live:
 * active now, or suspended or terminated only after that moment (enrollments keep no status history,
 * so its last change standing after the moment is the evidence it was live then).
 */
export async function findTierNamesAt(q: Queryable, organizationId: string, at: Date): Promise<string[]> {
  const result = await q.execute<{ name: string }>(sql`
    select distinct t.name from enrollments e
    join lateral (
      select h.to_tier_id from tier_history h
      where h.enrollment_id = e.id and h.at < ${at}
      order by h.at desc, h.id desc limit 1) h on true
    join program_tiers t on t.id = h.to_tier_id
    where e.organization_id = ${organizationId}
      and (e.status = 'active' or (e.status in ('suspended', 'terminated') and e.updated_at >= ${at}))
    order by t.name`);
  return result.rows.map((r) => r.name);
}

/** Active partners holding a tier of this name (in the program, when named): who a tier's budget serves. */
export async function findOrganizationsAtTier(
  q: Queryable,
  tierName: string,
  programId: string | null,
): Promise<string[]> {
  const result = await q.execute<{ id: string }>(sql`
    select distinct e.organization_id as id from enrollments e
    join program_tiers t on t.id = e.tier_id
    where e.status = 'active' and lower(t.name) = lower(${tierName})
      ${programId ? sql`and e.program_id = ${programId}` : sql``}`);
  return result.rows.map((r) => r.id);
}
