import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { isId } from '../../lib/ids';
import { keyset, where, type PageRequest } from '../../lib/pagination';
import { partnerNotes, partnerTasks } from './partner-notes.tables';
import { mayReadPartnerNotes } from './partner-notes.visibility';

export type PartnerNoteRow = typeof partnerNotes.$inferSelect;
export type PartnerTaskRow = typeof partnerTasks.$inferSelect;

const newestFirst = { createdAt: { column: partnerNotes.createdAt, cast: 'timestamptz' } } as const;
const tasksNewestFirst = { createdAt: { column: partnerTasks.createdAt, cast: 'timestamptz' } } as const;

export async function findNotes(
  q: Queryable,
  actor: Actor,
  organizationId: string,
  page: Omit<PageRequest, 'sort'>,
) {
  if (!mayReadPartnerNotes(actor)) return { items: [], nextCursor: null };
  const ks = keyset(newestFirst, partnerNotes.id, { ...page, sort: '-createdAt' });
  const rows = await q
    .select()
    .from(partnerNotes)
    .where(where(eq(partnerNotes.organizationId, organizationId), ks.after))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return ks.page(rows, (r) => r.createdAt);
}

export async function findNote(
  q: Queryable,
  actor: Actor,
  organizationId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  if (!mayReadPartnerNotes(actor) || !isId(id)) return undefined;
  const query = q
    .select()
    .from(partnerNotes)
    .where(and(eq(partnerNotes.id, id), eq(partnerNotes.organizationId, organizationId)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertNote(q: Queryable, values: typeof partnerNotes.$inferInsert) {
  const [row] = await q.insert(partnerNotes).values(values).returning();
  return row!;
}

export async function updateNoteRow(q: Queryable, id: string, body: string) {
  const [row] = await q
    .update(partnerNotes)
    .set({ body, version: sql`${partnerNotes.version} + 1`, updatedAt: new Date() })
    .where(eq(partnerNotes.id, id))
    .returning();
  return row!;
}

export async function deleteNoteRow(q: Queryable, id: string) {
  await q.delete(partnerNotes).where(eq(partnerNotes.id, id));
}

export async function findTasks(
  q: Queryable,
  actor: Actor,
  organizationId: string,
  status: 'open' | 'done' | 'all',
  page: Omit<PageRequest, 'sort'>,
) {
  if (!mayReadPartnerNotes(actor)) return { items: [], nextCursor: null };
  const ks = keyset(tasksNewestFirst, partnerTasks.id, { ...page, sort: '-createdAt' });
  const rows = await q
    .select()
    .from(partnerTasks)
    .where(
      where(
        eq(partnerTasks.organizationId, organizationId),
        status === 'open' ? isNull(partnerTasks.completedAt) : undefined,
        status === 'done' ? isNotNull(partnerTasks.completedAt) : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  return ks.page(rows, (r) => r.createdAt);
}

export async function findTask(
  q: Queryable,
  actor: Actor,
  organizationId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
) {
  if (!mayReadPartnerNotes(actor) || !isId(id)) return undefined;
  const query = q
    .select()
    .from(partnerTasks)
    .where(and(eq(partnerTasks.id, id), eq(partnerTasks.organizationId, organizationId)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertTask(q: Queryable, values: typeof partnerTasks.$inferInsert) {
  const [row] = await q.insert(partnerTasks).values(values).returning();
  return row!;
}

export async function updateTaskRow(
  q: Queryable,
  id: string,
  set: Partial<Pick<PartnerTaskRow, 'title' | 'assigneeId' | 'dueOn' | 'completedAt'>>,
) {
  const [row] = await q
    .update(partnerTasks)
    .set({ ...set, version: sql`${partnerTasks.version} + 1`, updatedAt: new Date() })
    .where(eq(partnerTasks.id, id))
    .returning();
  return row!;
}

export async function deleteTaskRow(q: Queryable, id: string) {
  await q.delete(partnerTasks).where(eq(partnerTasks.id, id));
}
