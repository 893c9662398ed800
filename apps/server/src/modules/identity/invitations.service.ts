import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { acceptInvitationBody, createInvitationBody } from '@partnergraph/shared/contracts/identity';
import { orgKindOfRole, type Role } from '@partnergraph/shared/permissions';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange, type ChangeRecorder } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { conflict, forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import type { Mailer } from '../../lib/mail';
import type { PageRequest } from '../../lib/pagination';
import { hashPassword } from '../../lib/passwords';
import {
  recordLimit,
  subjectsOf,
  takeAttempt,
  takeRecordAttempt,
  withdrawAttempt,
  type Limit,
} from '../../lib/rate-limit';
import { hashToken, randomToken } from '../../lib/tokens';
import { findOrganizationById } from '../organizations/organizations.repository';
import { mayChangePartner } from '../organizations/organizations.visibility';
import { invitations, users } from './identity.tables';
import { openSession, toOwnUserDto, toUserDto } from './identity.service';
import { invitationEmail, type Site } from '../mail/templates';
import { mfaChallengeWithin } from '../mfa/sign-in-gate';
import {
  findInvitationById,
  findInvitationByTokenHash,
  findInvitations,
  findPendingInvitationByEmail,
  statusOf,
  type InvitationRow,
  type InvitationStatus,
} from './invitations.repository';

const INVITATION_TTL_MS = 7 * 24 * 3600_000;
export const resendLimit = recordLimit({
  bucket: 'invitation_resend',
  record: 'invitation',
  max: 5,
  windowMs: 3600_000,
});
const acceptLimit: Limit = { bucket: 'invitation_accept', max: 20, windowMs: 15 * 60_000 };

type Named = { invitation: InvitationRow; organizationName: string; inviterName: string | null };

function toInvitationDto(r: Named) {
  const i = r.invitation;
  return {
    id: i.id,
    organizationId: i.organizationId,
    organizationName: r.organizationName,
    email: i.email,
    role: i.role,
    status: statusOf(i),
    invitedBy: i.invitedByUserId && r.inviterName ? { id: i.invitedByUserId, name: r.inviterName } : null,
    sendCount: i.sendCount,
    lastSentAt: i.lastSentAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
    version: i.version,
    createdAt: i.createdAt.toISOString(),
  };
}

/** Who may invite whom where: partner admins only into their own organization and only partner roles. */
async function assertMayInvite(q: Queryable, actor: Actor, organizationId: string, role: Role) {
  const org = await findOrganizationById(q, organizationId);
  if (actor.orgKind === 'partner') {
    if (organizationId !== actor.orgId)
      throw forbidden('You may invite people into your own organization only');
    if (orgKindOfRole(role) !== 'partner') throw forbidden('You may not grant a vendor role');
  }
  if (!org) throw invalid([{ path: 'body.organizationId', message: 'No such organization' }]);
  if (orgKindOfRole(role) !== org.kind) {
    throw invalid([
      { path: 'body.role', message: `A ${org.kind} organization's users take ${org.kind} roles` },
    ]);
  }
  if (actor.role === 'channel_manager' && (org.kind === 'vendor' || !mayChangePartner(actor, org))) {
    throw forbidden('Channel managers invite people into the partners assigned to them only');
  }
  if (org.status === 'terminated') throw unprocessable('This organization is terminated');
  return org;
}

export async function listInvitations(
  db: Db,
  ctx: Ctx,
  f: { organizationId?: string | undefined; status?: InvitationStatus | undefined },
  page: Omit<PageRequest, 'sort'>,
) {
  const res = await findInvitations(db, ctx.actor, f, page);
  return { items: res.items.map(toInvitationDto), nextCursor: res.nextCursor };
}

/**
 * Writes an invitation with its audit entry and event; answers the one-time
 * token to email. Shared by invitations made by hand and by application approval.
 */
export async function insertInvitation(
  tx: Queryable,
  record: ChangeRecorder,
  input: {
    organization: { id: string; name: string };
    email: string;
    role: Role;
    inviter: { id: string; name: string };
  },
) {
  const token = randomToken();
  const [row] = await tx
    .insert(invitations)
    .values({
      id: newId(),
      organizationId: input.organization.id,
      email: input.email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedByUserId: input.inviter.id,
      expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
    })
    .returning();
  const dto = toInvitationDto({
    invitation: row!,
    organizationName: input.organization.name,
    inviterName: input.inviter.name,
  });
  record.audit({ action: 'invitation.created', entityType: 'invitation', entityId: row!.id, after: dto });
  record.event({
    type: 'invitation.created',
    entityType: 'invitation',
    entityId: row!.id,
    organizationIds: [input.organization.id],
    payload: dto,
  });
  return { dto, token };
}

export function sendInvitationMail(
  mailer: Mailer,
  site: Site,
  dto: { email: string; organizationName: string; role: Role },
  inviterName: string,
  token: string,
) {
  return mailer.send({
    to: dto.email,
    ...invitationEmail({ inviterName, organizationName: dto.organizationName, role: dto.role, token }, site),
  });
}

export async function createInvitation(
  db: Db,
  ctx: Ctx,
  mailer: Mailer,
  site: Site,
  input: z.output<typeof createInvitationBody>,
) {
  const email = input.email.trim().toLowerCase();
  const organizationId = input.organizationId ?? ctx.actor.orgId;
  if (!isId(organizationId))
    throw invalid([{ path: 'body.organizationId', message: 'No such organization' }]);
  const result = await runChange(db, ctx, async (tx, record) => {
    const org = await assertMayInvite(tx, ctx.actor, organizationId, input.role);
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email));
    if (existing) throw conflict('A user with this email address already exists');
    const open = await findPendingInvitationByEmail(tx, email);
    // Another organization's invitation is not the actor's to see or change: a bare conflict, nothing more.
    const mine = open ? await findInvitationById(tx, ctx.actor, open.id) : undefined;
    if (open && (statusOf(open) === 'pending' || !mine)) {
      throw conflict(
        'This address already has an open invitation: resend or revoke it',
        mine ? { invitationId: open.id } : {},
      );
    }
    if (open) {
      await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, open.id));
      record.audit({
        action: 'invitation.revoked',
        entityType: 'invitation',
        entityId: open.id,
        after: { reason: 'expired; replaced by a new invitation' },
      });
    }
    return insertInvitation(tx, record, {
      organization: org,
      email,
      role: input.role,
      inviter: { id: ctx.actor.userId, name: ctx.actor.name },
    });
  });
  await sendInvitationMail(mailer, site, result.dto, ctx.actor.name, result.token);
  return result.dto;
}

