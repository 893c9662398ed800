import type { z } from 'zod';
import type {
  Certification,
  certificationListQuery,
  createCertificationTypeBody,
  recordCertificationBody,
} from '@partnergraph/shared/contracts/enablement';
import type { Db, Queryable } from '../../db/client';
import { runChange, type ChangeRecorder } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import type { Config } from '../../config';
import type { Deps } from '../../lib/deps';
import type { SecretBox } from '../../lib/secrets';
import { conflict, invalid, notFound, unprocessable } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { findUserById } from '../identity/identity.repository';
import { findVendor } from '../organizations/organizations.repository';
import { badgePageUrl, signCredential } from './badges';
import {
  findCertificationById,
  findCertifications,
  findCertificationTypeById,
  findCertificationTypes,
  findValidCertification,
  insertCertification,
  insertCertificationType,
  nextStatusListIndex,
  revokeCertificationRow,
  type CertificationWithNames,
} from './certifications.repository';

// Certifications per person: earned by completing a learning path, recorded by the vendor, received
// from an external LMS (learning records) or imported. Each is issued with its Open Badges 3.0
// credential, signed in the same transaction, so no certification exists without its badge.

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return isoDay(target);
}

export function statusOf(c: { revokedAt: Date | null; expiresOn: string | null }, today: string) {
  if (c.revokedAt) return 'revoked' as const;
  if (c.expiresOn && c.expiresOn <= today) return 'expired' as const;
  return 'valid' as const;
}

export function toCertificationDto(publicUrl: string, r: CertificationWithNames): Certification {
  const c = r.c;
  return {
    id: c.id,
    type: { id: c.typeId, name: r.typeName, code: r.typeCode },
    person: { id: c.userId, name: r.personName },
    organization: { id: c.organizationId, name: r.orgName },
    issuedOn: c.issuedOn,
    expiresOn: c.expiresOn,
    source: c.source,
    status: statusOf(c, isoDay(new Date())),
    revokedReason: c.revokedReason,
    badgeUrl: badgePageUrl(publicUrl, c.id),
    createdAt: c.createdAt.toISOString(),
  };
}

export async function listCertificationTypes(db: Db) {
  const rows = await findCertificationTypes(db);
  return rows.map(({ t, holders }) => ({
    id: t.id,
    code: t.code,
    name: t.name,
    description: t.description,
    validityMonths: t.validityMonths,
    holders,
    createdAt: t.createdAt.toISOString(),
  }));
}

export async function createCertificationType(
  db: Db,
  ctx: Ctx,
  input: z.output<typeof createCertificationTypeBody>,
) {
  const id = await runChange(db, ctx, async (tx, record) => {
    const id = newId();
    const row = await insertCertificationType(tx, {
      id,
      ...input,
      validityMonths: input.validityMonths ?? null,
    });
    if (!row) throw conflict(`A certification type with code ${input.code} exists`, { field: 'code' });
    record.audit({
      action: 'certification_type.created',
      entityType: 'certification_type',
      entityId: id,
      after: input,
    });
    return id;
  });
  return (await listCertificationTypes(db)).find((t) => t.id === id)!;
}

/** What signing a badge needs: the sealed issuer key's box and the public address it is verified at. */
export interface BadgeDeps {
  secrets: SecretBox;
  config: Pick<Config, 'PUBLIC_URL'>;
}

export interface IssueInput {
  typeId: string;
  user: { id: string; name: string; email: string; organizationId: string };
  issuedOn: string;
  expiresOn?: string | null | undefined;
  source: 'path' | 'vendor' | 'lms' | 'import';
  externalId?: string | null | undefined;
  recordedByUserId: string | null;
}

/**
 * Issues a certification and its signed badge inside the caller's transaction. The expiry defaults to
 * the type's validity; one on or before the issue date is refused naming `expiresOnPath`.
 */
