import { sql } from 'drizzle-orm';
import type { AttributionModel } from '@partnergraph/shared/codes';
import type { Scorecard } from '@partnergraph/shared/contracts/analytics';
import type { TierRule } from '@partnergraph/shared/contracts/programs';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { isId } from '../../lib/ids';
import { assignmentFigures } from '../leads/leads.metrics';
import { findEnablementFigures } from '../enablement/certifications.repository';
import { partnerOverlapFigures } from '../mapping/overlap-pipeline';
import { findPartnerOrganization } from '../organizations/organizations.repository';
import { readMetric } from '../programs/metrics';
import { findActiveEnrollmentsWithPrograms, findCurrentTiers } from '../programs/programs.repository';
import { metricNames } from '../programs/tier-engine';
import { readSettings } from '../settings/settings.service';
import { ENGAGEMENT_DAYS, engagementOf, lastActivity, scoresSql } from './engagement';
import { typeNames } from './names';
import { type Scope, periodOf } from './period';
import { pipelineAt, pipelineInstant } from './pipeline.service';
import { referralCounts, referralRates, referralRevenue } from './referrals.report';
import { partnerCredits, wonCte } from './revenue.service';
import { mayReadScorecard } from './analytics.visibility';
import { activePartner, none, primaryType, ratio, value } from './sql';

/** Benchmarks are aggregates over at least this many organizations (metrics.md). */
export const MIN_BENCHMARK_ORGS = 5;

/**
 * How far a value goes toward a rule: at-least rules min(1, value/threshold)
 * (a threshold of 0 counts as met); at-most and equality rules are met or not.
 */
export function ruleAttainment(rule: TierRule, v: number | null): number {
  if (v === null) return 0;
  if (rule.comparison === 'gte' || rule.comparison === 'gt') {
    if (rule.threshold <= 0) return 1; // metrics.md: a threshold of 0 counts as met
    return Math.min(1, v / rule.threshold);
  }
  if (rule.comparison === 'lte') return v <= rule.threshold ? 1 : 0;
  if (rule.comparison === 'lt') return v < rule.threshold ? 1 : 0;
  return v === rule.threshold ? 1 : 0;
}

/** Recency (metrics.md): 100 within 30 days of the last activity, falling linearly to 0 at 180. */
export function recencyScore(last: Date | null, now: Date): number {
  if (!last) return 0;
  const days = (now.getTime() - last.getTime()) / 86_400_000;
  if (days <= 30) return 100;
  if (days >= 180) return 0;
  return (100 * (180 - days)) / 150;
}

/** Partner health 0–100: 40% attainment, 30% engagement percentile, 30% recency; rounded to one decimal. */
export function healthScore(attainment: number, percentile: number, recency: number): number {
  return Math.round((40 * attainment + 30 * percentile + 0.3 * recency) * 10) / 10;
}

async function tierProgress(q: Queryable, orgId: string, now: Date) {
  const active = await findActiveEnrollmentsWithPrograms(q, orgId);
  const ladders = await findCurrentTiers(
    q,
    active.map((a) => a.program),
  );
  const out: Scorecard['tiers'] = [];
  for (const { enrollment, program } of active) {
    const tiers = ladders.get(program.id) ?? [];
    const current = tiers.find((t) => t.id === enrollment.tierId);
    // Toward the next tier, or the current one at the top (metrics.md); the first when there is none.
    const target = current ? (tiers.find((t) => t.rank === current.rank + 1) ?? current) : tiers[0];
    const requirements: Scorecard['tiers'][number]['requirements'] = [];
    for (const rule of target?.requirements ?? []) {
      const reading = await readMetric(q, { organizationId: orgId, now }, rule);
      requirements.push({
        metric: rule.metric,
        label:
          rule.metric === 'manual_attestation'
            ? `attestation “${rule.label ?? ''}”`
            : metricNames[rule.metric],
        value: reading.value,
        ...(reading.missing ? { reason: reading.missing } : {}),
        threshold: rule.threshold,
        attainment: ruleAttainment(rule, reading.value),
      });
    }
    out.push({
      enrollmentId: enrollment.id,
      programId: program.id,
      programName: program.name,
      currentTier: current?.name ?? null,
      targetTier: target?.name ?? null,
      attainment: requirements.length
        ? requirements.reduce((s, r) => s + r.attainment, 0) / requirements.length
        : 1,
      requirements,
    });
  }
  return out;
}

