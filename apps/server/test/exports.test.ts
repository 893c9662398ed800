import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDealRecord, createPartnerOrganization } from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
let admin: Session, aUser: Session;

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  // More partners than one page of 200: the export reads page after page.
  for (let i = 0; i < 230; i++) await createPartnerOrganization(t.database.db, { name: `Bulk Partner ${i}` });
  await createPartnerOrganization(t.database.db, { name: '=cmd|"/c calc"!A1' });
  await createDealRecord(t.database.db, { registeredByOrgId: e.partnerA.id, customerName: 'Alpha Customer' });
  await createDealRecord(t.database.db, { registeredByOrgId: e.partnerB.id, customerName: 'Beta Customer' });
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  aUser = await signIn(t.app, e.aUser.email, PASSWORD);
});
afterAll(() => t?.close());

async function listAll(session: Session, path: string) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const res = await as(t.app, session).get(
      `${path}?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    ids.push(...res.json().items.map((i: { id: string }) => i.id));
    cursor = res.json().nextCursor;
  } while (cursor);
  return ids.sort();
}

describe('exports', () => {
  it('streams every partner as CSV and as JSON, the same records the list shows', async () => {
    const listed = await listAll(admin, '/api/v1/partners');
    expect(listed.length).toBeGreaterThan(230);
    const json = await as(t.app, admin).get('/api/v1/exports/partners?format=json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toMatch(
      /attachment; filename="partners-\d{4}-\d{2}-\d{2}\.json"/,
    );
    const records = JSON.parse(json.body) as { id: string }[];
    expect(records.map((r) => r.id).sort()).toEqual(listed);
    const csv = await as(t.app, admin).get('/api/v1/exports/partners');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\n');
    const header = lines[0]!.split(',');
    expect(header).toContain('id');
    expect(header).toContain('name');
    expect(lines).toHaveLength(listed.length + 1);
    // A name a spreadsheet would run as a formula is written as text.
    expect(csv.body).toContain(`"'=cmd|""/c calc""!A1"`);
  });

  it('gives a partner only what it may see', async () => {
    const csv = await as(t.app, aUser).get('/api/v1/exports/deals');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Alpha Customer');
    expect(csv.body).not.toContain('Beta Customer');
    const partners = JSON.parse((await as(t.app, aUser).get('/api/v1/exports/partners?format=json')).body);
    expect(partners.map((p: { id: string }) => p.id)).toEqual([e.partnerA.id]);
    expect((await as(t.app, aUser).get('/api/v1/exports/users')).statusCode).toBe(403);
    expect((await as(t.app, admin).get('/api/v1/exports/deals?format=xml')).statusCode).toBe(400);
  });
});
