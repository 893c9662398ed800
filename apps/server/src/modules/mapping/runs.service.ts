import type { z } from 'zod';
import {
  levelRank,
  type round1Body,
  type Round2,
  type round3Body,
  type startRunBody,
} from '@partnergraph/shared/contracts/mapping';
import { shownCount, MIN_SHOWN_COUNT } from '@partnergraph/shared/psi/protocol';
import { MAX_SET_POINTS, randomScalar, scalarFromHex, scalarToHex } from '@partnergraph/shared/psi/psi';
import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import {
  AppError,
  conflict,
  forbidden,
  invalid,
  notFound,
  unprocessable,
  type FieldError,
} from '../../lib/errors';
import { newId } from '../../lib/ids';
import { assertUnderLimit, recordHit } from '../../lib/rate-limit';
import type { SecretBox } from '../../lib/secrets';
import { findUserNames } from '../identity/identity.repository';
import {
  findAccountsAtPositions,
  findAccountsOfPopulation,
  findKey,
  findPartnership,
  findPopulationsByIds,
  findResultsOfRuns,
  findRun,
  findRunMessage,
  findRunsOfPartnership,
  insertKey,
  insertOverlaps,
  insertResult,
  insertRun,
  updateRun,
  insertRunMessage,
  type PartnershipRow,
  type RunRow,
} from './mapping.repository';
import { checkAnswers, estimatedPoints } from './answers.check';
import { isActive, partnershipSides } from './partnerships.service';
import { psiPool } from './psi-worker/psi-pool';

/**
 * Runs per partnership per day. Each run lets the partner test up to MAX_SET_POINTS domains against the
 * vendor's populations; the limit bounds how much of "the whole internet" a partner can probe per day.
 */
export const RUN_LIMIT = { bucket: 'mapping.run', max: 20, windowMs: 24 * 3600 * 1000 };

/** Keys rotate monthly: results of one month cannot be joined to another's. */
export const periodOf = (d: Date) => d.toISOString().slice(0, 7);

const keyContext = (keyId: string) => `mapping.key:${keyId}`;

export async function toRunDtos(db: Db, ctx: Ctx, rows: RunRow[]) {
  const kinds = new Map<string, PartnershipRow['kind']>();
  for (const id of new Set(rows.map((r) => r.partnershipId))) {
    const p = await findPartnership(db, ctx.actor, id);
    if (p) kinds.set(id, p.kind);
  }
  const results = await findResultsOfRuns(
    db,
    rows.map((r) => r.id),
  );
  const names = new Map(
    (
      await findUserNames(
        db,
        rows.map((r) => r.startedByUserId).filter((x): x is string => Boolean(x)),
      )
    ).map((u) => [u.id, u.name]),
  );
  return rows.map((r) => ({
    id: r.id,
    partnershipId: r.partnershipId,
    initiatorOrganizationId: r.initiatorOrgId,
    period: r.period,
    status: r.status,
    kind: kinds.get(r.partnershipId) ?? 'vendor_partner',
    mine: r.initiatorOrgId === ctx.actor.orgId,
    maxPoints: MAX_SET_POINTS,
    results: results
      .filter((x) => x.runId === r.id)
      .map((x) => ({
        initiatorPopulationId: x.initiatorPopulationId,
        responderPopulationId: x.responderPopulationId,
        count: x.count < MIN_SHOWN_COUNT ? null : x.count,
        shown: shownCount(x.count),
      })),
    startedBy: r.startedByUserId ? (names.get(r.startedByUserId) ?? null) : null,
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  }));
}

export async function getRun(db: Db, ctx: Ctx, id: string) {
  const run = await findRun(db, ctx.actor, id);
  if (!run) throw notFound('mapping run');
  return (await toRunDtos(db, ctx, [run]))[0]!;
}

/** Every run of a partnership, for both sides: the audit trail of who mapped when. */
export async function listRuns(db: Db, ctx: Ctx, partnershipId: string) {
  const p = await findPartnership(db, ctx.actor, partnershipId);
  if (!p) throw notFound('mapping partnership');
  return { items: await toRunDtos(db, ctx, await findRunsOfPartnership(db, p.id)) };
}

