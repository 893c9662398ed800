import type { z } from 'zod';
import { levelRank, type round2Body, type Round2 } from '@partnergraph/shared/contracts/mapping';
import { fromBase64Url, MAX_SET_POINTS, TAG_BYTES } from '@partnergraph/shared/psi/psi';
import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { AppError, conflict, forbidden, invalid, notFound, type FieldError } from '../../lib/errors';
import { findPartnership, findRun, findRunMessage, insertRunMessage, updateRun } from './mapping.repository';
import { partnershipSides } from './partnerships.service';
import { psiPool } from './psi-worker/psi-pool';
import { checkMessage, estimatedPoints, getRun } from './runs.service';

// Partner ↔ partner runs: the server carries round 1 to the responding partner's browser and round 2 back,
// checking each message's shape and turn; it can open neither.

async function peerRun(db: Db, ctx: Ctx, id: string) {
  const run = await findRun(db, ctx.actor, id);
  if (!run) throw notFound('mapping run');
  const p = (await findPartnership(db, ctx.actor, run.partnershipId))!;
  if (p.kind !== 'partner_partner')
    throw conflict('The vendor answers its runs at once: there is no mailbox');
  return { run, p };
}

type Round1Stored = { runId: string; round: 1; sets: { populationId: string; points: string }[] };

/** The responding partner reads round 1. */
export async function readRequest(db: Db, ctx: Ctx, id: string) {
  const { run } = await peerRun(db, ctx, id);
  if (run.initiatorOrgId === ctx.actor.orgId) throw forbidden('The other partner answers this run');
  if (run.status !== 'awaiting_response') throw conflict('This run is not waiting for your answer');
  return (await findRunMessage(db, run.id, 1)) as Round1Stored;
}

/**
 * The responding partner's browser posts round 2. Each answering population must be its own, shared at
 * counts or more, in order exactly when its level discloses overlaps; every evaluated set answers one
 * initiator set point for point; tags are whole 16-byte tags, one per owner.
 */
export async function postAnswer(db: Db, ctx: Ctx, id: string, body: z.output<typeof round2Body>) {
  const total = body.responses.reduce(
    (n, r) => n + r.evaluated.reduce((m, e) => m + estimatedPoints(e.points), 0),
    0,
  );
  if (total > MAX_SET_POINTS * 10)
    throw new AppError('payload_too_large', `An answer holds at most ${MAX_SET_POINTS * 10} points`);
  const { run, p } = await peerRun(db, ctx, id);
  if (run.initiatorOrgId === ctx.actor.orgId) throw forbidden('The other partner answers this run');
  checkMessage(run, body, 'awaiting_response');
  const request = (await findRunMessage(db, run.id, 1)) as Round1Stored;
  const counts = new Map(request.sets.map((s) => [s.populationId, estimatedPoints(s.points)]));
  const sides = await partnershipSides(db, p, ctx.actor.orgId);
  // Validating every evaluated point is curve work: on the pool's threads, like the vendor's answers.
  const decodedAll = await psiPool().decode(
    body.responses.flatMap((r) => r.evaluated.map((e) => e.points)),
    MAX_SET_POINTS,
  );
  let next = 0;
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  body.responses.forEach((r, i) => {
    const first = next;
    next += r.evaluated.length;
    const at = `body.responses.${i}`;
    const mine = sides.mine.find((m) => m.pop.id === r.populationId);
    if (!mine || seen.has(r.populationId) || levelRank(mine.level) < levelRank('counts')) {
      errors.push({
        path: `${at}.populationId`,
        message: 'Not one of your populations shared with this partner',
      });
      return;
    }
    seen.add(r.populationId);
    if (r.level !== mine.level)
      errors.push({ path: `${at}.level`, message: `Your level here is "${mine.level}"` });
    if (r.ordered !== levelRank(mine.level) >= levelRank('overlaps'))
      errors.push({ path: `${at}.ordered`, message: 'In order exactly when the level discloses overlaps' });
    const tags = fromBase64Url(r.tags);
    if (!tags || tags.length !== r.owners.length * TAG_BYTES)
      errors.push({ path: `${at}.tags`, message: 'One 16-byte tag per owner' });
    if (r.sealed && r.sealed.length !== r.owners.length)
      errors.push({ path: `${at}.sealed`, message: 'One sealed record per owner' });
    if (r.evaluated.length !== request.sets.length)
      errors.push({ path: `${at}.evaluated`, message: 'Answer every set of round 1' });
    r.evaluated.forEach((e, j) => {
      const want = counts.get(e.populationId);
      const decoded = decodedAll[first + j]!;
      if (want === undefined)
        errors.push({ path: `${at}.evaluated.${j}.populationId`, message: 'Not a set of round 1' });
      else if (!decoded.ok) errors.push({ path: `${at}.evaluated.${j}.points`, message: decoded.message });
      else if (decoded.count !== want)
        errors.push({
          path: `${at}.evaluated.${j}.points`,
          message: `Round 1 sent ${want} points, not ${decoded.count}`,
        });
    });
  });
  if (errors.length) throw invalid(errors.slice(0, 50));
  await runChange(db, ctx, async (tx, record) => {
    const locked = await findRun(tx, ctx.actor, id, true);
    if (!locked) throw notFound('mapping run');
    checkMessage(locked, body, 'awaiting_response');
    await insertRunMessage(tx, run.id, 2, body);
    const answered = request.sets.flatMap((s) =>
      body.responses.map((r) => ({
        initiator: s.populationId,
        responder: r.populationId,
        version: sides.mine.find((m) => m.pop.id === r.populationId)!.pop.version,
      })),
    );
    await updateRun(tx, run.id, { status: 'answered', answered });
    record.audit({
      action: 'mapping.run.answered',
      entityType: 'mapping_run',
      entityId: run.id,
      after: { answeredPopulations: body.responses.map((r) => r.populationId) },
    });
  });
  return getRun(db, ctx, id);
}

/** The initiating partner reads round 2 from the mailbox. */
export async function readAnswer(db: Db, ctx: Ctx, id: string): Promise<Round2> {
  const { run } = await peerRun(db, ctx, id);
  if (run.initiatorOrgId !== ctx.actor.orgId)
    throw forbidden('Only the partner that started the run reads its answer');
  if (run.status !== 'answered')
    throw conflict(run.status === 'finished' ? 'This run is finished' : 'Not answered yet');
  return (await findRunMessage(db, run.id, 2)) as Round2;
}
