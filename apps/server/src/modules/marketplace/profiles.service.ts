import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  profileFields,
  type ProfileFields,
  type updateProfileBody,
} from '@partnergraph/shared/contracts/marketplace';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange, type Tx } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { isId } from '../../lib/ids';
import { isIndustry } from '../../lib/industries';
import {
  lockOrganization,
  organizationsView,
  findTypesOfOrganizations,
} from '../organizations/organizations.repository';
import { bestBenefit } from '../programs/benefits';
import { partnerProfiles } from './marketplace.tables';
import { certifiedPeopleByType } from '../enablement/enablement.public';
import { addToVocabulary } from './search.service';
import { seesDraft } from './marketplace.visibility';

type ProfileRow = typeof partnerProfiles.$inferSelect;

export const emptyProfile = (): ProfileFields => profileFields.parse({});

export async function typesOf(q: Queryable, orgId: string) {
  const types = await findTypesOfOrganizations(q, [orgId]);
  return types.map((t) => ({ code: t.code, name: t.name, primary: t.primary }));
}

/** Certified people by certification type, through enablement's door (the same count the tier engine uses). */
export async function certificationBadgesOf(q: Queryable, orgId: string) {
  return (await certifiedPeopleByType(q, [orgId])).get(orgId) ?? [];
}

/** Tier badges the organization holds: the badge benefits of its active enrollments' current tiers. */
export async function badgesOf(q: Queryable, orgId: string) {
  const result = await q.execute<{ label: string; tier: string; program: string }>(sql`
    select b->>'text' as label, t.name as tier, p.name as program
    from enrollments e
    join program_tiers t on t.id = e.tier_id
    join programs p on p.id = e.program_id
    cross join lateral jsonb_array_elements(t.benefits) b
    where e.organization_id = ${orgId} and e.status = 'active' and b->>'kind' = 'badge' and coalesce(b->>'text', '') <> ''
    order by p.name, t.rank`);
  return result.rows;
}

async function partnerOrg(q: Queryable, orgId: string) {
  if (!isId(orgId)) return undefined;
  const [org] = await q
    .select({
      id: organizationsView.id,
      name: organizationsView.name,
      kind: organizationsView.kind,
      status: organizationsView.status,
    })
    .from(organizationsView)
    .where(and(eq(organizationsView.id, orgId), eq(organizationsView.kind, 'partner')));
  return org;
}

