import type { z } from 'zod';
import {
  levelRank,
  type answerLevelRequestBody,
  type createLevelRequestBody,
  type createPartnershipBody,
  type setLevelBody,
  type SharingLevel,
} from '@partnergraph/shared/contracts/mapping';
import type { Db } from '../../db/client';
import type { Queryable } from '../../db/client';
import { runChange } from '../../db/transaction';
import { isVendor, type Actor, type Ctx } from '../../lib/actor';
import { conflict, forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { isNamablePartner } from '../deals/deal-involvements.repository';
import {
  findOrganizationById,
  findOrganizationsByIds,
  findVendor,
} from '../organizations/organizations.repository';
import {
  deleteLevel,
  findLevelRequest,
  findLevelRequests,
  findLevels,
  findOwnPopulation,
  findPartnership,
  findPartnershipBetween,
  findPartnerships,
  findPopulationsOfOrganizations,
  insertLevelRequest,
  insertPartnership,
  setLevelRequestStatus,
  setOptIn,
  upsertLevel,
  type LevelRow,
  type PartnershipRow,
  type PopulationRow,
} from './mapping.repository';

type Field = 'name' | 'owner' | 'stage' | 'industry' | 'country' | 'amount';

export const counterpartOf = (p: PartnershipRow, orgId: string) => (p.orgAId === orgId ? p.orgBId : p.orgAId);
export const isActive = (p: PartnershipRow) => p.optedInA && p.optedInB;

/** A population's level for one partnership: its override there, else its default. */
export function effectiveLevel(pop: PopulationRow, levels: LevelRow[], partnershipId: string) {
  const o = levels.find((l) => l.partnershipId === partnershipId && l.populationId === pop.id);
  return {
    level: (o?.level ?? pop.defaultLevel) as SharingLevel,
    sharedFields: (o?.sharedFields ?? pop.sharedFields) as Field[],
    overridden: Boolean(o),
  };
}

/** Both sides' populations of a partnership with their levels in it. */
export async function partnershipSides(q: Queryable, p: PartnershipRow, viewerOrgId: string) {
  const other = counterpartOf(p, viewerOrgId);
  const pops = await findPopulationsOfOrganizations(q, [viewerOrgId, other]);
  const levels = await findLevels(q, [p.id]);
  const withLevel = (pop: PopulationRow) => ({ pop, ...effectiveLevel(pop, levels, p.id) });
  return {
    mine: pops.filter((x) => x.organizationId === viewerOrgId).map(withLevel),
    theirs: pops.filter((x) => x.organizationId === other).map(withLevel),
    counterpartId: other,
  };
}

async function toDtos(db: Db, actor: Actor, rows: PartnershipRow[]) {
  const orgs = new Map(
    (
      await findOrganizationsByIds(
        db,
        rows.map((r) => counterpartOf(r, actor.orgId)),
      )
    ).map((o) => [o.id, o]),
  );
  const out = [];
  for (const p of rows) {
    const sides = await partnershipSides(db, p, actor.orgId);
    const other = orgs.get(sides.counterpartId);
    const mineA = p.orgAId === actor.orgId;
    out.push({
      id: p.id,
      kind: p.kind,
      counterpart: { id: sides.counterpartId, name: other?.name ?? '', kind: other?.kind ?? 'partner' },
      status: isActive(p) ? ('active' as const) : ('pending' as const),
      optedIn: mineA ? p.optedInA : p.optedInB,
      counterpartOptedIn: mineA ? p.optedInB : p.optedInA,
      mine: sides.mine.map((m) => ({
        populationId: m.pop.id,
        name: m.pop.name,
        level: m.level,
        sharedFields: m.sharedFields,
        overridden: m.overridden,
      })),
      // The counterpart's hidden populations are not even named.
      theirs: sides.theirs
        .filter((t) => t.level !== 'hidden')
        .map((t) => ({
          populationId: t.pop.id,
          name: t.pop.name,
          kind: t.pop.kind,
          level: t.level,
          sharedFields: t.sharedFields,
        })),
      createdAt: p.createdAt.toISOString(),
    });
  }
  return out;
}

export async function listPartnerships(db: Db, ctx: Ctx) {
  return { items: await toDtos(db, ctx.actor, await findPartnerships(db, ctx.actor)) };
}

export async function getPartnership(db: Db, ctx: Ctx, id: string) {
  const p = await findPartnership(db, ctx.actor, id);
  if (!p) throw notFound('mapping partnership');
  return (await toDtos(db, ctx.actor, [p]))[0]!;
}

/**
 * Opting in. A partner with the vendor: active at once (the vendor offers mapping to every partner; its
 * levels say what it shares). A partner with another partner: pending until that partner opts in too.
 */
export async function optIn(db: Db, ctx: Ctx, input: z.output<typeof createPartnershipBody>) {
  const actor = ctx.actor;
  if (isVendor(actor))
    throw forbidden('Partners opt in to mapping; the vendor answers every partner that does');
  const id = await runChange(db, ctx, async (tx, record) => {
    let otherId: string;
    let kind: PartnershipRow['kind'];
    if (input.counterpartOrganizationId) {
      const other = await findOrganizationById(tx, input.counterpartOrganizationId);
      const reachable =
        other?.kind === 'partner' &&
        other.id !== actor.orgId &&
        (await isNamablePartner(tx, actor.orgId, other.id));
      if (!other || !reachable)
        throw invalid([{ path: 'body.counterpartOrganizationId', message: 'No such partner' }]);
      otherId = other.id;
      kind = 'partner_partner';
    } else {
      const vendor = await findVendor(tx);
      if (!vendor) throw unprocessable('No vendor organization');
      otherId = vendor.id;
      kind = 'vendor_partner';
    }
    const existing = await findPartnershipBetween(tx, actor.orgId, otherId);
    if (existing) {
      const side = existing.orgAId === actor.orgId ? 'a' : 'b';
      if (side === 'a' ? existing.optedInA : existing.optedInB) return existing.id;
      await setOptIn(tx, existing.id, side, true);
      record.audit({
        action: 'mapping.partnership.opted_in',
        entityType: 'mapping_partnership',
        entityId: existing.id,
      });
      return existing.id;
    }
    const row = await insertPartnership(tx, {
      id: newId(),
      kind,
      orgAId: kind === 'vendor_partner' ? otherId : actor.orgId,
      orgBId: kind === 'vendor_partner' ? actor.orgId : otherId,
      optedInA: true,
      optedInB: kind === 'vendor_partner',
    });
    record.audit({
      action: 'mapping.partnership.created',
      entityType: 'mapping_partnership',
      entityId: row.id,
      after: { kind, counterpartOrganizationId: otherId },
    });
    record.event({
      type: 'mapping.partnership.created',
      entityType: 'mapping_partnership',
      entityId: row.id,
      organizationIds: [actor.orgId, otherId],
      payload: { id: row.id, kind },
    });
    return row.id;
  });
  return getPartnership(db, ctx, id);
}

/** One of my populations at another level for this counterpart (null: back to its default). */
export async function setLevel(
  db: Db,
  ctx: Ctx,
  id: string,
  populationId: string,
  input: z.output<typeof setLevelBody>,
) {
  await runChange(db, ctx, async (tx, record) => {
    const p = await findPartnership(tx, ctx.actor, id, true);
    if (!p) throw notFound('mapping partnership');
    const pop = await findOwnPopulation(tx, ctx.actor, populationId);
    if (!pop) throw notFound('population');
    if (input.level === null) await deleteLevel(tx, p.id, pop.id);
    else
      await upsertLevel(tx, {
        id: newId(),
        partnershipId: p.id,
        populationId: pop.id,
        level: input.level,
        sharedFields: [...new Set(input.sharedFields ?? pop.sharedFields)],
      });
    record.audit({
      action: 'mapping.level.set',
      entityType: 'mapping_partnership',
      entityId: p.id,
      after: { populationId: pop.id, level: input.level, sharedFields: input.sharedFields ?? null },
    });
  });
  return getPartnership(db, ctx, id);
}

// --- "Request more" ---

async function toRequestDtos(db: Db, actor: Actor, p: PartnershipRow) {
  const rows = await findLevelRequests(db, p.id);
  const names = new Map(
    (await findPopulationsOfOrganizations(db, [p.orgAId, p.orgBId])).map((x) => [x.id, x.name]),
  );
  return rows.map((r) => ({
    id: r.id,
    partnershipId: r.partnershipId,
    populationId: r.populationId,
    populationName: names.get(r.populationId) ?? '',
    requestedLevel: r.requestedLevel,
    message: r.message,
    status: r.status,
    fromMe: r.requesterOrgId === actor.orgId,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listLevelRequests(db: Db, ctx: Ctx, id: string) {
  const p = await findPartnership(db, ctx.actor, id);
  if (!p) throw notFound('mapping partnership');
  return { items: await toRequestDtos(db, ctx.actor, p) };
}

export async function requestMore(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.output<typeof createLevelRequestBody>,
) {
  const rid = await runChange(db, ctx, async (tx, record) => {
    const p = await findPartnership(tx, ctx.actor, id);
    if (!p) throw notFound('mapping partnership');
    const sides = await partnershipSides(tx, p, ctx.actor.orgId);
    const target = sides.theirs.find((t) => t.pop.id === input.populationId && t.level !== 'hidden');
    if (!target)
      throw invalid([
        { path: 'body.populationId', message: "Not one of the counterpart's shared populations" },
      ]);
    if (levelRank(target.level) >= levelRank(input.requestedLevel))
      throw invalid([{ path: 'body.requestedLevel', message: `Already shared at "${target.level}"` }]);
    const row = await insertLevelRequest(tx, {
      id: newId(),
      partnershipId: p.id,
      populationId: target.pop.id,
      requesterOrgId: ctx.actor.orgId,
      requestedLevel: input.requestedLevel,
      message: input.message,
      status: 'open',
    });
    record.audit({
      action: 'mapping.level_request.created',
      entityType: 'mapping_level_request',
      entityId: row.id,
      after: { populationId: target.pop.id, requestedLevel: input.requestedLevel },
    });
    return row.id;
  });
  return (await listLevelRequests(db, ctx, id)).items.find((r) => r.id === rid)!;
}

/** The population's owner grants (its level for this counterpart rises to what was asked) or declines. */
export async function answerRequest(
  db: Db,
  ctx: Ctx,
  requestId: string,
  input: z.output<typeof answerLevelRequestBody>,
) {
  const partnershipId = await runChange(db, ctx, async (tx, record) => {
    const r = await findLevelRequest(tx, ctx.actor, requestId);
    if (!r) throw notFound('request');
    const pop = await findOwnPopulation(tx, ctx.actor, r.populationId);
    if (!pop) throw forbidden('Only the population’s owner answers a request for more');
    if (r.status !== 'open') throw conflict(`This request was already ${r.status}`);
    await setLevelRequestStatus(tx, r.id, input.grant ? 'granted' : 'declined');
    if (input.grant) {
      const levels = await findLevels(tx, [r.partnershipId]);
      const current = effectiveLevel(pop, levels, r.partnershipId);
      await upsertLevel(tx, {
        id: newId(),
        partnershipId: r.partnershipId,
        populationId: pop.id,
        level: r.requestedLevel,
        sharedFields: current.sharedFields,
      });
    }
    record.audit({
      action: input.grant ? 'mapping.level_request.granted' : 'mapping.level_request.declined',
      entityType: 'mapping_level_request',
      entityId: r.id,
      after: { populationId: pop.id, requestedLevel: r.requestedLevel },
    });
    return r.partnershipId;
  });
  const p = await findPartnership(db, ctx.actor, partnershipId);
  return (await toRequestDtos(db, ctx.actor, p!)).find((x) => x.id === requestId)!;
}
