import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { evaluationSchema } from '@partnergraph/shared/contracts/programs';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange, type ChangeRecorder } from '../../db/transaction';
import { isVendor, type Ctx } from '../../lib/actor';
import { conflict, forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import type { PageRequest } from '../../lib/pagination';
import { countActiveUsersByOrganization } from '../identity/identity.repository';
import {
  findOrganizationById,
  findOrganizationRowsByIds,
  findPartnerById,
  findTypesOfOrganizations,
} from '../organizations/organizations.repository';
import { pendingAgreements, pendingAgreementsResolver } from './agreements.service';
import {
  findCurrentTiers,
  findEnrollmentById,
  findEnrollments,
  findProgramById,
  findTierHistory,
  findTiersByIds,
  type EnrollmentFilters,
  type EnrollmentRow,
  type ProgramRow,
} from './programs.repository';
import { toTierDto } from './programs.service';
import { attestations, checklistCompletions, enrollments, programs, tierHistory } from './programs.tables';
import { mayManageEnrollment } from './programs.visibility';
import { evaluateLocked } from './tier-evaluation';
/** Everything an enrollment screen shows, for a page of enrollments in a fixed number of queries. */
async function enrollmentDtos(q: Queryable, rows: EnrollmentRow[]) {
  if (!rows.length) return [];
  const orgIds = [...new Set(rows.map((r) => r.organizationId))];
  const programRows = await q
    .select()
    .from(programs)
    .where(inArray(programs.id, [...new Set(rows.map((r) => r.programId))]));
  // One after the other: inside a transaction they share a client, which runs one query at a time.
  const orgs = await findOrganizationRowsByIds(q, orgIds);
  const tiers = await findTiersByIds(
    q,
    rows.map((r) => r.tierId).filter((x): x is string => !!x),
  );
  const completions = await q
    .select()
    .from(checklistCompletions)
    .where(
      inArray(
        checklistCompletions.enrollmentId,
        rows.map((r) => r.id),
      ),
    );
  const teamSizes = await countActiveUsersByOrganization(q, orgIds);
  const pendingFor = await pendingAgreementsResolver(
    q,
    orgIds,
    programRows.flatMap((p) => p.requiredAgreementTypes),
  );
  return rows.map((e) => {
    const program = programRows.find((p) => p.id === e.programId)!;
    const org = orgs.get(e.organizationId)!;
    const pending = pendingFor(e.organizationId, program.requiredAgreementTypes);
    const done = (key: string) => completions.find((c) => c.enrollmentId === e.id && c.itemKey === key);
    const team = teamSizes.find((t) => t.organizationId === e.organizationId)?.n ?? 0;
    const checklist = program.checklist.map((item) => {
      // Most items are facts the platform can see; only custom tasks are ticked by hand.
      const derived =
        item.kind === 'accept_agreement'
          ? pending.length === 0
          : item.kind === 'complete_profile'
            ? !!(org.website && org.country && org.description.trim())
            : item.kind === 'invite_teammate'
              ? team >= 2
              : !!done(item.key);
      return { ...item, done: derived, completedAt: done(item.key)?.completedAt.toISOString() ?? null };
    });
    const tier = e.tierId ? tiers.get(e.tierId) : undefined;
    return {
      id: e.id,
      organization: { id: org.id, name: org.name },
      program: { id: program.id, name: program.name },
      track: e.track,
      status: e.status,
      statusReason: e.statusReason,
      tier: tier ? toTierDto(tier) : null,
      actionRequired: e.actionRequired,
      actionRequiredReason: e.actionRequiredReason,
      actionDeadline: e.actionDeadline?.toISOString() ?? null,
      pendingAgreements: pending,
      checklist,
      // Stored JSON is read back through its schema: a shape from an older release shows as "not evaluated", never a 500.
      lastEvaluation: evaluationSchema.safeParse(e.lastEvaluation).data ?? null,
      version: e.version,
      createdAt: e.createdAt.toISOString(),
      updatedAt: e.updatedAt.toISOString(),
    };
  });
}

export async function listEnrollments(
  db: Db,
  ctx: Ctx,
  f: EnrollmentFilters,
  page: Omit<PageRequest, 'sort'>,
) {
  const res = await findEnrollments(db, ctx.actor, f, page);
  return { items: await enrollmentDtos(db, res.items), nextCursor: res.nextCursor };
}

export async function getEnrollment(db: Db, ctx: Ctx, id: string) {
  const e = await findEnrollmentById(db, ctx.actor, id);
  if (!e) throw notFound('enrollment');
  return (await enrollmentDtos(db, [e]))[0]!;
}

/**
 * Enrolls an organization at the program's entry tier. It waits in
 * `pending_agreement` until the program's agreements are accepted.
 * Used by the vendor directly and by application approval.
 */
export async function enroll(
  tx: Queryable,
  record: ChangeRecorder,
  input: {
    organizationId: string;
    program: ProgramRow;
    track?: string | undefined;
    actorUserId: string | null;
    reason: string;
  },
) {
  const { program } = input;
  if (program.status !== 'published') throw unprocessable('Only a published program takes enrollments');
  if (input.track && !program.tracks.includes(input.track)) {
    throw invalid([
      {
        path: 'body.track',
        message: `Choose one of the program's tracks: ${program.tracks.join(', ') || 'none'}`,
      },
    ]);
  }
  const types = await findTypesOfOrganizations(tx, [input.organizationId]);
  if (!types.some((t) => program.eligibleTypes.includes(t.code))) {
    throw unprocessable(
      `${program.name} is for ${program.eligibleTypes.join(', ')} partners; this organization is none of those`,
    );
  }
  const [existing] = await tx
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.organizationId, input.organizationId),
        eq(enrollments.programId, program.id),
        sql`${enrollments.status} <> 'terminated'`,
      ),
    );
  if (existing)
    throw conflict('This organization is already enrolled in this program', { enrollmentId: existing.id });
  const entry = (await findCurrentTiers(tx, [program])).get(program.id)![0]!;
  const pending = await pendingAgreements(tx, input.organizationId, program.requiredAgreementTypes);
  const id = newId();
  const [row] = await tx
    .insert(enrollments)
    .values({
      id,
      organizationId: input.organizationId,
      programId: program.id,
      tierId: entry.id,
      track: input.track ?? null,
      status: pending.length ? 'pending_agreement' : 'active',
    })
    .returning();
  await tx.insert(tierHistory).values({
    id: newId(),
    enrollmentId: id,
    kind: 'initial',
    toTierId: entry.id,
    reason: input.reason,
    actorUserId: input.actorUserId,
  });
  record.audit({
    action: 'enrollment.created',
    entityType: 'enrollment',
    entityId: id,
    after: {
      organizationId: input.organizationId,
      programId: program.id,
      tier: entry.code,
      status: row!.status,
    },
  });
  record.event({
    type: 'enrollment.created',
    entityType: 'enrollment',
    entityId: id,
    organizationIds: [input.organizationId],
    payload: { id, organizationId: input.organizationId, programId: program.id, status: row!.status },
  });
  // Judged at once: a partner that already meets a higher tier's rules starts there, not at the next run.
  return (await evaluateLocked(tx, row!, record, input.actorUserId, new Date())).row;
}

