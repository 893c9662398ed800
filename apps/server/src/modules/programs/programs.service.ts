import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  isMoneyMetric,
  type createProgramBody,
  type replaceTiersBody,
  type tierInput,
  type updateProgramBody,
} from '@partnergraph/shared/contracts/programs';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { invalid, notFound, unprocessable, type FieldError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { PageRequest } from '../../lib/pagination';
import { assertTypesUsable } from '../organizations/organizations.service';
import { readSettings } from '../settings/settings.service';
import {
  countEnrollments,
  findCurrentTiers,
  findProgramById,
  findPrograms,
  findPublishedPrograms,
  type ProgramRow,
  type TierRow,
} from './programs.repository';
import { unmeasuredReason } from './metrics';
import { programs, programTiers } from './programs.tables';
import { formatMetricValue, metricLabel, metricNames, readingKey } from './tier-engine';
import { seesEnrollmentCounts } from './programs.visibility';

export function toTierDto(t: TierRow) {
  return {
    id: t.id,
    programVersion: t.programVersion,
    rank: t.rank,
    code: t.code,
    name: t.name,
    requirements: t.requirements,
    benefits: t.benefits,
  };
}

function toProgramDto(p: ProgramRow, tiers: TierRow[], enrollmentCount: number | null) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    status: p.status,
    eligibleTypes: p.eligibleTypes,
    tracks: p.tracks,
    requiredAgreementTypes: p.requiredAgreementTypes as (
      | 'reseller'
      | 'distribution'
      | 'msp'
      | 'referral'
      | 'technology_partner'
      | 'system_integrator'
      | 'nda'
      | 'custom'
    )[],
    checklist: p.checklist,
    demotionGraceDays: p.demotionGraceDays,
    agreementDeadlineDays: p.agreementDeadlineDays,
    tiersVersion: p.tiersVersion,
    tiers: tiers.map(toTierDto),
    enrollmentCount,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** `withCounts` only for vendor staff: for a partner the count is an ecosystem figure it may not see. */
async function programDtos(q: Queryable, rows: ProgramRow[], withCounts = true) {
  // One after the other: inside a transaction they share a client, which runs one query at a time.
  const tiers = await findCurrentTiers(q, rows);
  const counts = withCounts
    ? await countEnrollments(
        q,
        rows.map((p) => p.id),
      )
    : null;
  return rows.map((p) => toProgramDto(p, tiers.get(p.id) ?? [], counts ? (counts.get(p.id) ?? 0) : null));
}

export async function listPrograms(
  db: Db,
  ctx: Ctx,
  f: { status?: ProgramRow['status'] | undefined },
  page: Omit<PageRequest, 'sort'>,
) {
  const res = await findPrograms(db, ctx.actor, f, page);
  return {
    items: await programDtos(db, res.items, seesEnrollmentCounts(ctx.actor)),
    nextCursor: res.nextCursor,
  };
}

export async function getProgram(db: Db, ctx: Ctx, id: string) {
  const p = await findProgramById(db, ctx.actor, id);
  if (!p) throw notFound('program');
  return (await programDtos(db, [p], seesEnrollmentCounts(ctx.actor)))[0]!;
}

type TierInput = z.output<typeof tierInput>;

/**
 * Tier rules must make sense as a ladder: unique codes, one rule per metric in
 * a tier, attestations with a label, only metrics something records (a rule
 * over any other could never be met), money in whole minor units, and a
 * threshold never lower than the same rule's on a lower tier. Money is named in
 * `currency`, the reporting currency the thresholds are in.
 */
export function validateTiers(tiers: TierInput[], currency: string, path = 'body.tiers'): FieldError[] {
  const errors: FieldError[] = [];
  const codes = new Set<string>();
  const floors = new Map<string, { threshold: number; tier: string }>();
  tiers.forEach((tier, i) => {
    if (codes.has(tier.code))
      errors.push({ path: `${path}.${i}.code`, message: `Tier code ${tier.code} is used twice` });
    codes.add(tier.code);
    const seen = new Map<string, number>();
    const raised = new Map<string, { threshold: number; tier: string }>();
    tier.requirements.forEach((rule, j) => {
      const at = `${path}.${i}.requirements.${j}`;
      const name =
        rule.metric === 'manual_attestation' ? `Attestation “${rule.label ?? ''}”` : metricLabel(rule.metric);
      const twice = seen.get(readingKey(rule));
      if (twice !== undefined) {
        errors.push({
          path: `${at}.metric`,
          message: `${name} is already requirement ${twice + 1} of ${tier.name}: a tier asks for each metric (over one window) once`,
        });
        return;
      }
      seen.set(readingKey(rule), j);
      if (rule.metric === 'manual_attestation' && !rule.label) {
        errors.push({ path: `${at}.label`, message: 'Say what the vendor attests' });
      }
      if (unmeasuredReason(rule.metric)) {
        errors.push({
          path: `${at}.metric`,
          message: `${name} cannot be measured yet, as nothing records it: no partner could meet this rule, so ${tier.name} could never be reached`,
        });
      }
      if (isMoneyMetric(rule.metric) && !Number.isInteger(rule.threshold)) {
        errors.push({
          path: `${at}.threshold`,
          message: `${name} is counted in whole minor units of ${currency} (cents for USD)`,
        });
      }
      if (rule.comparison !== 'gte' && rule.comparison !== 'gt') return;
      const key = readingKey(rule);
      const floor = floors.get(key);
      if (floor && rule.threshold < floor.threshold) {
        errors.push({
          path: `${at}.threshold`,
          message: `Tiers are out of order: the ${rule.metric === 'manual_attestation' ? 'attestation' : metricNames[rule.metric]} ${tier.name} asks for (${formatMetricValue(rule.metric, rule.threshold, currency)}) is less than the lower tier ${floor.tier}'s (${formatMetricValue(rule.metric, floor.threshold, currency)})`,
        });
      }
      raised.set(key, { threshold: rule.threshold, tier: tier.name });
    });
    // A tier's floors bind only the tiers above it.
    for (const [key, floor] of raised) floors.set(key, floor);
  });
  return errors;
}

async function insertTiers(q: Queryable, programId: string, programVersion: number, tiers: TierInput[]) {
  await q.insert(programTiers).values(
    tiers.map((t, i) => ({
      id: newId(),
      programId,
      programVersion,
      rank: i + 1,
      code: t.code,
      name: t.name,
      requirements: t.requirements,
      benefits: t.benefits,
    })),
  );
}

export async function createProgram(db: Db, ctx: Ctx, input: z.output<typeof createProgramBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const errors = validateTiers(input.tiers, (await readSettings(tx)).reportingCurrency);
    if (errors.length) throw invalid(errors);
    await assertTypesUsable(tx, input.eligibleTypes, 'body.eligibleTypes');
    const id = newId();
    const { tiers, ...fields } = input;
    const [row] = await tx
      .insert(programs)
      .values({ id, ...fields })
      .returning();
    await insertTiers(tx, id, 1, tiers);
    const [dto] = await programDtos(tx, [row!]);
    record.audit({ action: 'program.created', entityType: 'program', entityId: id, after: dto });
    record.event({ type: 'program.created', entityType: 'program', entityId: id, payload: dto! });
    return dto!;
  });
}

