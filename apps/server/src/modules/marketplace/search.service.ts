import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { marketplaceSearchQuery, SearchResult } from '@partnergraph/shared/contracts/marketplace';
import type { Queryable } from '../../db/client';
import { invalid } from '../../lib/errors';
import { isId } from '../../lib/ids';
import { industryName } from '../../lib/industries';
import { certificationTypeNames } from '../enablement/enablement.public';

type Query = z.output<typeof marketplaceSearchQuery>;
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
type Facet = 'type' | 'country' | 'industry' | 'service' | 'badge' | 'certification';

// Columns of the matched set `m` (below), which carries the published search columns.
const columns: Record<Facet, SQL> = {
  type: sql.raw('types'),
  country: sql.raw('countries'),
  industry: sql.raw('industries'),
  service: sql.raw('services'),
  badge: sql.raw('badges'),
  certification: sql.raw('certifications'),
};

const list = (v: string | string[] | undefined) =>
  (v === undefined ? [] : Array.isArray(v) ? v : [v])
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 50);

/** Lower-case words of a text, accents folded: queries and the vocabulary are split alike. */
export function tokens(text: string) {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
}

/** The query's words: at most eight, each matched on its own so one typo does not sink the rest. */
export function wordsOf(q: string | undefined) {
  return [...new Set(tokens(q ?? ''))].slice(0, 8);
}

/** The trigram similarity from which a vocabulary word stands in for a misspelled one ("bakup" → "backup"). */
const TYPO_SIMILARITY = 0.4;

/**
 * Each query word as a full-text query (stemmed: "backups" finds "backup")
 * that also accepts the vocabulary words it resembles: "managd bakup" →
 * (managd | managed) & (bakup | backup), so the GIN full-text index does the
 * matching. Stop words ("and", "the") are dropped rather than matching nothing.
 * One statement for every word: under concurrent visitors (PGlite's one
 * connection above all) each round trip is a turn in the queue. `%` finds the
 * candidates with the trigram index at the server's threshold (0.3 unless set
 * otherwise), and the similarity test keeps those at TYPO_SIMILARITY, with no
 * transaction-scoped setting (nor transaction) needed.
 */
async function expandedQuery(q: Queryable, words: string[]): Promise<SQL | null> {
  if (!words.length) return null;
  const rows = (
    await q.execute<{ word: string; similar: string[] }>(sql`
      select w.word, coalesce((
          select array_agg(v.word order by v.sim desc, v.word) from (
            select m.word, similarity(m.word, w.word) as sim from marketplace_words m
            where m.word % w.word and m.word <> w.word and similarity(m.word, w.word) >= ${TYPO_SIMILARITY}
            order by sim desc, m.word limit 4) v), '{}') as similar
      from unnest(${sql.param(words)}::text[]) with ordinality w(word, i)
      where numnode(plainto_tsquery('english', w.word)) > 0
      order by w.i`)
  ).rows;
  const parts = rows.map(({ word, similar }) => {
    const alternatives = [word, ...similar].map((x) => sql`plainto_tsquery('english', ${x})`);
    return sql`(${sql.join(alternatives, sql` || `)})`;
  });
  return parts.length ? sql`(${sql.join(parts, sql` && `)})` : null;
}

/** Adds a published profile's words to the vocabulary typo matching draws on. */
export async function addToVocabulary(q: Queryable, text: string) {
  const words = [...new Set(tokens(text).filter((w) => w.length >= 3 && w.length <= 40))];
  if (words.length) {
    await q.execute(
      sql`insert into marketplace_words (word) select unnest(${sql.param(words)}::text[]) on conflict do nothing`,
    );
  }
}

type Cursor = { s: string; id: string };
const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(cursor: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    if (!/^\d{1,12}(\.\d{1,6})?$/.test(c.s) || !isId(c.id)) throw new Error();
    return c;
  } catch {
    throw invalid([{ path: 'cursor', message: 'Not a cursor from a previous page' }]);
  }
}

/**
 * How many matches a search reads. A broad query ("backup" among 100,000
 * profiles) matches tens of thousands; ranking and counting all of them costs
 * ~100 ms a search and queues concurrent visitors behind it. So a search reads
 * at most this many matching profiles (in the order the index finds them, one
 * more to learn whether there are others): up to it, the total, the ranking and
 * every facet count are exact; past it, the answer says so (`totalExact`,
 * `facetsExact` false: "1,000+"), the page is the best of the matches read and
 * facet counts are counted among them — the visitor narrows the search to see
 * the rest, as on any large catalogue.
 */
export const SEARCH_SAMPLE = 1000;

/**
 * Search over published profiles only: every column read here is filled from
 * the published snapshot (profiles.service.ts), so drafts never reach results,
 * snippets or facets. Ranking blends relevance with the tier's marketplace
 * boost; facets count each dimension under the other filters (pick several
 * countries, see every country's count).
 */
