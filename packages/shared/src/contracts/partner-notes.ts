import { z } from 'zod';
import { idSchema, timestamp, versionField } from './common';

// The vendor's own notes and follow-up tasks about a partner: working memory of the
// channel team, never shown to the partner (permissions keep them to vendor roles).

const person = z.object({ id: z.string(), name: z.string() });
const day = z.iso.date().describe('YYYY-MM-DD');

export const partnerNoteParams = z.object({ id: idSchema, noteId: idSchema });
export const partnerTaskParams = z.object({ id: idSchema, taskId: idSchema });

export const partnerNoteSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  body: z.string(),
  author: person.nullable().describe('Null once the author is deleted'),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type PartnerNote = z.infer<typeof partnerNoteSchema>;

const noteBody = z.string().trim().min(1, 'Write the note').max(10_000);

export const createPartnerNoteBody = z.strictObject({ body: noteBody });
export const updatePartnerNoteBody = z.strictObject({ body: noteBody, version: versionField });

export const partnerTaskSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  title: z.string(),
  assignee: person.nullable(),
  dueOn: day.nullable(),
  done: z.boolean(),
  completedAt: timestamp.nullable(),
  createdBy: person.nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type PartnerTask = z.infer<typeof partnerTaskSchema>;

const taskTitle = z.string().trim().min(1, 'Give the task a title').max(300);

export const createPartnerTaskBody = z.strictObject({
  title: taskTitle,
  assigneeId: idSchema.nullable().optional().describe('A user of the vendor; defaults to nobody'),
  dueOn: day.nullable().optional(),
});

export const updatePartnerTaskBody = z
  .strictObject({
    title: taskTitle.optional(),
    assigneeId: idSchema.nullable().optional(),
    dueOn: day.nullable().optional(),
    version: versionField,
  })
  .refine((b) => b.title !== undefined || b.assigneeId !== undefined || b.dueOn !== undefined, {
    message: 'Change at least one of title, assigneeId and dueOn',
  });

/** Completing and reopening are actions (api.md): they carry the version read. */
export const partnerTaskAction = z.strictObject({ version: versionField });

export const partnerTaskListQuery = z.object({
  status: z.enum(['open', 'done', 'all']).default('all').describe('Open tasks, done ones, or both'),
});
