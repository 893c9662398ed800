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

/** The tier names an organization holds in its active enrollments ("Gold"), for rules keyed by tier. */
export async function findActiveTierNames(q: Queryable, organizationId: string): Promise<string[]> {
  const result = await q.execute<{ name: string }>(sql`
    select distinct t.name from enrollments e
    join program_tiers t on t.id = e.tier_id
    where e.organization_id = ${organizationId} and e.status = 'active'
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