async function profileRow(q: Queryable, orgId: string, forUpdate = false) {
  const query = q.select().from(partnerProfiles).where(eq(partnerProfiles.organizationId, orgId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

/** Reads a stored snapshot through its schema, so an older shape gains today's defaults. */
const fields = (stored: unknown): ProfileFields => profileFields.parse(stored ?? {});

export async function getProfile(db: Db, ctx: Ctx, orgId: string) {
  const org = await partnerOrg(db, orgId);
  if (!org) throw notFound('profile');
  const row = await profileRow(db, org.id);
  const own = seesDraft(ctx.actor, org.id);
  if (!own && (row?.status !== 'published' || org.status !== 'active')) throw notFound('profile');
  return toProfileDto(db, org, row, own);
}

async function toProfileDto(
  q: Queryable,
  org: { id: string; name: string },
  row: ProfileRow | undefined,
  own: boolean,
) {
  const draft = row ? fields(row.draft) : emptyProfile();
  const published = row?.published ? fields(row.published) : null;
  // The organization and the vendor always see the badges it holds (its preview can turn them on); others only if shown.
  const shows = own || published?.showBadges;
  const badges = shows ? await badgesOf(q, org.id) : [];
  const certifiedPeople = shows ? await certificationBadgesOf(q, org.id) : [];
  return {
    organizationId: org.id,
    name: org.name,
    partnerTypes: await typesOf(q, org.id),
    status: row?.status ?? ('draft' as const),
    draft: own ? draft : null,
    published: row?.status === 'published' || own ? published : null,
    badges,
    certifiedPeople,
    hasUnpublishedChanges: own ? JSON.stringify(draft) !== JSON.stringify(published) : null,
    publishedAt: row?.publishedAt?.toISOString() ?? null,
    version: row?.version ?? 1,
    updatedAt: (row?.updatedAt ?? new Date(0)).toISOString(),
  };
}

async function lockForEdit(tx: Tx, ctx: Ctx, orgId: string) {
  const org = await partnerOrg(tx, orgId);
  // Another partner's profile is not theirs to edit; one they cannot even see answers 404.
  if (!org) throw notFound('profile');
  if (ctx.actor.orgId !== org.id) {
    const visible = await profileRow(tx, org.id);
    // Visible to another partner only while published by an active organization (as getProfile reads it).
    if (visible?.status !== 'published' || org.status !== 'active') throw notFound('profile');
    throw forbidden('A partner edits only its own profile');
  }
  // The organization row first: the same lock order as every other change to a partner.
  await lockOrganization(tx, org.id);
  return { org, row: await profileRow(tx, org.id, true) };
}

export async function updateProfile(
  db: Db,
  ctx: Ctx,
  orgId: string,
  input: z.output<typeof updateProfileBody>,
) {
  const bad = (input.industries ?? []).findIndex((c) => !isIndustry(c));
  if (bad >= 0) {
    throw invalid([
      { path: `body.industries.${bad}`, message: 'Unknown NAICS sector code (see /reference/industries)' },
    ]);
  }
  return runChange(db, ctx, async (tx, record) => {
    const { org, row } = await lockForEdit(tx, ctx, orgId);
    assertVersion(row ?? { version: 1 }, input.version);
    const { version: _v, ...changes } = input;
    const before = row ? fields(row.draft) : emptyProfile();
    const draft: ProfileFields = { ...before, ...changes };
    if (input.countries) draft.countries = [...new Set(input.countries)];
    if (input.industries) draft.industries = [...new Set(input.industries)];
    if (input.languages) draft.languages = [...new Set(input.languages)];
    if (row) {
      await tx
        .update(partnerProfiles)
        .set({ draft, version: row.version + 1, updatedAt: new Date() })
        .where(eq(partnerProfiles.organizationId, org.id));
    } else {
      await tx.insert(partnerProfiles).values({ organizationId: org.id, draft, version: 2 });
    }
    record.audit({
      action: 'profile.updated',
      entityType: 'profile',
      entityId: org.id,
      before: row
        ? Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof ProfileFields]]))
        : null,
      after: changes,
    });
    record.event({
      type: 'profile.updated',
      entityType: 'profile',
      entityId: org.id,
      organizationIds: [org.id],
      payload: { organizationId: org.id, changed: Object.keys(changes) },
    });
    return toProfileDto(tx, org, await profileRow(tx, org.id), true);
  });
}

export async function publishProfile(db: Db, ctx: Ctx, orgId: string, version: number) {
  const profile = await runChange(db, ctx, async (tx, record) => {
    const { org, row } = await lockForEdit(tx, ctx, orgId);
    assertVersion(row ?? { version: 1 }, version);
    if (org.status !== 'active')
      throw unprocessable(`The organization is ${org.status}: only active partners are listed`);
    const draft = row ? fields(row.draft) : emptyProfile();
    if (draft.description.trim().length < 20) {
      throw unprocessable('Describe your company (20 characters or more) before publishing');
    }
    if (!draft.countries.length) throw unprocessable('Name at least one country you serve before publishing');
    const now = new Date();
    if (row) {
      await tx
        .update(partnerProfiles)
        .set({
          status: 'published',
          published: draft,
          publishedAt: now,
          version: row.version + 1,
          updatedAt: now,
        })
        .where(eq(partnerProfiles.organizationId, org.id));
    } else {
      await tx.insert(partnerProfiles).values({
        organizationId: org.id,
        draft,
        published: draft,
        status: 'published',
        publishedAt: now,
        version: 2,
      });
    }
    await refreshSearchColumns(tx, org.id);
    record.audit({
      action: 'profile.published',
      entityType: 'profile',
      entityId: org.id,
      after: { publishedAt: now.toISOString() },
    });
    record.event({
      type: 'profile.published',
      entityType: 'profile',
      entityId: org.id,
      organizationIds: [org.id],
      payload: { organizationId: org.id },
    });
    return toProfileDto(tx, org, await profileRow(tx, org.id), true);
  });
  return profile;
}

