import { sql, type SQL } from 'drizzle-orm';
import type { EngagementWeights } from '@partnergraph/shared/contracts/analytics';
import type { Queryable } from '../../db/client';
import { registerMetricProvider, type MetricProvider } from '../programs/metrics';
import { readSettings } from '../settings/settings.service';

export type EngagementKind = keyof EngagementWeights;

export const engagementLabels: Record<EngagementKind, string> = {
  post: 'Posts',
  comment: 'Comments',
  eventAttended: 'Events attended',
  referralSent: 'Referrals sent',
  dealRegistered: 'Deals registered',
  profileUpdated: 'Profile updates',
  lessonCompleted: 'Lessons completed',
  certificationEarned: 'Certifications earned',
};

export const ENGAGEMENT_DAYS = 90;

/**
 * Where the engagement score's activities come from: each source is a SQL
 * query answering `(org, n, last_at)` for activity by an organization's users
 * in [from, to). A module registers the sources it owns; an activity with no
 * source (the community's posts, comments and events until it lands) counts 0.
 */
type Source = (from: Date, to: Date) => SQL;
const sources = new Map<EngagementKind, Source>();
/** The same activity per member: `(usr, n)` for the activity of each user in [from, to). */
const userSources = new Map<EngagementKind, Source>();

export function registerEngagementSource(kind: EngagementKind, source: Source, perUser?: Source) {
  sources.set(kind, source);
  if (perUser) userSources.set(kind, perUser);
}

export const inWindow = (column: SQL, from: Date, to: Date) =>
  sql`${column} >= ${from.toISOString()}::timestamptz and ${column} < ${to.toISOString()}::timestamptz`;

/** The activities analytics reads from other modules' tables, and the tier rule's engagement score. */
export function registerEngagement() {
  registerEngagementSource(
    'referralSent',
    (from, to) => sql`select referrer_org_id as org, count(*) as n, max(created_at) as last_at from referrals
      where source = 'partner' and referrer_org_id is not null and ${inWindow(sql`created_at`, from, to)} group by 1`,
    (from, to) => sql`select referrer_user_id as usr, count(*) as n from referrals
      where source = 'partner' and referrer_user_id is not null and ${inWindow(sql`created_at`, from, to)} group by 1`,
  );
  registerEngagementSource(
    'dealRegistered',
    (from, to) => sql`select registered_by_org_id as org, count(*) as n, max(created_at) as last_at from deals
      where not vendor_recorded and ${inWindow(sql`created_at`, from, to)} group by 1`,
    (from, to) => sql`select registered_by_user_id as usr, count(*) as n from deals
      where not vendor_recorded and registered_by_user_id is not null and ${inWindow(sql`created_at`, from, to)} group by 1`,
  );
  registerEngagementSource(
    'profileUpdated',
    (from, to) => sql`select actor_org_id as org, count(*) as n, max(at) as last_at from audit_log
      where action in ('profile.updated', 'profile.published') and actor_org_id is not null
        and ${inWindow(sql`at`, from, to)} group by 1`,
    (from, to) => sql`select actor_user_id as usr, count(*) as n from audit_log
      where action in ('profile.updated', 'profile.published') and actor_user_id is not null
        and ${inWindow(sql`at`, from, to)} group by 1`,
  );
  registerMetricProvider('engagement_score', engagementScore);
}

/**
 * Members' own engagement points over the trailing window (the organization's
 * score is the sum over its users of the same activities): for the member
 * directory. Users with no activity are absent (0).
 */