export async function createEnrollment(
  db: Db,
  ctx: Ctx,
  input: { organizationId: string; programId: string; track?: string | undefined },
) {
  return runChange(db, ctx, async (tx, record) => {
    const org = isId(input.organizationId)
      ? await findPartnerById(tx, ctx.actor, input.organizationId)
      : undefined;
    if (!org) throw invalid([{ path: 'body.organizationId', message: 'No such partner organization' }]);
    if (!mayManageEnrollment(ctx.actor, org))
      throw forbidden('You may enroll only the partners assigned to you');
    const program = isId(input.programId) ? await findProgramById(tx, ctx.actor, input.programId) : undefined;
    if (!program) throw invalid([{ path: 'body.programId', message: 'No such program' }]);
    const row = await enroll(tx, record, {
      ...input,
      program,
      actorUserId: ctx.actor.userId,
      reason: `Enrolled by ${ctx.actor.name}`,
    });
    return (await enrollmentDtos(tx, [row]))[0]!;
  });
}

/** Visible (404) and the actor's to manage (403), locked for the change. */
async function lockEnrollment(tx: Queryable, ctx: Ctx, id: string, opts: { manage: boolean }) {
  const e = await findEnrollmentById(tx, ctx.actor, id, { forUpdate: true });
  if (!e) throw notFound('enrollment');
  if (opts.manage && isVendor(ctx.actor)) {
    const org = await findOrganizationById(tx, e.organizationId);
    if (!mayManageEnrollment(ctx.actor, org!))
      throw forbidden('Not an enrollment of a partner assigned to you');
  }
  return e;
}

