// Example requests of the vendor's notes and tasks on a partner (spread into route-examples.ts). The
// owner is the partner the notes are about; records are made through the module's own service, as
// the vendor's admin would make them.
import type { Ctx } from '../src/lib/actor';
import {
  createPartnerNote,
  createPartnerTask,
  setPartnerTaskDone,
} from '../src/modules/partner-notes/partner-notes.service';
import type { TestApp } from './app';
import type { Ecosystem } from './ecosystem';

/** What route-examples.ts passes (its ExampleInput; not imported, so the two files form no cycle). */
interface ExampleInput {
  e: Ecosystem;
  owner: { id: string };
  t: TestApp;
}
interface ExampleRequest {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
}
type Example = (x: ExampleInput) => Promise<ExampleRequest> | ExampleRequest;

const vendorCtx = (x: ExampleInput): Ctx => ({
  actor: {
    userId: x.e.admin.id,
    name: 'Vera Admin',
    orgId: x.e.vendor.id,
    orgKind: 'vendor',
    role: 'admin',
    via: 'session',
    sessionId: null,
    scope: 'read_write',
  },
  requestId: 'example',
  ip: null,
  userAgent: null,
});

const noteOf = (x: ExampleInput) =>
  createPartnerNote(x.t.database.db, vendorCtx(x), x.owner.id, { body: 'Wants the Q3 co-marketing plan' });
const taskOf = (x: ExampleInput, done = false) =>
  createPartnerTask(x.t.database.db, vendorCtx(x), x.owner.id, {
    title: 'Call back about the renewal',
    dueOn: '2030-01-15',
  }).then((task) =>
    done ? setPartnerTaskDone(x.t.database.db, vendorCtx(x), x.owner.id, task.id, task.version, true) : task,
  );

export const partnerNoteExamples: Record<string, Example> = {
  'GET /api/v1/partners/{id}/notes': ({ owner }) => ({ params: { id: owner.id } }),
  'POST /api/v1/partners/{id}/notes': ({ owner }) => ({
    params: { id: owner.id },
    body: { body: 'Met at the partner summit; keen on the security track' },
  }),
  'PATCH /api/v1/partners/{id}/notes/{noteId}': async (x) => {
    const note = await noteOf(x);
    return {
      params: { id: x.owner.id, noteId: note.id },
      body: { body: 'Wants the Q4 plan instead', version: note.version },
    };
  },
  'DELETE /api/v1/partners/{id}/notes/{noteId}': async (x) => ({
    params: { id: x.owner.id, noteId: (await noteOf(x)).id },
  }),
  'GET /api/v1/partners/{id}/tasks': ({ owner }) => ({ params: { id: owner.id }, query: 'status=open' }),
  'POST /api/v1/partners/{id}/tasks': ({ e, owner }) => ({
    params: { id: owner.id },
    body: { title: 'Send the onboarding plan', assigneeId: e.cm.id, dueOn: '2030-02-01' },
  }),
  'PATCH /api/v1/partners/{id}/tasks/{taskId}': async (x) => {
    const task = await taskOf(x);
    return {
      params: { id: x.owner.id, taskId: task.id },
      body: { assigneeId: x.e.cm.id, dueOn: null, version: task.version },
    };
  },
  'POST /api/v1/partners/{id}/tasks/{taskId}/complete': async (x) => {
    const task = await taskOf(x);
    return { params: { id: x.owner.id, taskId: task.id }, body: { version: task.version } };
  },
  'POST /api/v1/partners/{id}/tasks/{taskId}/reopen': async (x) => {
    const task = await taskOf(x, true);
    return { params: { id: x.owner.id, taskId: task.id }, body: { version: task.version } };
  },
  'DELETE /api/v1/partners/{id}/tasks/{taskId}': async (x) => ({
    params: { id: x.owner.id, taskId: (await taskOf(x)).id },
  }),
};
