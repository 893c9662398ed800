import { and, desc, eq, gt, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { keyset, where, type PageRequest } from '../../lib/pagination';
import { findOrganizationById, findOrganizationsByIds } from '../organizations/organizations.repository';
import { invitations, users } from './identity.tables';
import { visibleInvitations } from './identity.visibility';

export type InvitationRow = typeof invitations.$inferSelect;
export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

export function statusOf(i: InvitationRow, now = new Date()): InvitationStatus {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  return i.expiresAt <= now ? 'expired' : 'pending';
}

const statusFilter: Record<InvitationStatus, () => SQL | undefined> = {
  accepted: () => isNotNull(invitations.acceptedAt),
  revoked: () => isNotNull(invitations.revokedAt),
  pending: () =>
    and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`)),
  expired: () =>
    and(
      isNull(invitations.acceptedAt),
      isNull(invitations.revokedAt),
      lte(invitations.expiresAt, sql`now()`),
    ),
};

const inviter = alias(users, 'inviter');
const withInviter = { invitation: invitations, inviterName: inviter.name };

/** Invitations with the names of their organizations, read from the organizations' module in one query. */
async function withOrganizationNames<T extends { invitation: InvitationRow }>(q: Queryable, rows: T[]) {
  const orgs = await findOrganizationsByIds(
    q,
    rows.map((r) => r.invitation.organizationId),
  );
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.flatMap((r) => {
    const organizationName = names.get(r.invitation.organizationId);
    return organizationName === undefined ? [] : [{ ...r, organizationName }];
  });
}

export async function findInvitations(
  q: Queryable,
  actor: Actor,
  f: { organizationId?: string | undefined; status?: InvitationStatus | undefined },
  page: Omit<PageRequest, 'sort'>,
) {
  if (f.organizationId !== undefined && !isId(f.organizationId)) return { items: [], nextCursor: null };
  const ks = keyset({ createdAt: { column: invitations.createdAt, cast: 'timestamptz' } }, invitations.id, {
    ...page,
    sort: '-createdAt',
  });
  const rows = await q
    .select(withInviter)
    .from(invitations)
    .leftJoin(inviter, eq(inviter.id, invitations.invitedByUserId))
    .where(
      where(
        visibleInvitations(actor),
        f.organizationId ? eq(invitations.organizationId, f.organizationId) : undefined,
        f.status ? statusFilter[f.status]() : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const flat = (await withOrganizationNames(q, rows)).map((r) => ({ ...r, id: r.invitation.id }));
  return ks.page(flat, (r) => r.invitation.createdAt);
}

export async function findInvitationById(
  q: Queryable,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  if (!isId(id)) return undefined;
  const query = q
    .select(withInviter)
    .from(invitations)
    .leftJoin(inviter, eq(inviter.id, invitations.invitedByUserId))
    .where(and(eq(invitations.id, id), visibleInvitations(actor)));
  const rows = opts.forUpdate ? await query.for('update', { of: invitations }) : await query;
  return (await withOrganizationNames(q, rows))[0];
}

/** By the emailed token: the token itself is the credential, so no actor. */
export async function findInvitationByTokenHash(
  q: Queryable,
  tokenHash: string,
  opts: { forUpdate?: boolean } = {},
) {
  const query = q.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
  const [invitation] = opts.forUpdate ? await query.for('update') : await query;
  const organization = invitation && (await findOrganizationById(q, invitation.organizationId));
  return invitation && organization ? { invitation, organization } : undefined;
}

export async function findPendingInvitationByEmail(q: Queryable, email: string) {
  const [row] = await q
    .select()
    .from(invitations)
    .where(
      and(
        eq(sql`lower(${invitations.email})`, email.toLowerCase()),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .orderBy(desc(invitations.createdAt));
  return row;
}