const statusRules = {
  suspend: { from: ['active', 'pending_agreement'], to: 'suspended' },
  reactivate: { from: ['suspended'], to: 'active' },
  terminate: { from: ['pending_agreement', 'active', 'suspended'], to: 'terminated' },
} as const;
export type EnrollmentVerb = keyof typeof statusRules;

export async function changeEnrollmentStatus(
  db: Db,
  ctx: Ctx,
  id: string,
  verb: EnrollmentVerb,
  input: { version: number; reason?: string | undefined },
) {
  return runChange(db, ctx, async (tx, record) => {
    const e = await lockEnrollment(tx, ctx, id, { manage: true });
    assertVersion(e, input.version);
    const rule = statusRules[verb];
    if (!(rule.from as readonly string[]).includes(e.status))
      throw unprocessable(
        `An enrollment that is ${e.status} cannot be ${verb === 'reactivate' ? 'reactivated' : `${verb}ed`}`,
      );
    if (verb !== 'reactivate' && !input.reason)
      throw invalid([{ path: 'body.reason', message: 'Give a reason' }]);
    let to: EnrollmentRow['status'] = rule.to;
    if (verb === 'reactivate') {
      const [program] = await tx.select().from(programs).where(eq(programs.id, e.programId));
      // Back to waiting on agreements if a required one is still unaccepted.
      if (
        (await pendingAgreements(tx, e.organizationId, program!.requiredAgreementTypes)).length &&
        !e.actionRequired
      )
        to = 'pending_agreement';
    }
    const [row] = await tx
      .update(enrollments)
      .set({
        status: to,
        statusReason: input.reason ?? null,
        version: sql`${enrollments.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(enrollments.id, id))
      .returning();
    record.audit({
      action: `enrollment.${to}`,
      entityType: 'enrollment',
      entityId: id,
      before: { status: e.status },
      after: { status: to, reason: input.reason ?? null },
    });
    record.event({
      type: 'enrollment.status_changed',
      entityType: 'enrollment',
      entityId: id,
      organizationIds: [e.organizationId],
      payload: { id, status: to },
    });
    return (await enrollmentDtos(tx, [row!]))[0]!;
  });
}

export async function evaluateEnrollment(db: Db, ctx: Ctx, id: string) {
  return runChange(db, ctx, async (tx, record) => {
    const e = await lockEnrollment(tx, ctx, id, { manage: ctx.actor.role === 'channel_manager' });
    if (e.status === 'terminated') throw unprocessable('A terminated enrollment is not evaluated');
    return (await evaluateLocked(tx, e, record, ctx.actor.userId, new Date())).evaluation;
  });
}

export async function listTierHistory(db: Db, ctx: Ctx, id: string) {
  const e = await findEnrollmentById(db, ctx.actor, id);
  if (!e) throw notFound('enrollment');
  const rows = await findTierHistory(db, id);
  const tiers = await findTiersByIds(db, [
    ...new Set(rows.flatMap((r) => [r.fromTierId, r.toTierId]).filter((x): x is string => !!x)),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      kind: r.kind,
      fromTier: r.fromTierId ? (tiers.get(r.fromTierId)?.name ?? null) : null,
      toTier: tiers.get(r.toTierId)?.name ?? '',
      reason: r.reason,
    })),
  };
}

export async function completeChecklistItem(db: Db, ctx: Ctx, id: string, key: string) {
  return runChange(db, ctx, async (tx, record) => {
    const e = await lockEnrollment(tx, ctx, id, { manage: isVendor(ctx.actor) });
    if (ctx.actor.orgKind === 'partner' && ctx.actor.role !== 'partner_admin') throw forbidden();
    const [program] = await tx.select().from(programs).where(eq(programs.id, e.programId));
    const item = program!.checklist.find((i) => i.key === key);
    if (!item) throw notFound('checklist item');
    if (item.kind !== 'custom')
      throw unprocessable('This item completes itself when the platform sees it done');
    await tx
      .insert(checklistCompletions)
      .values({ enrollmentId: id, itemKey: key, completedByUserId: ctx.actor.userId })
      .onConflictDoNothing();
    record.audit({
      action: 'enrollment.checklist_completed',
      entityType: 'enrollment',
      entityId: id,
      after: { item: key },
    });
    const [row] = await tx.select().from(enrollments).where(eq(enrollments.id, id));
    return (await enrollmentDtos(tx, [row!]))[0]!;
  });
}

/** Records (or withdraws) a vendor attestation for the organization, which manual-attestation rules read. */
export async function attest(db: Db, ctx: Ctx, id: string, input: { label: string; attested: boolean }) {
  return runChange(db, ctx, async (tx, record) => {
    const e = await lockEnrollment(tx, ctx, id, { manage: true });
    if (input.attested) {
      await tx
        .insert(attestations)
        .values({ organizationId: e.organizationId, label: input.label, attestedByUserId: ctx.actor.userId })
        .onConflictDoNothing();
    } else {
      await tx
        .delete(attestations)
        .where(and(eq(attestations.organizationId, e.organizationId), eq(attestations.label, input.label)));
    }
    record.audit({
      action: input.attested ? 'attestation.recorded' : 'attestation.withdrawn',
      entityType: 'organization',
      entityId: e.organizationId,
      after: { label: input.label },
    });
    return (await enrollmentDtos(tx, [e]))[0]!;
  });
}

// --- Scheduled work ---

/** Evaluates every live enrollment, each in its own transaction, so one failure stops nothing else. */
export async function evaluateAllEnrollments(db: Db, now = new Date()) {
  const ids = await db
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(inArray(enrollments.status, ['active', 'pending_agreement']));
  let changed = 0;
  for (const { id } of ids) {
    await runChange(
      db,
      { actor: null, requestId: 'job:evaluate-enrollments', ip: null },
      async (tx, record) => {
        const [e] = await tx.select().from(enrollments).where(eq(enrollments.id, id)).for('update');
        if (!e || (e.status !== 'active' && e.status !== 'pending_agreement')) return;
        const { evaluation } = await evaluateLocked(tx, e, record, null, now);
        if (evaluation.change) changed++;
      },
      { refreshOnly: true },
    );
  }
  return { evaluated: ids.length, changed };
}

/** Suspends enrollments whose organization let an agreement's acceptance deadline pass. */
export async function enforceAgreementDeadlines(db: Db, now = new Date()) {
  const overdue = await db
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.status, 'active'),
        eq(enrollments.actionRequired, true),
        lt(enrollments.actionDeadline, now),
      ),
    );
  for (const { id } of overdue) {
    await runChange(
      db,
      { actor: null, requestId: 'job:agreement-deadlines', ip: null },
      async (tx, record) => {
        const [e] = await tx
          .update(enrollments)
          .set({
            status: 'suspended',
            statusReason: 'A required agreement was not accepted by its deadline',
            version: sql`${enrollments.version} + 1`,
            updatedAt: now,
          })
          .where(and(eq(enrollments.id, id), eq(enrollments.status, 'active')))
          .returning();
        record.audit({
          action: 'enrollment.suspended',
          entityType: 'enrollment',
          entityId: id,
          after: { reason: 'agreement deadline passed', changed: !!e },
        });
        if (e)
          record.event({
            type: 'enrollment.status_changed',
            entityType: 'enrollment',
            entityId: id,
            organizationIds: [e.organizationId],
            payload: { id, status: 'suspended' },
          });
      },
    );
  }
  return { suspended: overdue.length };
}