export async function startRun(db: Db, ctx: Ctx, input: z.output<typeof startRunBody>) {
  const subject = [`partnership:${input.partnershipId}`];
  const id = await runChange(db, ctx, async (tx, record) => {
    const p = await findPartnership(tx, ctx.actor, input.partnershipId, true);
    if (!p) throw notFound('mapping partnership');
    if (!isActive(p)) throw unprocessable('Both organizations must opt in before mapping');
    await assertUnderLimit(tx, RUN_LIMIT, subject, 'mapping runs for this partnership');
    await recordHit(tx, RUN_LIMIT, subject);
    const run = await insertRun(tx, {
      id: newId(),
      partnershipId: p.id,
      initiatorOrgId: ctx.actor.orgId,
      startedByUserId: ctx.actor.userId,
      period: periodOf(new Date()),
      status: 'awaiting_points',
    });
    record.audit({
      action: 'mapping.run.started',
      entityType: 'mapping_run',
      entityId: run.id,
      after: { partnershipId: p.id },
    });
    return run.id;
  });
  return getRun(db, ctx, id);
}

/** A message names its run and round; another run's message, or one out of turn, is refused. */
export function checkMessage(run: RunRow, body: { runId: string; round: number }, want: RunRow['status']) {
  if (body.runId !== run.id)
    throw invalid([{ path: 'body.runId', message: 'This message belongs to another run' }]);
  if (run.status !== want)
    throw conflict(
      run.status === 'finished'
        ? 'This run is finished; start another'
        : `This run expects round ${{ awaiting_points: 1, awaiting_response: 2, answered: 3 }[run.status]}, not round ${body.round}`,
    );
}

/**
 * Round 1 → 2: the partner's blinded points in, the vendor's answer out. Sizes are checked before any
 * work; every point is validated; then each vendor population the partner may see at least counts of is
 * answered with its own key b: b·(a·H(d)) (shuffled unless the level discloses overlaps), and the tags of
 * b·H(v) with, at "overlaps" and above, the fields sealed to each account's key. Nothing of this is stored.
 */
export async function answerRound1(
  db: Db,
  ctx: Ctx,
  secrets: SecretBox,
  id: string,
  body: z.output<typeof round1Body>,
): Promise<Round2> {
  const total = body.sets.reduce((n, s) => n + estimatedPoints(s.points), 0);
  if (total > MAX_SET_POINTS)
    throw new AppError(
      'payload_too_large',
      `A run holds at most ${MAX_SET_POINTS} points; this one ${total}`,
    );
  const run = await findRun(db, ctx.actor, id);
  if (!run) throw notFound('mapping run');
  if (run.initiatorOrgId !== ctx.actor.orgId)
    throw forbidden('Only the organization that started a run sends its points');
  checkMessage(run, body, 'awaiting_points');
  const p = (await findPartnership(db, ctx.actor, run.partnershipId))!;
  const sides = await partnershipSides(db, p, ctx.actor.orgId);

  const errors: FieldError[] = [];
  const toDecode: { at: number; populationId: string; points: string }[] = [];
  const seen = new Set<string>();
  body.sets.forEach((s, i) => {
    const mine = sides.mine.find((m) => m.pop.id === s.populationId);
    if (!mine || seen.has(s.populationId)) {
      errors.push({
        path: `body.sets.${i}.populationId`,
        message: 'Not one of your populations, or given twice',
      });
      return;
    }
    seen.add(s.populationId);
    if (levelRank(mine.level) < levelRank('counts')) {
      errors.push({
        path: `body.sets.${i}.populationId`,
        message: 'Hidden from this partnership: raise its level to map it',
      });
      return;
    }
    toDecode.push({ at: i, populationId: s.populationId, points: s.points });
  });
  if (errors.length) throw invalid(errors);
  // Every point is checked to be a valid encoding: curve work, so on the pool's threads too.
  const decoded = await psiPool().decode(
    toDecode.map((s) => s.points),
    MAX_SET_POINTS,
  );
  const sets: { populationId: string; points: Uint8Array }[] = [];
  decoded.forEach((d, j) => {
    const s = toDecode[j]!;
    if (!d.ok) errors.push({ path: `body.sets.${s.at}.points`, message: d.message });
    else sets.push({ populationId: s.populationId, points: d.bytes });
  });
  if (errors.length) throw invalid(errors);

  if (p.kind === 'partner_partner') {
    // The other partner's browser answers: round 1 waits in the mailbox.
    await runChange(db, ctx, async (tx, record) => {
      const locked = await findRun(tx, ctx.actor, id, true);
      if (!locked) throw notFound('mapping run');
      checkMessage(locked, body, 'awaiting_points');
      await insertRunMessage(tx, run.id, 1, body);
      await updateRun(tx, run.id, { status: 'awaiting_response' });
      record.audit({
        action: 'mapping.run.sent',
        entityType: 'mapping_run',
        entityId: run.id,
        after: { sets: sets.map((s) => ({ populationId: s.populationId, points: s.points.length / 32 })) },
      });
      record.event({
        type: 'mapping.run.awaiting_response',
        entityType: 'mapping_run',
        entityId: run.id,
        organizationIds: [p.orgAId, p.orgBId],
        payload: { id: run.id, partnershipId: p.id },
      });
    });
    return { runId: run.id, round: 2, pending: true, responses: [] };
  }

  const answering = sides.theirs.filter((t) => levelRank(t.level) >= levelRank('counts'));
  // The run's round advances and the keys are fetched (or made) in one change; the curve work follows.
  const keys = await runChange(db, ctx, async (tx, record) => {
    const locked = await findRun(tx, ctx.actor, id, true);
    if (!locked) throw notFound('mapping run');
    checkMessage(locked, body, 'awaiting_points');
    const out = new Map<string, bigint>();
    for (const t of answering) {
      let key = await findKey(tx, p.id, t.pop.id, run.period);
      if (!key) {
        const keyId = newId();
        key = await insertKey(tx, {
          id: keyId,
          partnershipId: p.id,
          populationId: t.pop.id,
          period: run.period,
          sealedScalar: secrets.seal(scalarToHex(randomScalar()), keyContext(keyId)),
        });
      }
      out.set(t.pop.id, scalarFromHex(secrets.open(key.sealedScalar, keyContext(key.id))));
    }
    const answered = sets.flatMap((s) =>
      answering.map((t) => ({ initiator: s.populationId, responder: t.pop.id, version: t.pop.version })),
    );
    await updateRun(tx, run.id, { status: 'answered', answered });
    record.audit({
      action: 'mapping.run.answered',
      entityType: 'mapping_run',
      entityId: run.id,
      after: {
        sets: sets.map((s) => ({ populationId: s.populationId, points: s.points.length / 32 })),
        answeredPopulations: answering.map((t) => t.pop.id),
      },
    });
    return out;
  });

  const populations = [];
  for (const t of answering) {
    const accounts = await findAccountsOfPopulation(db, t.pop.id);
    populations.push({
      populationId: t.pop.id,
      level: t.level,
      sharedFields: t.sharedFields,
      accounts: accounts.map((a) => ({ keys: a.domains, fields: a.fields })),
      b: keys.get(t.pop.id)!,
    });
  }
  // Minutes of curve work for the biggest sets: on a worker thread, so the server keeps answering others.
  return psiPool().answer(run.id, sets, populations);
}