/** Loads an invitation for a change: invisible → 404; visible but not the actor's to manage → 403; decided → 422. */
async function lockPending(tx: Queryable, ctx: Ctx, id: string, version: number) {
  const row = await findInvitationById(tx, ctx.actor, id, { forUpdate: true });
  if (!row) throw notFound('invitation');
  if (ctx.actor.role === 'channel_manager') {
    const org = await findOrganizationById(tx, row.invitation.organizationId);
    if (!org || !mayChangePartner(ctx.actor, org))
      throw forbidden('Not an invitation to a partner assigned to you');
  }
  assertVersion(row.invitation, version);
  const status = statusOf(row.invitation);
  if (status === 'accepted' || status === 'revoked')
    throw unprocessable(`This invitation is already ${status}`);
  return row;
}

export async function resendInvitation(
  db: Db,
  ctx: Ctx,
  mailer: Mailer,
  site: Site,
  id: string,
  version: number,
) {
  const token = randomToken();
  const result = await runChange(db, ctx, async (tx, record) => {
    const row = await lockPending(tx, ctx, id, version);
    await takeRecordAttempt(tx, resendLimit, row.invitation, 'resends of this invitation');
    // A new token each time: an older email's link stops working.
    const [updated] = await tx
      .update(invitations)
      .set({
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
        lastSentAt: new Date(),
        sendCount: sql`${invitations.sendCount} + 1`,
        version: sql`${invitations.version} + 1`,
      })
      .where(eq(invitations.id, id))
      .returning();
    const dto = toInvitationDto({ ...row, invitation: updated! });
    record.audit({
      action: 'invitation.resent',
      entityType: 'invitation',
      entityId: id,
      after: { sendCount: dto.sendCount },
    });
    return dto;
  });
  await sendInvitationMail(mailer, site, result, ctx.actor.name, token);
  return result;
}

