import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createAgreementBody } from '@partnergraph/shared/contracts/programs';
import type { Db, Queryable } from '../../db/client';
import { runChange, type ChangeRecorder } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { conflict, notFound } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import {
  findAcceptances,
  findAcceptancesOf,
  findAcceptedVersionIds,
  findAgreementById,
  findAgreements,
  findCurrentVersionsByType,
  findLatestAcceptances,
  findVersions,
  type AgreementRow,
  type AgreementVersionRow,
} from './agreements.repository';
import { findLiveEnrollmentsOfOrg } from './programs.repository';
import {
  agreementAcceptances,
  agreements,
  agreementVersions,
  enrollments,
  programs,
} from './programs.tables';

export const contentHash = (body: string) => createHash('sha256').update(body, 'utf8').digest('hex');

function versionDto(v: AgreementVersionRow) {
  return {
    id: v.id,
    versionNumber: v.versionNumber,
    body: v.body,
    contentHash: v.contentHash,
    publishedAt: v.publishedAt.toISOString(),
  };
}

async function agreementDtos(q: Queryable, ctx: Ctx, rows: AgreementRow[]) {
  const versions = await findVersions(
    q,
    rows.map((a) => a.id),
  );
  const accepted = await findLatestAcceptances(q, ctx.actor.orgId);
  return rows.map((a) => {
    const mine = versions.filter((v) => v.agreementId === a.id);
    const acceptance = accepted.find((x) => x.acceptance.agreementId === a.id);
    return {
      id: a.id,
      type: a.type,
      name: a.name,
      currentVersion: versionDto(mine[0]!),
      versions: mine.map((v) => ({
        id: v.id,
        versionNumber: v.versionNumber,
        contentHash: v.contentHash,
        publishedAt: v.publishedAt.toISOString(),
      })),
      acceptedByMe: acceptance
        ? {
            versionId: acceptance.acceptance.versionId,
            versionNumber: acceptance.versionNumber,
            acceptedAt: acceptance.acceptance.acceptedAt.toISOString(),
          }
        : null,
      createdAt: a.createdAt.toISOString(),
    };
  });
}

export async function listAgreements(db: Db, ctx: Ctx) {
  return { items: await agreementDtos(db, ctx, await findAgreements(db)) };
}

export async function getAgreement(db: Db, ctx: Ctx, id: string) {
  const a = await findAgreementById(db, id);
  if (!a) throw notFound('agreement');
  return (await agreementDtos(db, ctx, [a]))[0]!;
}

export async function createAgreement(db: Db, ctx: Ctx, input: z.output<typeof createAgreementBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const [taken] = await tx
      .select({ id: agreements.id })
      .from(agreements)
      .where(eq(agreements.type, input.type));
    if (taken)
      throw conflict(`A ${input.type} agreement already exists: publish a new version of it instead`, {
        agreementId: taken.id,
      });
    const id = newId();
    const [row] = await tx.insert(agreements).values({ id, type: input.type, name: input.name }).returning();
    await tx.insert(agreementVersions).values({
      id: newId(),
      agreementId: id,
      versionNumber: 1,
      body: input.body,
      contentHash: contentHash(input.body),
      publishedByUserId: ctx.actor.userId,
    });
    const [dto] = await agreementDtos(tx, ctx, [row!]);
    record.audit({
      action: 'agreement.created',
      entityType: 'agreement',
      entityId: id,
      after: { type: input.type, name: input.name, contentHash: dto!.currentVersion.contentHash },
    });
    record.event({
      type: 'agreement.published',
      entityType: 'agreement',
      entityId: id,
      payload: { id, type: input.type, versionNumber: 1 },
    });
    return dto!;
  });
}

/**
 * A new version is immutable once published. Every live enrollment whose
 * program requires this agreement type is flagged "action required" (it stays
 * active) until its organization accepts; past the program's deadline the
 * scheduled job suspends it.
 */
