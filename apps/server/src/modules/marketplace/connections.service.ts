import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Connection,
  connectionActionBody,
  connectionListQuery,
  createConnectionBody,
} from '@partnergraph/shared/contracts/marketplace';
import type { Db, Queryable } from '../../db/client';
import { qualified } from '../../db/qualified';
import { assertVersion, runChange } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { conflict, forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import type { Mailer } from '../../lib/mail';
import { countOver, keyset, where } from '../../lib/pagination';
import {
  findOrganizationById,
  lockOrganization,
  organizationsView,
} from '../organizations/organizations.repository';
import { connections, partnerProfiles } from './marketplace.tables';
import {
  connectionAcceptedEmail,
  connectionDeclinedEmail,
  connectionEndedEmail,
  connectionRequestedEmail,
  type Site,
} from '../mail/templates';
import { notifyOrganization } from '../notifications/notifications.service';
import {
  readsConnectionsOfAnyPartner,
  seesConnectionExternalId,
  visibleConnections,
} from './marketplace.visibility';

type ConnectionRow = typeof connections.$inferSelect;

export const kindWords: Record<ConnectionRow['kind'], string> = {
  referral: 'referral partnership',
  technology_integration: 'technology integration',
  co_sell: 'co-sell relationship',
  implementation: 'implementation partnership',
  resale: 'resale/distribution relationship',
  joint_solution: 'joint solution',
};

const orgName = (column: typeof connections.requesterOrgId | typeof connections.recipientOrgId) =>
  sql<string>`(select o.name from organizations o where o.id = ${qualified(column)})`;

function select(q: Queryable) {
  return q
    .select({
      c: connections,
      requesterName: orgName(connections.requesterOrgId),
      recipientName: orgName(connections.recipientOrgId),
    })
    .from(connections);
}
type Loaded = Awaited<ReturnType<typeof select>>[number];

function toDto(actor: Actor, r: Loaded): Connection {
  const c = r.c;
  return {
    id: c.id,
    externalId: seesConnectionExternalId(actor) ? c.externalId : null,
    kind: c.kind,
    status: c.status,
    requester: { id: c.requesterOrgId, name: r.requesterName },
    recipient: { id: c.recipientOrgId, name: r.recipientName },
    direction:
      actor.orgId === c.requesterOrgId ? 'outgoing' : actor.orgId === c.recipientOrgId ? 'incoming' : 'none',
    message: c.message,
    terms: c.terms,
    decisionReason: c.decisionReason,
    endReason: c.endReason,
    endedBy: c.endedByOrgId
      ? { id: c.endedByOrgId, name: c.endedByOrgId === c.requesterOrgId ? r.requesterName : r.recipientName }
      : null,
    startedAt: c.startedAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

async function find(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  if (!isId(id)) throw notFound('connection');
  const query = select(q).where(and(eq(connections.id, id), visibleConnections(actor)));
  const [row] = forUpdate ? await query.for('update', { of: connections }) : await query;
  if (!row) throw notFound('connection');
  return row;
}

export async function getConnection(db: Db, ctx: Ctx, id: string) {
  return toDto(ctx.actor, await find(db, ctx.actor, id));
}

export async function listConnections(
  db: Db,
  ctx: Ctx,
  query: z.output<typeof connectionListQuery>,
  page: { limit: number; cursor?: string | undefined },
) {
  const actor = ctx.actor;
  // Vendor staff read boxes from one partner's side (organizationId) or, without it, across the ecosystem.
  const ecosystem = readsConnectionsOfAnyPartner(actor) && !query.organizationId;
  const me =
    readsConnectionsOfAnyPartner(actor) && query.organizationId && isId(query.organizationId)
      ? query.organizationId
      : actor.orgId;
  const ks = keyset({ createdAt: { column: connections.createdAt, cast: 'timestamptz' } }, connections.id, {
    ...page,
    sort: '-createdAt',
  });
  const mine = ecosystem
    ? undefined
    : or(eq(connections.requesterOrgId, me), eq(connections.recipientOrgId, me));
  // Across the ecosystem, incoming and outgoing are the same set: requests awaiting an answer.
  const box =
    query.box === 'incoming'
      ? and(ecosystem ? undefined : eq(connections.recipientOrgId, me), eq(connections.status, 'requested'))
      : query.box === 'outgoing'
        ? and(ecosystem ? undefined : eq(connections.requesterOrgId, me), eq(connections.status, 'requested'))
        : query.box === 'active'
          ? and(mine, eq(connections.status, 'active'))
          : mine;
  const rows = await select(db)
    .where(
      where(
        visibleConnections(actor),
        box,
        query.status ? eq(connections.status, query.status) : undefined,
        query.kind ? eq(connections.kind, query.kind) : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(
    rows.map((r) => ({ ...r, id: r.c.id })),
    (r) => r.c.createdAt,
  );
  return { items: items.map((r) => toDto(actor, r)), nextCursor };
}

export async function requestConnection(
  db: Db,
  ctx: Ctx,
  mailer: Mailer,
  site: Site,
  input: z.output<typeof createConnectionBody>,
) {
  const actor = ctx.actor;
  if (input.organizationId === actor.orgId) {
    throw invalid([
      {
        path: 'body.organizationId',
        message: 'A connection is with another partner, not your own organization',
      },
    ]);
  }
  const created = await runChange(db, ctx, async (tx, record) => {
    // A partner finds others through the marketplace: only an active partner with a published profile can be asked.
    const [target] = isId(input.organizationId)
      ? await tx
          .select({ id: organizationsView.id, name: organizationsView.name })
          .from(organizationsView)
          .innerJoin(partnerProfiles, eq(partnerProfiles.organizationId, organizationsView.id))
          .where(
            and(
              eq(organizationsView.id, input.organizationId),
              eq(organizationsView.kind, 'partner'),
              eq(organizationsView.status, 'active'),
              eq(partnerProfiles.status, 'published'),
            ),
          )
      : [];
    if (!target)
      throw invalid([{ path: 'body.organizationId', message: 'No such partner in the marketplace' }]);
    await lockOrganization(tx, actor.orgId);
    const me = await findOrganizationById(tx, actor.orgId);
    if (me?.status !== 'active') throw unprocessable('Only active partners connect');
    const [open] = await tx
      .select({ status: connections.status, requester: connections.requesterOrgId })
      .from(connections)
      .where(
        and(
          eq(connections.kind, input.kind),
          sql`${connections.status} in ('requested', 'active')`,
          or(
            and(eq(connections.requesterOrgId, actor.orgId), eq(connections.recipientOrgId, target.id)),
            and(eq(connections.requesterOrgId, target.id), eq(connections.recipientOrgId, actor.orgId)),
          ),
        ),
      );
    if (open) {
      throw conflict(
        open.status === 'active'
          ? `You already have an active ${kindWords[input.kind]} with ${target.name}`
          : open.requester === actor.orgId
            ? `You already asked ${target.name} for a ${kindWords[input.kind]}; wait for their answer`
            : `${target.name} already asked you for a ${kindWords[input.kind]}: accept theirs`,
      );
    }
    const id = newId();
    await tx.insert(connections).values({
      id,
      requesterOrgId: actor.orgId,
      recipientOrgId: target.id,
      kind: input.kind,
      status: 'requested',
      message: input.message,
      terms: input.terms,
      requestedByUserId: actor.userId,
    });
    const after = { kind: input.kind, recipientOrganizationId: target.id, terms: input.terms };
    record.audit({ action: 'connection.requested', entityType: 'connection', entityId: id, after });
    record.event({
      type: 'connection.requested',
      entityType: 'connection',
      entityId: id,
      organizationIds: [actor.orgId, target.id],
      payload: { id, ...after },
    });
    return { id, target, myName: me.name };
  });
  await notifyOrganization(
    db,
    mailer,
    created.target.id,
    connectionRequestedEmail(
      {
        organizationName: created.target.name,
        connectionId: created.id,
        otherName: created.myName,
        relationship: kindWords[input.kind],
        message: input.message,
      },
      site,
    ),
    { kind: 'connection', link: `/connections/${created.id}`, actorUserId: actor.userId },
  );
  return getConnection(db, ctx, created.id);
}

type Verb = 'accept' | 'decline' | 'end';

export async function actOnConnection(
  db: Db,
  ctx: Ctx,
  mailer: Mailer,
  site: Site,
  id: string,
  verb: Verb,
  input: z.output<typeof connectionActionBody>,
) {
  const actor = ctx.actor;
  const result = await runChange(db, ctx, async (tx, record) => {
    const loaded = await find(tx, actor, id, true);
    const c = loaded.c;
    const party = actor.orgId === c.requesterOrgId || actor.orgId === c.recipientOrgId;
    if (!party) throw forbidden('Only the two parties act on a connection');
    if (verb !== 'end' && actor.orgId !== c.recipientOrgId) {
      throw forbidden(`Only ${loaded.recipientName} can ${verb} this request`);
    }
    assertVersion(c, input.version);
    const now = new Date();
    let patch: Partial<typeof connections.$inferInsert>;
    if (verb === 'accept' || verb === 'decline') {
      if (c.status !== 'requested')
        throw unprocessable(`This request was already ${c.status === 'active' ? 'accepted' : c.status}`);
      patch =
        verb === 'accept'
          ? { status: 'active', startedAt: now }
          : { status: 'declined', decisionReason: input.reason ?? null, endedAt: now };
    } else {
      if (c.status !== 'active' && c.status !== 'requested')
        throw unprocessable(`This connection is already ${c.status}`);
      patch = { status: 'ended', endReason: input.reason ?? null, endedByOrgId: actor.orgId, endedAt: now };
    }
    await tx
      .update(connections)
      .set({ ...patch, version: c.version + 1, updatedAt: now })
      .where(eq(connections.id, c.id));
    const action = verb === 'accept' ? 'accepted' : verb === 'decline' ? 'declined' : 'ended';
    const after = { status: patch.status, reason: input.reason ?? null };
    record.audit({
      action: `connection.${action}`,
      entityType: 'connection',
      entityId: c.id,
      before: { status: c.status },
      after,
    });
    record.event({
      type: `connection.${action}`,
      entityType: 'connection',
      entityId: c.id,
      organizationIds: [c.requesterOrgId, c.recipientOrgId],
      payload: { id: c.id, kind: c.kind, ...after },
    });
    const other = actor.orgId === c.requesterOrgId ? c.recipientOrgId : c.requesterOrgId;
    const myName = actor.orgId === c.requesterOrgId ? loaded.requesterName : loaded.recipientName;
    const otherName = actor.orgId === c.requesterOrgId ? loaded.recipientName : loaded.requesterName;
    return { other, otherName, myName, kind: c.kind };
  });
  // Every step tells the other side.
  const told = {
    organizationName: result.otherName,
    connectionId: id,
    otherName: result.myName,
    relationship: kindWords[result.kind],
    reason: input.reason ?? null,
  };
  await notifyOrganization(
    db,
    mailer,
    result.other,
    verb === 'accept'
      ? connectionAcceptedEmail(told, site)
      : verb === 'decline'
        ? connectionDeclinedEmail(told, site)
        : connectionEndedEmail(told, site),
    { kind: 'connection', link: `/connections/${id}`, actorUserId: actor.userId },
  );
  return getConnection(db, ctx, id);
}

/** The active connection between two organizations under which a referral is sent, or null. */
export async function activeConnectionBetween(q: Queryable, id: string, a: string, b: string) {
  if (!isId(id)) return null;
  const [row] = await q
    .select()
    .from(connections)
    .where(
      and(
        eq(connections.id, id),
        eq(connections.status, 'active'),
        or(
          and(eq(connections.requesterOrgId, a), eq(connections.recipientOrgId, b)),
          and(eq(connections.requesterOrgId, b), eq(connections.recipientOrgId, a)),
        ),
      ),
    );
  return row ?? null;
}

/** A connection by id, whoever's it is: for the terms a referral sent under it earns. */
export async function findConnectionById(q: Queryable, id: string) {
  const [row] = await q.select().from(connections).where(eq(connections.id, id));
  return row ?? null;
}

/** The oldest connection requests the actor's organization has not answered, with how many wait (the digest). */
export async function findConnectionRequestsAwaiting(q: Queryable, actor: Actor, limit: number) {
  const rows = await q
    .select({
      id: connections.id,
      fromName: orgName(connections.requesterOrgId),
      kind: connections.kind,
      since: connections.createdAt,
      total: countOver(),
    })
    .from(connections)
    .where(
      and(
        visibleConnections(actor),
        eq(connections.recipientOrgId, actor.orgId),
        eq(connections.status, 'requested'),
      ),
    )
    .orderBy(asc(connections.createdAt), asc(connections.id))
    .limit(limit);
  return rows.map(({ kind, ...r }) => ({ ...r, relationship: kindWords[kind] }));
}
