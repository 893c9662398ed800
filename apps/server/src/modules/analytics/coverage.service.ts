import { sql } from 'drizzle-orm';
import type { CoverageReport } from '@partnergraph/shared/contracts/analytics';
import type { Queryable } from '../../db/client';
import { readSettings } from '../settings/settings.service';
import { type Scope, periodOf } from './period';
import { activePartner, partnerMatch, ratio, value } from './sql';

const key = (country: string, industry: string) => `${country}|${industry}`;

/**
 * Market coverage (metrics.md), as of now: the cells active partners serve —
 * every (country × industry) of their profile (the published version, else the
 * working draft) — beside the vendor's configured direct cells. Partner cells
 * are aggregated in SQL; at most 250 × 20 distinct cells reach Node.
 */
export async function coverageReport(q: Queryable, scope: Scope): Promise<CoverageReport> {
  const settings = await readSettings(q);
  // One pass: what each active partner serves, then its cells, its countries and the partner count.
  const res = await q.execute<{
    kind: 'cell' | 'country' | 'partners';
    country: string;
    industry: string;
    n: number;
  }>(sql`
    with partners as (
      select o.id from organizations o
      where o.kind = 'partner' and ${activePartner(sql`o.id`)} and ${partnerMatch(sql`o.id`, scope.filters)}
    ),
    served as (
      select distinct p.id, c.country, i.industry
      from partners p
      join partner_profiles pp on pp.organization_id = p.id
      cross join lateral jsonb_array_elements_text(coalesce(pp.published, pp.draft)->'countries') as c(country)
      cross join lateral jsonb_array_elements_text(coalesce(pp.published, pp.draft)->'industries') as i(industry)
    )
    select 'cell' as kind, country, industry, count(*)::int as n from served group by 2, 3
    union all
    select 'country', country, null, count(distinct id)::int from served group by 2
    union all
    select 'partners', null, null, count(*)::int from partners`);
  const cellRows = res.rows.filter((r) => r.kind === 'cell');
  const activePartners = res.rows.find((r) => r.kind === 'partners')?.n ?? 0;

  const direct = new Set(settings.directCoverage.map((c) => key(c.country, c.industry)));
  const directCountries = new Set(settings.directCoverage.map((c) => c.country));
  const directIndustries = new Set(settings.directCoverage.map((c) => c.industry));
  const partnerCells = new Map(cellRows.map((r) => [key(r.country, r.industry), r]));

  const union = new Set([...direct, ...partnerCells.keys()]);
  const unionCountries = new Set([...union].map((k) => k.split('|')[0]!));
  const unionIndustries = new Set([...union].map((k) => k.split('|')[1]!));

  const hasDirect = direct.size > 0;
  const denominatorReason = 'No direct coverage is configured';
  const multiplier = hasDirect
    ? {
        cells: ratio(union.size, direct.size, denominatorReason),
        countries: ratio(unionCountries.size, directCountries.size, denominatorReason),
        industries: ratio(unionIndustries.size, directIndustries.size, denominatorReason),
      }
    : // metrics.md: with no direct coverage the denominator is 1 and the figure is "cells covered".
      {
        cells: value(union.size),
        countries: value(unionCountries.size),
        industries: value(unionIndustries.size),
      };

  const countries = new Map<string, { country: string; partners: number; cells: number; direct: boolean }>();
  const partnersIn = new Map(res.rows.filter((r) => r.kind === 'country').map((r) => [r.country, r.n]));
  for (const k of union) {
    const [country] = k.split('|') as [string, string];
    const entry = countries.get(country) ?? {
      country,
      partners: partnersIn.get(country) ?? 0,
      cells: 0,
      direct: directCountries.has(country),
    };
    entry.cells += 1;
    countries.set(country, entry);
  }

  const cells = [...union]
    .map((k) => {
      const [country, industry] = k.split('|') as [string, string];
      return { country, industry, partners: partnerCells.get(k)?.n ?? 0, direct: direct.has(k) };
    })
    .sort((a, b) => a.country.localeCompare(b.country) || a.industry.localeCompare(b.industry));

  return {
    period: periodOf(scope),
    asOf: scope.now.toISOString(),
    label: hasDirect ? 'multiplier' : 'cells_covered',
    direct: { cells: direct.size, countries: directCountries.size, industries: directIndustries.size },
    combined: { cells: union.size, countries: unionCountries.size, industries: unionIndustries.size },
    multiplier,
    activePartners,
    countries: [...countries.values()].sort(
      (a, b) => b.partners - a.partners || a.country.localeCompare(b.country),
    ),
    cells,
    gaps: cells
      .filter((c) => c.direct && c.partners === 0)
      .map(({ country, industry }) => ({ country, industry })),
  };
}
