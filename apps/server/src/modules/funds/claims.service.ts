import type { z } from 'zod';
import type {
  approveClaimBody,
  Claim,
  claimQuery,
  createClaimBody,
  rejectBody,
} from '@partnergraph/shared/contracts/funds';
import { formatMinor } from '@partnergraph/shared/contracts/money';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { forbidden, notFound, unprocessable } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { attachFile, deleteFile, openFile, storeFile } from '../files/files.service';
import { FILE_POLICIES } from '../files/files.policies';
import { bookEntry, partnerNames, today } from './ledger.service';
import {
  findClaimById,
  findClaimFiles,
  findClaims,
  findRequestById,
  findRequestsByIds,
  insertClaim,
  insertClaimFile,
  updateClaim,
  updateRequest,
  type ClaimRow,
} from './mdf.repository';
import { mayReviewPartner } from './mdf.service';

const OWNER_TYPE = 'fund_claim';

async function claimDtos(q: Queryable, rows: ClaimRow[]): Promise<Claim[]> {
  const requests = await findRequestsByIds(
    q,
    rows.map((r) => r.requestId),
  );
  const names = await partnerNames(
    q,
    rows.map((r) => r.partnerId),
  );
  const files = await findClaimFiles(
    q,
    rows.map((r) => r.id),
  );
  return rows.map((c) => ({
    id: c.id,
    requestId: c.requestId,
    requestTitle: requests.get(c.requestId)?.title ?? '',
    partnerId: c.partnerId,
    partnerName: names.get(c.partnerId) ?? '',
    amount: c.amount,
    approvedAmount: c.approvedAmount,
    currency: c.currency,
    status: c.status,
    note: c.note,
    reviewNote: c.reviewNote,
    files: files
      .get(c.id)!
      .map((f) => ({ id: f.fileId, fileName: f.fileName, contentType: f.contentType, bytes: f.bytes })),
    submittedAt: c.submittedAt.toISOString(),
    reviewedAt: c.reviewedAt?.toISOString() ?? null,
    version: c.version,
  }));
}

export async function listClaims(db: Db, ctx: Ctx, f: z.output<typeof claimQuery>) {
  return { items: await claimDtos(db, await findClaims(db, ctx.actor, f)) };
}

export async function getClaim(db: Db, ctx: Ctx, id: string) {
  const row = await findClaimById(db, ctx.actor, id);
  if (!row) throw notFound('claim');
  return (await claimDtos(db, [row]))[0]!;
}

/**
 * The partner claims an approved request back, by its deadline and within what was approved. One claim
 * is open at a time; a rejected one may be followed by another before the deadline.
 */
export async function createClaim(db: Db, ctx: Ctx, input: z.output<typeof createClaimBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const request = await findRequestById(tx, ctx.actor, input.requestId, true);
    if (!request) throw notFound('fund request');
    if (request.partnerId !== ctx.actor.orgId) throw forbidden('The partner that ran the activity claims it');
    if (request.status !== 'approved') {
      throw unprocessable(
        request.status === 'claimed'
          ? 'This request has a claim under review'
          : `This request is ${request.status}: only an approved request is claimed`,
      );
    }
    if (request.claimDeadline && today() > request.claimDeadline) {
      throw unprocessable(
        `The claim deadline was ${request.claimDeadline}: this request can no longer be claimed`,
      );
    }
    if (input.amount > request.reserved) {
      throw unprocessable(
        `The claim of ${formatMinor(input.amount, request.currency)} is larger than the approved request of ${formatMinor(request.reserved, request.currency)}`,
      );
    }
    const row = await insertClaim(tx, {
      id: newId(),
      requestId: request.id,
      partnerId: request.partnerId,
      submittedByUserId: ctx.actor.userId,
      amount: input.amount,
      currency: request.currency,
      status: 'submitted',
      note: input.note,
    });
    await updateRequest(tx, request.id, { status: 'claimed' });
    record.audit({
      action: 'fund_claim.submitted',
      entityType: 'fund_claim',
      entityId: row.id,
      after: input,
    });
    record.event({
      type: 'fund_claim.submitted',
      entityType: 'fund_claim',
      entityId: row.id,
      organizationIds: [row.partnerId],
      payload: { id: row.id, requestId: request.id, amount: row.amount, currency: row.currency },
    });
    return (await claimDtos(tx, [row]))[0]!;
  });
}