export async function publishAgreementVersion(db: Db, ctx: Ctx, id: string, body: string) {
  return runChange(db, ctx, async (tx, record) => {
    const a = await findAgreementById(tx, id, { forUpdate: true });
    if (!a) throw notFound('agreement');
    const [latest] = await findVersions(tx, [id]);
    const versionNumber = (latest?.versionNumber ?? 0) + 1;
    const now = new Date();
    await tx.insert(agreementVersions).values({
      id: newId(),
      agreementId: id,
      versionNumber,
      body,
      contentHash: contentHash(body),
      publishedByUserId: ctx.actor.userId,
      publishedAt: now,
    });
    const affected = await tx
      .select({ id: enrollments.id, deadlineDays: programs.agreementDeadlineDays })
      .from(enrollments)
      .innerJoin(programs, eq(programs.id, enrollments.programId))
      .where(
        and(
          eq(enrollments.status, 'active'),
          sql`${programs.requiredAgreementTypes} @> ${JSON.stringify([a.type])}::jsonb`,
        ),
      );
    // One statement for every affected enrollment: the deadline comes from each one's program.
    if (affected.length) {
      await tx
        .update(enrollments)
        .set({
          actionRequired: true,
          actionRequiredReason: `Accept version ${versionNumber} of ${a.name}`,
          actionDeadline: sql`${now.toISOString()}::timestamptz + (${programs.agreementDeadlineDays} * interval '1 day')`,
          version: sql`${enrollments.version} + 1`,
          updatedAt: now,
        })
        .from(programs)
        .where(
          and(
            eq(programs.id, enrollments.programId),
            inArray(
              enrollments.id,
              affected.map((e) => e.id),
            ),
          ),
        );
    }
    for (const e of affected) {
      record.audit({
        action: 'enrollment.action_required',
        entityType: 'enrollment',
        entityId: e.id,
        after: { reason: `Accept version ${versionNumber} of ${a.name}` },
      });
    }
    const [dto] = await agreementDtos(tx, ctx, [a]);
    record.audit({
      action: 'agreement.version_published',
      entityType: 'agreement',
      entityId: id,
      after: { versionNumber, contentHash: contentHash(body), enrollmentsFlagged: affected.length },
    });
    record.event({
      type: 'agreement.published',
      entityType: 'agreement',
      entityId: id,
      payload: { id, type: a.type, versionNumber },
    });
    return dto!;
  });
}

export type PendingAgreement = {
  agreementId: string;
  name: string;
  type: AgreementRow['type'];
  versionId: string;
  versionNumber: number;
};

/**
 * What each of several organizations must still accept, in two queries
 * whatever their number: the current versions of the types involved, and
 * those organizations' acceptances of them.
 */
export async function pendingAgreementsResolver(q: Queryable, organizationIds: string[], types: string[]) {
  const current = await findCurrentVersionsByType(q, [...new Set(types)]);
  const accepted = await findAcceptancesOf(
    q,
    [...new Set(organizationIds)],
    current.map((c) => c.version.id),
  );
  return (organizationId: string, required: string[]): PendingAgreement[] =>
    current
      .filter(
        (c) => required.includes(c.agreement.type) && !accepted.has(`${organizationId}|${c.version.id}`),
      )
      .map((c) => ({
        agreementId: c.agreement.id,
        name: c.agreement.name,
        type: c.agreement.type,
        versionId: c.version.id,
        versionNumber: c.version.versionNumber,
      }));
}

/** The current versions an organization must still accept for the given agreement types. */
export async function pendingAgreements(q: Queryable, organizationId: string, types: string[]) {
  return (await pendingAgreementsResolver(q, [organizationId], types))(organizationId, types);
}