type FacetRows = Record<Facet, { value: string; count: number }[]>;

// Listed: published, and the partner active. `organization_active` is the organization's status
// kept on the profile by a trigger (migration 0046), so a search reads only profile rows; it is
// also the search indexes' predicate, so a suspended partner's profile is not in them at all.
const published = sql`p.status = 'published' and p.organization_active`;
const facetCounts = (from: SQL, f: Facet) => sql`(select coalesce(json_agg(x), '[]') from (
    select v as value, count(*)::int as count from ${from}, unnest(${columns[f]}) v
    group by v order by count(*) desc, v limit 50) x)`;
/**
 * A facet's counts over the whole listing, exact, from marketplace_facet_counts (kept by a
 * trigger in the transaction of every publish, withdrawal, suspension or import): 50 index
 * entries rather than every listed profile.
 */
const rolledUp = (f: Facet) => sql`(select coalesce(json_agg(x), '[]') from (
    select value, count from marketplace_facet_counts where facet = ${f} and count > 0
    order by count desc, value limit 50) x)`;

/**
 * The unfiltered listing (no words, no filters) is what most visits open on: its total and
 * facets count the whole marketplace exactly, read from the rollup in one statement (with the
 * partner type names), so a publish or a suspension shows at once and nothing is recounted.
 */
async function landingCounts(q: Queryable) {
  const facetNames = Object.keys(columns) as Facet[];
  const [row] = (
    await q.execute<{ total: number; type_names: Record<string, string> } & FacetRows>(sql`
      select coalesce((select count from marketplace_facet_counts where facet = '' and value = ''), 0) as total,
        (select coalesce(json_object_agg(code, name), '{}') from partner_types) as type_names,
        ${sql.join(
          facetNames.map((f) => sql`${rolledUp(f)} as ${sql.raw(f)}`),
          sql`, `,
        )}`)
  ).rows;
  return row!;
}

export async function searchProfiles(q: Queryable, query: Query) {
  const words = wordsOf(query.q);
  const filters: Record<Facet, string[]> = {
    type: list(query.type),
    country: list(query.country).map((c) => c.toUpperCase()),
    industry: list(query.industry),
    service: list(query.service),
    badge: list(query.badge),
    certification: list(query.certification).map((c) => c.toLowerCase()),
  };
  const facetNames = Object.keys(columns) as Facet[];
  const active = facetNames.filter((f) => filters[f].length);
  if (!words.length && !active.length) {
    const [page, counts] = [await landingPage(q, query), await landingCounts(q)];
    return {
      ...page,
      ...(await labelled(q, counts, counts.total, counts.type_names)),
      totalExact: true,
      facetsExact: true,
    };
  }
  const filterOn = (f: Facet) => sql`p.${columns[f]} && ${sql.param(filters[f])}::text[]`;
  const after = query.cursor
    ? (() => {
        const c = decode(query.cursor);
        return sql`where (score < ${c.s}::numeric or (score = ${c.s}::numeric and organization_id > ${c.id}::uuid))`;
      })()
    : sql``;

  // One statement. `f` is the matches of the words and every filter, read up to
  // SEARCH_SAMPLE + 1 rows; the page, the total and the facets of unfiltered
  // dimensions come from it. A facet counts under every filter but its own, so
  // each filtered dimension reads its own capped set without its filter.
  const run = async (tx: Queryable) => {
    const tsq = await expandedQuery(tx, words);
    // Every word a stop word: nothing can match.
    if (words.length && !tsq) return null;
    const relevance = tsq ? sql`ts_rank(p.search_vector, ${tsq})` : sql`0`;
    const matching = (without?: Facet) =>
      sql.join(
        [
          published,
          ...(tsq ? [sql`p.search_vector @@ ${tsq}`] : []),
          ...active.filter((f) => f !== without).map(filterOn),
        ],
        sql` and `,
      );
    const own = (f: Facet) => sql.raw(`s_${f}`);
    // A facet's own counts leave its filter out: with no words and no other filter, that is the
    // whole listing, which the rollup counts exactly without reading a profile.
    const whole = (f: Facet) => !tsq && active.length === 1 && active[0] === f;
    const sourced = active.filter((f) => !whole(f));
    const sources = sourced.map(
      (f) => sql`, ${own(f)} as materialized (
        select p.${columns[f]} from partner_profiles p where ${matching(f)} limit ${SEARCH_SAMPLE + 1})`,
    );
    const sample = (f: Facet) => (filters[f].length ? own(f) : sql`s`);
    return tx.execute<
      {
        items: PageRow[];
        total: number;
        capped: boolean;
        type_names: Record<string, string>;
      } & FacetRows
    >(sql`
      with f as materialized (
        select p.organization_id, p.types, p.countries, p.industries, p.services, p.badges, p.certifications,
          round(((1 + ${relevance}) * p.boost)::numeric, 6) as score
        from partner_profiles p
        where ${matching()}
        limit ${SEARCH_SAMPLE + 1}
      ),
      s as (select * from f limit ${SEARCH_SAMPLE})
      ${sql.join(sources, sql``)},
      page as (select organization_id, score from s ${after} order by score desc, organization_id limit ${query.limit + 1})
      select
        (select coalesce(json_agg(x order by x.rank), '[]') from (
          select page.organization_id, o.name, p.published, p.types, p.badges, page.score::text as score,
            row_number() over (order by page.score desc, page.organization_id) as rank,
            ${tsq ? sql`case when p.search_vector @@ ${tsq} then ts_headline('english', coalesce(p.published->>'description', ''), ${tsq}, 'MaxWords=30, MinWords=12, StartSel=«, StopSel=»') end` : sql`null`} as snippet
          from page join partner_profiles p on p.organization_id = page.organization_id
          join organizations o on o.id = page.organization_id) x) as items,
        (select count(*)::int from f) as total,
        (select coalesce(json_object_agg(code, name), '{}') from partner_types) as type_names,
        (${sql.join(
          [
            sql`(select count(*) from f) > ${SEARCH_SAMPLE}`,
            ...sourced.map((a) => sql`(select count(*) from ${own(a)}) > ${SEARCH_SAMPLE}`),
          ],
          sql` or `,
        )}) as capped,
        ${sql.join(
          facetNames.map(
            (name) =>
              sql`${whole(name) ? rolledUp(name) : facetCounts(sample(name), name)} as ${sql.raw(name)}`,
          ),
          sql`, `,
        )}`);
  };
  const result = await run(q);
  const out = result?.rows[0] ?? {
    items: [],
    total: 0,
    capped: false,
    type: [],
    country: [],
    industry: [],
    service: [],
    badge: [],
    certification: [],
    type_names: undefined,
  };
  const totalExact = out.total <= SEARCH_SAMPLE;
  return {
    ...toPage(out.items, query.limit),
    ...(await labelled(q, out, Math.min(out.total, SEARCH_SAMPLE), out.type_names)),
    totalExact,
    facetsExact: !out.capped,
  };
}

