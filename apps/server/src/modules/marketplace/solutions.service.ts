import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { createSolutionBody } from '@partnergraph/shared/contracts/marketplace';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import { keyset, where } from '../../lib/pagination';
import { organizationsView } from '../organizations/organizations.repository';
import { partnerProfiles, solutionMembers, solutions } from './marketplace.tables';
import { seesSolutionMember, visibleSolutions } from './marketplace.visibility';

type SolutionRow = typeof solutions.$inferSelect;

async function toDtos(q: Queryable, actor: Actor, rows: SolutionRow[]) {
  if (!rows.length) return [];
  const members = await q
    .select({ m: solutionMembers, name: organizationsView.name, status: organizationsView.status })
    .from(solutionMembers)
    .innerJoin(organizationsView, eq(organizationsView.id, solutionMembers.organizationId))
    .where(
      inArray(
        solutionMembers.solutionId,
        rows.map((r) => r.id),
      ),
    );
  const names = new Map(
    (
      await q
        .select({ id: organizationsView.id, name: organizationsView.name })
        .from(organizationsView)
        .where(
          inArray(
            organizationsView.id,
            rows.map((r) => r.createdByOrgId),
          ),
        )
    ).map((o) => [o.id, o.name]),
  );
  return rows.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    status: s.status,
    createdBy: { id: s.createdByOrgId, name: names.get(s.createdByOrgId) ?? '' },
    members: members
      .filter((m) => m.m.solutionId === s.id)
      .filter((m) => seesSolutionMember(actor, m))
      .map((m) => ({
        organization: { id: m.m.organizationId, name: m.name },
        role: m.m.role,
        acceptedAt: m.m.acceptedAt?.toISOString() ?? null,
      })),
    publishedAt: s.publishedAt?.toISOString() ?? null,
    version: s.version,
    createdAt: s.createdAt.toISOString(),
  }));
}

async function find(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  if (!isId(id)) throw notFound('solution');
  const query = q
    .select()
    .from(solutions)
    .where(and(eq(solutions.id, id), visibleSolutions(actor)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('solution');
  return row;
}

export async function getSolution(db: Db, ctx: Ctx, id: string) {
  return (await toDtos(db, ctx.actor, [await find(db, ctx.actor, id)]))[0]!;
}

export async function listSolutions(
  db: Db,
  ctx: Ctx,
  query: { status?: 'pending' | 'published' | undefined; organizationId?: string | undefined },
  page: { limit: number; cursor?: string | undefined },
) {
  const ks = keyset({ createdAt: { column: solutions.createdAt, cast: 'timestamptz' } }, solutions.id, {
    ...page,
    sort: '-createdAt',
  });
  const rows = await db
    .select()
    .from(solutions)
    .where(
      where(
        visibleSolutions(ctx.actor),
        query.status ? eq(solutions.status, query.status) : undefined,
        query.organizationId && isId(query.organizationId)
          ? sql`exists (select 1 from solution_members m where m.solution_id = ${solutions.id} and m.organization_id = ${query.organizationId})`
          : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(rows, (r) => r.createdAt);
  return { items: await toDtos(db, ctx.actor, items), nextCursor };
}

export async function createSolution(db: Db, ctx: Ctx, input: z.output<typeof createSolutionBody>) {
  const actor = ctx.actor;
  const ids = input.members.map((m) => m.organizationId);
  if (ids.includes(actor.orgId) || new Set(ids).size !== ids.length) {
    throw invalid([
      { path: 'body.members', message: 'Name each other partner once, not your own organization' },
    ]);
  }
  const id = await runChange(db, ctx, async (tx, record) => {
    // Members are found in the marketplace: active partners with a published profile.
    const found = await tx
      .select({ id: organizationsView.id })
      .from(organizationsView)
      .innerJoin(partnerProfiles, eq(partnerProfiles.organizationId, organizationsView.id))
      .where(
        and(
          inArray(organizationsView.id, ids.filter(isId)),
          eq(organizationsView.status, 'active'),
          eq(partnerProfiles.status, 'published'),
        ),
      );
    const missing = input.members.findIndex((m) => !found.some((f) => f.id === m.organizationId));
    if (missing >= 0) {
      throw invalid([
        { path: `body.members.${missing}.organizationId`, message: 'No such partner in the marketplace' },
      ]);
    }
    const sid = newId();
    const now = new Date();
    await tx
      .insert(solutions)
      .values({ id: sid, name: input.name, description: input.description, createdByOrgId: actor.orgId });
    await tx
      .insert(solutionMembers)
      .values([
        { solutionId: sid, organizationId: actor.orgId, role: input.role, acceptedAt: now },
        ...input.members.map((m) => ({ solutionId: sid, organizationId: m.organizationId, role: m.role })),
      ]);
    record.audit({
      action: 'solution.created',
      entityType: 'solution',
      entityId: sid,
      after: { name: input.name, members: ids },
    });
    record.event({
      type: 'solution.created',
      entityType: 'solution',
      entityId: sid,
      organizationIds: [actor.orgId, ...ids],
      payload: { id: sid, name: input.name },
    });
    return sid;
  });
  return getSolution(db, ctx, id);
}

/** A member accepts; the last acceptance publishes the solution in the marketplace. */
export async function acceptSolution(db: Db, ctx: Ctx, id: string, version: number) {
  await runChange(db, ctx, async (tx, record) => {
    const s = await find(tx, ctx.actor, id, true);
    const [member] = await tx
      .select()
      .from(solutionMembers)
      .where(and(eq(solutionMembers.solutionId, s.id), eq(solutionMembers.organizationId, ctx.actor.orgId)));
    if (!member) throw forbidden('Only the members of a joint solution accept it');
    assertVersion(s, version);
    if (member.acceptedAt) throw unprocessable('Your organization already accepted this solution');
    const now = new Date();
    await tx
      .update(solutionMembers)
      .set({ acceptedAt: now })
      .where(and(eq(solutionMembers.solutionId, s.id), eq(solutionMembers.organizationId, ctx.actor.orgId)));
    const [waiting] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(solutionMembers)
      .where(and(eq(solutionMembers.solutionId, s.id), isNull(solutionMembers.acceptedAt)));
    const publish = (waiting?.n ?? 0) === 0;
    await tx
      .update(solutions)
      .set({ version: s.version + 1, ...(publish ? { status: 'published' as const, publishedAt: now } : {}) })
      .where(eq(solutions.id, s.id));
    record.audit({
      action: 'solution.accepted',
      entityType: 'solution',
      entityId: s.id,
      after: { organizationId: ctx.actor.orgId, published: publish },
    });
    if (publish) {
      record.event({
        type: 'solution.published',
        entityType: 'solution',
        entityId: s.id,
        payload: { id: s.id, name: s.name },
      });
    }
  });
  return getSolution(db, ctx, id);
}
