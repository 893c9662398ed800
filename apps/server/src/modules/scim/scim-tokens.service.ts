import type { z } from 'zod';
import type { createScimTokenBody } from '@partnergraph/shared/contracts/scim';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { assertUnderLimit, recordHit, subjectsOf, type Limit } from '../../lib/rate-limit';
import { runChange } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { forbidden, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { hashToken, randomToken } from '../../lib/tokens';
import { TOUCH_EVERY_MS } from '../identity/identity.service';
import { findUserNames } from '../identity/identity.repository';
import { findOrganizationById } from '../organizations/organizations.repository';
import type { ScimClient } from './scim-client';
import {
  findLiveScimTokenByHash,
  findScimTokenOfOrganization,
  findScimTokensOfOrganization,
  insertScimToken,
  markScimTokenRevoked,
  touchScimToken,
  type ScimTokenRow,
} from './scim-tokens.repository';

/** Distinct from API tokens (`pgt_`): the auth plugin tells them apart by it. */
export const SCIM_TOKEN_PREFIX = 'pgscim_';

function toScimTokenDto(t: ScimTokenRow, createdBy: string | null) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    createdBy,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

export const scimBaseUrl = (config: Pick<Config, 'PUBLIC_URL'>) =>
  `${config.PUBLIC_URL.replace(/\/+$/, '')}/scim/v2`;

export async function listScimTokens(db: Db, ctx: Ctx, config: Config) {
  const rows = await findScimTokensOfOrganization(db, ctx.actor.orgId);
  const names = new Map(
    (
      await findUserNames(
        db,
        rows.flatMap((r) => (r.createdByUserId ? [r.createdByUserId] : [])),
      )
    ).map((u) => [u.id, u.name]),
  );
  return {
    baseUrl: scimBaseUrl(config),
    items: rows.map((r) =>
      toScimTokenDto(r, r.createdByUserId ? (names.get(r.createdByUserId) ?? null) : null),
    ),
  };
}

export async function createScimToken(db: Db, ctx: Ctx, input: z.output<typeof createScimTokenBody>) {
  // A leaked API token must not be able to mint the credential that creates and deactivates people.
  if (ctx.actor.via === 'token')
    throw forbidden('SCIM tokens are created from a signed-in session, not with an API token');
  const secret = randomToken(SCIM_TOKEN_PREFIX);
  return runChange(db, ctx, async (tx, record) => {
    const row = await insertScimToken(tx, {
      id: newId(),
      organizationId: ctx.actor.orgId,
      name: input.name,
      tokenHash: hashToken(secret),
      prefix: secret.slice(0, SCIM_TOKEN_PREFIX.length + 6),
      createdByUserId: ctx.actor.userId,
    });
    const dto = toScimTokenDto(row, ctx.actor.name);
    record.audit({ action: 'scim.token_created', entityType: 'scim_token', entityId: row.id, after: dto });
    return { ...dto, token: secret };
  });
}

export async function revokeScimToken(db: Db, ctx: Ctx, id: string) {
  await runChange(db, ctx, async (tx, record) => {
    const token = await findScimTokenOfOrganization(tx, ctx.actor.orgId, id);
    if (!token || token.revokedAt) throw notFound('SCIM token');
    const revoked = await markScimTokenRevoked(tx, id, new Date());
    record.audit({
      action: 'scim.token_revoked',
      entityType: 'scim_token',
      entityId: id,
      before: toScimTokenDto(token, null),
      after: { revokedAt: revoked.revokedAt?.toISOString() ?? null },
    });
  });
}

/** A live token of an organization that may still be provisioned; its last use noted at most once a minute. */
/**
 * Wrong SCIM tokens per client address. An IdP retries a revoked token for a while; a guesser sends
 * thousands. Right tokens are never counted, so a busy IdP is not slowed.
 */
export const scimTokenLimit: Limit = { bucket: 'scim_token', max: 30, windowMs: 15 * 60_000 };

export async function resolveScimToken(
  db: Db,
  secret: string,
  ip: string | null,
): Promise<ScimClient | null> {
  if (!secret.startsWith(SCIM_TOKEN_PREFIX)) return null;
  const subjects = subjectsOf(null, ip);
  await assertUnderLimit(db, scimTokenLimit, subjects, 'wrong SCIM tokens');
  const token = await findLiveScimTokenByHash(db, hashToken(secret));
  const org = token ? await findOrganizationById(db, token.organizationId) : undefined;
  if (!token || !org || org.status === 'terminated') {
    await recordHit(db, scimTokenLimit, subjects);
    return null;
  }
  const now = new Date();
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await touchScimToken(db, token.id, now);
  }
  return { tokenId: token.id, tokenName: token.name, orgId: org.id, orgKind: org.kind };
}
