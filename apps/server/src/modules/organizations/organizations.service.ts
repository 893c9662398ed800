import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  assignManagerBody,
  createPartnerBody,
  partnerStatusAction,
  updatePartnerBody,
} from '@partnergraph/shared/contracts/organizations';
import { managerRoles } from '@partnergraph/shared/permissions';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { conflict, forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import type { PageRequest } from '../../lib/pagination';
import { findActiveUserOfOrganization, findUserContacts } from '../identity/identity.repository';
import {
  findPartnerById,
  findPartners,
  findPartnerTypes,
  findTypesOfOrganizations,
  findVendor,
  findVisiblePartnerById,
  replacePartnerTypes,
  type OrganizationRow,
  type PartnerFilters,
} from './organizations.repository';
import { organizationPartnerTypes, organizations, partnerTypes } from './organizations.tables';
import { mayChangePartner } from './organizations.visibility';

/** Types and channel managers for a page of organizations, in two queries rather than two per row. */
async function findPartnerDetails(q: Queryable, orgs: OrganizationRow[]) {
  const managerIds = [...new Set(orgs.map((o) => o.channelManagerId).filter((x): x is string => !!x))];
  // One after the other: inside a transaction they share a client, which runs one query at a time.
  const types = await findTypesOfOrganizations(
    q,
    orgs.map((o) => o.id),
  );
  const managers = await findUserContacts(q, managerIds);
  return { types, managers: new Map(managers.map((m) => [m.id, m])) };
}
type Details = Awaited<ReturnType<typeof findPartnerDetails>>;

export function toPartnerDto(org: OrganizationRow, details: Details) {
  const types = details.types
    .filter((t) => t.organizationId === org.id)
    .map((t) => ({ code: t.code, name: t.name, primary: t.primary }));
  return {
    id: org.id,
    externalId: org.externalId,
    name: org.name,
    status: org.status,
    website: org.website,
    domain: org.domain,
    country: org.country,
    description: org.description,
    types,
    primaryType: types.find((t) => t.primary)?.code ?? null,
    channelManager: (org.channelManagerId && details.managers.get(org.channelManagerId)) || null,
    statusReason: org.statusReason,
    version: org.version,
    createdAt: org.createdAt.toISOString(),
    updatedAt: org.updatedAt.toISOString(),
  };
}
export type PartnerDto = ReturnType<typeof toPartnerDto>;

async function withDetails(q: Queryable, org: OrganizationRow) {
  return toPartnerDto(org, await findPartnerDetails(q, [org]));
}

/** "https://www.example.com/x" → "example.com": the key for duplicate detection and search. */
export function domainOf(website: string | null | undefined): string | null {
  if (!website) return null;
  try {
    return new URL(website).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

export async function listPartners(db: Db, ctx: Ctx, filters: PartnerFilters, page: PageRequest) {
  const res = await findPartners(db, ctx.actor, filters, page);
  const details = await findPartnerDetails(db, res.items);
  return { items: res.items.map((o) => toPartnerDto(o, details)), nextCursor: res.nextCursor };
}

export async function getPartner(db: Db, ctx: Ctx, id: string) {
  const org = await findVisiblePartnerById(db, ctx.actor, id);
  if (!org) throw notFound('partner');
  return withDetails(db, org);
}

/** Every code names a partner type that is not retired; otherwise a 400 naming the field. */
export async function assertTypesUsable(q: Queryable, codes: string[], path: string) {
  const known = new Set((await findPartnerTypes(q)).map((t) => t.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length)
    throw invalid([{ path, message: `Unknown or retired partner type: ${unknown.join(', ')}` }]);
}

export async function createPartner(db: Db, ctx: Ctx, input: z.output<typeof createPartnerBody>) {
  return runChange(db, ctx, async (tx, record) => {
    await assertTypesUsable(tx, input.types, 'body.types');
    const id = newId();
    const [org] = await tx
      .insert(organizations)
      .values({
        id,
        kind: 'partner',
        name: input.name,
        status: input.status,
        website: input.website ?? null,
        domain: domainOf(input.website),
        country: input.country ?? null,
        description: input.description ?? '',
      })
      .returning();
    await replacePartnerTypes(tx, id, input.types, input.primaryType ?? input.types[0]!);
    const dto = await withDetails(tx, org!);
    record.audit({ action: 'partner.created', entityType: 'organization', entityId: id, after: dto });
    record.event({
      type: 'partner.created',
      entityType: 'organization',
      entityId: id,
      organizationIds: [id],
      payload: dto,
    });
    return dto;
  });
}

/** Loads a partner for a change: invisible → 404, visible but not theirs to change → 403. */
async function lockForChange(tx: Queryable, ctx: Ctx, id: string) {
  const org = await findPartnerById(tx, ctx.actor, id, { forUpdate: true });
  if (!org) throw notFound('partner');
  if (!mayChangePartner(ctx.actor, org)) throw forbidden('You may change only the partners assigned to you');
  return org;
}

export async function updatePartner(db: Db, ctx: Ctx, id: string, input: z.output<typeof updatePartnerBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const org = await lockForChange(tx, ctx, id);
    // A partner edits its own contact details; its name and types are the vendor's to govern.
    if (ctx.actor.orgKind === 'partner' && (input.name !== undefined || input.types || input.primaryType)) {
      throw forbidden('Partner administrators may change website, country and description only');
    }
    assertVersion(org, input.version);
    const before = await withDetails(tx, org);
    const patch: Partial<typeof organizations.$inferInsert> = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.website !== undefined) {
      patch.website = input.website;
      patch.domain = domainOf(input.website);
    }
    if (input.country !== undefined) patch.country = input.country;
    if (input.description !== undefined) patch.description = input.description;
    if (input.types || input.primaryType) {
      const codes = input.types ?? before.types.map((t) => t.code);
      const primary =
        input.primaryType ??
        (before.primaryType && codes.includes(before.primaryType) ? before.primaryType : codes[0]!);
      if (!codes.includes(primary)) {
        throw invalid([
          { path: 'body.primaryType', message: 'The primary type must be one of the partner types' },
        ]);
      }
      await assertTypesUsable(tx, codes, 'body.types');
      await replacePartnerTypes(tx, id, codes, primary);
    }
    const [updated] = await tx
      .update(organizations)
      .set({ ...patch, version: sql`${organizations.version} + 1`, updatedAt: new Date() })
      .where(eq(organizations.id, id))
      .returning();
    const after = await withDetails(tx, updated!);
    record.audit({ action: 'partner.updated', entityType: 'organization', entityId: id, before, after });
    record.event({
      type: 'partner.updated',
      entityType: 'organization',
      entityId: id,
      organizationIds: [id],
      payload: after,
    });
    return after;
  });
}

const transitions = {
  activate: { from: ['applicant', 'suspended'], to: 'active' },
  suspend: { from: ['active'], to: 'suspended' },
  terminate: { from: ['applicant', 'active', 'suspended'], to: 'terminated' },
} as const satisfies Record<string, { from: OrganizationRow['status'][]; to: OrganizationRow['status'] }>;
export type PartnerStatusVerb = keyof typeof transitions;

export async function changePartnerStatus(
  db: Db,
  ctx: Ctx,
  id: string,
  verb: PartnerStatusVerb,
  input: z.output<typeof partnerStatusAction>,
) {
  const rule = transitions[verb];
  return runChange(db, ctx, async (tx, record) => {
    const org = await lockForChange(tx, ctx, id);
    assertVersion(org, input.version);
    if (!(rule.from as readonly string[]).includes(org.status)) {
      throw unprocessable(
        `A partner that is ${org.status} cannot be ${rule.to === 'active' ? 'activated' : rule.to}`,
      );
    }
    if (verb !== 'activate' && !input.reason) {
      throw invalid([{ path: 'body.reason', message: `Say why the partner is being ${rule.to}` }]);
    }
    const [updated] = await tx
      .update(organizations)
      .set({
        status: rule.to,
        statusReason: input.reason ?? null,
        version: sql`${organizations.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(organizations.id, id))
      .returning();
    const after = await withDetails(tx, updated!);
    record.audit({
      action: `partner.${rule.to === 'active' ? 'activated' : rule.to}`,
      entityType: 'organization',
      entityId: id,
      before: { status: org.status, statusReason: org.statusReason },
      after: { status: rule.to, statusReason: input.reason ?? null },
    });
    record.event({
      type: 'partner.status_changed',
      entityType: 'organization',
      entityId: id,
      organizationIds: [id],
      payload: after,
    });
    return after;
  });
}

export async function assignChannelManager(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.output<typeof assignManagerBody>,
) {
  return runChange(db, ctx, async (tx, record) => {
    const org = await lockForChange(tx, ctx, id);
    assertVersion(org, input.version);
    // The current manager stays choosable (the picker keeps them too), even after a change of role.
    if (input.channelManagerId !== null && input.channelManagerId !== org.channelManagerId) {
      const managerId = input.channelManagerId;
      const vendor = await findVendor(tx);
      const manager =
        isId(managerId) && vendor
          ? await findActiveUserOfOrganization(tx, managerId, vendor.id, managerRoles)
          : undefined;
      if (!manager) {
        throw invalid([
          { path: 'body.channelManagerId', message: 'Not an active channel manager or admin of the vendor' },
        ]);
      }
    }
    const [updated] = await tx
      .update(organizations)
      .set({
        channelManagerId: input.channelManagerId,
        version: sql`${organizations.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(organizations.id, id))
      .returning();
    const after = await withDetails(tx, updated!);
    record.audit({
      action: 'partner.manager_assigned',
      entityType: 'organization',
      entityId: id,
      before: { channelManagerId: org.channelManagerId },
      after: { channelManagerId: input.channelManagerId },
    });
    record.event({
      type: 'partner.manager_assigned',
      entityType: 'organization',
      entityId: id,
      organizationIds: [id],
      payload: after,
    });
    return after;
  });
}

export async function listPartnerTypes(db: Db) {
  const rows = await findPartnerTypes(db, { includeRetired: true });
  return {
    items: rows.map((t) => ({
      code: t.code,
      name: t.name,
      description: t.description,
      retired: t.retiredAt !== null,
    })),
  };
}

// --- Partner types: the vendor renames, adds and retires them; a type in use is never deleted. ---

async function findTypeForChange(tx: Queryable, code: string) {
  const [row] = await tx.select().from(partnerTypes).where(eq(partnerTypes.code, code)).for('update');
  if (!row) throw notFound('partner type');
  return row;
}

const typeDto = (t: typeof partnerTypes.$inferSelect) => ({
  code: t.code,
  name: t.name,
  description: t.description,
  retired: t.retiredAt !== null,
});

export async function createPartnerType(
  db: Db,
  ctx: Ctx,
  input: { code: string; name: string; description: string },
) {
  return runChange(db, ctx, async (tx, record) => {
    const [taken] = await tx.select().from(partnerTypes).where(eq(partnerTypes.code, input.code));
    if (taken) throw conflict(`The code ${input.code} is already used by ${taken.name}`);
    const [row] = await tx
      .insert(partnerTypes)
      .values({ ...input, sortOrder: 1000 })
      .returning();
    record.audit({
      action: 'partner_type.created',
      entityType: 'partner_type',
      entityId: input.code,
      after: typeDto(row!),
    });
    return typeDto(row!);
  });
}

export async function updatePartnerType(
  db: Db,
  ctx: Ctx,
  code: string,
  input: { name?: string | undefined; description?: string | undefined },
) {
  return runChange(db, ctx, async (tx, record) => {
    const before = await findTypeForChange(tx, code);
    const [row] = await tx
      .update(partnerTypes)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
      })
      .where(eq(partnerTypes.code, code))
      .returning();
    record.audit({
      action: 'partner_type.updated',
      entityType: 'partner_type',
      entityId: code,
      before: typeDto(before),
      after: typeDto(row!),
    });
    return typeDto(row!);
  });
}

/** Retiring hides a type from new choices; organizations and programs that hold it keep it. */
export async function setPartnerTypeRetired(db: Db, ctx: Ctx, code: string, retired: boolean) {
  return runChange(db, ctx, async (tx, record) => {
    await findTypeForChange(tx, code);
    const [row] = await tx
      .update(partnerTypes)
      .set({ retiredAt: retired ? new Date() : null })
      .where(eq(partnerTypes.code, code))
      .returning();
    record.audit({
      action: retired ? 'partner_type.retired' : 'partner_type.restored',
      entityType: 'partner_type',
      entityId: code,
    });
    return typeDto(row!);
  });
}

export async function deletePartnerType(db: Db, ctx: Ctx, code: string) {
  await runChange(db, ctx, async (tx, record) => {
    const before = await findTypeForChange(tx, code);
    const [use] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(organizationPartnerTypes)
      .where(eq(organizationPartnerTypes.typeCode, code));
    const [programUse] = await tx
      .execute<{ n: number }>(
        sql`select count(*)::int as n from programs where eligible_types @> ${JSON.stringify([code])}::jsonb`,
      )
      .then((r) => r.rows);
    if ((use?.n ?? 0) > 0 || (programUse?.n ?? 0) > 0) {
      throw conflict(
        `${before.name} is in use by ${use?.n ?? 0} organizations and ${programUse?.n ?? 0} programs: retire it instead`,
      );
    }
    await tx.delete(partnerTypes).where(eq(partnerTypes.code, code));
    record.audit({
      action: 'partner_type.deleted',
      entityType: 'partner_type',
      entityId: code,
      before: typeDto(before),
    });
  });
}