/**
 * Engagement percentile within the primary partner type (metrics.md): the
 * share of active organizations of that type scoring lower, ties counted
 * half — the organization itself included, so a lone one stands at 0.5.
 * Also answers how many *other* organizations it was measured against.
 */
async function engagementPercentile(q: Queryable, orgId: string, ptype: string, score: number, now: Date) {
  const { engagementWeights } = await readSettings(q);
  const res = await q.execute<{ lower: number; tied: number; total: number }>(sql`
    with peers as (
      select o.id from organizations o
      where o.kind = 'partner' and (${activePartner(sql`o.id`)} or o.id = ${orgId}::uuid)
        and ${primaryType(sql`o.id`)} = ${ptype}
    ),
    scores as (select p.id, coalesce(s.score, 0) as score from peers p
      left join (${scoresSql(engagementWeights, now)}) s on s.org = p.id)
    select count(*) filter (where score < ${score})::int as lower,
      count(*) filter (where score = ${score})::int as tied, count(*)::int as total from scores`);
  const r = res.rows[0]!;
  return {
    percentile: r.total ? (r.lower + 0.5 * r.tied) / r.total : 0.5,
    others: Math.max(0, r.total - (r.tied > 0 ? 1 : 0)),
  };
}

const QUARTILES = [
  { p: 0.25, name: '25th percentile' },
  { p: 0.5, name: 'median' },
  { p: 0.75, name: '75th percentile' },
] as const;

/**
 * The peers (ranked 1…n, lowest first) whose mean stands for each quartile: the
 * MIN_BENCHMARK_ORGS ranked nearest to it, kept inside 1…n. Quartiles whose
 * bands are the same peers share one figure, labelled with all of them: with 5
 * peers the three are one mean of all five, and saying "median" and "75th
 * percentile" of it would claim a spread nobody measured.
 */
export function benchmarkBands(n: number) {
  const half = Math.floor(MIN_BENCHMARK_ORGS / 2);
  const bands: { from: number; to: number; around: string[] }[] = [];
  for (const q of QUARTILES) {
    // Postgres's round() and Math.round agree here: positions are never negative.
    const from = Math.max(1, Math.min(n - MIN_BENCHMARK_ORGS + 1, Math.round(q.p * (n - 1)) + 1 - half));
    const band = bands.find((x) => x.from === from);
    if (band) band.around.push(q.name);
    else bands.push({ from, to: from + MIN_BENCHMARK_ORGS - 1, around: [q.name] });
  }
  return bands.map((band) => ({
    ...band,
    key: `mean_ranks_${band.from}_${band.to}`,
    statistic:
      band.from === 1 && band.to === n
        ? `Mean of all ${n} peers`
        : `Mean of peers ranked ${band.from}–${band.to} of ${n}, around the ${band.around.join(' and ')}`,
  }));
}

/**
 * Ecosystem benchmarks for a partner (metrics.md: aggregates over at least 5
 * organizations, never one other partner's figure). The peers are the other
 * active organizations of its primary type — the partner itself left out. A
 * true percentile of a handful of peers is one of them, so each figure is the
 * mean of a band of 5 (benchmarkBands) and is labelled as such. Counts are
 * shown as whole numbers.
 */
