import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deals, referrals } from '../src/modules/deals/deals.tables';
import { loadMatchers, readRow } from '../src/modules/imports/fields';
import { importers } from '../src/modules/imports/imports.service';
import { settled } from '../src/modules/imports/runs.service';
import { refreshSearchColumns } from '../src/modules/marketplace/profiles.service';
import { organizations } from '../src/modules/organizations/organizations.tables';
import { createEnrollmentRecord, createProgramRecord } from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
let admin: Session;

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  admin = await signIn(t.app, e.admin.email, PASSWORD);
});
afterAll(() => t?.close());

type ImportDto = {
  id: string;
  status: string;
  version: number;
  columns: string[];
  suggestedMapping: Record<string, string>;
  totalRows: number | null;
  errorRows: number;
  created: number;
  updated: number;
  failure: string | null;
};

async function upload(type: string, csv: string | Buffer, query = '') {
  return as(t.app, admin).post(`/api/v1/imports?type=${type}&fileName=${type}.csv${query}`, csv, {
    'content-type': 'text/csv',
  });
}

/** Polls the import as the web app does, until its run ends. */
async function settle(id: string): Promise<ImportDto> {
  for (let i = 0; i < 600; i++) {
    const res = await as(t.app, admin).get(`/api/v1/imports/${id}`);
    const dto = res.json() as ImportDto;
    if (!['validating', 'committing'].includes(dto.status)) return dto;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the import never finished');
}

async function dryRun(imp: ImportDto, mapping?: Record<string, string>) {
  const res = await as(t.app, admin).post(`/api/v1/imports/${imp.id}/dry-run`, {
    version: imp.version,
    ...(mapping ? { mapping } : {}),
  });
  expect(res.statusCode, res.body).toBe(202);
  return settle(imp.id);
}

async function commit(imp: ImportDto, onlyValid?: boolean) {
  const res = await as(t.app, admin).post(`/api/v1/imports/${imp.id}/commit`, {
    version: imp.version,
    ...(onlyValid === undefined ? {} : { onlyValid }),
  });
  expect(res.statusCode, res.body).toBe(202);
  return settle(imp.id);
}

/** Upload, dry run and commit a file that must be clean. */
async function importFile(type: string, csv: string) {
  const up = await upload(type, csv);
  expect(up.statusCode, up.body).toBe(201);
  const checked = await dryRun(up.json());
  if (checked.status !== 'validated') {
    const errors = await as(t.app, admin).get(`/api/v1/imports/${checked.id}/errors`);
    throw new Error(`${type}: ${checked.status} ${checked.failure ?? ''} ${errors.body}`);
  }
  return commit(checked);
}

const partnerCount = async () =>
  (
    await t.database.db.select({ n: count() }).from(organizations).where(eq(organizations.kind, 'partner'))
  )[0]!.n;

const partnersCsv = [
  '\uFEFFExternal ID,Name,Types,Country,Website,Status,Partner since,Profile status,Profile services',
  'P-1,Zeta Systems,reseller; msp,DE,https://zeta.example,active,2021-04-01,published,backup; migration',
  'P-2,"Omega, Ltd.",isv,GB,,suspended,2022-06-15T09:30:00Z,,',
  'P-3,Sigma Café,referral_partner,FR,,,2023-01-01,,',
].join('\r\n');

describe('CSV imports', () => {
  it('reports every bad row and field of a dry run and imports nothing', async () => {
    const before = await partnerCount();
    const csv = [
      'externalId,name,types,country,website',
      'X-1,Good One,reseller,US,https://good.example',
      'X-2,,reseller,ZZ,not a url',
      'X-3,Unknown Type,astronaut,US,',
      'X-1,Same Again,reseller,US,',
      'X-4,Short row',
      'X-5,<script>alert(1)</script>,msp,US,javascript:alert(1)',
    ].join('\n');
    const up = await upload('partners', csv);
    expect(up.statusCode, up.body).toBe(201);
    const imp = up.json() as ImportDto;
    expect(imp.columns).toEqual(['externalId', 'name', 'types', 'country', 'website']);
    expect(imp.suggestedMapping).toMatchObject({ externalId: 'externalId', name: 'name', types: 'types' });
    const done = await dryRun(imp);
    expect(done.status).toBe('invalid');
    expect(done.totalRows).toBe(6);
    expect(done.errorRows).toBe(5);
    const errors = (await as(t.app, admin).get(`/api/v1/imports/${imp.id}/errors`)).json().items as {
      row: number;
      field: string | null;
      column: string | null;
      value: string | null;
      message: string;
    }[];
    const at = (row: number) => errors.filter((x) => x.row === row).map((x) => `${x.field}: ${x.message}`);
    // Rows as a spreadsheet numbers them: the header is row 1.
    expect(at(3)).toEqual(
      expect.arrayContaining([
        'name: Required',
        "country: 'ZZ' is not a country code",
        expect.stringMatching(/^website: Not a web address \(http or https\)/),
      ]),
    );
    expect(at(4)).toEqual(['types: No partner type astronaut']);
    // A duplicate shows the value that repeats.
    expect(at(5)).toEqual(['externalId: External id X-1 is already in row 2: each record once per file']);
    expect(errors.find((x) => x.row === 5)).toMatchObject({ column: 'externalId', value: 'X-1' });
    expect(at(6)[0]).toMatch(/6 cells|2 cells; the header has 5/);
    expect(at(7)).toEqual([expect.stringMatching(/^website: Not a web address \(http or https\)/)]);
    expect(errors.find((x) => x.row === 3 && x.field === 'country')?.column).toBe('country');
    // Nothing was imported, and a commit is refused until a dry run passes.
    expect(await partnerCount()).toBe(before);
    const refused = await as(t.app, admin).post(`/api/v1/imports/${imp.id}/commit`, {
      version: done.version,
    });
    expect(refused.statusCode).toBe(409);
    expect(await partnerCount()).toBe(before);
  });

  it('imports partners with their own dates and states, and a re-run updates rather than duplicates', async () => {
    const before = await partnerCount();
    const done = await importFile('partners', partnersCsv);
    expect(done).toMatchObject({ status: 'committed', created: 3, updated: 0, totalRows: 3 });
    expect(await partnerCount()).toBe(before + 3);
    // The tables written are analyzed once the run ends: the planner counts the new rows at once.
    await settled(done.id);
    const stats = await t.database.db.execute<{ reltuples: number; n: number }>(
      sql`select reltuples::int as reltuples, (select count(*)::int from organizations) as n from pg_class where relname = 'organizations'`,
    );
    expect(stats.rows[0]!.reltuples).toBe(stats.rows[0]!.n);
    const list = (await as(t.app, admin).get('/api/v1/partners?q=Omega')).json().items;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      externalId: 'P-2',
      name: 'Omega, Ltd.',
      status: 'suspended',
      country: 'GB',
      createdAt: '2022-06-15T09:30:00.000Z',
      primaryType: 'isv',
    });
    const zeta = (await as(t.app, admin).get('/api/v1/partners?q=Zeta')).json().items[0];
    expect(zeta).toMatchObject({
      createdAt: '2021-04-01T00:00:00.000Z',
      domain: 'zeta.example',
      primaryType: 'reseller',
    });
    expect(zeta.types.map((x: { code: string }) => x.code).sort()).toEqual(['msp', 'reseller']);
    // The published profile is in the marketplace.
    const found = (await as(t.app, admin).get('/api/v1/marketplace/search?q=migration')).json();
    expect(JSON.stringify(found)).toContain('Zeta Systems');

    const again = await importFile('partners', partnersCsv.replace('Sigma Café', 'Sigma Cafe & Co'));
    expect(again).toMatchObject({ status: 'committed', created: 0, updated: 3 });
    expect(await partnerCount()).toBe(before + 3);
    const sigma = (await as(t.app, admin).get('/api/v1/partners?q=Sigma')).json().items;
    expect(sigma.map((p: { name: string }) => p.name)).toEqual(['Sigma Cafe & Co']);
  });

  it('refuses text that is not in the declared encoding, and reads it in the right one', async () => {
    const latin1 = Buffer.from('externalId,name,types\nL-1,Müller GmbH,reseller\n', 'latin1');
    const refused = await upload('partners', latin1);
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().errors[0].path).toBe('file');
    expect(refused.json().detail).toMatch(/not valid UTF-8/);
    const done = await (async () => {
      const up = await upload('partners', latin1, '&encoding=windows-1252');
      expect(up.statusCode, up.body).toBe(201);
      return commit(await dryRun(up.json()));
    })();
    expect(done.status).toBe('committed');
    const list = (await as(t.app, admin).get('/api/v1/partners?q=M%C3%BCller')).json().items;
    expect(list[0].name).toBe('Müller GmbH');
    for (const bad of ['', 'only,a,header,,x\n']) {
      const res = await upload('partners', bad);
      expect(res.statusCode, bad).toBe(400);
    }
  });

  it('maps other column names, and keeps a mapping by name', async () => {
    const csv = 'Account Number;Company\nM-1;Mapped Partner\n'.replace(/;/g, ',') + '';
    const up = (
      await upload(
        'partners',
        csv.replace('Company', 'Company,Kind').replace('Mapped Partner', 'Mapped Partner,msp'),
      )
    ).json() as ImportDto;
    const mapping = { externalId: 'Account Number', name: 'Company', types: 'Kind' };
    const bad = await as(t.app, admin).post(`/api/v1/imports/${up.id}/dry-run`, {
      version: up.version,
      mapping: { externalId: 'Account Number', name: 'Nope' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((x: { path: string }) => x.path)).toEqual(
      expect.arrayContaining(['mapping.name', 'mapping.types']),
    );
    const saved = await as(t.app, admin).post('/api/v1/imports/mappings', {
      type: 'partners',
      name: 'From our CRM',
      mapping,
    });
    expect(saved.statusCode).toBe(201);
    const listed = (await as(t.app, admin).get('/api/v1/imports/mappings?type=partners')).json().items;
    expect(listed).toEqual([expect.objectContaining({ name: 'From our CRM', mapping })]);
    const done = await commit(await dryRun(up, listed[0].mapping));
    expect(done).toMatchObject({ status: 'committed', created: 1 });
  });

  it('is the vendor admin’s alone', async () => {
    const cm = await signIn(t.app, e.cm.email, PASSWORD);
    const partner = await signIn(t.app, e.aAdmin.email, PASSWORD);
    for (const s of [cm, partner]) {
      expect((await as(t.app, s).get('/api/v1/imports')).statusCode).toBe(403);
      const res = await as(t.app, s).post(
        '/api/v1/imports?type=partners',
        'externalId,name,types\nQ,Q Co,reseller\n',
        {
          'content-type': 'text/csv',
        },
      );
      expect(res.statusCode).toBe(403);
    }
  });

  it('carries a history over: rates, people, enrollments, connections, referrals and deals keep their dates and links', async () => {
    const program = await createProgramRecord(t.database.db, { name: 'History Program' });
    await importFile('fx-rates', 'currency,rate,effectiveDate\nEUR,1.08,2024-01-01\nEUR,1.10,2025-01-01\n');
    await importFile(
      'partners',
      'externalId,name,types,country\nH-1,Hist Reseller,reseller,DE\nH-2,Hist Integrator,system_integrator,FR\n',
    );
    const users = await importFile(
      'users',
      `email,name,role,partnerExternalId\nhanna@hist.example,Hanna Hist,partner_admin,H-1\nVic@Vendor.example,Vic Vendor,channel_manager,\n`,
    );
    expect(users.created).toBe(2);
    const tier = program.tiers[0]!;
    await importFile(
      'enrollments',
      `partnerExternalId,program,tier,createdAt\nH-1,History Program,${tier.name},2023-05-01\n`,
    );
    await importFile(
      'connections',
      'externalId,requesterExternalId,recipientExternalId,kind,status,createdAt,startedAt,referralFeePct\nC-1,H-1,H-2,referral,active,2024-02-01,2024-02-03,10\n',
    );
    await importFile(
      'referrals',
      [
        'externalId,referrerExternalId,recipientExternalId,connectionExternalId,companyName,contactName,contactEmail,need,status,createdAt,decidedAt,feePercent',
        'R-1,H-1,H-2,C-1,Tailspin Imports,Pat Lee,pat@tailspin.example,Rollout to 40 stores,accepted,2025-02-01,2025-02-03,10',
      ].join('\n'),
    );
    const dealsCsv = [
      'externalId,partnerExternalId,customerName,customerDomain,country,amount,currency,expectedCloseDate,status,closeDate,createdAt,referralExternalId,involvements,products',
      'D-1,H-2,Tailspin Imports,tailspintoys.com,US,4500000,EUR,2025-03-01,won,2025-03-02,2025-02-05,R-1,H-2:sourced; H-1:referred,Cloud Suite; Support',
      'D-2,H-1,Northwind Hist,,DE,120000,EUR,2025-09-30,approved,,2025-01-10,,,',
      'D-3,,Vendor Direct,,US,990000,USD,2025-06-30,lost,2025-05-01,2025-01-20,,,',
    ].join('\n');
    const done = await importFile('deals', dealsCsv);
    expect(done).toMatchObject({ status: 'committed', created: 3 });

    // Exported back, the deals read as they were imported.
    const exported = JSON.parse((await as(t.app, admin).get('/api/v1/exports/deals?format=json')).body) as {
      externalId: string;
      status: string;
      closeDate: string | null;
      amount: number;
      currency: string;
      createdAt: string;
      products: string[];
      vendorRecorded: boolean;
      customer: { name: string; domain: string | null; country: string };
      referralId: string | null;
      involvements: { organization: { name: string }; role: string }[];
    }[];
    const d1 = exported.find((d) => d.externalId === 'D-1')!;
    expect(d1).toMatchObject({
      status: 'won',
      closeDate: '2025-03-02',
      amount: 4500000,
      currency: 'EUR',
      createdAt: '2025-02-05T00:00:00.000Z',
      products: ['Cloud Suite', 'Support'],
      customer: { name: 'Tailspin Imports', domain: 'tailspintoys.com', country: 'US' },
    });
    expect(d1.involvements.map((i) => `${i.organization.name}:${i.role}`).sort()).toEqual([
      'Hist Integrator:sourced',
      'Hist Reseller:referred',
    ]);
    expect(exported.find((d) => d.externalId === 'D-3')).toMatchObject({
      status: 'lost',
      vendorRecorded: true,
    });
    // The referral converted into the deal stays linked to it, and says so.
    const [referral] = await t.database.db.select().from(referrals).where(eq(referrals.externalId, 'R-1'));
    expect(referral!.status).toBe('converted');
    expect(d1.referralId).toBe(referral!.id);
    const connections = JSON.parse(
      (await as(t.app, admin).get('/api/v1/exports/connections?format=json')).body,
    );
    expect(connections.find((c: { externalId: string }) => c.externalId === 'C-1')).toMatchObject({
      status: 'active',
      startedAt: '2024-02-03T00:00:00.000Z',
      terms: { referralFeePct: 10 },
    });
    // The won deal counts in the month it was won, converted at that date's rate.
    const revenue = (
      await as(t.app, admin).get('/api/v1/analytics/revenue?from=2025-03-01&to=2025-03-31')
    ).json();
    expect(JSON.stringify(revenue)).toContain('Hist Integrator');

    // Re-importing the same deals changes nothing and duplicates nothing.
    const again = await importFile('deals', dealsCsv);
    expect(again).toMatchObject({ created: 0, updated: 3 });
    const rows = await t.database.db.select({ n: count() }).from(deals).where(eq(deals.externalId, 'D-1'));
    expect(rows[0]!.n).toBe(1);
  });

  it('refuses deals whose partners, referral or exchange rate are missing, naming each', async () => {
    const csv = [
      'externalId,partnerExternalId,customerName,country,amount,currency,expectedCloseDate,status,closeDate,referralExternalId',
      'E-1,NOPE,Acme,US,100,USD,2025-01-01,registered,,',
      'E-2,,Acme,US,100,JPY,2025-01-01,registered,,',
      'E-3,,Acme,US,100,USD,2025-01-01,won,,',
      'E-4,,Acme,US,100,USD,2025-01-01,registered,,R-404',
    ].join('\n');
    const up = (await upload('deals', csv)).json() as ImportDto;
    const done = await dryRun(up);
    expect(done.status).toBe('invalid');
    const errors = (await as(t.app, admin).get(`/api/v1/imports/${up.id}/errors`)).json().items;
    expect(errors.map((x: { row: number; field: string }) => `${x.row}:${x.field}`).sort()).toEqual([
      '2:partnerExternalId',
      '3:currency',
      '4:closeDate',
      '5:referralExternalId',
    ]);
  });

  it('reports a NUL byte, a day the month lacks and a profile that would not save, in the dry run', async () => {
    const csv = [
      'externalId,name,types,createdAt,profileStatus,profileServices',
      'N-1,Nul\u0000Byte,reseller,2024-01-01,,',
      'N-2,Leap Less,reseller,2023-02-29,,',
      'N-3,Thirty One,reseller,2024-04-31T10:00:00Z,,',
      'N-4,Twice Backup,reseller,2024-01-01,published,backup; Backup',
      'N-5,Good Row,reseller,2024-02-29,,',
    ].join('\n');
    const up = (await upload('partners', csv)).json() as ImportDto;
    const done = await dryRun(up);
    expect(done).toMatchObject({ status: 'invalid', totalRows: 5, errorRows: 4 });
    const errors = (await as(t.app, admin).get(`/api/v1/imports/${up.id}/errors`)).json().items as {
      row: number;
      field: string;
      value: string;
      message: string;
    }[];
    expect(errors.map((x) => `${x.row}:${x.field}: ${x.message}`)).toEqual([
      '2:name: Contains a NUL character',
      '3:createdAt: No such day: 2023-02-29',
      '4:createdAt: No such day: 2024-04-31',
      '5:profileServices: Each entry at most once',
    ]);
    expect(errors[0]!.value).toBe('Nul\u2400Byte');
  });

  it('updates a batch of partners in place, and writes the search columns the marketplace would', async () => {
    const { program, tiers } = await createProgramRecord(t.database.db, {
      tiers: [
        {
          code: 'gold',
          name: 'Gold',
          benefits: [
            { kind: 'marketplace_boost', value: 2.5 },
            { kind: 'badge', text: 'Gold reseller' },
            { kind: 'badge', text: 'Cloud expert' },
          ],
        },
      ],
    });
    await importFile(
      'partners',
      [
        'externalId,name,types,country,website,description,profileStatus,profileDescription,profileServices,profileCountries,profileIndustries',
        'S-1,Searchable Systems,msp; reseller,DE,https://s1.example,Backup in Bavaria,published,Tape-free backup,backup; migration,DE; AT,51; 52',
        'S-2,Second Search,isv,FR,,,draft,Draft only,,,',
      ].join('\n'),
    );
    const [s1] = await t.database.db.select().from(organizations).where(eq(organizations.externalId, 'S-1'));
    await createEnrollmentRecord(t.database.db, {
      organizationId: s1!.id,
      programId: program.id,
      tierId: tiers[0]!.id,
    });
    // A file with a few columns: what it names changes, the rest stays (two rows, one statement).
    const again = await importFile(
      'partners',
      'externalId,name,types,primaryType,profileStatus\nS-1,Searchable Systems AG,msp; reseller,reseller,published\nS-2,Second Search SA,isv,,\n',
    );
    expect(again).toMatchObject({ created: 0, updated: 2 });
    const rows = await t.database.db
      .select()
      .from(organizations)
      .where(sql`${organizations.externalId} in ('S-1', 'S-2')`)
      .orderBy(organizations.externalId);
    expect(rows.map((r) => [r.name, r.country, r.website, r.domain, r.description, r.version])).toEqual([
      ['Searchable Systems AG', 'DE', 'https://s1.example', 's1.example', 'Backup in Bavaria', 2],
      ['Second Search SA', 'FR', null, null, '', 2],
    ]);
    const columns = async () =>
      (
        await t.database.db.execute(
          sql`select search_name, search_text, search_vector::text as v, types, countries, industries, services, badges, boost
            from partner_profiles where organization_id = ${s1!.id}`,
        )
      ).rows[0];
    const imported = await columns();
    expect(imported).toMatchObject({
      search_name: 'Searchable Systems AG',
      types: ['reseller', 'msp'],
      badges: ['Gold reseller', 'Cloud expert'],
      boost: 2.5,
    });
    await refreshSearchColumns(t.database.db, s1!.id);
    expect(await columns()).toEqual(imported);
    const found = (await as(t.app, admin).get('/api/v1/marketplace/search?q=tape')).json();
    expect(JSON.stringify(found)).toContain('Searchable Systems AG');
  });

  it('maps country names, alpha-3 codes and type names to codes, as confirmed (and changed) before the dry run', async () => {
    const csv = [
      'External ID,Name,Partner type,Country,Status',
      'V-1,Value One,Reseller,Germany,Active',
      'V-2,Value Two,Reseller; MSP,DEU,Suspended',
      'V-3,Value Three,msp,FR,active',
      'V-4,Value Four,isv,Atlantis,active',
      'V-5,Value Five,isv,,',
    ].join('\n');
    const up = (await upload('partners', csv)).json() as ImportDto;
    const res = await as(t.app, admin).post(`/api/v1/imports/${up.id}/values`, {});
    expect(res.statusCode, res.body).toBe(200);
    type Proposal = {
      field: string;
      column: string;
      values: { value: string; rows: number; suggestion: string | null }[];
      choices: { value: string; label: string }[];
    };
    const byField = Object.fromEntries((res.json().items as Proposal[]).map((i) => [i.field, i]));
    // Values already written as codes are not asked about; the rest come with the code they most likely mean.
    expect(byField.country).toMatchObject({
      column: 'Country',
      values: [
        { value: 'Atlantis', rows: 1, suggestion: null },
        { value: 'DEU', rows: 1, suggestion: 'DE' },
        { value: 'Germany', rows: 1, suggestion: 'DE' },
      ],
    });
    expect(byField.country!.choices).toContainEqual({ value: 'DE', label: 'Germany' });
    expect(byField.types!.values).toEqual([
      { value: 'Reseller', rows: 2, suggestion: 'reseller' },
      { value: 'MSP', rows: 1, suggestion: 'msp' },
    ]);
    expect(byField.status!.values).toEqual([
      { value: 'Active', rows: 1, suggestion: 'active' },
      { value: 'Suspended', rows: 1, suggestion: 'suspended' },
    ]);

    // A value mapping must name mapped fields that take codes.
    const wrong = await as(t.app, admin).post(`/api/v1/imports/${up.id}/dry-run`, {
      version: up.version,
      values: { name: { a: 'b' }, website: { x: 'y' } },
    });
    expect(wrong.statusCode).toBe(400);
    expect(
      wrong
        .json()
        .errors.map((x: { path: string }) => x.path)
        .sort(),
    ).toEqual(['values.name', 'values.website']);

    // Confirmed as proposed but for Germany, left out: the report says what it most likely means.
    const partial = await as(t.app, admin).post(`/api/v1/imports/${up.id}/dry-run`, {
      version: up.version,
      values: { country: { DEU: 'DE', Atlantis: 'FR' }, types: { Reseller: 'reseller', MSP: 'msp' } },
    });
    expect(partial.statusCode, partial.body).toBe(202);
    const checked = await settle(up.id);
    expect(checked).toMatchObject({ status: 'invalid', errorRows: 1 });
    const errors = (await as(t.app, admin).get(`/api/v1/imports/${up.id}/errors`)).json().items;
    expect(errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Country',
        value: 'Germany',
        message: "'Germany' is not a country code — did you mean DE?",
      }),
    ]);

    // Confirmed, with Atlantis changed by the person to a real country: it maps and commits.
    const values = {
      country: { Germany: 'DE', DEU: 'DE', Atlantis: 'FR' },
      types: { Reseller: 'reseller', MSP: 'msp' },
      status: { Active: 'active', Suspended: 'suspended' },
    };
    const started = await as(t.app, admin).post(`/api/v1/imports/${up.id}/dry-run`, {
      version: checked.version,
      values,
    });
    expect(started.statusCode, started.body).toBe(202);
    const validated = await settle(up.id);
    expect(validated).toMatchObject({ status: 'validated', valueMapping: values });
    expect(await commit(validated)).toMatchObject({ status: 'committed', created: 5 });
    const rows = await t.database.db
      .select({
        externalId: organizations.externalId,
        country: organizations.country,
        status: organizations.status,
      })
      .from(organizations)
      .where(sql`${organizations.externalId} like 'V-%'`)
      .orderBy(organizations.externalId);
    expect(rows.map((r) => `${r.externalId} ${r.country} ${r.status}`)).toEqual([
      'V-1 DE active',
      'V-2 DE suspended',
      'V-3 FR active',
      'V-4 FR active',
      'V-5 null active',
    ]);
    const two = (await as(t.app, admin).get('/api/v1/partners?q=Value%20Two')).json().items[0];
    expect(two.types.map((x: { code: string }) => x.code).sort()).toEqual(['msp', 'reseller']);

    // Without a value mapping (the API's default, and the command line's), each value is read as its likeliest code.
    const auto = await importFile('partners', csv.replace('Atlantis', 'Österreich'));
    expect(auto).toMatchObject({ status: 'committed', updated: 5 });
    const [four] = await t.database.db
      .select()
      .from(organizations)
      .where(eq(organizations.externalId, 'V-4'));
    expect(four!.country).toBe('AT');
  });

  it('says what is wrong with any bad cell of any importer in words, never the validator’s', async () => {
    const internals = /expected|too big|too small|invalid input|invalid_|nan\b|undefined|\[object|zod/i;
    const long = 'x'.repeat(6000);
    const bad = [
      'x',
      'Germany',
      'astronaut',
      long,
      `${'a; '.repeat(80)}a`,
      '-1',
      '0',
      '1.5',
      '99999999999999999999',
      '2024-02-30',
      '2024-13-01T10:00:00Z',
      '[1, {"a": 2}]',
      '[not json',
      '{"organization": 1}',
      'ACC-1:astronaut',
      'not an e-mail',
      'ftp://example.com',
      '🙂',
    ];
    let checked = 0;
    for (const importer of Object.values(importers)) {
      const matchers = await loadMatchers(t.database.db, importer);
      for (const field of importer.fields)
        for (const value of bad)
          for (const values of [null, {}]) {
            const { issues } = readRow(importer, { [field.key]: value }, { matchers, values });
            for (const issue of issues.filter((i) => i.field === field.key)) {
              checked++;
              expect(issue.message, `${importer.type}.${field.key} = ${value.slice(0, 40)}`).not.toMatch(
                internals,
              );
              expect(issue.message.length).toBeLessThan(300);
            }
          }
    }
    // Most of these are refused somewhere: the walk checked real messages.
    expect(checked).toBeGreaterThan(500);
    // Rules across a row's cells, and a profile that would not save (checked against the marketplace's schema).
    const up = (
      await upload(
        'partners',
        `externalId,name,types,profileStatus,profileServices\nW-1,Wordy,reseller,published,${Array.from({ length: 30 }, (_, i) => `s${i}`).join('; ')}\n`,
      )
    ).json() as ImportDto;
    expect((await dryRun(up)).status).toBe('validated');
    const tooLong = (
      await upload(
        'partners',
        `externalId,name,types,profileStatus,profileDescription\nW-2,Wordy,reseller,published,${'y'.repeat(4999)}\n`,
      )
    ).json() as ImportDto;
    await dryRun(tooLong);
    const report = (await as(t.app, admin).get(`/api/v1/imports/${tooLong.id}/errors`)).json().items as {
      message: string;
    }[];
    for (const e of report) expect(e.message).not.toMatch(internals);
  });

  it('commits only the valid rows when asked, and the rejected ones download to fix and import again', async () => {
    const csv = [
      'externalId,name,types,country',
      'R-1,Rejects Good One,reseller,DE',
      'R-2,=HYPERLINK("x"),reseller,ZZ',
      'R-3,Rejects Good Two,msp,FR',
      'R-1,Rejects Again,reseller,DE',
      'R-4,"Rejects, Quoted",isv,Narnia',
    ].join('\n');
    const up = (await upload('partners', csv)).json() as ImportDto;
    const before = await partnerCount();
    const checked = await dryRun(up);
    expect(checked).toMatchObject({ status: 'invalid', totalRows: 5, errorRows: 3 });

    // The plain commit still needs a clean dry run; the valid rows alone may be committed.
    const refused = await as(t.app, admin).post(`/api/v1/imports/${up.id}/commit`, {
      version: checked.version,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/commit only the valid rows/);
    const done = await commit(checked, true);
    expect(done).toMatchObject({ status: 'committed', created: 2, updated: 0, skipped: 3, errorRows: 3 });
    expect(await partnerCount()).toBe(before + 2);

    // The rejected rows, as the file had them, with their row number and what is wrong.
    const res = await as(t.app, admin).get(`/api/v1/imports/${up.id}/rejected`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('partners-rejected.csv');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toEqual([
      'externalId,name,types,country,Row,Error',
      // Text a spreadsheet would run as a formula keeps its text marker.
      `R-2,"'=HYPERLINK(""x"")",reseller,ZZ,3,country: 'ZZ' is not a country code`,
      'R-1,Rejects Again,reseller,DE,5,externalId: External id R-1 is already in row 2: each record once per file',
      `R-4,"Rejects, Quoted",isv,Narnia,6,country: 'Narnia' is not a country code`,
    ]);

    // Fixed, it imports again: Row and Error are not mapped, and the text marker is read past.
    const fixed = res.body
      .replace(',ZZ,', ',GB,')
      .replace('R-1,Rejects Again', 'R-5,Rejects Again')
      .replace('Narnia', 'Norway');
    const again = (await upload('partners', fixed)).json() as ImportDto;
    expect(again.suggestedMapping).toEqual({
      externalId: 'externalId',
      name: 'name',
      types: 'types',
      country: 'country',
    });
    expect(await commit(await dryRun(again))).toMatchObject({ status: 'committed', created: 3 });
    const [formula] = await t.database.db
      .select()
      .from(organizations)
      .where(eq(organizations.externalId, 'R-2'));
    expect(formula).toMatchObject({ name: '=HYPERLINK("x")', country: 'GB' });

    // Nothing to download from an import whose dry run rejected nothing.
    const clean = await as(t.app, admin).get(`/api/v1/imports/${again.id}/rejected`);
    expect(clean.statusCode).toBe(409);
  });

  it('reads a quote inside an unquoted cell as spreadsheets do, and names the row of a quote never closed', async () => {
    const done = await importFile(
      'partners',
      'externalId,name,types\nQ-1,Bad "quote" Ltd,reseller\nQ-2,"Good ""quoted"" Ltd",msp\n',
    );
    expect(done).toMatchObject({ status: 'committed', created: 2 });
    const rows = await t.database.db
      .select({ name: organizations.name })
      .from(organizations)
      .where(sql`${organizations.externalId} in ('Q-1', 'Q-2')`)
      .orderBy(organizations.externalId);
    expect(rows.map((r) => r.name)).toEqual(['Bad "quote" Ltd', 'Good "quoted" Ltd']);

    const unclosed = 'externalId,name,types\nQ-3,Fine,reseller\nQ-4,"Never closed,reseller\nQ-5,Lost,msp\n';
    // The header reads; the dry run finds where the file stops being CSV, and says so (never a 500).
    const res = await upload('partners', unclosed);
    expect(res.statusCode, res.body).toBe(201);
    const checked = await dryRun(res.json());
    expect(checked.status).toBe('invalid');
    expect(checked.failure).toMatch(/^Row 3 opens a quoted cell \("\) that is never closed/);
    // In the header itself it is refused at upload, as a problem with the file.
    const header = await upload('partners', 'externalId,"name,types\nQ-6,x,msp\n');
    expect(header.statusCode, header.body).toBe(400);
    expect(header.json().errors[0].path).toBe('file');
  });
});
