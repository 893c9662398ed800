import type { z } from 'zod';
import type { round2Body, Round2 } from '@partnergraph/shared/contracts/mapping';
import { MAX_SET_POINTS } from '@partnergraph/shared/psi/psi';
import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { AppError, conflict, forbidden, invalid, notFound } from '../../lib/errors';
import { findPartnership, findRun, findRunMessage, insertRunMessage, updateRun } from './mapping.repository';
import { partnershipSides } from './partnerships.service';
import { checkAnswers, checkReverseSets, estimatedPoints } from './answers.check';
import { checkMessage, getRun } from './runs.service';

// Partner ↔ partner runs: the server carries round 1 to the responding partner's browser, round 2 back,
// and in round 3 the initiator's answer to the responder's reverse sets, so that both browsers learn what
// the other's levels grant; it checks each message's shape and turn and can open none.

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
 * The responding partner's browser posts round 2: its answer to round 1 and, so that it too learns what
 * the initiator's levels grant, its own sets blinded under a fresh scalar (the reverse direction).
 */
export async function postAnswer(db: Db, ctx: Ctx, id: string, body: z.output<typeof round2Body>) {
  const total =
    body.responses.reduce((n, r) => n + r.evaluated.reduce((m, e) => m + estimatedPoints(e.points), 0), 0) +
    (body.reverse ?? []).reduce((n, s) => n + estimatedPoints(s.points), 0);
  if (total > MAX_SET_POINTS * 10)
    throw new AppError('payload_too_large', `An answer holds at most ${MAX_SET_POINTS * 10} points`);
  const { run, p } = await peerRun(db, ctx, id);
  if (run.initiatorOrgId === ctx.actor.orgId) throw forbidden('The other partner answers this run');
  checkMessage(run, body, 'awaiting_response');
  const request = (await findRunMessage(db, run.id, 1)) as Round1Stored;
  const sides = await partnershipSides(db, p, ctx.actor.orgId);
  const errors = [
    ...(await checkAnswers(body.responses, request.sets, sides.mine, 'body.responses')),
    ...(await checkReverseSets(body.reverse ?? [], sides.mine)),
  ];
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
      after: {
        answeredPopulations: body.responses.map((r) => r.populationId),
        reverseSets: (body.reverse ?? []).map((s) => ({
          populationId: s.populationId,
          points: estimatedPoints(s.points),
        })),
      },
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

/**
 * The responding partner reads the initiator's answer to its reverse sets, once the run is finished, and
 * intersects in its browser: its overlaps with the initiator's fields, as the initiator's levels grant.
 */
export async function readReverse(db: Db, ctx: Ctx, id: string): Promise<Round2> {
  const { run } = await peerRun(db, ctx, id);
  if (run.initiatorOrgId === ctx.actor.orgId)
    throw forbidden('The other partner reads the answer to its own sets');
  if (run.status !== 'finished') throw conflict('Not finished yet');
  const answer = (await findRunMessage(db, run.id, 3)) as Round2 | undefined;
  if (!answer) throw notFound('reverse answer');
  return answer;
}
