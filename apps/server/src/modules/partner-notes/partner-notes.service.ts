import type { z } from 'zod';
import type {
  createPartnerNoteBody,
  createPartnerTaskBody,
  updatePartnerNoteBody,
  updatePartnerTaskBody,
} from '@partnergraph/shared/contracts/partner-notes';
import { rolesWith } from '@partnergraph/shared/permissions';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { PageRequest } from '../../lib/pagination';
import { findActiveUserOfOrganization, findUserContacts } from '../identity/identity.repository';
import { findPartnerById } from '../organizations/organizations.repository';
import {
  deleteNoteRow,
  deleteTaskRow,
  findNote,
  findNotes,
  findTask,
  findTasks,
  insertNote,
  insertTask,
  updateNoteRow,
  updateTaskRow,
  type PartnerNoteRow,
  type PartnerTaskRow,
} from './partner-notes.repository';
import { mayChangeNote, mayReadPartnerNotes } from './partner-notes.visibility';

type Page = Omit<PageRequest, 'sort'>;

/** The partner the notes hang on, as the actor may see it; 404 otherwise (a partner's user never gets this far). */
async function visiblePartner(q: Queryable, actor: Actor, id: string, forUpdate = false) {
  const org = mayReadPartnerNotes(actor) ? await findPartnerById(q, actor, id, { forUpdate }) : undefined;
  if (!org) throw notFound('partner');
  return org;
}

async function peopleOf(q: Queryable, ids: (string | null)[]) {
  const found = await findUserContacts(
    q,
    ids.filter((x): x is string => !!x),
  );
  const map = new Map(found.map((u) => [u.id, { id: u.id, name: u.name }]));
  return (id: string | null) => (id ? (map.get(id) ?? null) : null);
}