export async function revokeInvitation(db: Db, ctx: Ctx, id: string, version: number) {
  return runChange(db, ctx, async (tx, record) => {
    const row = await lockPending(tx, ctx, id, version);
    const [updated] = await tx
      .update(invitations)
      .set({ revokedAt: new Date(), version: sql`${invitations.version} + 1` })
      .where(eq(invitations.id, id))
      .returning();
    record.audit({ action: 'invitation.revoked', entityType: 'invitation', entityId: id });
    return toInvitationDto({ ...row, invitation: updated! });
  });
}

/** The checks every use of an emailed token makes: forged → 404, spent → 422, each with a sentence a person understands. */
function assertUsable(row: Awaited<ReturnType<typeof findInvitationByTokenHash>>) {
  if (!row) throw notFound('invitation: this link is not valid');
  const status = statusOf(row.invitation);
  if (status === 'accepted') throw unprocessable('This invitation was already accepted: sign in instead');
  if (status === 'revoked') throw unprocessable('This invitation was withdrawn: ask for a new one');
  if (status === 'expired') throw unprocessable('This invitation has expired: ask for a new one');
  if (row.organization.status === 'terminated') throw unprocessable('This organization is no longer active');
  return row;
}

export async function previewInvitation(db: Db, token: string) {
  const row = assertUsable(await findInvitationByTokenHash(db, hashToken(token)));
  return {
    email: row.invitation.email,
    role: row.invitation.role,
    organizationName: row.organization.name,
    expiresAt: row.invitation.expiresAt.toISOString(),
  };
}

export async function acceptInvitation(
  db: Db,
  req: { requestId: string; ip: string | null; userAgent: string | null },
  token: string,
  input: z.output<typeof acceptInvitationBody>,
) {
  const subjects = subjectsOf(null, req.ip);
  const attempt = await takeAttempt(db, acceptLimit, subjects, 'invitation attempts');
  const found = await findInvitationByTokenHash(db, hashToken(token));
  assertUsable(found);
  // Only bad links count against the limit.
  await withdrawAttempt(db, attempt);
  const passwordHash = await hashPassword(input.password);
  const userId = newId();
  const actor = { userId, orgId: found!.invitation.organizationId };
  return runChange(db, { ...req, actor }, async (tx, record) => {
    // Re-read under lock: of two accepts of one link, the second finds it spent.
    const row = assertUsable(await findInvitationByTokenHash(tx, hashToken(token), { forUpdate: true }));
    const inv = row.invitation;
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, inv.email.toLowerCase()));
    if (taken) throw conflict('A user with this email address already exists: sign in instead');
    const [user] = await tx
      .insert(users)
      .values({
        id: userId,
        organizationId: inv.organizationId,
        email: inv.email,
        name: input.name,
        role: inv.role,
        passwordHash,
        passwordChangedAt: new Date(),
      })
      .returning();
    await tx
      .update(invitations)
      .set({ acceptedAt: new Date(), acceptedUserId: userId, version: sql`${invitations.version} + 1` })
      .where(eq(invitations.id, inv.id));
    const dto = toUserDto(user!);
    record.audit({
      action: 'invitation.accepted',
      entityType: 'invitation',
      entityId: inv.id,
      after: { userId },
    });
    record.audit({ action: 'user.created', entityType: 'user', entityId: userId, after: dto });
    record.event({
      type: 'user.created',
      entityType: 'user',
      entityId: userId,
      organizationIds: [inv.organizationId],
      payload: dto,
    });
    // An invitation proves the address, not a second factor: where the organization requires MFA the
    // new member enrolls one before any session, as a password sign-in would.
    const challenge = await mfaChallengeWithin(tx, record, user!, 'password');
    if (challenge) return { challenge, token: null, body: null };
    const session = await openSession(tx, userId, req);
    return {
      challenge: null,
      token: session.token,
      body: {
        user: toOwnUserDto(user!),
        organization: { id: row.organization.id, kind: row.organization.kind, name: row.organization.name },
        csrfToken: session.csrfToken,
      },
    };
  });
}
