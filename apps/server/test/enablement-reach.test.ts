// Where certifications reach beyond enablement: a CSV import of certifications recorded elsewhere
// (each with its signed badge), the certifications a partner's public marketplace profile shows, the
// locator's filter by certification, and lead routing that asks for certified people.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';
import { refreshPublishedProfiles } from '../src/modules/marketplace/profiles.service';
import { engagementOf } from '../src/modules/analytics/engagement';
import { addMonths } from '../src/modules/enablement/certifications.service';
import { createProfileRecord } from '../src/seed/factories';

// Days relative to today, so the certifications stay in force (and outside the engagement window)
// whenever the suite runs.
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const issuedA = daysAgo(200);
const issuedB = daysAgo(150);
const expiresB = addMonths(issuedB, 36);

let t: TestApp;
let e: Ecosystem;
let admin: Session;
let aAdmin: Session;

type ImportDto = { id: string; status: string; version: number; errorRows: number; created: number };

async function settle(id: string): Promise<ImportDto> {
  for (let i = 0; i < 600; i++) {
    const dto = (await as(t.app, admin).get(`/api/v1/imports/${id}`)).json() as ImportDto;
    if (!['validating', 'committing'].includes(dto.status)) return dto;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the import never finished');
}

/** Upload and dry-run a certifications file; answers the import after its dry run. */
async function dryRun(csv: string) {
  const up = await as(t.app, admin).post(`/api/v1/imports?type=certifications&fileName=certs.csv`, csv, {
    'content-type': 'text/csv',
  });
  expect(up.statusCode, up.body).toBe(201);
  const res = await as(t.app, admin).post(`/api/v1/imports/${up.json().id}/dry-run`, {
    version: up.json().version,
  });
  expect(res.statusCode, res.body).toBe(202);
  return settle(up.json().id);
}

async function commit(imp: ImportDto) {
  const res = await as(t.app, admin).post(`/api/v1/imports/${imp.id}/commit`, { version: imp.version });
  expect(res.statusCode, res.body).toBe(202);
  return settle(imp.id);
}

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  aAdmin = await signIn(t.app, e.aAdmin.email, PASSWORD);
  const type = await as(t.app, admin).post('/api/v1/certification-types', {
    code: 'cloud-arch',
    name: 'Cloud Architect',
    validityMonths: 24,
  });
  expect(type.statusCode, type.body).toBe(201);
  await createProfileRecord(t.database.db, e.partnerA.id, { fields: { countries: ['DE'] } });
  await createProfileRecord(t.database.db, e.partnerB.id, { fields: { countries: ['DE'] } });
});
afterAll(() => t?.close());

describe('importing certifications from a CSV file', () => {
  it('reports an unknown person or type and an expiry before the issue, each naming the field, and writes nothing', async () => {
    const imp = await dryRun(
      [
        'email,certification,issuedOn,expiresOn',
        `${e.aUser.email},CLOUD-ARCH,${issuedA},`,
        `nobody@nowhere.test,CLOUD-ARCH,${issuedA},`,
        `${e.aAdmin.email},NO-SUCH,${issuedA},`,
        `${e.aAdmin.email},CLOUD-ARCH,${issuedB},${issuedA}`,
      ].join('\n'),
    );
    expect(imp.status).toBe('invalid');
    const errors = (await as(t.app, admin).get(`/api/v1/imports/${imp.id}/errors`)).json().items as {
      row: number;
      field: string;
      message: string;
    }[];
    expect(errors.map((x) => `${x.row}:${x.field}: ${x.message}`).sort()).toEqual([
      '3:email: No person with this e-mail: import users first',
      '4:certification: No certification type with this code (see Enablement → Certifications)',
      '5:expiresOn: A certification cannot expire on or before its issue date',
    ]);
    expect((await as(t.app, admin).get('/api/v1/certifications')).json().items).toEqual([]);
  });

  it('imports certifications with their signed badges, counted once however often the file is imported', async () => {
    const csv = [
      'E-mail,Certification,Issued on,Expires on,External id',
      `${e.aUser.email.toUpperCase()},cloud-arch,${issuedA},,EXAM-1`,
      `${e.aAdmin.email},CLOUD-ARCH,${issuedB},${expiresB},EXAM-2`,
    ].join('\n');
    const done = await commit(await dryRun(csv));
    expect(done).toMatchObject({ status: 'committed', created: 2 });
    const items = (await as(t.app, aAdmin).get('/api/v1/certifications')).json().items as {
      id: string;
      source: string;
      expiresOn: string;
      person: { id: string };
    }[];
    expect(items.map((c) => [c.person.id, c.source, c.expiresOn]).sort()).toEqual(
      [
        // The type's validity (24 months) when the file gives no expiry.
        [e.aUser.id, 'import', addMonths(issuedA, 24)],
        [e.aAdmin.id, 'import', expiresB],
      ].sort(),
    );
    // The badge of an imported certification verifies like any other.
    const verdict = await t.app.inject({
      method: 'GET',
      url: `/api/v1/certifications/verify/${items[0]!.id}`,
    });
    expect(verdict.statusCode, verdict.body).toBe(200);
    expect(verdict.json()).toMatchObject({ status: 'valid', achievement: 'Cloud Architect' });

    const again = await commit(await dryRun(csv));
    expect(again).toMatchObject({ status: 'committed', created: 0 });
    expect((await as(t.app, admin).get('/api/v1/certifications')).json().items).toHaveLength(2);
  });
});

