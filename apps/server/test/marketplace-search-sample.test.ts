import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_SAMPLE } from '../src/modules/marketplace/search.service';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD } from './ecosystem';

// A broad search reads at most SEARCH_SAMPLE matches; what a visitor is told past it.
let t: TestApp;
let user: Session;
const BROAD = SEARCH_SAMPLE + 10;

beforeAll(async () => {
  t = await startTestApp();
  const e = await buildEcosystem(t.database.db);
  user = await signIn(t.app, e.aUser.email, PASSWORD);
  // BROAD published profiles offering "Zebrafish husbandry"; every 100th serves Norway, the first three also "Axolotl care".
  await t.database.db.execute(sql`
    insert into organizations (id, kind, name, status, country)
    select gen_random_uuid(), 'partner', 'Sample Partner ' || i, 'active', 'PT' from generate_series(1, ${BROAD}) i`);
  await t.database.db.execute(sql`
    with o as (select id, row_number() over (order by name) as i from organizations where name like 'Sample Partner %'),
    shaped as (
      select id, i,
        case when i <= 3 then array['Zebrafish husbandry', 'Axolotl care'] else array['Zebrafish husbandry'] end as services,
        case when i % 100 = 0 then array['NO'] else array['PT'] end as countries
      from o)
    insert into partner_profiles (organization_id, status, draft, published, published_at, search_name, search_text,
      search_vector, types, countries, industries, services, badges, boost)
    select id, 'published', p, p, now(), 'Sample Partner ' || i, lower(array_to_string(services, ' ')),
      to_tsvector('english', array_to_string(services, ' ')), array['msp'], countries, array['61'], services, '{}', 1
    from (select s.*, jsonb_build_object('description', 'Sample.', 'services', to_jsonb(services),
      'countries', to_jsonb(countries), 'industries', '["61"]'::jsonb) as p from shaped s) x`);
});
afterAll(() => t?.close());

const search = async (query: string) => {
  const res = await as(t.app, user).get(`/api/v1/marketplace/search?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { organizationId: string }[];
    nextCursor: string | null;
    total: number;
    totalExact: boolean;
    facetsExact: boolean;
    facets: Record<string, { value: string; count: number }[]>;
  };
};

describe('a search matching more profiles than it reads', () => {
  it('says "1,000+" and pages through the matches it read, each once', async () => {
    const first = await search('q=zebrafish&limit=100');
    expect(first).toMatchObject({ total: SEARCH_SAMPLE, totalExact: false, facetsExact: false });
    // Facets are counted among the matches read: no count exceeds them.
    for (const f of first.facets.country!) expect(f.count).toBeLessThanOrEqual(SEARCH_SAMPLE);
    const seen = new Set<string>();
    let cursor: string | null = null;
    let page = first;
    for (;;) {
      for (const i of page.items) seen.add(i.organizationId);
      cursor = page.nextCursor;
      if (!cursor) break;
      page = await search(`q=zebrafish&limit=100&cursor=${encodeURIComponent(cursor)}`);
    }
    expect(seen.size).toBe(SEARCH_SAMPLE);
  });

  it('is exact again once narrowed: total, ranking and every facet', async () => {
    const narrow = await search('q=axolotl');
    expect(narrow).toMatchObject({ total: 3, totalExact: true, facetsExact: true });
    expect(narrow.facets.service).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ value: 'Axolotl care', count: 3 }),
        expect.objectContaining({ value: 'Zebrafish husbandry', count: 3 }),
      ]),
    );
    // A filter narrows the total to exact; its own facet is counted without it, over the broad set.
    const norway = await search('q=zebrafish&country=NO');
    expect(norway).toMatchObject({ total: Math.floor(BROAD / 100), totalExact: true, facetsExact: false });
  });

  it('keeps the unfiltered listing exact: the whole marketplace is counted', async () => {
    const all = await search('');
    expect(all.totalExact).toBe(true);
    expect(all.facetsExact).toBe(true);
    expect(all.total).toBeGreaterThanOrEqual(BROAD);
    expect(all.facets.country!.find((c) => c.value === 'NO')?.count).toBe(Math.floor(BROAD / 100));
  });
});