/** After an acceptance: enrollments waiting on agreements become active, and flags clear, once nothing is pending. */
export async function settleEnrollmentsAfterAcceptance(
  tx: Queryable,
  organizationId: string,
  record: ChangeRecorder,
) {
  const live = await findLiveEnrollmentsOfOrg(tx, organizationId);
  if (!live.length) return;
  const progs = await tx
    .select()
    .from(programs)
    .where(
      inArray(
        programs.id,
        live.map((e) => e.programId),
      ),
    );
  const pendingFor = await pendingAgreementsResolver(
    tx,
    [organizationId],
    progs.flatMap((p) => p.requiredAgreementTypes),
  );
  for (const e of live) {
    const program = progs.find((p) => p.id === e.programId)!;
    const pending = pendingFor(organizationId, program.requiredAgreementTypes);
    if (pending.length) continue;
    const activate = e.status === 'pending_agreement';
    if (!activate && !e.actionRequired) continue;
    await tx
      .update(enrollments)
      .set({
        ...(activate ? { status: 'active' as const, statusReason: null } : {}),
        actionRequired: false,
        actionRequiredReason: null,
        actionDeadline: null,
        version: sql`${enrollments.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(enrollments.id, e.id));
    record.audit({
      action: activate ? 'enrollment.activated' : 'enrollment.action_cleared',
      entityType: 'enrollment',
      entityId: e.id,
      before: { status: e.status, actionRequired: e.actionRequired },
      after: { status: activate ? 'active' : e.status, actionRequired: false },
    });
  }
}

export async function acceptAgreement(db: Db, ctx: Ctx, id: string, versionId: string) {
  const a = await findAgreementById(db, id);
  if (!a) throw notFound('agreement');
  const [current] = await findVersions(db, [id]);
  if (!isId(versionId) || current!.id !== versionId) {
    throw conflict(
      `This is not the current version of ${a.name}: read and accept version ${current!.versionNumber}`,
      {
        currentVersionId: current!.id,
        currentVersionNumber: current!.versionNumber,
      },
    );
  }
  // Accepting again what is already accepted changes nothing and answers the same.
  if ((await findAcceptedVersionIds(db, ctx.actor.orgId, [versionId])).has(versionId)) {
    return (await agreementDtos(db, ctx, [a]))[0]!;
  }
  const already = Symbol('already accepted');
  const accepted = await runChange(db, ctx, async (tx, record) => {
    // Under the agreement's lock (publishing takes it too), the version checked is the version stored.
    await findAgreementById(tx, id, { forUpdate: true });
    const [latest] = await findVersions(tx, [id]);
    if (latest!.id !== versionId) {
      throw conflict(
        `A new version of ${a.name} was just published: read and accept version ${latest!.versionNumber}`,
        {
          currentVersionId: latest!.id,
          currentVersionNumber: latest!.versionNumber,
        },
      );
    }
    const inserted = await tx
      .insert(agreementAcceptances)
      .values({
        id: newId(),
        agreementId: id,
        versionId,
        organizationId: ctx.actor.orgId,
        userId: ctx.actor.userId,
        contentHash: current!.contentHash,
        ip: ctx.ip,
        userAgent: ctx.userAgent?.slice(0, 500) ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: agreementAcceptances.id });
    // A double submit: the first one recorded it; this one changes nothing.
    if (!inserted.length) throw already;
    record.audit({
      action: 'agreement.accepted',
      entityType: 'agreement',
      entityId: id,
      after: {
        versionId,
        versionNumber: current!.versionNumber,
        contentHash: current!.contentHash,
        organizationId: ctx.actor.orgId,
      },
    });
    record.event({
      type: 'agreement.accepted',
      entityType: 'agreement',
      entityId: id,
      organizationIds: [ctx.actor.orgId],
      payload: { agreementId: id, versionId, organizationId: ctx.actor.orgId },
    });
    await settleEnrollmentsAfterAcceptance(tx, ctx.actor.orgId, record);
    return (await agreementDtos(tx, ctx, [a]))[0]!;
  }).catch((err: unknown) => {
    if (err === already) return null;
    throw err;
  });
  return accepted ?? (await agreementDtos(db, ctx, [a]))[0]!;
}

export async function listAcceptances(db: Db, ctx: Ctx, id: string) {
  const a = await findAgreementById(db, id);
  if (!a) throw notFound('agreement');
  const rows = await findAcceptances(db, ctx.actor, id);
  return {
    items: rows.map((r) => ({
      id: r.acceptance.id,
      agreementId: r.acceptance.agreementId,
      versionId: r.acceptance.versionId,
      versionNumber: r.versionNumber,
      contentHash: r.acceptance.contentHash,
      organization: { id: r.acceptance.organizationId, name: r.organizationName },
      user: { id: r.acceptance.userId, name: r.userName ?? 'former user' },
      acceptedAt: r.acceptance.acceptedAt.toISOString(),
      ip: r.acceptance.ip,
      userAgent: r.acceptance.userAgent,
    })),
  };
}
