import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { Brand, updateBrandBody } from '@partnergraph/shared/contracts/settings';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { FILE_POLICIES } from '../files/files.policies';
import { attachFile, deleteFile, openFile, storeFile } from '../files/files.service';
import { setMailBrand } from '../mail/layout';
import { readSettings } from './settings.service';
import { settings } from './settings.tables';

/**
 * The brand owns its logo file. There is one brand, so its owner id is a fixed
 * value: the files module's rule (a file is read through its owner) holds, and
 * no other record's file can be reached through the brand's logo route.
 */
const OWNER = { ownerType: 'brand', ownerId: '00000000-0000-0000-0000-000000000001' } as const;

/** What the public pages say until the vendor names itself: neutral, never the tool's name. */
export const DEFAULT_BRAND_NAME = 'Partner program';

export const BRAND_LOGO_PATH = '/api/v1/brand/logo';

type SettingsRow = typeof settings.$inferSelect;

const toBrand = (s: SettingsRow): Brand => ({
  name: s.brandName ?? DEFAULT_BRAND_NAME,
  primaryColor: s.brandPrimaryColor,
  supportEmail: s.brandSupportEmail,
  supportUrl: s.brandSupportUrl,
  // The file id in the address: a new logo is a new URL, so caches never show the old one.
  logoUrl: s.brandLogoFileId ? `${BRAND_LOGO_PATH}?v=${s.brandLogoFileId}` : null,
  version: s.brandVersion,
  updatedAt: s.brandUpdatedAt.toISOString(),
});

/** Keeps the mail layout's copy of the brand current (mail/layout.ts says why it has one). */
function syncMailBrand(s: SettingsRow) {
  setMailBrand({
    name: s.brandName,
    primaryColor: s.brandPrimaryColor,
    supportEmail: s.brandSupportEmail,
    supportUrl: s.brandSupportUrl,
    logoUrl: toBrand(s).logoUrl,
  });
}

/** The brand as everyone sees it, signed in or not: it is what the public pages show. */
export async function getBrand(q: Queryable): Promise<Brand> {
  const row = await readSettings(q);
  syncMailBrand(row);
  return toBrand(row);
}

const auditFields = (s: SettingsRow) => ({
  name: s.brandName,
  primaryColor: s.brandPrimaryColor,
  supportEmail: s.brandSupportEmail,
  supportUrl: s.brandSupportUrl,
  logoFileId: s.brandLogoFileId,
});

export async function updateBrand(db: Db, ctx: Ctx, input: z.output<typeof updateBrandBody>) {
  const brand = await runChange(db, ctx, async (tx, record) => {
    const before = await readSettings(tx, { forUpdate: true });
    assertVersion({ version: before.brandVersion }, input.version);
    const [after] = await tx
      .update(settings)
      .set({
        ...(input.name !== undefined && { brandName: input.name }),
        ...(input.primaryColor !== undefined && { brandPrimaryColor: input.primaryColor }),
        ...(input.supportEmail !== undefined && { brandSupportEmail: input.supportEmail }),
        ...(input.supportUrl !== undefined && { brandSupportUrl: input.supportUrl }),
        brandVersion: before.brandVersion + 1,
        brandUpdatedAt: new Date(),
      })
      .where(eq(settings.id, 1))
      .returning();
    record.audit({
      action: 'brand.updated',
      entityType: 'settings',
      entityId: null,
      before: auditFields(before),
      after: auditFields(after!),
    });
    const brand = toBrand(after!);
    record.event({ type: 'brand.updated', entityType: 'settings', entityId: null, payload: brand });
    return brand;
  });
  // After the commit: a change that rolled back never reaches the e-mails.
  return getBrand(db).then(() => brand);
}

/**
 * A new logo: streamed in under the logo policy (images, 1 MiB), then made the
 * brand's in one audited change that also removes the previous logo.
 */
export async function setBrandLogo(db: Db, ctx: Ctx, fileName: string, body: unknown) {
  const stored = await storeFile(db, ctx, { policy: FILE_POLICIES.brandLogo, fileName, body });
  try {
    return await replaceLogo(db, ctx, stored.id);
  } catch (err) {
    await deleteFile(db, stored.id);
    throw err;
  }
}

export async function removeBrandLogo(db: Db, ctx: Ctx) {
  return replaceLogo(db, ctx, null);
}

async function replaceLogo(db: Db, ctx: Ctx, fileId: string | null) {
  const brand = await runChange(db, ctx, async (tx, record) => {
    const before = await readSettings(tx, { forUpdate: true });
    if (fileId) await attachFile(tx, ctx, fileId, OWNER);
    const [after] = await tx
      .update(settings)
      .set({ brandLogoFileId: fileId, brandVersion: before.brandVersion + 1, brandUpdatedAt: new Date() })
      .where(eq(settings.id, 1))
      .returning();
    if (before.brandLogoFileId) await deleteFile(tx, before.brandLogoFileId);
    record.audit({
      action: fileId ? 'brand.logo_set' : 'brand.logo_removed',
      entityType: 'settings',
      entityId: null,
      before: { logoFileId: before.brandLogoFileId },
      after: { logoFileId: fileId },
    });
    const brand = toBrand(after!);
    record.event({ type: 'brand.updated', entityType: 'settings', entityId: null, payload: brand });
    return brand;
  });
  return getBrand(db).then(() => brand);
}

/** The logo's bytes, for anyone: it appears on the public pages and in e-mails. */
export async function openBrandLogo(db: Db) {
  const { brandLogoFileId } = await readSettings(db);
  if (!brandLogoFileId) throw notFound('logo');
  return openFile(db, brandLogoFileId, OWNER);
}

/**
 * Shown inline as an image, never as a page of ours: an SVG's scripts and
 * links do not run under this policy, whether opened directly or in an <img>.
 */
export function sendLogo(reply: FastifyReply, opened: Awaited<ReturnType<typeof openBrandLogo>>) {
  const { file, stream } = opened;
  return reply
    .header('content-type', file.contentType)
    .header('content-length', String(file.bytes))
    .header('content-disposition', 'inline')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
    .header('x-content-type-options', 'nosniff')
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('cache-control', 'public, max-age=300')
    .send(stream as Readable);
}