export async function issueCertification(
  tx: Queryable,
  deps: BadgeDeps,
  record: ChangeRecorder,
  input: IssueInput,
  expiresOnPath = 'body.expiresOn',
) {
  const type = await findCertificationTypeById(tx, input.typeId);
  if (!type) throw notFound('certification type');
  const expiresOn =
    input.expiresOn ?? (type.validityMonths ? addMonths(input.issuedOn, type.validityMonths) : null);
  if (expiresOn && expiresOn <= input.issuedOn)
    throw invalid([
      { path: expiresOnPath, message: 'A certification cannot expire on or before its issue date' },
    ]);
  const vendor = await findVendor(tx);
  const id = newId();
  const statusListIndex = await nextStatusListIndex(tx);
  const credentialJwt = await signCredential(tx, deps.secrets, {
    certificationId: id,
    publicUrl: deps.config.PUBLIC_URL,
    issuerName: vendor?.name ?? 'PartnerGraph',
    achievement: { id: type.id, code: type.code, name: type.name, description: type.description },
    recipient: { name: input.user.name, email: input.user.email },
    issuedOn: input.issuedOn,
    expiresOn,
    statusListIndex,
  });
  await insertCertification(tx, {
    id,
    statusListIndex,
    typeId: type.id,
    userId: input.user.id,
    organizationId: input.user.organizationId,
    issuedOn: input.issuedOn,
    expiresOn,
    source: input.source,
    externalId: input.externalId ?? null,
    credentialJwt,
    recordedByUserId: input.recordedByUserId,
  });
  const after = {
    type: type.code,
    userId: input.user.id,
    organizationId: input.user.organizationId,
    issuedOn: input.issuedOn,
    expiresOn,
    source: input.source,
  };
  record.audit({ action: 'certification.issued', entityType: 'certification', entityId: id, after });
  record.event({
    type: 'certification.issued',
    entityType: 'certification',
    entityId: id,
    organizationIds: [input.user.organizationId],
    payload: { id, ...after },
  });
  return { id, type: { id: type.id, name: type.name } };
}

/** The vendor records a certification a person earned (an exam taken elsewhere, a class attended). */
export async function recordCertification(
  deps: Deps,
  ctx: Ctx,
  input: z.output<typeof recordCertificationBody>,
) {
  const { db } = deps;
  const id = await runChange(db, ctx, async (tx, record) => {
    const user = await findUserById(tx, ctx.actor, input.userId);
    if (!user) throw invalid([{ path: 'body.userId', message: 'No such person' }]);
    if (!(await findCertificationTypeById(tx, input.typeId)))
      throw invalid([{ path: 'body.typeId', message: 'No such certification type' }]);
    if (input.issuedOn > isoDay(new Date()))
      throw invalid([{ path: 'body.issuedOn', message: 'A certification cannot be issued in the future' }]);
    const issued = await issueCertification(tx, deps, record, {
      typeId: input.typeId,
      user,
      issuedOn: input.issuedOn,
      expiresOn: input.expiresOn,
      source: 'vendor',
      externalId: input.externalId,
      recordedByUserId: ctx.actor.userId,
    });
    return issued.id;
  });
  return getCertification(deps, ctx, id);
}

export async function getCertification(deps: Pick<Deps, 'db' | 'config'>, ctx: Ctx, id: string) {
  const row = await findCertificationById(deps.db, ctx.actor, id);
  if (!row) throw notFound('certification');
  return toCertificationDto(deps.config.PUBLIC_URL, row);
}

export async function listCertifications(
  deps: Pick<Deps, 'db' | 'config'>,
  ctx: Ctx,
  query: z.output<typeof certificationListQuery>,
) {
  const page = await findCertifications(deps.db, ctx.actor, query, query);
  return {
    items: page.items.map((r) => toCertificationDto(deps.config.PUBLIC_URL, r)),
    nextCursor: page.nextCursor,
  };
}

export async function revokeCertification(deps: Deps, ctx: Ctx, id: string, reason: string) {
  await runChange(deps.db, ctx, async (tx, record) => {
    const row = await findCertificationById(tx, ctx.actor, id, true);
    if (!row) throw notFound('certification');
    if (row.c.revokedAt) throw unprocessable('This certification is already revoked');
    await revokeCertificationRow(tx, id, reason);
    record.audit({
      action: 'certification.revoked',
      entityType: 'certification',
      entityId: id,
      before: { revokedAt: null },
      after: { reason },
    });
    record.event({
      type: 'certification.revoked',
      entityType: 'certification',
      entityId: id,
      organizationIds: [row.c.organizationId],
      payload: { id, reason },
    });
  });
  return getCertification(deps, ctx, id);
}

/** Whether the person already holds this type, so a path finished twice does not certify twice. */
export async function holdsValid(q: Queryable, userId: string, typeId: string) {
  return !!(await findValidCertification(q, userId, typeId));
}