async function benchmarks(
  q: Queryable,
  scope: Scope,
  orgId: string,
  ptype: string,
  mine: Record<string, number>,
) {
  const { engagementWeights } = await readSettings(q);
  const metrics = [
    {
      metric: 'sourced_revenue',
      label: 'Sourced revenue in the period',
      money: true,
      column: 'amount',
      rank: 'ra',
    },
    {
      metric: 'won_deals',
      label: 'Sourced deals won in the period',
      money: false,
      column: 'deals',
      rank: 'rw',
    },
    {
      metric: 'engagement_score',
      label: `Engagement score (last ${ENGAGEMENT_DAYS} days)`,
      money: false,
      column: 'score',
      rank: 're',
    },
  ] as const;
  const peers = sql`
    with ${wonCte({ ...scope, filters: {} })},
    peers as (
      select o.id from organizations o
      where o.kind = 'partner' and o.id <> ${orgId}::uuid
        and ${activePartner(sql`o.id`)} and ${primaryType(sql`o.id`)} = ${ptype}
    ),
    sourced as (select sourced_org as org, round(sum(amt)) as amount, count(*) as deals from won
      where sourced_org is not null group by sourced_org),
    eng as (${scoresSql(engagementWeights, scope.now)}),
    v as (select p.id, coalesce(s.amount, 0) as amount, coalesce(s.deals, 0) as deals, coalesce(e.score, 0) as score
      from peers p left join sourced s on s.org = p.id left join eng e on e.org = p.id),
    ranked as (select *, row_number() over (order by amount, id) as ra, row_number() over (order by deals, id) as rw,
      row_number() over (order by score, id) as re from v)`;
  // Counting reads only `peers`: PostgreSQL skips the CTEs a query does not reference (revenue, engagement).
  const n = (await q.execute<{ n: number }>(sql`${peers} select count(*)::int as n from peers`)).rows[0]!.n;
  const enough = n >= MIN_BENCHMARK_ORGS;
  const bands = enough ? benchmarkBands(n) : [];
  const means = new Map<string, string | null>();
  if (bands.length) {
    const columns = metrics.flatMap((m) =>
      bands.map(
        (b) =>
          sql`(select avg(${sql.raw(m.column)})::text from ranked where ${sql.raw(m.rank)} between ${b.from} and ${b.to}) as ${sql.raw(`"${m.metric}:${b.key}"`)}`,
      ),
    );
    const row = (
      await q.execute<Record<string, string | null>>(sql`${peers} select ${sql.join(columns, sql`, `)}`)
    ).rows[0]!;
    for (const [k, v] of Object.entries(row)) means.set(k, v);
  }
  const reason = `Fewer than ${MIN_BENCHMARK_ORGS} other active organizations share this partner type: no benchmark is shown`;
  return metrics.map((m) => ({
    metric: m.metric,
    label: m.label,
    money: m.money,
    you: value(mine[m.metric] ?? 0),
    organizations: enough ? n : 0,
    ...(enough ? {} : { reason }),
    bands: bands.map((b) => {
      const mean = Number(means.get(`${m.metric}:${b.key}`) ?? 0);
      return {
        key: b.key,
        statistic: b.statistic,
        fromRank: b.from,
        toRank: b.to,
        // Money is whole minor units, counts whole numbers; a score keeps two decimals.
        value: value(m.column === 'score' ? Math.round(mean * 100) / 100 : Math.round(mean)),
      };
    }),
  }));
}