describe('certifications beyond enablement', () => {
  it('shows certified people by type as badges on the public profile, and the locator filters by them', async () => {
    const profile = await t.app.inject({ method: 'GET', url: `/api/v1/public/partners/${e.partnerA.id}` });
    expect(profile.statusCode, profile.body).toBe(200);
    expect(profile.json().certifiedPeople).toEqual([
      { code: 'cloud-arch', name: 'Cloud Architect', people: 2 },
    ]);
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/public/partners/${e.partnerB.id}` });
    expect(other.json().certifiedPeople).toEqual([]);

    // The search columns follow on the hourly refresh (as tier badges do).
    await refreshPublishedProfiles(t.database.db);
    const found = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public/partners?certification=CLOUD-ARCH',
    });
    expect(found.statusCode, found.body).toBe(200);
    expect(found.json().items.map((p: { organizationId: string }) => p.organizationId)).toEqual([
      e.partnerA.id,
    ]);
    expect(found.json().facets.certification).toEqual([
      { value: 'cloud-arch', label: 'Cloud Architect', count: 1 },
    ]);
    const all = await t.app.inject({ method: 'GET', url: '/api/v1/public/partners' });
    expect(all.json().total).toBe(2);
  });

  it('routes a lead to a partner with enough certified people, and explains it', async () => {
    const unknown = await as(t.app, admin).post('/api/v1/lead-rules', {
      name: 'Architects',
      partners: { certifications: [{ code: 'no-such', atLeast: 1 }] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((x: { path: string }) => x.path)).toEqual([
      'body.partners.certifications.0.code',
    ]);
    const rule = await as(t.app, admin).post('/api/v1/lead-rules', {
      name: 'Architects',
      partners: { certifications: [{ code: 'Cloud-Arch', atLeast: 2 }] },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    expect(rule.json().partners.certifications).toEqual([{ code: 'cloud-arch', atLeast: 2 }]);
    expect(rule.json().warnings).toEqual([]);

    const lead = await as(t.app, admin).post('/api/v1/leads', {
      companyName: 'Initech',
      country: 'DE',
      contactName: 'Pat Prospect',
      contactEmail: 'pat@initech.example',
      need: 'Moving 40 offices to the cloud',
    });
    expect(lead.statusCode, lead.body).toBe(201);
    expect(lead.json().assignedTo).toMatchObject({ id: e.partnerA.id });
    const { candidates } = lead.json().history[0].explanation as {
      candidates: { name: string; eligible: boolean; reasons: string[] }[];
    };
    const why = Object.fromEntries(candidates.map((c) => [c.name, c.reasons.join('; ')]));
    expect(why[e.partnerA.name]).toBe('2 people certified in cloud-arch (needs ≥ 2); serves DE');
    expect(why[e.partnerB.name]).toBe('has 0 people certified in cloud-arch, needs ≥ 2');
  });
});

describe('enablement in the engagement score', () => {
  it('counts certifications earned in the window, not old ones imported today nor revoked ones', async () => {
    const activity = async () =>
      (await engagementOf(t.database.db, e.partnerA.id, new Date())).activities.find(
        (a) => a.kind === 'certificationEarned',
      );
    // The two imported above were issued 200 and 150 days ago: outside the trailing 90 days.
    expect(await activity()).toMatchObject({ count: 0, weight: 5, measured: true });
    const types = (await as(t.app, admin).get('/api/v1/certification-types')).json().items as {
      id: string;
      code: string;
    }[];
    const today = new Date().toISOString().slice(0, 10);
    const recorded = await as(t.app, admin).post('/api/v1/certifications', {
      userId: e.aUser.id,
      typeId: types.find((x) => x.code === 'cloud-arch')!.id,
      issuedOn: today,
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(await activity()).toMatchObject({ count: 1, points: 5 });
    await as(t.app, admin).post(`/api/v1/certifications/${recorded.json().id}/revoke`, { reason: 'Error' });
    expect(await activity()).toMatchObject({ count: 0 });
  });
});