export async function userEngagement(
  q: Queryable,
  userIds: string[],
  now: Date,
  weights?: EngagementWeights,
) {
  const out = new Map<string, number>();
  if (!userIds.length || !userSources.size) return out;
  const w = weights ?? (await readSettings(q)).engagementWeights;
  const from = new Date(now.getTime() - ENGAGEMENT_DAYS * 86_400_000);
  const ids = sql.join(
    userIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const parts = [...userSources.entries()].map(
    ([kind, source]) => sql`select s.usr, s.n * ${w[kind]}::numeric as points from (${source(from, now)}) s
      where s.usr in (${ids})`,
  );
  const res = await q.execute<{ usr: string; points: string }>(
    sql`select usr, sum(points)::text as points from (${sql.join(parts, sql` union all `)}) a group by usr`,
  );
  for (const r of res.rows) out.set(r.usr, Number(r.points));
  return out;
}

/** Every registered activity of [from, to), one row per (org, kind). */
function activities(from: Date, to: Date, only?: SQL): SQL {
  const parts = [...sources.entries()].map(
    ([kind, source]) => sql`select ${kind}::text as kind, s.org, s.n, s.last_at from (${source(from, to)}) s
      ${only ? sql`where ${only}` : sql``}`,
  );
  return parts.length
    ? sql.join(parts, sql` union all `)
    : sql`select null::text as kind, null::uuid as org, 0 as n, null::timestamptz as last_at where false`;
}

/** One organization's activity counts over the trailing window, and its score. */
export async function engagementOf(q: Queryable, orgId: string, now: Date, weights?: EngagementWeights) {
  const w = weights ?? (await readSettings(q)).engagementWeights;
  const from = new Date(now.getTime() - ENGAGEMENT_DAYS * 86_400_000);
  const res = await q.execute<{ kind: EngagementKind; n: string }>(
    sql`select kind, sum(n)::text as n from (${activities(from, now, sql`s.org = ${orgId}::uuid`)}) a group by kind`,
  );
  const counts = new Map(res.rows.map((r) => [r.kind, Number(r.n)]));
  const list = (Object.keys(engagementLabels) as EngagementKind[]).map((kind) => {
    const count = counts.get(kind) ?? 0;
    return {
      kind,
      label: engagementLabels[kind],
      count,
      weight: w[kind],
      points: count * w[kind],
      measured: sources.has(kind),
    };
  });
  return { score: list.reduce((s, a) => s + a.points, 0), windowDays: ENGAGEMENT_DAYS, activities: list };
}

/** Scores of every organization with activity in the window (others score 0). */
export function scoresSql(weights: EngagementWeights, now: Date): SQL {
  const from = new Date(now.getTime() - ENGAGEMENT_DAYS * 86_400_000);
  const weightOf = sql`case a.kind ${sql.join(
    (Object.keys(weights) as EngagementKind[]).map((k) => sql`when ${k} then ${weights[k]}::numeric`),
    sql` `,
  )} else 0 end`;
  return sql`select a.org, sum(a.n * ${weightOf}) as score from (${activities(from, now)}) a group by a.org`;
}

/** The last activity counted by the engagement score, at any time before `now`. */
export async function lastActivity(q: Queryable, orgId: string, now: Date): Promise<Date | null> {
  const res = await q.execute<{ last_at: string | Date | null }>(
    sql`select max(last_at) as last_at from (${activities(new Date('1990-01-01T00:00:00Z'), now, sql`s.org = ${orgId}::uuid`)}) a`,
  );
  const v = res.rows[0]?.last_at;
  return v ? new Date(v) : null;
}

// The tier engine reads the engagement score over the rule's window (programs/metrics.ts).
const engagementScore: MetricProvider = async (q, ctx, rule) => {
  const { engagementWeights } = await readSettings(q);
  const from = new Date(ctx.now.getTime() - rule.windowDays * 86_400_000);
  const res = await q.execute<{ score: string | null }>(sql`
    select sum(a.n * case a.kind ${sql.join(
      (Object.keys(engagementWeights) as EngagementKind[]).map(
        (k) => sql`when ${k} then ${engagementWeights[k]}::numeric`,
      ),
      sql` `,
    )} else 0 end)::text as score
    from (${activities(from, ctx.now, sql`s.org = ${ctx.organizationId}::uuid`)}) a`);
  return Number(res.rows[0]?.score ?? 0);
};
