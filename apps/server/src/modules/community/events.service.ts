import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { createEvent } from 'ics';
import type { z } from 'zod';
import type {
  CommunityEvent,
  attendanceBody,
  createEventBody,
  eventListQuery,
  updateEventBody,
} from '@partnergraph/shared/contracts/community';
import type { Db, Queryable } from '../../db/client';
import { qualified } from '../../db/qualified';
import { assertVersion, runChange, type Tx } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { AppError, conflict, invalid, notFound, unprocessable } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import type { Deps } from '../../lib/deps';
import { keyset, where } from '../../lib/pagination';
import { peopleView } from '../identity/identity.repository';
import type { Site } from '../mail/templates';
import { communityEvents, eventRsvps } from './community.tables';
import { renderMarkdown } from './markdown';
import { addNotifications, emailNotifications, type Created } from '../notifications/notifications.service';
import { checkSegment, labelSegments } from './segments';
import { seesEventJoinDetails, visibleEvents } from './community.visibility';

type EventRow = typeof communityEvents.$inferSelect;

const counts = {
  going: sql<number>`(select count(*)::int from event_rsvps r where r.event_id = ${qualified(communityEvents.id)} and r.status = 'going')`,
  waitlisted: sql<number>`(select count(*)::int from event_rsvps r where r.event_id = ${qualified(communityEvents.id)} and r.status = 'waitlisted')`,
};

async function toDtos(
  q: Queryable,
  actor: Actor,
  rows: { e: EventRow; going: number; waitlisted: number }[],
): Promise<CommunityEvent[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.e.id);
  const mine = await q
    .select()
    .from(eventRsvps)
    .where(and(eq(eventRsvps.userId, actor.userId), inArray(eventRsvps.eventId, ids)));
  const myRsvp = new Map(mine.map((r) => [r.eventId, r]));
  // Waitlist positions for the page in one statement: order of asking within each event.
  const waiting = mine.filter((m) => m.status === 'waitlisted').map((m) => m.eventId);
  const positions = new Map<string, number>();
  if (waiting.length) {
    const res = await q.execute<{ event_id: string; pos: number }>(sql`
      select event_id, pos from (
        select event_id, user_id, row_number() over (partition by event_id order by requested_at, user_id)::int as pos
        from event_rsvps
        where status = 'waitlisted' and event_id in (${sql.join(
          waiting.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
      ) w where user_id = ${actor.userId}::uuid`);
    for (const r of res.rows) positions.set(r.event_id, Number(r.pos));
  }
  const labels = await labelSegments(
    q,
    rows.map((r) => r.e.segment ?? null),
  );
  return rows.map(({ e, going, waitlisted }, i) => {
    const rsvp = myRsvp.get(e.id);
    const seated = seesEventJoinDetails(actor, rsvp);
    return {
      id: e.id,
      title: e.title,
      description: e.description,
      html: e.html,
      kind: e.kind,
      startsAt: e.startsAt.toISOString(),
      endsAt: e.endsAt.toISOString(),
      timeZone: e.timeZone,
      location: e.location,
      // The way in is for those with a seat.
      joinUrl: seated ? e.joinUrl : null,
      capacity: e.capacity,
      segment: labels[i] ?? null,
      cancelled: e.cancelledAt !== null,
      going,
      waitlisted,
      myRsvp: rsvp
        ? {
            status: rsvp.status,
            waitlistPosition: positions.get(e.id) ?? null,
            attended: rsvp.attendedAt !== null,
          }
        : null,
      version: e.version,
      createdAt: e.createdAt.toISOString(),
    };
  });
}

