import type { Db } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import { isVendor, type Ctx } from '../../lib/actor';
import { invalid, staleVersion, unprocessable } from '../../lib/errors';
import { findUserById } from '../identity/identity.repository';
import {
  findActiveConnectionsOfOrganization,
  findPolicy,
  savePolicy,
  type SsoPolicyRow,
} from './sso.repository';

const toPolicyDto = (organizationId: string, p: SsoPolicyRow | undefined) => ({
  organizationId,
  ssoRequired: p?.ssoRequired ?? false,
  breakGlassUserId: p?.breakGlassUserId ?? null,
  version: p?.version ?? 0,
});

export async function getPolicy(db: Db, ctx: Ctx) {
  return toPolicyDto(ctx.actor.orgId, await findPolicy(db, ctx.actor.orgId));
}

/**
 * "SSO required" for the caller's organization. Turning it on needs an active connection (or no one could
 * sign in); for the vendor, also a break-glass admin: one active vendor admin who keeps password + MFA.
 */
export async function updatePolicy(
  db: Db,
  ctx: Ctx,
  input: { version?: number | undefined; ssoRequired: boolean; breakGlassUserId?: string | null | undefined },
) {
  const orgId = ctx.actor.orgId;
  const saved = await runChange(db, ctx, async (tx, record) => {
    const current = await findPolicy(tx, orgId, { forUpdate: true });
    if (current) {
      if (input.version === undefined) throw staleVersion(current.version);
      assertVersion(current, input.version);
    } else if (input.version !== undefined && input.version !== 0) throw staleVersion(0);
    const breakGlassUserId =
      input.breakGlassUserId === undefined ? (current?.breakGlassUserId ?? null) : input.breakGlassUserId;
    if (breakGlassUserId !== null) {
      if (!isVendor(ctx.actor))
        throw invalid([
          { path: 'body.breakGlassUserId', message: 'only the vendor designates a break-glass admin' },
        ]);
      const user = await findUserById(tx, ctx.actor, breakGlassUserId);
      if (!user || user.organizationId !== orgId || user.role !== 'admin' || user.status !== 'active')
        throw invalid([{ path: 'body.breakGlassUserId', message: 'must be an active admin of the vendor' }]);
    }
    if (input.ssoRequired) {
      if (!(await findActiveConnectionsOfOrganization(tx, orgId)).length)
        throw unprocessable(
          'Connect and activate an SSO connection before requiring SSO: no one could sign in',
        );
      if (isVendor(ctx.actor) && breakGlassUserId === null)
        throw invalid([
          {
            path: 'body.breakGlassUserId',
            message: 'name a break-glass admin before the vendor requires SSO',
          },
        ]);
    }
    const row = await savePolicy(tx, orgId, { ssoRequired: input.ssoRequired, breakGlassUserId });
    record.audit({
      action: 'sso.policy_updated',
      entityType: 'organization',
      entityId: orgId,
      before: current
        ? { ssoRequired: current.ssoRequired, breakGlassUserId: current.breakGlassUserId }
        : null,
      after: { ssoRequired: row.ssoRequired, breakGlassUserId: row.breakGlassUserId },
    });
    return row;
  });
  return toPolicyDto(orgId, saved);
}
