import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnerNote, PartnerTask } from '@partnergraph/shared/contracts/partner-notes';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
let admin: Session;
let cm: Session;
let analyst: Session;
let partner: Session;

const base = () => `/api/v1/partners/${e.partnerA.id}`;

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  cm = await signIn(t.app, e.cm.email, PASSWORD);
  analyst = await signIn(t.app, e.analyst.email, PASSWORD);
  partner = await signIn(t.app, e.aAdmin.email, PASSWORD);
});
afterAll(() => t?.close());

async function auditOf(entityId: string) {
  const res = await as(t.app, admin).get(`/api/v1/audit-log?entityId=${entityId}`);
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: { action: string; actor: { userId: string } }[] }).items;
}

describe('vendor notes on a partner', () => {
  it('are written, listed newest first, edited by their author, and audited', async () => {
    const first = await as(t.app, cm).post(`${base()}/notes`, { body: '  Prefers calls on Tuesdays  ' });
    expect(first.statusCode).toBe(201);
    const note = first.json() as PartnerNote;
    expect(note.body).toBe('Prefers calls on Tuesdays');
    expect(note.author?.id).toBe(e.cm.id);
    await as(t.app, admin).post(`${base()}/notes`, { body: 'Renewal due in March' });

    const list = await as(t.app, analyst).get(`${base()}/notes`);
    expect(list.statusCode).toBe(200);
    expect((list.json() as { items: PartnerNote[] }).items.map((n) => n.body)).toEqual([
      'Renewal due in March',
      'Prefers calls on Tuesdays',
    ]);

    const edited = await as(t.app, cm).patch(`${base()}/notes/${note.id}`, {
      body: 'Prefers calls on Wednesdays',
      version: note.version,
    });
    expect(edited.statusCode).toBe(200);
    const stale = await as(t.app, cm).patch(`${base()}/notes/${note.id}`, {
      body: 'Lost update',
      version: note.version,
    });
    expect(stale.statusCode).toBe(409);

    expect((await auditOf(note.id)).map((a) => a.action)).toEqual([
      'partner_note.updated',
      'partner_note.created',
    ]);
  });

  it("refuses an empty note naming the field, and another manager's edits of a note", async () => {
    const empty = await as(t.app, cm).post(`${base()}/notes`, { body: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('body.body');

    const mine = (
      await as(t.app, admin).post(`${base()}/notes`, { body: 'Admin only' })
    ).json() as PartnerNote;
    const res = await as(t.app, cm).delete(`${base()}/notes/${mine.id}`);
    expect(res.statusCode).toBe(403);
    expect((await as(t.app, admin).delete(`${base()}/notes/${mine.id}`)).statusCode).toBe(204);
    expect((await as(t.app, admin).get(`${base()}/notes`)).json().items).not.toContainEqual(
      expect.objectContaining({ id: mine.id }),
    );
  });

  it('are never shown to the partner, and a note of one partner is not reachable through another', async () => {
    expect((await as(t.app, partner).get(`${base()}/notes`)).statusCode).toBe(403);
    expect((await as(t.app, partner).get(`${base()}/tasks`)).statusCode).toBe(403);
    const note = (
      await as(t.app, cm).post(`${base()}/notes`, { body: 'Keep private' })
    ).json() as PartnerNote;
    const viaB = await as(t.app, admin).delete(`/api/v1/partners/${e.partnerB.id}/notes/${note.id}`);
    expect(viaB.statusCode).toBe(404);
    const unknownPartner = await as(t.app, admin).get(`/api/v1/partners/${e.vendor.id}/notes`);
    expect(unknownPartner.statusCode).toBe(404);
  });
});

describe('vendor tasks on a partner', () => {
  it('are assigned, given a due date, completed and reopened, each change audited', async () => {
    const created = await as(t.app, admin).post(`${base()}/tasks`, {
      title: 'Send the onboarding plan',
      assigneeId: e.cm.id,
      dueOn: '2030-03-01',
    });
    expect(created.statusCode).toBe(201);
    const task = created.json() as PartnerTask;
    expect(task).toMatchObject({ done: false, dueOn: '2030-03-01', assignee: { id: e.cm.id } });

    const moved = (
      await as(t.app, cm).patch(`${base()}/tasks/${task.id}`, { dueOn: '2030-04-01', version: task.version })
    ).json() as PartnerTask;
    expect(moved.dueOn).toBe('2030-04-01');

    const done = await as(t.app, cm).post(`${base()}/tasks/${task.id}/complete`, { version: moved.version });
    expect(done.statusCode).toBe(200);
    const completed = done.json() as PartnerTask;
    expect(completed.done).toBe(true);
    expect(completed.completedAt).not.toBeNull();
    const again = await as(t.app, cm).post(`${base()}/tasks/${task.id}/complete`, {
      version: completed.version,
    });
    expect(again.statusCode).toBe(422);

    const open = (await as(t.app, cm).get(`${base()}/tasks?status=open`)).json() as { items: PartnerTask[] };
    expect(open.items.map((x) => x.id)).not.toContain(task.id);
    const closed = (await as(t.app, cm).get(`${base()}/tasks?status=done`)).json() as {
      items: PartnerTask[];
    };
    expect(closed.items.map((x) => x.id)).toContain(task.id);

    const reopened = await as(t.app, cm).post(`${base()}/tasks/${task.id}/reopen`, {
      version: completed.version,
    });
    expect((reopened.json() as PartnerTask).done).toBe(false);

    expect((await auditOf(task.id)).map((a) => a.action)).toEqual([
      'partner_task.reopened',
      'partner_task.completed',
      'partner_task.updated',
      'partner_task.created',
    ]);
  });

  it('are assigned only to vendor staff who work with partners, naming the field, and nothing is written', async () => {
    for (const assigneeId of [e.aAdmin.id, e.analyst.id]) {
      const res = await as(t.app, admin).post(`${base()}/tasks`, { title: 'Wrong person', assigneeId });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('body.assigneeId');
    }
    const all = (await as(t.app, admin).get(`${base()}/tasks?limit=200`)).json() as { items: PartnerTask[] };
    expect(all.items.map((x) => x.title)).not.toContain('Wrong person');
    const analystWrite = await as(t.app, analyst).post(`${base()}/tasks`, { title: 'Read only' });
    expect(analystWrite.statusCode).toBe(403);
  });
});
