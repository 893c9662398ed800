// Security class: derived views leak what the record hides. Every view derived
// from a deal or a referral (its timeline, the list, exports in JSON and CSV,
// the bell's notifications and the e-mails sent about it) must show a reader
// nothing that the record itself, as that reader gets it, does not show.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolesWith, vendorRoles } from '@partnergraph/shared/permissions';
import { deals, referrals } from '../src/modules/deals/deals.tables';
import { createPartnerOrganization, createProfileRecord, createUser } from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
let readers: { name: string; email: string; session: Session }[];

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  const partnerC = await createPartnerOrganization(t.database.db, { name: 'Gamma Bystander', country: 'US' });
  const cUser = await createUser(t.database.db, {
    organizationId: partnerC.id,
    role: 'partner_user',
    email: 'user@gamma-bystander.test',
    name: 'Gil Gamma',
  });
  // B is in the marketplace, where A finds it to refer a prospect.
  await createProfileRecord(t.database.db, e.partnerB.id, {});
  const people = [
    ['vendor admin', e.admin.email],
    ['channel manager', e.cm.email],
    ['analyst', e.analyst.email],
    ['registrant admin', e.aAdmin.email],
    ['registrant user', e.aUser.email],
    ['involved admin', e.bAdmin.email],
    ['involved user', e.bUser.email],
    ['bystander', cUser.email],
  ] as const;
  readers = [];
  for (const [name, email] of people) {
    readers.push({ name, email, session: await signIn(t.app, email, PASSWORD) });
  }
});
afterAll(() => t?.close());

const session = (name: string) => readers.find((r) => r.name === name)!.session;

async function ok(res: Promise<{ statusCode: number; body: string }>, code = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(code);
  return JSON.parse(r.body) as { id: string; version: number } & Record<string, unknown>;
}

/** Every view of a deal or referral a reader can get besides the record itself, as text. */
async function derivedViews(reader: (typeof readers)[number], dealIds: string[]) {
  const api = as(t.app, reader.session);
  const views: Record<string, string> = {};
  for (const id of dealIds) views[`timeline ${id}`] = (await api.get(`/api/v1/deals/${id}/timeline`)).body;
  views['deal list'] = (await api.get('/api/v1/deals?limit=100')).body;
  views['referral list'] = (await api.get('/api/v1/referrals?limit=100')).body;
  for (const resource of ['deals', 'referrals']) {
    for (const format of ['json', 'csv']) {
      views[`${resource} export (${format})`] = (
        await api.get(`/api/v1/exports/${resource}?format=${format}`)
      ).body;
    }
  }
  views.notifications = (await api.get('/api/v1/notifications?limit=100')).body;
  views['e-mails'] = JSON.stringify(t.mailer.sent.filter((m) => m.to === reader.email));
  return views;
}

