import { and, eq, ilike, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Member,
  memberListQuery,
  updateMemberProfileBody,
} from '@partnergraph/shared/contracts/community';
import type { Db, Queryable } from '../../db/client';
import { runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { invalid, notFound } from '../../lib/errors';
import { isId } from '../../lib/ids';
import type { Deps } from '../../lib/deps';
import { containing, keyset, where } from '../../lib/pagination';
import { takeAttempt } from '../../lib/rate-limit';
import { userEngagement } from '../analytics/engagement';
import { peopleView } from '../identity/identity.repository';
import { memberProfiles } from './community.tables';
import { addNotifications, emailNotifications } from '../notifications/notifications.service';

/** Introductions notify two people each: a handful a day is plenty for a person, too few to spam. */
export const introductionLimit = { bucket: 'community.introduce', max: 20, windowMs: 24 * 3600_000 };

// The directory lists people who opted in (member_profiles.listed), active,
// in active organizations; every signed-in user may search it.
const listed = and(
  eq(memberProfiles.listed, true),
  eq(peopleView.status, 'active'),
  eq(peopleView.orgStatus, 'active'),
);

const typesOf = sql<string[]>`coalesce((select array_agg(t.type_code order by t.is_primary desc, t.type_code)
  from organization_partner_types t where t.organization_id = ${peopleView.orgId}), '{}')`;
const hasProfile = sql<boolean>`exists (select 1 from partner_profiles p
  where p.organization_id = ${peopleView.orgId} and p.status = 'published')`;

function selectMembers(q: Queryable) {
  return q
    .select({
      m: memberProfiles,
      id: peopleView.id,
      name: peopleView.name,
      orgId: peopleView.orgId,
      orgName: peopleView.orgName,
      country: peopleView.orgCountry,
      types: typesOf,
      hasProfile,
    })
    .from(memberProfiles)
    .innerJoin(peopleView, eq(peopleView.id, memberProfiles.userId));
}
type Row = Awaited<ReturnType<typeof selectMembers>>[number];

async function toDtos(q: Queryable, rows: Row[]): Promise<Member[]> {
  const points = await userEngagement(
    q,
    rows.map((r) => r.id),
    new Date(),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    headline: r.m.headline,
    bio: r.m.bio,
    expertise: r.m.expertise,
    organization: {
      id: r.orgId,
      name: r.orgName,
      country: r.country,
      partnerTypes: r.types,
      hasProfile: r.hasProfile,
    },
    engagement: points.get(r.id) ?? 0,
  }));
}

export async function listMembers(db: Db, ctx: Ctx, query: z.output<typeof memberListQuery>) {
  void ctx;
  const ks = keyset({ name: { column: peopleView.name, cast: 'text' } }, peopleView.id, {
    ...query,
    sort: 'name',
  });
  const like = query.q ? containing(query.q) : null;
  const rows = await selectMembers(db)
    .where(
      where(
        listed,
        like
          ? or(
              ilike(peopleView.name, like),
              ilike(memberProfiles.headline, like),
              ilike(memberProfiles.bio, like),
              ilike(peopleView.orgName, like),
              sql`exists (select 1 from unnest(${memberProfiles.expertise}) e where e ilike ${like})`,
            )
          : undefined,
        query.expertise
          ? sql`exists (select 1 from unnest(${memberProfiles.expertise}) e where lower(e) = lower(${query.expertise}))`
          : undefined,
        query.country ? eq(peopleView.orgCountry, query.country) : undefined,
        query.partnerType
          ? sql`exists (select 1 from organization_partner_types t where t.organization_id = ${peopleView.orgId}
              and t.type_code = ${query.partnerType})`
          : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(rows, (r) => r.name);
  return { items: await toDtos(db, items), nextCursor };
}

export async function getMember(db: Queryable, ctx: Ctx, id: string) {
  if (!isId(id)) throw notFound('member');
  // One's own entry is readable while unlisted, to see how it will look.
  const rows = await selectMembers(db).where(
    and(eq(peopleView.id, id), id === ctx.actor.userId ? undefined : listed),
  );
  if (!rows.length) throw notFound('member');
  return (await toDtos(db, rows))[0]!;
}

export async function getMemberProfile(db: Queryable, ctx: Ctx) {
  const [row] = await db.select().from(memberProfiles).where(eq(memberProfiles.userId, ctx.actor.userId));
  return row
    ? {
        listed: row.listed,
        headline: row.headline,
        bio: row.bio,
        expertise: row.expertise,
        version: row.version,
      }
    : { listed: false, headline: '', bio: '', expertise: [], version: 0 };
}

export async function updateMemberProfile(db: Db, ctx: Ctx, input: z.output<typeof updateMemberProfileBody>) {
  const before = await getMemberProfile(db, ctx);
  await runChange(db, ctx, async (tx, record) => {
    const values = {
      listed: input.listed,
      headline: input.headline,
      bio: input.bio,
      expertise: input.expertise,
    };
    await tx
      .insert(memberProfiles)
      .values({ userId: ctx.actor.userId, ...values })
      .onConflictDoUpdate({
        target: memberProfiles.userId,
        set: { ...values, version: sql`${memberProfiles.version} + 1`, updatedAt: new Date() },
      });
    record.audit({
      action:
        before.listed !== input.listed
          ? input.listed
            ? 'member.listed'
            : 'member.unlisted'
          : 'member.updated',
      entityType: 'user',
      entityId: ctx.actor.userId,
      before,
      after: values,
    });
  });
  return getMemberProfile(db, ctx);
}

/**
 * "Introduce me": both people are told, each with the other's name and a
 * link, so they can take it from there. The member asked must be listed.
 */
export async function introduce(deps: Deps, ctx: Ctx, id: string, message: string) {
  const { db } = deps;
  const actor = ctx.actor;
  const member = await getMember(db, ctx, id);
  if (member.id === actor.userId) {
    throw invalid([{ path: 'id', message: 'That is your own entry' }]);
  }
  const created = await runChange(db, ctx, async (tx, record) => {
    await takeAttempt(tx, introductionLimit, [`user:${actor.userId}`], 'introductions');
    const [me] = await tx
      .select({ orgName: peopleView.orgName })
      .from(peopleView)
      .where(eq(peopleView.id, actor.userId));
    record.audit({
      action: 'member.introduced',
      entityType: 'user',
      entityId: member.id,
      after: { fromUserId: actor.userId, message },
    });
    const toThem = await addNotifications(tx, {
      userIds: [member.id],
      kind: 'introduction',
      title: `${actor.name} of ${me?.orgName ?? 'a partner'} would like to be introduced`,
      body: message,
      link: `/community/members/${actor.userId}`,
      actorUserId: actor.userId,
    });
    // The requester's notice comes from the platform, not from themselves.
    const toMe = await addNotifications(tx, {
      userIds: [actor.userId],
      kind: 'introduction',
      title: `We introduced you to ${member.name} of ${member.organization.name}`,
      body: message,
      link: `/community/members/${member.id}`,
      actorUserId: null,
    });
    return [...toThem, ...toMe];
  });
  await emailNotifications(deps, created);
  return member;
}
