import { eq, sql } from 'drizzle-orm';
import { profileFields } from '@partnergraph/shared/contracts/marketplace';
import type { Db } from '../../db/client';
import { isVendor, type Ctx } from '../../lib/actor';
import { industryName } from '../../lib/industries';
import { recommendFromOverlaps } from '../mapping/overlap-pipeline';
import { readSettings } from '../settings/settings.service';
import { partnerProfiles } from './marketplace.tables';
import { emptyProfile, typesOf } from './profiles.service';

/**
 * Which partner types build on each other. Sellers need products and
 * services to sell; builders need channels; referrers need someone to refer to.
 */
const complements: Record<string, string[]> = {
  reseller: ['isv', 'technology_partner', 'distributor', 'system_integrator', 'referral_partner'],
  distributor: ['reseller', 'msp', 'isv'],
  msp: ['isv', 'technology_partner', 'distributor', 'system_integrator', 'referral_partner'],
  system_integrator: ['isv', 'technology_partner', 'reseller', 'msp'],
  isv: ['reseller', 'msp', 'system_integrator', 'distributor', 'technology_partner'],
  technology_partner: ['isv', 'system_integrator', 'msp', 'reseller'],
  referral_partner: ['reseller', 'msp', 'system_integrator'],
  community_influencer: ['isv', 'technology_partner', 'reseller'],
};

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const article = (word: string) => (/^[aeiou]/i.test(word) ? 'An' : 'A');
const listed = (items: string[], max = 3) =>
  items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;

/**
 * Partners worth connecting with, for the signed-in partner: complementary
 * types, shared countries and industries, services it does not offer, and the
 * graph (Adamic–Adar over active connections: partners connected to your
 * connections, weighted by how selective those connections are). Reasons count
 * other parties' connections but never name one the caller is not a party to.
 */
export async function recommendPartners(db: Db, ctx: Ctx) {
  // The vendor meets no one in the marketplace: its recommendations are the partners account mapping
  // showed to know the customers in its open pipeline (docs/ACCOUNT-MAPPING.md).
  if (isVendor(ctx.actor))
    return {
      items: await recommendFromOverlaps(
        db,
        ctx.actor,
        (await readSettings(db)).reportingCurrency,
        new Date(),
      ),
    };
  const me = ctx.actor.orgId;
  const [mine] = await db.select().from(partnerProfiles).where(eq(partnerProfiles.organizationId, me));
  const myProfile = mine ? profileFields.parse(mine.published ?? mine.draft) : emptyProfile();
  const myTypes = (await typesOf(db, me)).map((t) => t.code);
  const typeNames = new Map(
    (await db.execute<{ code: string; name: string }>(sql`select code, name from partner_types`)).rows.map(
      (t) => [t.code, t.name],
    ),
  );

  // Adamic–Adar: for each candidate, Σ 1/ln(degree) over the connections it shares with me.
  const graph = await db.execute<{ candidate: string; common: number; aa: number }>(sql`
    with edges as (
      select requester_org_id as a, recipient_org_id as b from connections where status = 'active'
      union select recipient_org_id, requester_org_id from connections where status = 'active'
    ),
    degree as (select a, count(distinct b) as d from edges group by a),
    mine as (select distinct b as n from edges where a = ${me})
    select e.b as candidate, count(distinct e.a)::int as common, sum(1 / ln(greatest(dg.d, 2)))::float8 as aa
    from edges e join mine m on m.n = e.a join degree dg on dg.a = e.a
    where e.b <> ${me}
    group by e.b`);
  const graphOf = new Map(graph.rows.map((g) => [g.candidate, g]));

  // Candidates: published, active, not me, and no open connection with me; pre-filtered by overlap for scale.
  const candidates = await db.execute<{
    id: string;
    name: string;
    types: string[];
    countries: string[];
    industries: string[];
    services: string[];
  }>(sql`
    select p.organization_id as id, o.name, p.types, p.countries, p.industries, p.services
    from partner_profiles p join organizations o on o.id = p.organization_id
    where p.status = 'published' and o.status = 'active' and p.organization_id <> ${me}
      and not exists (select 1 from connections c where c.status in ('requested', 'active')
        and ((c.requester_org_id = ${me} and c.recipient_org_id = p.organization_id)
          or (c.recipient_org_id = ${me} and c.requester_org_id = p.organization_id)))
    order by (cardinality(array(select unnest(p.countries) intersect select unnest(${sql.param(myProfile.countries)}::text[])))
      + cardinality(array(select unnest(p.industries) intersect select unnest(${sql.param(myProfile.industries)}::text[])))) desc,
      p.boost desc, p.organization_id
    limit 500`);

  const myServices = new Set(myProfile.services.map((s) => s.toLowerCase()));
  const scored = candidates.rows.map((c) => {
    const reasons: string[] = [];
    let score = 0;
    const complementary = c.types.filter((t) => myTypes.some((m) => complements[m]?.includes(t)));
    if (complementary.length) {
      const name = typeNames.get(complementary[0]!) ?? complementary[0]!;
      const mineName = typeNames.get(myTypes[0] ?? '') ?? 'partner';
      reasons.push(
        `${article(name)} ${name.toLowerCase()}, which complements ${article(mineName).toLowerCase()} ${mineName.toLowerCase()}`,
      );
      score += 2;
    } else if (c.types.some((t) => !myTypes.includes(t))) {
      reasons.push(`A different kind of partner (${listed(c.types.map((t) => typeNames.get(t) ?? t))})`);
      score += 0.5;
    }
    const countries = c.countries.filter((x) => myProfile.countries.includes(x));
    if (countries.length) {
      reasons.push(
        `Serves ${countries.length === 1 ? 'a country' : `${countries.length} countries`} you serve: ${listed(countries.map((x) => regionNames.of(x) ?? x))}`,
      );
      score += 0.5 * Math.min(3, countries.length);
    }
    const industries = c.industries.filter((x) => myProfile.industries.includes(x));
    if (industries.length) {
      reasons.push(
        `Works in ${industries.length === 1 ? 'an industry' : `${industries.length} industries`} you serve: ${listed(industries.map(industryName))}`,
      );
      score += 0.5 * Math.min(3, industries.length);
    }
    const extra = c.services.filter((s) => !myServices.has(s.toLowerCase()));
    if (extra.length && myServices.size) {
      reasons.push(`Offers services you do not: ${listed(extra)}`);
      score += 0.2 * Math.min(3, extra.length);
    }
    const g = graphOf.get(c.id);
    if (g) {
      reasons.push(`Works with ${g.common === 1 ? 'one' : g.common} of your partners`);
      score += 1.5 * g.aa;
    }
    return {
      organizationId: c.id,
      name: c.name,
      partnerTypes: c.types,
      score: Math.round(score * 100) / 100,
      reasons,
    };
  });
  return {
    items: scored
      .filter((s) => s.reasons.length > 0 && s.score > 0)
      .sort((a, b) => b.score - a.score || a.organizationId.localeCompare(b.organizationId))
      .slice(0, 20),
  };
}