describe('derived views of deals and referrals', () => {
  it('show each role nothing the record hides from it', async () => {
    const a = as(t.app, session('registrant user'));
    const cm = as(t.app, session('channel manager'));
    const dealBody = (name: string, domain: string, notes: string) => ({
      customerName: name,
      customerDomain: domain,
      country: 'US',
      amount: 1_000_000,
      currency: 'USD',
      products: [],
      expectedCloseDate: inDays(30),
      notes,
    });

    // A rejected registration with B on it, and a lost deal with B on it whose extension A asked for.
    const rejected = await ok(
      a.post('/api/v1/deals', dealBody('Rejectco', 'rejectco.com', 'NOTE-OF-REJECTED')),
      201,
    );
    await ok(
      cm.post(`/api/v1/deals/${rejected.id}/involvements`, {
        organizationId: e.partnerB.id,
        role: 'co_sell',
      }),
      201,
    );
    let current = await ok(cm.get(`/api/v1/deals/${rejected.id}`));
    await ok(
      cm.post(`/api/v1/deals/${rejected.id}/reject`, { version: current.version, reason: 'REJECT-WHY' }),
    );

    const lost = await ok(a.post('/api/v1/deals', dealBody('Lostco', 'lostco.com', 'NOTE-OF-LOST')), 201);
    current = await ok(cm.post(`/api/v1/deals/${lost.id}/approve`, { version: lost.version }));
    await ok(
      cm.post(`/api/v1/deals/${lost.id}/involvements`, {
        organizationId: e.partnerB.id,
        role: 'implementation',
      }),
      201,
    );
    current = await ok(a.get(`/api/v1/deals/${lost.id}`));
    current = await ok(
      a.post(`/api/v1/deals/${lost.id}/request-extension`, {
        version: current.version,
        days: 30,
        reason: 'EXTEND-WHY',
      }),
    );
    await ok(
      a.post(`/api/v1/deals/${lost.id}/close`, {
        version: current.version,
        outcome: 'lost',
        closeDate: today(),
        reason: 'LOST-WHY',
      }),
    );
    await t.database.db.update(deals).set({ externalId: 'CRM-DEAL-1' }).where(eq(deals.id, lost.id));

    // A refers a prospect to B; B turns it down.
    const referral = await ok(
      a.post('/api/v1/referrals', {
        recipientOrganizationId: e.partnerB.id,
        companyName: 'Referco',
        contactName: 'Rita Refer',
        contactEmail: 'rita@referco.test',
        need: 'Managed backups',
      }),
      201,
    );
    await ok(
      as(t.app, session('involved user')).post(`/api/v1/referrals/${referral.id}/reject`, {
        version: referral.version,
        reason: 'REFERRAL-DECLINED-WHY',
      }),
    );
    await t.database.db
      .update(referrals)
      .set({ externalId: 'CRM-REFERRAL-1' })
      .where(eq(referrals.id, referral.id));

    const records = [
      { path: `/api/v1/deals/${rejected.id}`, secrets: ['NOTE-OF-REJECTED', 'REJECT-WHY', e.aUser.name] },
      {
        path: `/api/v1/deals/${lost.id}`,
        secrets: ['NOTE-OF-LOST', 'EXTEND-WHY', 'LOST-WHY', 'CRM-DEAL-1', e.aUser.name],
      },
      {
        path: `/api/v1/referrals/${referral.id}`,
        secrets: ['CRM-REFERRAL-1', 'REFERRAL-DECLINED-WHY', e.aUser.name],
      },
    ];

    let hiddenChecks = 0;
    for (const reader of readers) {
      const views = await derivedViews(reader, [rejected.id, lost.id]);
      for (const record of records) {
        const res = await as(t.app, reader.session).get(record.path);
        // The record as this reader gets it; a record it may not see shows it nothing.
        const shown = res.statusCode === 200 ? res.body : '';
        for (const secret of record.secrets) {
          if (shown.includes(secret)) continue;
          hiddenChecks++;
          for (const [view, text] of Object.entries(views)) {
            expect(text, `${reader.name} reads ${secret} in ${view} (${record.path} hides it)`).not.toContain(
              secret,
            );
          }
        }
      }
    }
    // The walk means something: the involved partners and the bystander had things hidden from them…
    expect(hiddenChecks).toBeGreaterThanOrEqual(20);
    // …which the vendor and the registrant do read in the derived views.
    const vendorViews = await derivedViews(readers[0]!, [rejected.id, lost.id]);
    for (const secret of ['REJECT-WHY', 'EXTEND-WHY', 'LOST-WHY'])
      expect(vendorViews[`timeline ${secret === 'REJECT-WHY' ? rejected.id : lost.id}`]).toContain(secret);
    expect(vendorViews['deals export (csv)']).toContain('CRM-DEAL-1');
    const registrantViews = await derivedViews(readers[3]!, [rejected.id, lost.id]);
    expect(registrantViews['e-mails']).toContain('REJECT-WHY');
    expect(registrantViews[`timeline ${lost.id}`]).toContain('LOST-WHY');
  });

  it('sends webhook payloads, which carry what the vendor reads, to the vendor alone', () => {
    // Endpoints are the vendor's: fanOut delivers every event to every active endpoint, and only a
    // vendor role may create one. A partner role that could would read reasons its records hide.
    expect(rolesWith('webhooks:manage').length).toBeGreaterThan(0);
    for (const role of rolesWith('webhooks:manage')) expect(vendorRoles).toContain(role);
  });
});