async function loadEvent(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  if (!isId(id)) throw notFound('event');
  const query = q
    .select()
    .from(communityEvents)
    .where(and(eq(communityEvents.id, id), visibleEvents(actor)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('event');
  return row;
}

export async function getEvent(db: Queryable, ctx: Ctx, id: string) {
  await loadEvent(db, ctx.actor, id);
  const rows = await db
    .select({ e: communityEvents, ...counts })
    .from(communityEvents)
    .where(eq(communityEvents.id, id));
  return (await toDtos(db, ctx.actor, rows))[0]!;
}

export async function listEvents(db: Db, ctx: Ctx, query: z.output<typeof eventListQuery>) {
  const upcoming = query.when === 'upcoming';
  const ks = keyset(
    { startsAt: { column: communityEvents.startsAt, cast: 'timestamptz' } },
    communityEvents.id,
    {
      ...query,
      sort: upcoming ? 'startsAt' : '-startsAt',
    },
  );
  const rows = await db
    .select({ e: communityEvents, ...counts })
    .from(communityEvents)
    .where(
      where(
        visibleEvents(ctx.actor),
        // An event running now is still upcoming: one can join it.
        upcoming ? sql`${communityEvents.endsAt} > now()` : sql`${communityEvents.endsAt} <= now()`,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(
    rows.map((r) => ({ ...r, id: r.e.id })),
    (r) => r.e.startsAt,
  );
  return { items: await toDtos(db, ctx.actor, items), nextCursor };
}

export async function createCommunityEvent(db: Db, ctx: Ctx, input: z.output<typeof createEventBody>) {
  const id = await runChange(db, ctx, async (tx, record) => {
    const segment = input.segment ? await checkSegment(tx, input.segment, 'body.segment') : null;
    const id = newId();
    await tx.insert(communityEvents).values({
      id,
      title: input.title,
      description: input.description,
      html: input.description ? renderMarkdown(input.description) : '',
      kind: input.kind,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      timeZone: input.timeZone,
      location: input.location,
      joinUrl: input.joinUrl ?? null,
      capacity: input.capacity ?? null,
      segment,
      createdByUserId: ctx.actor.userId,
    });
    const after = {
      title: input.title,
      kind: input.kind,
      startsAt: input.startsAt,
      capacity: input.capacity ?? null,
      segment,
    };
    record.audit({ action: 'event.created', entityType: 'event', entityId: id, after });
    record.event({ type: 'event.created', entityType: 'event', entityId: id, payload: { id, ...after } });
    return id;
  });
  return getEvent(db, ctx, id);
}

/** Seats freed (a cancellation, more capacity) go to the waitlist in the order people asked. */
async function promoteWaitlist(tx: Tx, e: EventRow): Promise<string[]> {
  if (e.cancelledAt) return [];
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, e.id), eq(eventRsvps.status, 'going')));
  const free = e.capacity === null ? Number.MAX_SAFE_INTEGER : e.capacity - (row?.n ?? 0);
  if (free <= 0) return [];
  const next = await tx
    .select({ userId: eventRsvps.userId })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, e.id), eq(eventRsvps.status, 'waitlisted')))
    .orderBy(asc(eventRsvps.requestedAt), asc(eventRsvps.userId))
    .limit(Math.min(free, 10_000));
  if (!next.length) return [];
  const ids = next.map((n) => n.userId);
  await tx
    .update(eventRsvps)
    .set({ status: 'going', updatedAt: new Date() })
    .where(and(eq(eventRsvps.eventId, e.id), inArray(eventRsvps.userId, ids)));
  return ids;
}

function promotedNotice(tx: Tx, e: EventRow, ids: string[], actor: Actor) {
  return addNotifications(tx, {
    userIds: ids,
    kind: 'event',
    title: `A seat freed up: you are going to ${e.title}`,
    link: `/community/events/${e.id}`,
    actorUserId: actor.userId,
  });
}