export async function scorecard(
  q: Queryable,
  actor: Actor,
  id: string,
  scope: Scope,
  model: AttributionModel,
): Promise<Scorecard> {
  if (!isId(id) || !mayReadScorecard(actor, id)) throw notFound('partner');
  const org = await findPartnerOrganization(q, id);
  if (!org) throw notFound('partner');
  const names = await typeNames(q);
  const ptype = (await q.execute<{ t: string }>(sql`select ${primaryType(sql`${id}::uuid`)} as t`)).rows[0]!
    .t;
  const own: Scope = { ...scope, filters: { involvedOrg: id } };

  // Only the deals it is on: their credits are computed with every partner of each deal all the same.
  const credits = (await partnerCredits(q, { ...scope, filters: { involvedOrg: id } }, model, names, id))[0];
  const noWon = 'This partner has no credited won deals in the period';
  const pipe = await pipelineAt(q, own);
  const sentCounts = await referralCounts(q, { ...scope, filters: {} }, { referrer: id });
  const received = await referralCounts(q, { ...scope, filters: {} }, { recipient: id });
  const fees = await referralRevenue(q, { ...scope, filters: {} }, id);
  const engagement = await engagementOf(q, id, scope.now);
  const leadFigures = await assignmentFigures(q, scope.from, scope.to, id);
  const tiers = await tierProgress(q, id, scope.now);
  const attainment = tiers.length ? tiers.reduce((s, t) => s + t.attainment, 0) / tiers.length : 1;
  const peer = await engagementPercentile(q, id, ptype, engagement.score, scope.now);
  // A partner with fewer than 5 others of its type would learn their scores from its percentile: it sees
  // none, and its health counts the neutral middle. Vendor staff see the exact figure.
  const hidden = actor.orgKind === 'partner' && peer.others < MIN_BENCHMARK_ORGS;
  const percentile = hidden ? 0.5 : peer.percentile;
  const last = await lastActivity(q, id, scope.now);
  const recency = recencyScore(last, scope.now);
  const sourcedWon = (
    await q.execute<{ n: number }>(sql`with ${wonCte({ ...scope, filters: {} })}
      select count(*)::int as n from won where sourced_org = ${id}::uuid`)
  ).rows[0]!.n;

  return {
    partner: {
      id: org.id,
      name: org.name,
      partnerType: ptype,
      partnerTypeName: names.get(ptype) ?? ptype,
      status: org.status,
    },
    period: periodOf(scope),
    model,
    revenue: {
      sourced: credits ? value(credits.sourcedCredit) : none(noWon),
      influenceCredit: credits ? value(credits.influenceCredit) : none(noWon),
      wonDeals: credits?.deals ?? 0,
    },
    pipeline: { at: pipelineInstant(scope).toISOString(), value: pipe.pipeline, openDeals: pipe.openDeals },
    referrals: {
      sent: sentCounts.total,
      received: received.total,
      ...referralRates(sentCounts),
      feesEarned: fees.fees,
    },
    leads: {
      offered: leadFigures.offered,
      accepted: leadFigures.accepted,
      acceptanceRate: ratio(
        leadFigures.accepted,
        leadFigures.decided,
        'No lead offered in the period was decided yet',
      ),
      medianHoursToAccept: leadFigures.medianHoursToAccept,
    },
    engagement,
    enablement: await enablementOf(q, id, scope),
    mapping: await partnerOverlapFigures(q, actor, id, scope.currency, scope.now),
    health: {
      score: value(healthScore(attainment, percentile, recency)),
      attainment,
      engagementPercentile: hidden ? null : percentile,
      ...(hidden
        ? {
            engagementPercentileReason: `Fewer than ${MIN_BENCHMARK_ORGS} other organizations share this partner type: health counts the middle (0.5)`,
          }
        : {}),
      recency: Math.round(recency * 10) / 10,
      lastActivityAt: last?.toISOString() ?? null,
    },
    tiers,
    benchmarks: await benchmarks(q, scope, id, ptype, {
      sourced_revenue: credits?.sourcedCredit ?? 0,
      won_deals: sourcedWon,
      engagement_score: engagement.score,
    }),
  };
}

/** Certified people, course completion and content engagement (docs/METRICS.md, "Enablement"). */
async function enablementOf(q: Queryable, id: string, scope: Scope): Promise<Scorecard['enablement']> {
  const f = await findEnablementFigures(q, id, scope.from, scope.to);
  return {
    certifiedPeople: f.certified,
    certifiedByType: f.byType.map((t) => ({ typeId: t.type_id, name: t.name, people: t.people })),
    coursesStarted: f.learning.started,
    coursesCompleted: f.learning.completed,
    completionRate: f.learning.started
      ? value(Math.round((f.learning.completed / f.learning.started) * 1000) / 1000)
      : none('Nobody of this partner started a course in the period'),
    contentViews: f.content.views,
    contentDownloads: f.content.downloads,
    contentPeople: f.content.people,
  };
}