/**
 * The facet rows with the names people read (partner type names, country and industry names).
 * `typeNames` when the search statement read them already; certification names only when a
 * certification is counted (each lookup is one more statement in the queue).
 */
async function labelled(q: Queryable, rows: FacetRows, total: number, typeNames?: Record<string, string>) {
  const types = new Map(
    Object.entries(
      typeNames ??
        Object.fromEntries(
          (
            await q.execute<{ code: string; name: string }>(sql`select code, name from partner_types`)
          ).rows.map((t) => [t.code, t.name]),
        ),
    ),
  );
  const certificationNames = rows.certification.length
    ? await certificationTypeNames(q)
    : new Map<string, string>();
  const facets = {} as Record<Facet, { value: string; label: string; count: number }[]>;
  for (const f of Object.keys(columns) as Facet[]) {
    facets[f] = rows[f].map((c) => ({
      value: c.value,
      count: c.count,
      label:
        f === 'type'
          ? (types.get(c.value) ?? c.value)
          : f === 'country'
            ? (regionNames.of(c.value) ?? c.value)
            : f === 'industry'
              ? industryName(c.value)
              : f === 'certification'
                ? (certificationNames.get(c.value) ?? c.value)
                : c.value,
    }));
  }
  return { total, facets };
}

/** Trims the extra row fetched to learn whether another page exists, and shapes the cards. */
function toPage(rows: PageRow[], limit: number) {
  const page = rows.slice(0, limit);
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
    nextCursor: rows.length > limit && last ? encode({ s: last.score, id: last.organization_id }) : null,
  };
}

type PageRow = {
  organization_id: string;
  name: string;
  published: Record<string, unknown>;
  types: string[];
  badges: string[];
  score: string;
  snippet: string | null;
};

/** The unfiltered page in index order (partner_profiles_rank_idx): highest boost first. */
async function landingPage(q: Queryable, query: Query) {
  const after = query.cursor
    ? (() => {
        const c = decode(query.cursor);
        return sql`and (round(p.boost::numeric, 6) < ${c.s}::numeric
          or (round(p.boost::numeric, 6) = ${c.s}::numeric and p.organization_id > ${c.id}::uuid))`;
      })()
    : sql``;
  const rows = await q.execute<PageRow>(sql`
    select p.organization_id, o.name, p.published, p.types, p.badges,
      round(p.boost::numeric, 6)::text as score, null as snippet
    from partner_profiles p join organizations o on o.id = p.organization_id
    where ${published} ${after}
    order by p.boost desc nulls last, p.organization_id
    limit ${query.limit + 1}`);
  return toPage(rows.rows, query.limit);
}