/**
 * Round 3: the partner's browser posts the counts it computed and, only for its populations whose level
 * discloses overlaps, which vendor accounts matched with the fields it shares. Stored; the run is finished.
 */
export async function finishRun(db: Db, ctx: Ctx, id: string, body: z.output<typeof round3Body>) {
  const run = await findRun(db, ctx.actor, id);
  if (!run) throw notFound('mapping run');
  if (run.initiatorOrgId !== ctx.actor.orgId)
    throw forbidden('Only the organization that started a run finishes it');
  checkMessage(run, body, 'answered');
  const p = (await findPartnership(db, ctx.actor, run.partnershipId))!;
  const sides = await partnershipSides(db, p, ctx.actor.orgId);
  const answered = run.answered ?? [];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const accepted: {
    initiator: string;
    responder: string;
    count: number;
    matches: { position: number; fields: Record<string, string> }[];
  }[] = [];
  body.results.forEach((r, i) => {
    const pair = answered.find(
      (a) => a.initiator === r.populationId && a.responder === r.againstPopulationId,
    );
    const key = `${r.populationId}:${r.againstPopulationId}`;
    if (!pair || seen.has(key)) {
      errors.push({
        path: `body.results.${i}`,
        message: 'Not a population pair this run answered, or given twice',
      });
      return;
    }
    seen.add(key);
    const mine = sides.mine.find((m) => m.pop.id === r.populationId)!;
    const theirs = sides.theirs.find((t) => t.pop.id === r.againstPopulationId);
    if (!theirs || theirs.pop.version !== pair.version) {
      errors.push({
        path: `body.results.${i}.againstPopulationId`,
        message: "The vendor's population changed during the run: run again",
      });
      return;
    }
    if (r.count > theirs.pop.accountCount)
      errors.push({ path: `body.results.${i}.count`, message: 'More than the population holds' });
    if (r.matches === undefined) {
      accepted.push({
        initiator: r.populationId,
        responder: r.againstPopulationId,
        count: r.count,
        matches: [],
      });
      return;
    }
    if (p.kind === 'partner_partner') {
      errors.push({
        path: `body.results.${i}.matches`,
        message: 'Between partners only counts are posted back; overlaps stay in your browser',
      });
      return;
    }
    if (!mine || levelRank(mine.level) < levelRank('overlaps')) {
      errors.push({
        path: `body.results.${i}.matches`,
        message: 'Your level for this population shares counts only: send no matches',
      });
      return;
    }
    if (r.matches.length !== r.count)
      errors.push({ path: `body.results.${i}.matches`, message: 'One match per counted account' });
    const positions = new Set<number>();
    r.matches.forEach((m, j) => {
      if (m.responderAccount >= theirs.pop.accountCount || positions.has(m.responderAccount))
        errors.push({
          path: `body.results.${i}.matches.${j}.responderAccount`,
          message: 'No such account in this run, or given twice',
        });
      positions.add(m.responderAccount);
      const extra = Object.keys(m.fields).filter(
        (f) => mine.level !== 'full' && !mine.sharedFields.includes(f as never),
      );
      if (extra.length)
        errors.push({
          path: `body.results.${i}.matches.${j}.fields`,
          message: `Not shared at your level: ${extra.join(', ')}`,
        });
    });
    accepted.push({
      initiator: r.populationId,
      responder: r.againstPopulationId,
      count: r.count,
      matches: r.matches.map((m) => ({
        position: m.responderAccount,
        fields: m.fields as Record<string, string>,
      })),
    });
  });
  // Partner ↔ partner: the initiator answers the other partner's reverse sets, for its browser to open.
  let reverse: Round2 | null = null;
  const wanted =
    p.kind === 'partner_partner' ? (((await findRunMessage(db, run.id, 2)) as Round2).reverse ?? []) : [];
  if (p.kind !== 'partner_partner' && body.reverse)
    errors.push({ path: 'body.reverse', message: 'Only a run between partners has a reverse direction' });
  else if (wanted.length && !body.reverse)
    errors.push({ path: 'body.reverse', message: "Answer the other partner's sets of round 2" });
  else if (body.reverse) {
    errors.push(...(await checkAnswers(body.reverse, wanted, sides.mine, 'body.reverse')));
    reverse = { runId: run.id, round: 2, responses: body.reverse };
  }
  if (errors.length) throw invalid(errors.slice(0, 50));

  await runChange(db, ctx, async (tx, record) => {
    const locked = await findRun(tx, ctx.actor, id, true);
    if (!locked) throw notFound('mapping run');
    checkMessage(locked, body, 'answered');
    if (reverse) await insertRunMessage(tx, run.id, 3, reverse);
    for (const a of accepted) {
      const resultId = newId();
      await insertResult(tx, {
        id: resultId,
        runId: run.id,
        initiatorPopulationId: a.initiator,
        responderPopulationId: a.responder,
        count: a.count,
      });
      const ids = new Map(
        (
          await findAccountsAtPositions(
            tx,
            a.responder,
            a.matches.map((m) => m.position),
          )
        ).map((x) => [x.position, x.id]),
      );
      await insertOverlaps(
        tx,
        a.matches.map((m) => ({
          id: newId(),
          resultId,
          accountId: ids.get(m.position)!,
          partnerFields: m.fields,
        })),
      );
    }
    await updateRun(tx, run.id, { status: 'finished', finishedAt: new Date() });
    const counts = accepted.map((a) => ({ initiator: a.initiator, responder: a.responder, count: a.count }));
    record.audit({
      action: 'mapping.run.finished',
      entityType: 'mapping_run',
      entityId: run.id,
      after: { counts, reverseAnswered: (reverse?.responses ?? []).map((r) => r.populationId) },
    });
    record.event({
      type: 'mapping.run.finished',
      entityType: 'mapping_run',
      entityId: run.id,
      organizationIds: [p.orgAId, p.orgBId],
      payload: { id: run.id, partnershipId: p.id, pairs: counts.length },
    });
  });
  return getRun(db, ctx, id);
}

// Population names for DTOs that show pairs.
export async function populationNames(db: Db, ids: string[]) {
  return new Map((await findPopulationsByIds(db, [...new Set(ids)])).map((p) => [p.id, p.name]));
}