async function lockProgram(tx: Queryable, ctx: Ctx, id: string, version: number) {
  const p = await findProgramById(tx, ctx.actor, id, { forUpdate: true });
  if (!p) throw notFound('program');
  assertVersion(p, version);
  if (p.status === 'retired') throw unprocessable('A retired program cannot be changed');
  return p;
}

export async function updateProgram(db: Db, ctx: Ctx, id: string, input: z.output<typeof updateProgramBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const p = await lockProgram(tx, ctx, id, input.version);
    const { version: _v, ...fields } = input;
    if (fields.eligibleTypes) await assertTypesUsable(tx, fields.eligibleTypes, 'body.eligibleTypes');
    const [before] = await programDtos(tx, [p]);
    const [row] = await tx
      .update(programs)
      .set({ ...fields, version: sql`${programs.version} + 1`, updatedAt: new Date() })
      .where(eq(programs.id, id))
      .returning();
    const [after] = await programDtos(tx, [row!]);
    record.audit({ action: 'program.updated', entityType: 'program', entityId: id, before, after });
    record.event({ type: 'program.updated', entityType: 'program', entityId: id, payload: after! });
    return after!;
  });
}

/**
 * A draft's tiers are edited in place. A published program's tiers change only
 * by a new version: existing enrollments keep pointing at their old tier (still
 * valid) until their next evaluation moves them onto the new ladder by rank.
 */
export async function replaceTiers(db: Db, ctx: Ctx, id: string, input: z.output<typeof replaceTiersBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const errors = validateTiers(input.tiers, (await readSettings(tx)).reportingCurrency);
    if (errors.length) throw invalid(errors);
    const p = await lockProgram(tx, ctx, id, input.version);
    let tiersVersion = p.tiersVersion;
    if (p.status === 'draft') {
      await tx
        .delete(programTiers)
        .where(and(eq(programTiers.programId, id), eq(programTiers.programVersion, tiersVersion)));
    } else {
      tiersVersion += 1;
    }
    await insertTiers(tx, id, tiersVersion, input.tiers);
    const [row] = await tx
      .update(programs)
      .set({ tiersVersion, version: sql`${programs.version} + 1`, updatedAt: new Date() })
      .where(eq(programs.id, id))
      .returning();
    const [after] = await programDtos(tx, [row!]);
    record.audit({
      action: 'program.tiers_replaced',
      entityType: 'program',
      entityId: id,
      after: { tiersVersion, tiers: after!.tiers },
    });
    record.event({ type: 'program.updated', entityType: 'program', entityId: id, payload: after! });
    return after!;
  });
}

export async function changeProgramStatus(
  db: Db,
  ctx: Ctx,
  id: string,
  verb: 'publish' | 'retire',
  version: number,
) {
  return runChange(db, ctx, async (tx, record) => {
    const p = await lockProgram(tx, ctx, id, version);
    const to = verb === 'publish' ? 'published' : 'retired';
    if (verb === 'publish' && p.status !== 'draft')
      throw unprocessable('Only a draft program can be published');
    const [row] = await tx
      .update(programs)
      .set({
        status: to,
        ...(verb === 'publish' ? { publishedAt: new Date() } : {}),
        version: sql`${programs.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(programs.id, id))
      .returning();
    const [after] = await programDtos(tx, [row!]);
    record.audit({
      action: `program.${to}`,
      entityType: 'program',
      entityId: id,
      before: { status: p.status },
      after: { status: to },
    });
    record.event({ type: `program.${to}`, entityType: 'program', entityId: id, payload: after! });
    return after!;
  });
}

export async function listPublicPrograms(db: Db) {
  const rows = await findPublishedPrograms(db);
  return {
    items: rows.map((p) => ({
      id: p.id,
      name: p.name,
      description: p.description,
      eligibleTypes: p.eligibleTypes,
    })),
  };
}