export async function unpublishProfile(db: Db, ctx: Ctx, orgId: string, version: number) {
  const profile = await runChange(db, ctx, async (tx, record) => {
    const { org, row } = await lockForEdit(tx, ctx, orgId);
    if (!row || row.status !== 'published') throw unprocessable('This profile is not published');
    assertVersion(row, version);
    await tx
      .update(partnerProfiles)
      .set({ status: 'unpublished', version: row.version + 1, updatedAt: new Date() })
      .where(eq(partnerProfiles.organizationId, org.id));
    record.audit({ action: 'profile.unpublished', entityType: 'profile', entityId: org.id });
    record.event({
      type: 'profile.unpublished',
      entityType: 'profile',
      entityId: org.id,
      organizationIds: [org.id],
      payload: { organizationId: org.id },
    });
    return toProfileDto(tx, org, await profileRow(tx, org.id), true);
  });
  return profile;
}

/**
 * Fills the search columns from the published snapshot, the organization's
 * name and types, its badges (if it shows them) and its best marketplace boost.
 * Nothing from the draft is read here.
 */
export async function refreshSearchColumns(q: Queryable, orgId: string) {
  const row = await profileRow(q, orgId);
  if (!row?.published) return;
  const p = fields(row.published);
  const [org] = await q
    .select({ name: organizationsView.name })
    .from(organizationsView)
    .where(eq(organizationsView.id, orgId));
  const types = (await typesOf(q, orgId)).map((t) => t.code);
  const badges = p.showBadges ? [...new Set((await badgesOf(q, orgId)).map((b) => b.label))] : [];
  const certifications = p.showBadges
    ? (await certificationBadgesOf(q, orgId)).map((c) => c.code.toLowerCase())
    : [];
  const boost = (await bestBenefit(q, orgId, 'marketplace_boost'))?.value ?? 1;
  const name = org?.name ?? '';
  const skills = [...p.services, ...p.specializations, ...p.integrations].join(' ');
  const stories = p.caseStudies.map((c) => `${c.title} ${c.customer ?? ''} ${c.summary}`).join(' ');
  await q.execute(sql`
    update partner_profiles set
      search_name = ${name},
      search_text = lower(${[name, p.description, skills, stories].join(' ')}),
      search_vector = setweight(to_tsvector('english', ${name}), 'A')
        || setweight(to_tsvector('english', ${skills}), 'B')
        || setweight(to_tsvector('english', ${p.description}), 'C')
        || setweight(to_tsvector('english', ${stories}), 'D'),
      types = ${textArray(types)},
      countries = ${textArray(p.countries)},
      industries = ${textArray(p.industries)},
      services = ${textArray(p.services)},
      badges = ${textArray(badges)},
      certifications = ${textArray(certifications)},
      boost = ${boost}
    where organization_id = ${orgId}`);
  await addToVocabulary(q, [name, p.description, skills, stories].join(' '));
}

/** A JavaScript array as one text[] parameter (the driver encodes it; no literal is built by hand). */
const textArray = (values: string[]) => sql`${sql.param(values)}::text[]`;

/** The scheduled job: tiers move and certifications lapse, so the badges and boosts published profiles carry are refreshed. */
export async function refreshPublishedProfiles(db: Db) {
  const rows = await db
    .select({ id: partnerProfiles.organizationId })
    .from(partnerProfiles)
    .where(eq(partnerProfiles.status, 'published'));
  for (const { id } of rows) await refreshSearchColumns(db, id);
  return { refreshed: rows.length };
}