export async function updateEvent(deps: Deps, ctx: Ctx, id: string, input: z.output<typeof updateEventBody>) {
  const { db } = deps;
  const actor = ctx.actor;
  const created = await runChange(db, ctx, async (tx, record) => {
    const e = await loadEvent(tx, actor, id, true);
    assertVersion(e, input.version);
    if (e.cancelledAt) throw unprocessable('This event was cancelled');
    const startsAt = input.startsAt ? new Date(input.startsAt) : e.startsAt;
    const endsAt = input.endsAt ? new Date(input.endsAt) : e.endsAt;
    if (endsAt <= startsAt) throw invalid([{ path: 'body.endsAt', message: 'Ends after it starts' }]);
    const patch = {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined
        ? { description: input.description, html: renderMarkdown(input.description || ' ') }
        : {}),
      startsAt,
      endsAt,
      ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
      ...(input.location !== undefined ? { location: input.location } : {}),
      ...(input.joinUrl !== undefined ? { joinUrl: input.joinUrl } : {}),
      ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
    };
    await tx
      .update(communityEvents)
      .set({ ...patch, version: e.version + 1 })
      .where(eq(communityEvents.id, id));
    record.audit({
      action: 'event.updated',
      entityType: 'event',
      entityId: id,
      before: { title: e.title, startsAt: e.startsAt, endsAt: e.endsAt, capacity: e.capacity },
      after: { ...input, version: undefined },
    });
    record.event({ type: 'event.updated', entityType: 'event', entityId: id, payload: { id } });
    const updated = { ...e, ...patch };
    const promoted = await promoteWaitlist(tx, updated);
    const going = await tx
      .select({ userId: eventRsvps.userId })
      .from(eventRsvps)
      .where(and(eq(eventRsvps.eventId, id), eq(eventRsvps.status, 'going')));
    const moved = startsAt.getTime() !== e.startsAt.getTime() || endsAt.getTime() !== e.endsAt.getTime();
    const list: Created = await promotedNotice(tx, updated, promoted, actor);
    if (moved) {
      list.push(
        ...(await addNotifications(tx, {
          userIds: going.map((g) => g.userId).filter((u) => !promoted.includes(u)),
          kind: 'event',
          title: `${updated.title} moved to ${startsAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
          link: `/community/events/${id}`,
          actorUserId: actor.userId,
        })),
      );
    }
    return list;
  });
  await emailNotifications(deps, created);
  return getEvent(db, ctx, id);
}

export async function cancelEvent(deps: Deps, ctx: Ctx, id: string) {
  const { db } = deps;
  const actor = ctx.actor;
  const created = await runChange(db, ctx, async (tx, record) => {
    const e = await loadEvent(tx, actor, id, true);
    if (e.cancelledAt) throw conflict('This event is already cancelled');
    await tx
      .update(communityEvents)
      .set({ cancelledAt: new Date(), version: e.version + 1 })
      .where(eq(communityEvents.id, id));
    record.audit({
      action: 'event.cancelled',
      entityType: 'event',
      entityId: id,
      before: { title: e.title },
    });
    record.event({ type: 'event.cancelled', entityType: 'event', entityId: id, payload: { id } });
    const told = await tx
      .select({ userId: eventRsvps.userId })
      .from(eventRsvps)
      .where(and(eq(eventRsvps.eventId, id), sql`${eventRsvps.status} in ('going', 'waitlisted')`));
    return addNotifications(tx, {
      userIds: told.map((t) => t.userId),
      kind: 'event',
      title: `${e.title} was cancelled`,
      link: `/community/events/${id}`,
      actorUserId: actor.userId,
    });
  });
  await emailNotifications(deps, created);
  return getEvent(db, ctx, id);
}

export async function rsvp(deps: Deps, ctx: Ctx, id: string, status: 'going' | 'cancelled') {
  const { db } = deps;
  const actor = ctx.actor;
  const created = await runChange(
    db,
    ctx,
    async (tx, record) => {
      // The event row is locked, so two people taking the last seat at once queue here: one gets it.
      const e = await loadEvent(tx, actor, id, true);
      if (e.cancelledAt) throw unprocessable('This event was cancelled');
      if (e.endsAt <= new Date()) throw unprocessable('This event is over');
      const [current] = await tx
        .select()
        .from(eventRsvps)
        .where(and(eq(eventRsvps.eventId, id), eq(eventRsvps.userId, actor.userId)));
      if (status === 'going') {
        if (current && current.status !== 'cancelled') return [];
        const [row] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(eventRsvps)
          .where(and(eq(eventRsvps.eventId, id), eq(eventRsvps.status, 'going')));
        const full = e.capacity !== null && (row?.n ?? 0) >= e.capacity;
        const next = full ? ('waitlisted' as const) : ('going' as const);
        const now = new Date();
        await tx
          .insert(eventRsvps)
          .values({
            eventId: id,
            userId: actor.userId,
            organizationId: actor.orgId,
            status: next,
            requestedAt: now,
          })
          .onConflictDoUpdate({
            target: [eventRsvps.eventId, eventRsvps.userId],
            set: { status: next, requestedAt: now, updatedAt: now, organizationId: actor.orgId },
          });
        record.audit({
          action: `event.rsvp_${next}`,
          entityType: 'event',
          entityId: id,
          after: { userId: actor.userId, status: next },
        });
        return [];
      }
      if (!current || current.status === 'cancelled') return [];
      await tx
        .update(eventRsvps)
        .set({ status: 'cancelled', updatedAt: new Date() })
        .where(and(eq(eventRsvps.eventId, id), eq(eventRsvps.userId, actor.userId)));
      record.audit({
        action: 'event.rsvp_cancelled',
        entityType: 'event',
        entityId: id,
        before: { status: current.status },
        after: { userId: actor.userId, status: 'cancelled' },
      });
      const promoted = current.status === 'going' ? await promoteWaitlist(tx, e) : [];
      return promotedNotice(tx, e, promoted, actor);
    },
    { refreshOnly: true },
  );
  await emailNotifications(deps, created);
  return getEvent(db, ctx, id);
}

export async function listAttendees(
  db: Db,
  ctx: Ctx,
  id: string,
  page: { limit: number; cursor?: string | undefined },
) {
  await loadEvent(db, ctx.actor, id);
  const ks = keyset({ name: { column: peopleView.name, cast: 'text' } }, peopleView.id, {
    ...page,
    sort: 'name',
  });
  const rows = await db
    .select({ r: eventRsvps, name: peopleView.name, orgId: peopleView.orgId, orgName: peopleView.orgName })
    .from(eventRsvps)
    .innerJoin(peopleView, eq(peopleView.id, eventRsvps.userId))
    .where(and(eq(eventRsvps.eventId, id), ks.after))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const waiting = rows.filter((r) => r.r.status === 'waitlisted');
  const order = new Map<string, number>();
  if (waiting.length) {
    const all = await db
      .select({ userId: eventRsvps.userId })
      .from(eventRsvps)
      .where(and(eq(eventRsvps.eventId, id), eq(eventRsvps.status, 'waitlisted')))
      .orderBy(asc(eventRsvps.requestedAt), asc(eventRsvps.userId));
    all.forEach((w, i) => order.set(w.userId, i + 1));
  }
  const { items, nextCursor } = ks.page(
    rows.map((r) => ({ ...r, id: r.r.userId })),
    (r) => r.name,
  );
  return {
    items: items.map((r) => ({
      user: { id: r.r.userId, name: r.name, organization: { id: r.orgId, name: r.orgName } },
      status: r.r.status,
      waitlistPosition: order.get(r.r.userId) ?? null,
      attended: r.r.attendedAt !== null,
      respondedAt: r.r.updatedAt.toISOString(),
    })),
    nextCursor,
  };
}

/** Marks who came: only people who answered the invitation, and only once the event has begun. */
export async function markAttendance(db: Db, ctx: Ctx, id: string, input: z.output<typeof attendanceBody>) {
  await runChange(db, ctx, async (tx, record) => {
    const e = await loadEvent(tx, ctx.actor, id, true);
    if (e.startsAt > new Date()) throw unprocessable('Attendance is marked once the event has begun');
    const wanted = input.userIds.filter(isId);
    const found = wanted.length
      ? await tx
          .select({ userId: eventRsvps.userId })
          .from(eventRsvps)
          .where(and(eq(eventRsvps.eventId, id), inArray(eventRsvps.userId, wanted)))
      : [];
    const known = new Set(found.map((f) => f.userId));
    const errors = input.userIds
      .map((u, i) => ({ u, i }))
      .filter(({ u }) => !known.has(u))
      .map(({ i }) => ({ path: `body.userIds.${i}`, message: 'This person did not answer the invitation' }));
    if (errors.length) throw invalid(errors);
    await tx
      .update(eventRsvps)
      .set({ attendedAt: input.attended ? e.startsAt : null, updatedAt: new Date() })
      .where(and(eq(eventRsvps.eventId, id), inArray(eventRsvps.userId, wanted)));
    record.audit({
      action: input.attended ? 'event.attendance_marked' : 'event.attendance_cleared',
      entityType: 'event',
      entityId: id,
      after: { userIds: wanted },
    });
  });
  return getEvent(db, ctx, id);
}

const parts = (d: Date): [number, number, number, number, number] => [
  d.getUTCFullYear(),
  d.getUTCMonth() + 1,
  d.getUTCDate(),
  d.getUTCHours(),
  d.getUTCMinutes(),
];

/** The event as an iCalendar file (RFC 5545), in UTC so any calendar shows it in its own zone. */
export async function eventIcs(db: Db, ctx: Ctx, site: Site, id: string) {
  const e = await loadEvent(db, ctx.actor, id);
  const dto = (await toDtos(db, ctx.actor, [{ e, going: 0, waitlisted: 0 }]))[0]!;
  const url = `${site.url}/community/events/${e.id}`;
  const { error, value } = createEvent({
    uid: `${e.id}@partnergraph`,
    productId: 'partnergraph/community',
    title: e.title,
    description: [
      e.description,
      dto.joinUrl ? `Join: ${dto.joinUrl}` : '',
      `Details: ${url}`,
      `Time zone: ${e.timeZone}`,
    ]
      .filter(Boolean)
      .join('\n\n'),
    start: parts(e.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: parts(e.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    ...(e.location ? { location: e.location } : dto.joinUrl ? { location: dto.joinUrl } : {}),
    url,
    status: e.cancelledAt ? 'CANCELLED' : 'CONFIRMED',
    sequence: e.version,
    calName: site.vendorName ? `${site.vendorName} partner events` : 'Partner events',
  });
  if (error || !value) throw new AppError('internal', 'Could not write the calendar file');
  const fileName = `${
    e.title
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'event'
  }.ics`;
  return { ics: value, fileName };
}