/** Proof of performance: the file streamed into storage after the claim's checks, attached in the claim's change. */
export async function addClaimFile(db: Db, ctx: Ctx, id: string, fileName: string, body: unknown) {
  const check = async (q: Queryable) => {
    const claim = await findClaimById(q, ctx.actor, id, q !== db);
    if (!claim) throw notFound('claim');
    if (claim.partnerId !== ctx.actor.orgId)
      throw forbidden('The partner that made the claim adds its proof');
    if (claim.status !== 'submitted')
      throw unprocessable(`This claim is ${claim.status}: its proof is closed`);
    return claim;
  };
  await check(db);
  const stored = await storeFile(db, ctx, { policy: FILE_POLICIES.proofOfPerformance, fileName, body });
  try {
    return await runChange(db, ctx, async (tx, record) => {
      const claim = await check(tx);
      await attachFile(tx, ctx, stored.id, { ownerType: OWNER_TYPE, ownerId: claim.id });
      await insertClaimFile(tx, {
        claimId: claim.id,
        fileId: stored.id,
        fileName: stored.fileName,
        contentType: stored.contentType,
        bytes: stored.bytes,
      });
      await updateClaim(tx, claim.id, {});
      record.audit({
        action: 'fund_claim.file_added',
        entityType: 'fund_claim',
        entityId: claim.id,
        after: {
          fileId: stored.id,
          fileName: stored.fileName,
          contentType: stored.contentType,
          bytes: stored.bytes,
        },
      });
      return (await claimDtos(tx, [(await findClaimById(tx, ctx.actor, claim.id))!]))[0]!;
    });
  } catch (err) {
    await deleteFile(db, stored.id);
    throw err;
  }
}

/** A claim's file, to whoever sees the claim (its partner and the vendor). */
export async function openClaimFile(db: Db, ctx: Ctx, id: string, fileId: string) {
  const claim = await findClaimById(db, ctx.actor, id);
  if (!claim) throw notFound('claim');
  return openFile(db, fileId, { ownerType: OWNER_TYPE, ownerId: claim.id });
}

/**
 * The review: all or part of the claim approved. What is approved is booked in the partner's ledger
 * (MDF expense, approved for payment); what the request reserved beyond it goes back to the budget.
 */
export async function approveClaim(db: Db, ctx: Ctx, id: string, input: z.output<typeof approveClaimBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const claim = await findClaimById(tx, ctx.actor, id, true);
    if (!claim) throw notFound('claim');
    if (!(await mayReviewPartner(tx, ctx.actor, claim.partnerId))) {
      throw forbidden("Only the partner's channel manager or a vendor admin reviews its claims");
    }
    assertVersion(claim, input.version);
    if (claim.status !== 'submitted') throw unprocessable(`This claim is ${claim.status}`);
    if (input.approvedAmount > claim.amount) {
      throw unprocessable(
        `Approving ${formatMinor(input.approvedAmount, claim.currency)} is more than the ${formatMinor(claim.amount, claim.currency)} claimed`,
      );
    }
    const request = (await findRequestById(tx, ctx.actor, claim.requestId, true))!;
    const partial = input.approvedAmount < claim.amount;
    const updated = await updateClaim(tx, claim.id, {
      status: partial ? 'partially_approved' : 'approved',
      approvedAmount: input.approvedAmount,
      reviewNote: input.note ?? null,
      reviewedByUserId: ctx.actor.userId,
      reviewedAt: new Date(),
    });
    const released = request.reserved - input.approvedAmount;
    await updateRequest(tx, request.id, {
      status: 'closed',
      reserved: 0,
      released: request.released + released,
    });
    await bookEntry(tx, record, {
      partnerId: claim.partnerId,
      source: 'mdf_claim',
      amount: input.approvedAmount,
      currency: claim.currency,
      occurredOn: today(),
      explanation: `MDF claim for “${request.title}”: ${formatMinor(claim.amount, claim.currency)} claimed, ${formatMinor(input.approvedAmount, claim.currency)} approved${partial && input.note ? ` (${input.note})` : ''}`,
      claimId: claim.id,
      state: 'approved',
    });
    record.audit({
      action: partial ? 'fund_claim.partially_approved' : 'fund_claim.approved',
      entityType: 'fund_claim',
      entityId: claim.id,
      before: { status: claim.status },
      after: { approvedAmount: input.approvedAmount, released },
    });
    record.event({
      type: 'fund_claim.approved',
      entityType: 'fund_claim',
      entityId: claim.id,
      organizationIds: [claim.partnerId],
      payload: { id: claim.id, approvedAmount: input.approvedAmount, currency: claim.currency },
    });
    return (await claimDtos(tx, [updated]))[0]!;
  });
}

export async function rejectClaim(db: Db, ctx: Ctx, id: string, input: z.output<typeof rejectBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const claim = await findClaimById(tx, ctx.actor, id, true);
    if (!claim) throw notFound('claim');
    if (!(await mayReviewPartner(tx, ctx.actor, claim.partnerId))) {
      throw forbidden("Only the partner's channel manager or a vendor admin reviews its claims");
    }
    assertVersion(claim, input.version);
    if (claim.status !== 'submitted') throw unprocessable(`This claim is ${claim.status}`);
    const updated = await updateClaim(tx, claim.id, {
      status: 'rejected',
      reviewNote: input.reason,
      reviewedByUserId: ctx.actor.userId,
      reviewedAt: new Date(),
    });
    // The reservation stands until the deadline: the partner may claim again with better proof.
    await updateRequest(tx, claim.requestId, { status: 'approved' });
    record.audit({
      action: 'fund_claim.rejected',
      entityType: 'fund_claim',
      entityId: claim.id,
      after: { reason: input.reason },
    });
    record.event({
      type: 'fund_claim.rejected',
      entityType: 'fund_claim',
      entityId: claim.id,
      organizationIds: [claim.partnerId],
      payload: { id: claim.id, reason: input.reason },
    });
    return (await claimDtos(tx, [updated]))[0]!;
  });
}