function noteDto(n: PartnerNoteRow, person: Awaited<ReturnType<typeof peopleOf>>) {
  return {
    id: n.id,
    organizationId: n.organizationId,
    body: n.body,
    author: person(n.authorId),
    version: n.version,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}

function taskDto(t: PartnerTaskRow, person: Awaited<ReturnType<typeof peopleOf>>) {
  return {
    id: t.id,
    organizationId: t.organizationId,
    title: t.title,
    assignee: person(t.assigneeId),
    dueOn: t.dueOn,
    done: t.completedAt !== null,
    completedAt: t.completedAt?.toISOString() ?? null,
    createdBy: person(t.createdById),
    version: t.version,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

const noteAudit = (n: PartnerNoteRow) => ({ organizationId: n.organizationId, body: n.body });
const taskAudit = (t: PartnerTaskRow) => ({
  organizationId: t.organizationId,
  title: t.title,
  assigneeId: t.assigneeId,
  dueOn: t.dueOn,
  completedAt: t.completedAt?.toISOString() ?? null,
});

/** A task's assignee is one of the vendor's active staff who may work on partner tasks. */
async function assertAssignable(q: Queryable, actor: Actor, assigneeId: string | null | undefined) {
  if (!assigneeId) return;
  const user = await findActiveUserOfOrganization(
    q,
    assigneeId,
    actor.orgId,
    rolesWith('partner-notes:manage'),
  );
  if (!user) {
    throw invalid([
      { path: 'body.assigneeId', message: 'Pick an active admin or channel manager of the vendor' },
    ]);
  }
}

// Notes

export async function listPartnerNotes(db: Db, ctx: Ctx, partnerId: string, page: Page) {
  await visiblePartner(db, ctx.actor, partnerId);
  const res = await findNotes(db, ctx.actor, partnerId, page);
  const person = await peopleOf(
    db,
    res.items.map((n) => n.authorId),
  );
  return { items: res.items.map((n) => noteDto(n, person)), nextCursor: res.nextCursor };
}

export async function createPartnerNote(
  db: Db,
  ctx: Ctx,
  partnerId: string,
  input: z.output<typeof createPartnerNoteBody>,
) {
  return runChange(db, ctx, async (tx, record) => {
    await visiblePartner(tx, ctx.actor, partnerId);
    const note = await insertNote(tx, {
      id: newId(),
      organizationId: partnerId,
      body: input.body,
      authorId: ctx.actor.userId,
    });
    record.audit({
      action: 'partner_note.created',
      entityType: 'partner_note',
      entityId: note.id,
      after: noteAudit(note),
    });
    return noteDto(note, await peopleOf(tx, [note.authorId]));
  });
}

async function changeableNote(q: Queryable, actor: Actor, partnerId: string, noteId: string) {
  await visiblePartner(q, actor, partnerId);
  const note = await findNote(q, actor, partnerId, noteId, { forUpdate: true });
  if (!note) throw notFound('note');
  if (!mayChangeNote(actor, note)) throw forbidden('Only its author or an admin may change a note');
  return note;
}

export async function updatePartnerNote(
  db: Db,
  ctx: Ctx,
  partnerId: string,
  noteId: string,
  input: z.output<typeof updatePartnerNoteBody>,
) {
  return runChange(db, ctx, async (tx, record) => {
    const before = await changeableNote(tx, ctx.actor, partnerId, noteId);
    assertVersion(before, input.version);
    const note = await updateNoteRow(tx, noteId, input.body);
    record.audit({
      action: 'partner_note.updated',
      entityType: 'partner_note',
      entityId: noteId,
      before: noteAudit(before),
      after: noteAudit(note),
    });
    return noteDto(note, await peopleOf(tx, [note.authorId]));
  });
}

export async function deletePartnerNote(db: Db, ctx: Ctx, partnerId: string, noteId: string) {
  await runChange(db, ctx, async (tx, record) => {
    const before = await changeableNote(tx, ctx.actor, partnerId, noteId);
    await deleteNoteRow(tx, noteId);
    record.audit({
      action: 'partner_note.deleted',
      entityType: 'partner_note',
      entityId: noteId,
      before: noteAudit(before),
    });
  });
}

// Tasks

export async function listPartnerTasks(
  db: Db,
  ctx: Ctx,
  partnerId: string,
  status: 'open' | 'done' | 'all',
  page: Page,
) {
  await visiblePartner(db, ctx.actor, partnerId);
  const res = await findTasks(db, ctx.actor, partnerId, status, page);
  const person = await peopleOf(
    db,
    res.items.flatMap((t) => [t.assigneeId, t.createdById]),
  );
  return { items: res.items.map((t) => taskDto(t, person)), nextCursor: res.nextCursor };
}

async function taskResult(q: Queryable, t: PartnerTaskRow) {
  return taskDto(t, await peopleOf(q, [t.assigneeId, t.createdById]));
}

export async function createPartnerTask(
  db: Db,
  ctx: Ctx,
  partnerId: string,
  input: z.output<typeof createPartnerTaskBody>,
) {
  return runChange(db, ctx, async (tx, record) => {
    await visiblePartner(tx, ctx.actor, partnerId);
    await assertAssignable(tx, ctx.actor, input.assigneeId);
    const task = await insertTask(tx, {
      id: newId(),
      organizationId: partnerId,
      title: input.title,
      assigneeId: input.assigneeId ?? null,
      dueOn: input.dueOn ?? null,
      createdById: ctx.actor.userId,
    });
    record.audit({
      action: 'partner_task.created',
      entityType: 'partner_task',
      entityId: task.id,
      after: taskAudit(task),
    });
    return taskResult(tx, task);
  });
}

async function lockedTask(q: Queryable, actor: Actor, partnerId: string, taskId: string, version: number) {
  await visiblePartner(q, actor, partnerId);
  const task = await findTask(q, actor, partnerId, taskId, { forUpdate: true });
  if (!task) throw notFound('task');
  assertVersion(task, version);
  return task;
}

export async function updatePartnerTask(
  db: Db,
  ctx: Ctx,
  partnerId: string,
  taskId: string,
  input: z.output<typeof updatePartnerTaskBody>,
) {
  return runChange(db, ctx, async (tx, record) => {
    const before = await lockedTask(tx, ctx.actor, partnerId, taskId, input.version);
    if (input.assigneeId !== undefined) await assertAssignable(tx, ctx.actor, input.assigneeId);
    const task = await updateTaskRow(tx, taskId, {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.assigneeId !== undefined && { assigneeId: input.assigneeId }),
      ...(input.dueOn !== undefined && { dueOn: input.dueOn }),
    });
    record.audit({
      action: 'partner_task.updated',
      entityType: 'partner_task',
      entityId: taskId,
      before: taskAudit(before),
      after: taskAudit(task),
    });
    return taskResult(tx, task);
  });
}

/** Marks a task done (`done: true`) or open again; a task already in that state is refused with 422. */
export async function setPartnerTaskDone(
  db: Db,
  ctx: Ctx,
  partnerId: string,
  taskId: string,
  version: number,
  done: boolean,
) {
  return runChange(db, ctx, async (tx, record) => {
    const before = await lockedTask(tx, ctx.actor, partnerId, taskId, version);
    if ((before.completedAt !== null) === done) {
      throw unprocessable(done ? 'This task is already done' : 'This task is already open');
    }
    const task = await updateTaskRow(tx, taskId, { completedAt: done ? new Date() : null });
    record.audit({
      action: done ? 'partner_task.completed' : 'partner_task.reopened',
      entityType: 'partner_task',
      entityId: taskId,
      before: taskAudit(before),
      after: taskAudit(task),
    });
    return taskResult(tx, task);
  });
}

export async function deletePartnerTask(db: Db, ctx: Ctx, partnerId: string, taskId: string) {
  await runChange(db, ctx, async (tx, record) => {
    await visiblePartner(tx, ctx.actor, partnerId);
    const before = await findTask(tx, ctx.actor, partnerId, taskId, { forUpdate: true });
    if (!before) throw notFound('task');
    await deleteTaskRow(tx, taskId);
    record.audit({
      action: 'partner_task.deleted',
      entityType: 'partner_task',
      entityId: taskId,
      before: taskAudit(before),
    });
  });
}
