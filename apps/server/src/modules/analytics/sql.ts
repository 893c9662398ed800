// SQL building blocks every metric shares, so that two screens can never
// compute "won in P", "open at t", a conversion or a filter two ways.
import { sql, type SQL } from 'drizzle-orm';
import { currencies, currencyDigits } from '@partnergraph/shared/money-format';
import type { Figure } from '@partnergraph/shared/contracts/analytics';
import type { Filters } from './period';

/** ISO 4217 exponents as SQL: most currencies have 2, the exceptions are listed. */
const digitsSql = (column: SQL) => {
  const odd = currencies.filter((c) => c.digits !== 2);
  return sql`(case ${column} ${sql.join(
    odd.map((c) => sql`when ${c.code} then ${sql.raw(String(c.digits))}`),
    sql` `,
  )} else 2 end)`;
};

/**
 * `rates(currency, valid_from, valid_to, factor)`: each rate into the
 * reporting currency with the date the next one takes over, and `factor`
 * turning minor units of the currency into minor units of the reporting one
 * exactly (numeric). The reporting currency itself is always 1.
 */
export function ratesCte(reporting: string): SQL {
  return sql`rates as (
    select currency, effective_date as valid_from,
      lead(effective_date) over (partition by currency order by effective_date) as valid_to,
      rate * power(10::numeric, ${currencyDigits(reporting)}::int - ${digitsSql(sql`currency`)}) as factor
    from fx_rates where reporting_currency = ${reporting}
    union all
    select ${reporting}::text, '-infinity'::date, null::date, 1::numeric
  )`;
}

/** Joins the rate in force on `dateExpr` for deal alias `d`. */
export const rateJoin = (dateExpr: SQL) =>
  sql`join rates r on r.currency = d.currency and r.valid_from <= ${dateExpr}
    and (r.valid_to is null or ${dateExpr} < r.valid_to)`;

/** An organization (by id expression) matches the partner filters: primary type, active enrollment in a program or at a tier. */
export function partnerMatch(org: SQL, f: Filters): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.partnerType)
    parts.push(sql`exists (select 1 from organization_partner_types pt
      where pt.organization_id = ${org} and pt.is_primary and pt.type_code = ${f.partnerType})`);
  if (f.programId)
    parts.push(sql`exists (select 1 from enrollments en
      where en.organization_id = ${org} and en.status = 'active' and en.program_id = ${f.programId}::uuid)`);
  if (f.tierId)
    parts.push(sql`exists (select 1 from enrollments en
      where en.organization_id = ${org} and en.status = 'active' and en.tier_id = ${f.tierId}::uuid)`);
  return sql.join(parts, sql` and `);
}

/**
 * The deal set of metrics.md's filters, for deal alias `d`: customer country
 * and industry, then at least one involved partner matching (or, with
 * `sourcedOnly`, the sourced partner). Involvements count once confirmed.
 */
export function dealFilter(f: Filters, opts: { sourcedOnly?: boolean } = {}): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.country) parts.push(sql`d.country = ${f.country}`);
  if (f.industry) parts.push(sql`d.industry = ${f.industry}`);
  if (f.involvedOrg)
    parts.push(sql`exists (select 1 from deal_involvements oi
      where oi.deal_id = d.id and oi.status = 'confirmed' and oi.organization_id = ${f.involvedOrg}::uuid)`);
  if (f.partnerType || f.programId || f.tierId || opts.sourcedOnly) {
    parts.push(sql`exists (select 1 from deal_involvements fi
      where fi.deal_id = d.id and fi.status = 'confirmed'
      ${opts.sourcedOnly ? sql`and fi.role = 'sourced'` : sql``}
      and ${partnerMatch(sql`fi.organization_id`, f)})`);
  }
  return sql.join(parts, sql` and `);
}

/** Active partners (metrics.md): status active with at least one active enrollment. */
export const activePartner = (org: SQL) => sql`exists (select 1 from organizations ao
  where ao.id = ${org} and ao.kind = 'partner' and ao.status = 'active'
  and exists (select 1 from enrollments ae where ae.organization_id = ao.id and ae.status = 'active'))`;

/** The primary type of an organization, `unknown` when it has none. */
export const primaryType = (org: SQL) =>
  sql`coalesce((select pt.type_code from organization_partner_types pt where pt.organization_id = ${org} and pt.is_primary limit 1), 'unknown')`;

// --- figures ---

export const value = (v: number): Figure => ({ value: v });
export const none = (reason: string): Figure => ({ value: null, reason });

export function ratio(numerator: number, denominator: number, reason: string): Figure {
  return denominator === 0 ? none(reason) : value(numerator / denominator);
}

export const NO_WON = 'No won deals in this period';
