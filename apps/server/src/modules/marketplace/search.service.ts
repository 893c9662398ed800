import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { marketplaceSearchQuery, SearchResult } from '@partnergraph/shared/contracts/marketplace';
import type { Queryable } from '../../db/client';
import { invalid } from '../../lib/errors';
import { industryName } from '../../lib/industries';

type Query = z.output<typeof marketplaceSearchQuery>;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
type Facet = 'type' | 'country' | 'industry' | 'service' | 'badge';

const columns: Record<Facet, SQL> = {
  type: sql.raw('p.types'),
  country: sql.raw('p.countries'),
  industry: sql.raw('p.industries'),
  service: sql.raw('p.services'),
  badge: sql.raw('p.badges'),
};

const list = (v: string | string[] | undefined) =>
  (v === undefined ? [] : Array.isArray(v) ? v : [v])
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 50);

/** The query's words: letters and digits, at most eight, each matched on its own so one typo does not sink the rest. */
export function wordsOf(q: string | undefined) {
  return [
    ...new Set(
      (q ?? '')
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= 2),
    ),
  ].slice(0, 8);
}

/**
 * A word matches a profile by full text (stemmed: "backups" finds "backup")
 * or by trigram word similarity (typos: "bakup" finds "backup").
 */
const wordMatch = (w: string) =>
  sql`(p.search_vector @@ plainto_tsquery('english', ${w}) or ${w} <% p.search_text)`;
const wordScore = (w: string) =>
  sql`greatest(ts_rank(p.search_vector, plainto_tsquery('english', ${w})), word_similarity(${w}, p.search_text))`;

type Cursor = { s: string; id: string };
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(cursor: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (!/^\d+(\.\d+)?$/.test(c.s) || !/^[0-9a-f-]{36}$/.test(c.id)) throw new Error();
    return c;
  } catch {
    throw invalid([{ path: 'cursor', message: 'Not a cursor from a previous page' }]);
  }
}

/**
 * Search over published profiles only: every column read here is filled from
 * the published snapshot (profiles.service.ts), so drafts never reach results,
 * snippets or facets. Ranking blends relevance with the tier's marketplace
 * boost; facets count each dimension under the other filters (pick several
 * countries, see every country's count).
 */
export async function searchProfiles(q: Queryable, query: Query) {
  const words = wordsOf(query.q);
  const filters: Record<Facet, string[]> = {
    type: list(query.type),
    country: list(query.country).map((c) => c.toUpperCase()),
    industry: list(query.industry),
    service: list(query.service),
    badge: list(query.badge),
  };
  const base = [sql`p.status = 'published'`, sql`o.status = 'active'`, ...words.map(wordMatch)];
  const filterOn = (f: Facet) =>
    filters[f].length ? sql`${columns[f]} && ${sql.param(filters[f])}::text[]` : undefined;
  const all = [...base, ...(Object.keys(columns) as Facet[]).map(filterOn)].filter(Boolean) as SQL[];
  const where = (conds: SQL[]) => sql.join(conds, sql` and `);

  const relevance = words.length ? sql.join(words.map(wordScore), sql` + `) : sql`0`;
  const score = sql`round(((1 + ${relevance}) * p.boost)::numeric, 6)`;
  const after = query.cursor
    ? (() => {
        const c = decode(query.cursor);
        return sql`where (r.score < ${c.s}::numeric or (r.score = ${c.s}::numeric and r.organization_id > ${c.id}::uuid))`;
      })()
    : sql``;
  const tsq = words.length ? sql`plainto_tsquery('english', ${words.join(' ')})` : null;

  const rows = await q.execute<{
    organization_id: string;
    name: string;
    published: Record<string, unknown>;
    types: string[];
    badges: string[];
    score: string;
    snippet: string | null;
  }>(sql`
    select * from (
      select p.organization_id, o.name, p.published, p.types, p.badges, ${score} as score,
        ${tsq ? sql`case when p.search_vector @@ ${tsq} then ts_headline('english', coalesce(p.published->>'description', ''), ${tsq}, 'MaxWords=30, MinWords=12, StartSel=«, StopSel=»') end` : sql`null`} as snippet
      from partner_profiles p join organizations o on o.id = p.organization_id
      where ${where(all)}
    ) r ${after}
    order by r.score desc, r.organization_id
    limit ${query.limit + 1}`);

  const [{ n: total } = { n: 0 }] = (
    await q.execute<{ n: number }>(sql`
      select count(*)::int as n from partner_profiles p join organizations o on o.id = p.organization_id
      where ${where(all)}`)
  ).rows;

  const facets = {} as Record<Facet, { value: string; label: string; count: number }[]>;
  const typeNames = new Map(
    (await q.execute<{ code: string; name: string }>(sql`select code, name from partner_types`)).rows.map(
      (t) => [t.code, t.name],
    ),
  );
  for (const f of Object.keys(columns) as Facet[]) {
    const conds = [...base, ...(Object.keys(columns) as Facet[]).filter((g) => g !== f).map(filterOn)].filter(
      Boolean,
    ) as SQL[];
    const counts = await q.execute<{ value: string; count: number }>(sql`
      select v as value, count(*)::int as count
      from partner_profiles p join organizations o on o.id = p.organization_id, unnest(${columns[f]}) v
      where ${where(conds)}
      group by v order by count(*) desc, v limit 50`);
    facets[f] = counts.rows.map((c) => ({
      value: c.value,
      count: c.count,
      label:
        f === 'type'
          ? (typeNames.get(c.value) ?? c.value)
          : f === 'country'
            ? (regionNames.of(c.value) ?? c.value)
            : f === 'industry'
              ? industryName(c.value)
              : c.value,
    }));
  }

  const page = rows.rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const items: SearchResult[] = page.map((r) => {
    const p = r.published as {
      logoUrl?: string | null;
      website?: string | null;
      description?: string;
      services?: string[];
      countries?: string[];
      industries?: string[];
    };
    return {
      organizationId: r.organization_id,
      name: r.name,
      logoUrl: p.logoUrl ?? null,
      website: p.website ?? null,
      description: (p.description ?? '').slice(0, 400),
      partnerTypes: r.types,
      services: p.services ?? [],
      countries: p.countries ?? [],
      industries: p.industries ?? [],
      badges: r.badges,
      snippet: r.snippet,
      score: Number(r.score),
    };
  });
  return {
    items,
    nextCursor:
      rows.rows.length > query.limit && last ? encode({ s: last.score, id: last.organization_id }) : null,
    total,
    facets,
  };
}
