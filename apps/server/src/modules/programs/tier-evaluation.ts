import { eq, sql } from 'drizzle-orm';
import type { Evaluation } from '@partnergraph/shared/contracts/programs';
import type { Queryable } from '../../db/client';
import type { ChangeRecorder } from '../../db/transaction';
import { newId } from '../../lib/ids';
import { readSettings } from '../settings/settings.service';
import { readMetric } from './metrics';
import { findCurrentTiers, findTiersByIds, type EnrollmentRow, type TierRow } from './programs.repository';
import { enrollments, programs, tierHistory } from './programs.tables';
import { decideTierChange, evaluateTiers, readingKey, type MetricReading } from './tier-engine';

// Applying the tier engine to one locked enrollment: shared by enrolling, an evaluation asked for, and the job.

/**
 * Runs the tier engine for one enrollment: reads every metric its program's
 * current tiers need, explains each rule, then applies the decision
 * (promotion now; demotion after the grace period) and keeps it in the history.
 */
export async function evaluateLocked(
  tx: Queryable,
  e: EnrollmentRow,
  record: ChangeRecorder,
  actorUserId: string | null,
  now: Date,
) {
  const [program] = await tx.select().from(programs).where(eq(programs.id, e.programId));
  const tiers = (await findCurrentTiers(tx, [program!])).get(program!.id)!;
  const readings = new Map<string, MetricReading>();
  for (const rule of tiers.flatMap((t) => t.requirements)) {
    const key = readingKey(rule);
    if (!readings.has(key))
      readings.set(key, await readMetric(tx, { organizationId: e.organizationId, now }, rule));
  }
  const { reportingCurrency } = await readSettings(tx);
  const result = evaluateTiers(tiers, readings, reportingCurrency);
  const current = e.tierId ? (await findTiersByIds(tx, [e.tierId])).get(e.tierId) : undefined;
  // A tier of an older ladder version counts by its rank on the current ladder.
  const currentRank = current ? Math.min(current.rank, tiers.length) : null;
  const qualifiedRank = result.qualified?.rank ?? 1;
  const decision = decideTierChange({
    currentRank,
    qualifiedRank,
    demotionPendingSince: e.demotionPendingSince,
    graceDays: program!.demotionGraceDays,
    now,
  });
  const byRank = (rank: number) => tiers.find((t) => t.rank === rank)!;
  const currentOnLadder: TierRow | undefined = currentRank ? byRank(currentRank) : undefined;

  let change: Evaluation['change'] = null;
  let tierId = currentOnLadder?.id ?? e.tierId;
  let demotionPendingSince: Date | null = e.demotionPendingSince;
  let demotionEffectiveAt: Date | null = null;
  if (decision.kind === 'promotion' || decision.kind === 'demotion') {
    const to = byRank(decision.toRank);
    const reason =
      decision.kind === 'promotion'
        ? `Meets every requirement of ${to.name}`
        : `Has not met the requirements of ${current?.name ?? 'its tier'} for ${program!.demotionGraceDays} days`;
    change = { kind: decision.kind, fromTier: current?.name ?? null, toTier: to.name, reason };
    tierId = to.id;
    demotionPendingSince = null;
    await tx.insert(tierHistory).values({
      id: newId(),
      enrollmentId: e.id,
      kind: decision.kind,
      fromTierId: current?.id ?? null,
      toTierId: to.id,
      reason,
      actorUserId,
    });
  } else if (decision.kind === 'demotion_pending') {
    demotionPendingSince = decision.since;
    demotionEffectiveAt = decision.effectiveAt;
  } else if (decision.clearPending) {
    demotionPendingSince = null;
  }
  const finalTier = tiers.find((t) => t.id === tierId) ?? current;
  const evaluation: Evaluation = {
    enrollmentId: e.id,
    evaluatedAt: now.toISOString(),
    currentTier: finalTier ? { id: finalTier.id, name: finalTier.name, rank: finalTier.rank } : null,
    qualifiedTier: result.qualified
      ? { id: result.qualified.id, name: result.qualified.name, rank: result.qualified.rank }
      : null,
    tiers: result.tiers,
    change,
    demotionPendingSince: demotionPendingSince?.toISOString() ?? null,
    demotionEffectiveAt: demotionEffectiveAt?.toISOString() ?? null,
  };
  // Only a change of tier or of the pending demotion is a state change (new version, audit entry);
  // otherwise the stored evaluation is a refreshed cache, and nobody mid-edit gets a 409 for it.
  const stateChanged =
    tierId !== e.tierId ||
    (demotionPendingSince?.getTime() ?? null) !== (e.demotionPendingSince?.getTime() ?? null);
  const [row] = await tx
    .update(enrollments)
    .set({
      tierId,
      demotionPendingSince,
      lastEvaluatedAt: now,
      lastEvaluation: evaluation as unknown as Record<string, unknown>,
      ...(stateChanged ? { version: sql`${enrollments.version} + 1`, updatedAt: now } : {}),
    })
    .where(eq(enrollments.id, e.id))
    .returning();
  if (stateChanged || actorUserId) {
    record.audit({
      action: 'enrollment.evaluated',
      entityType: 'enrollment',
      entityId: e.id,
      after: {
        qualifiedTier: evaluation.qualifiedTier?.name ?? null,
        change,
        demotionPendingSince: evaluation.demotionPendingSince,
      },
    });
  }
  if (change) {
    record.event({
      type: `enrollment.${change.kind}`,
      entityType: 'enrollment',
      entityId: e.id,
      organizationIds: [e.organizationId],
      payload: { id: e.id, ...change },
    });
  }
  return { row: row!, evaluation };
}
