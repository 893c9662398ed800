import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.tables';
import { expireDealProtection } from '../src/modules/deals/deal-review.service';
import { deals } from '../src/modules/deals/deals.tables';
import { evaluateAllEnrollments } from '../src/modules/programs/enrollments.service';
import {
  createDealRecord,
  createEnrollmentRecord,
  createPartnerOrganization,
  createProfileRecord,
  createProgramRecord,
  createUser,
} from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
let admin: Session, cm: Session, analyst: Session, aUser: Session, bUser: Session, cUser: Session;
let partnerC: { id: string; name: string };

const day = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * day).toISOString().slice(0, 10);
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  partnerC = await createPartnerOrganization(t.database.db, {
    name: 'Gamma Resale',
    types: ['reseller'],
    country: 'US',
  });
  const c = await createUser(t.database.db, {
    organizationId: partnerC.id,
    role: 'partner_user',
    email: 'user@gamma.test',
    name: 'Gus Gamma',
  });
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  cm = await signIn(t.app, e.cm.email, PASSWORD);
  analyst = await signIn(t.app, e.analyst.email, PASSWORD);
  aUser = await signIn(t.app, e.aUser.email, PASSWORD);
  bUser = await signIn(t.app, e.bUser.email, PASSWORD);
  cUser = await signIn(t.app, c.email, PASSWORD);
  // B is listed in the marketplace, where A finds it to refer a prospect.
  await createProfileRecord(t.database.db, e.partnerB.id, { fields: { countries: ['FR'] } });
  // A's referral program tier pays a 12.5% referral fee; a second program pays 10%: the best one counts.
  for (const fee of [10, 12.5]) {
    const { program, tiers } = await createProgramRecord(t.database.db, {
      tiers: [{ code: 'member', name: 'Member', benefits: [{ kind: 'referral_fee_pct', value: fee }] }],
    });
    await createEnrollmentRecord(t.database.db, {
      organizationId: e.partnerA.id,
      programId: program.id,
      tierId: tiers[0]!.id,
    });
  }
});
afterAll(() => t?.close());

const dealInput = (over: Record<string, unknown> = {}) => ({
  customerName: 'Initech Holdings',
  customerDomain: 'initech.com',
  country: 'US',
  industry: '51',
  amount: 2_500_000,
  currency: 'USD',
  products: ['Backup Pro'],
  expectedCloseDate: inDays(60),
  notes: 'Our notes',
  ...over,
});

describe('the ecosystem path: a referral becomes a won deal with fee and credit', () => {
  it('A refers to B, B converts, the vendor resolves the conflict with C, approves, re-casts A as co-sell; the deal is won', async () => {
    // C registered the same customer earlier.
    const older = await as(t.app, cUser).post(
      '/api/v1/deals',
      dealInput({ customerName: 'Prospect Corp', customerDomain: 'prospect.com', notes: "C's secret notes" }),
    );
    expect(older.statusCode, older.body).toBe(201);

    const sent = await as(t.app, aUser).post('/api/v1/referrals', {
      recipientOrganizationId: e.partnerB.id,
      companyName: 'Prospect Corporation',
      companyDomain: 'https://www.prospect.com/contact',
      country: 'US',
      contactName: 'Pat Prospect',
      contactEmail: 'pat@prospect.com',
      need: 'Needs a managed backup service',
      estimatedAmount: 4_000_000,
      estimatedCurrency: 'USD',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const referral = sent.json();
    expect(referral).toMatchObject({
      status: 'submitted',
      toVendor: false,
      company: { domain: 'prospect.com' },
    });

    // B sees it in its inbox, A in its outbox; C sees nothing.
    const inbox = (await as(t.app, bUser).get('/api/v1/referrals?box=inbox')).json().items;
    expect(inbox.map((r: { id: string }) => r.id)).toContain(referral.id);
    const outbox = (await as(t.app, aUser).get('/api/v1/referrals?box=outbox')).json().items;
    expect(outbox.map((r: { id: string }) => r.id)).toContain(referral.id);
    expect((await as(t.app, cUser).get(`/api/v1/referrals/${referral.id}`)).statusCode).toBe(404);
    // The referrer cannot answer its own referral.
    expect(
      (await as(t.app, aUser).post(`/api/v1/referrals/${referral.id}/accept`, { version: 1 })).statusCode,
    ).toBe(403);

    // B's admins are told; so is A when B answers.
    expect(
      t.mailer.sent.some(
        (m) => m.to === e.bAdmin.email && m.subject.includes('referred Prospect Corporation'),
      ),
    ).toBe(true);
    const accepted = await as(t.app, bUser).post(`/api/v1/referrals/${referral.id}/accept`, { version: 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(
      t.mailer.sent.some((m) => m.to === e.aAdmin.email && m.subject.includes('accepted your referral')),
    ).toBe(true);
    const converted = await as(t.app, bUser).post(`/api/v1/referrals/${referral.id}/convert`, {
      version: accepted.json().version,
      amount: 4_200_000,
      currency: 'USD',
      expectedCloseDate: inDays(30),
      products: ['Backup Pro'],
      notes: "B's notes",
    });
    expect(converted.statusCode, converted.body).toBe(200);
    const { deal, referral: afterConvert } = converted.json();
    expect(afterConvert).toMatchObject({
      status: 'converted',
      deal: { id: deal.id, status: 'registered' },
      fee: null,
    });
    expect(deal).toMatchObject({
      status: 'registered',
      registeredBy: { id: e.partnerB.id },
      referralId: referral.id,
      myRole: 'sourced',
    });
    expect(
      deal.involvements
        .map((i: { organization: { id: string }; role: string }) => [i.organization.id, i.role])
        .sort(),
    ).toEqual(
      [
        [e.partnerA.id, 'referred'],
        [e.partnerB.id, 'sourced'],
      ].sort(),
    );

    // The vendor sees the conflict with C's older registration, and why.
    const conflicts = (await as(t.app, admin).get(`/api/v1/deals/${deal.id}/conflicts`)).json().items;
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].deal).toMatchObject({ id: older.json().id, registeredBy: { id: partnerC.id } });
    expect(conflicts[0].reasons[0]).toBe('Same web domain prospect.com');
    // B is not told about C's registration; C is not told about B's.
    expect((await as(t.app, bUser).get(`/api/v1/deals/${deal.id}/conflicts`)).json().items).toEqual([]);
    expect((await as(t.app, cUser).get(`/api/v1/deals/${older.json().id}/conflicts`)).json().items).toEqual(
      [],
    );

    // B is nobody's assignment: the channel manager may not approve it; the admin does.
    expect(
      (await as(t.app, cm).post(`/api/v1/deals/${deal.id}/approve`, { version: deal.version })).statusCode,
    ).toBe(403);
    const approved = await as(t.app, admin).post(`/api/v1/deals/${deal.id}/approve`, {
      version: deal.version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', protection: { days: 90 } });
    expect(
      t.mailer.sent.some(
        (m) =>
          m.to === e.bAdmin.email &&
          m.subject === 'Your deal registration for Prospect Corporation was approved',
      ),
    ).toBe(true);

    // A is already on the deal as referrer: one role per partner, so the vendor re-casts it.
    const twice = await as(t.app, admin).post(`/api/v1/deals/${deal.id}/involvements`, {
      organizationId: e.partnerA.id,
      role: 'co_sell',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toContain('already on this deal as referred');
    const recast = await as(t.app, admin).patch(`/api/v1/deals/${deal.id}/involvements/${e.partnerA.id}`, {
      role: 'co_sell',
    });
    expect(recast.statusCode, recast.body).toBe(200);
    expect(recast.json()).toMatchObject({ role: 'co_sell', status: 'confirmed' });

    const current = (await as(t.app, bUser).get(`/api/v1/deals/${deal.id}`)).json();
    const won = await as(t.app, bUser).post(`/api/v1/deals/${deal.id}/close`, {
      version: current.version,
      outcome: 'won',
      amount: 4_000_000,
      closeDate: today(),
    });
    expect(won.statusCode, won.body).toBe(200);
    expect(won.json()).toMatchObject({ status: 'won', amount: 4_000_000, closeDate: today() });

    // Both parties see the fee: 12.5% (A's best active benefit) of the won amount.
    for (const s of [aUser, bUser]) {
      const r = (await as(t.app, s).get(`/api/v1/referrals/${referral.id}`)).json();
      expect(r.deal).toMatchObject({ id: deal.id, status: 'won' });
      expect(r.fee).toMatchObject({ percent: '12.5', amount: 500_000, currency: 'USD' });
      expect(r.fee.basis).toContain('Member tier');
    }

    // Credit: B sourced the whole amount; A, the only other partner, has all the influence credit.
    const aCredit = (await as(t.app, aUser).get(`/api/v1/deals/${deal.id}/attribution`)).json();
    expect(aCredit.credits).toEqual([
      {
        organization: { id: e.partnerA.id, name: e.partnerA.name },
        role: 'co_sell',
        sourcedCredit: 0,
        influenceCredit: 4_000_000,
      },
    ]);
    const bCredit = (
      await as(t.app, bUser).get(`/api/v1/deals/${deal.id}/attribution?model=last_touch`)
    ).json();
    expect(bCredit.credits).toEqual([
      {
        organization: { id: e.partnerB.id, name: e.partnerB.name },
        role: 'sourced',
        sourcedCredit: 4_000_000,
        influenceCredit: 0,
      },
    ]);
    expect((await as(t.app, admin).get(`/api/v1/deals/${deal.id}/attribution`)).json().credits).toHaveLength(
      2,
    );

    // A sees the deal's customer, amount and status, not B's notes; B sees its own notes.
    const asA = (await as(t.app, aUser).get(`/api/v1/deals/${deal.id}`)).json();
    expect(asA).toMatchObject({
      customer: { name: 'Prospect Corporation' },
      amount: 4_000_000,
      status: 'won',
      notes: null,
      registeredByUser: null,
    });
    expect((await as(t.app, bUser).get(`/api/v1/deals/${deal.id}`)).json().notes).toBe("B's notes");

    // C sees none of A's or B's records.
    expect((await as(t.app, cUser).get(`/api/v1/deals/${deal.id}`)).statusCode).toBe(404);
    expect((await as(t.app, cUser).get(`/api/v1/deals/${deal.id}/timeline`)).statusCode).toBe(404);
    const cDeals = (await as(t.app, cUser).get('/api/v1/deals')).json().items;
    expect(cDeals.map((d: { id: string }) => d.id)).toEqual([older.json().id]);
    expect((await as(t.app, cUser).get('/api/v1/referrals')).json().items).toEqual([]);
    expect((await as(t.app, cUser).get('/api/v1/referrals/counterparts')).json().items).toEqual([]);
    // …while A and B now know each other by name.
    expect((await as(t.app, aUser).get('/api/v1/referrals/counterparts')).json().items).toEqual([
      { id: e.partnerB.id, name: e.partnerB.name },
    ]);

    // The timeline tells the story, naming people only to their own organization and the vendor.
    const timeline = (await as(t.app, aUser).get(`/api/v1/deals/${deal.id}/timeline`)).json().items;
    expect(timeline.map((i: { summary: string }) => i.summary)).toEqual([
      'Registered from a referral',
      'Approved with 90 days of protection (the default)',
      `${e.partnerA.name} now co-sell (was referred)`,
      `Won on ${today()}`,
    ]);
    expect(timeline[0].actor).toBe(e.partnerB.name);
    expect(timeline[1].actor).toBe('Vera Admin');
  });
});

describe('deal review', () => {
  it('lets one of two simultaneous approvals win: the other gets 409 and one audit entry is written', async () => {
    const d = await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerA.id,
      customerName: 'Race Condition Ltd',
    });
    const results = await Promise.all([
      as(t.app, admin).post(`/api/v1/deals/${d.id}/approve`, { version: 1 }),
      as(t.app, cm).post(`/api/v1/deals/${d.id}/approve`, { version: 1 }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, d.id), eq(auditLog.action, 'deal.approved')));
    expect(audits).toHaveLength(1);
  });

  it('approves with the best protection days among active tiers, rejects with a reason, and refuses what is already decided', async () => {
    const { program, tiers } = await createProgramRecord(t.database.db, {
      tiers: [{ code: 'gold', name: 'Gold', benefits: [{ kind: 'deal_protection_days', value: 120 }] }],
    });
    const org = await createPartnerOrganization(t.database.db, { channelManagerId: e.cm.id });
    await createEnrollmentRecord(t.database.db, {
      organizationId: org.id,
      programId: program.id,
      tierId: tiers[0]!.id,
    });
    const d = await createDealRecord(t.database.db, { registeredByOrgId: org.id });
    const ok = await as(t.app, cm).post(`/api/v1/deals/${d.id}/approve`, { version: 1 });
    expect(ok.json()).toMatchObject({ status: 'approved', protection: { days: 120 } });
    const again = await as(t.app, cm).post(`/api/v1/deals/${d.id}/approve`, { version: 2 });
    expect(again.statusCode).toBe(422);
    expect(again.json().detail).toBe('This deal is already approved');

    const r = await createDealRecord(t.database.db, { registeredByOrgId: org.id });
    expect(
      (await as(t.app, cm).post(`/api/v1/deals/${r.id}/reject`, { version: 1, reason: '' })).statusCode,
    ).toBe(400);
    const rejected = await as(t.app, cm).post(`/api/v1/deals/${r.id}/reject`, {
      version: 1,
      reason: 'Customer already served directly',
    });
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      decisionReason: 'Customer already served directly',
    });
    const close = await as(t.app, cm).post(`/api/v1/deals/${r.id}/close`, {
      version: 2,
      outcome: 'lost',
      closeDate: today(),
      reason: 'n/a',
    });
    expect(close.statusCode).toBe(422);
    // Analysts only read.
    expect((await as(t.app, analyst).post(`/api/v1/deals/${r.id}/approve`, { version: 2 })).statusCode).toBe(
      403,
    );
  });

  it('extends protection on request and expires it by the scheduled job', async () => {
    const d = await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerA.id,
      status: 'approved',
      approvedAt: new Date(Date.now() - 10 * day),
      protectionDays: 30,
    });
    const asked = await as(t.app, aUser).post(`/api/v1/deals/${d.id}/request-extension`, {
      version: 1,
      days: 15,
      reason: 'Budget moved to next quarter',
    });
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json().protection.extensionRequest).toMatchObject({
      days: 15,
      reason: 'Budget moved to next quarter',
    });
    const extended = await as(t.app, cm).post(`/api/v1/deals/${d.id}/extend`, { version: 2 });
    expect(extended.json().protection).toMatchObject({ days: 45, extensionRequest: null });
    expect(Date.parse(extended.json().protection.expiresAt)).toBeGreaterThan(Date.now() + 34 * day);

    const lapsed = await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerA.id,
      status: 'approved',
      approvedAt: new Date(Date.now() - 40 * day),
      protectionDays: 30,
    });
    expect(await expireDealProtection(t.database.db)).toEqual({ expired: 1 });
    const [row] = await t.database.db.select().from(deals).where(eq(deals.id, lapsed.id));
    expect(row).toMatchObject({ status: 'expired', version: 2 });
    expect(
      (
        await as(t.app, aUser).post(`/api/v1/deals/${lapsed.id}/request-extension`, {
          version: 2,
          days: 10,
          reason: 'Too late?',
        })
      ).statusCode,
    ).toBe(422);
    // Running again changes nothing.
    expect(await expireDealProtection(t.database.db)).toEqual({ expired: 0 });
  });

  it('closes only approved deals, once, with a final amount and a sane date', async () => {
    const d = await createDealRecord(t.database.db, { registeredByOrgId: e.partnerA.id, status: 'approved' });
    const future = await as(t.app, aUser).post(`/api/v1/deals/${d.id}/close`, {
      version: 1,
      outcome: 'won',
      amount: 100,
      closeDate: inDays(3),
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0]).toMatchObject({ path: 'body.closeDate' });
    const noAmount = await as(t.app, aUser).post(`/api/v1/deals/${d.id}/close`, {
      version: 1,
      outcome: 'won',
      closeDate: today(),
    });
    expect(noAmount.statusCode).toBe(400);
    const lost = await as(t.app, aUser).post(`/api/v1/deals/${d.id}/close`, {
      version: 1,
      outcome: 'lost',
      closeDate: today(),
      reason: 'Chose a competitor',
    });
    expect(lost.json()).toMatchObject({ status: 'lost', lostReason: 'Chose a competitor' });
    const again = await as(t.app, aUser).post(`/api/v1/deals/${d.id}/close`, {
      version: 2,
      outcome: 'won',
      amount: 100,
      closeDate: today(),
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().detail).toBe('This deal is already lost');
  });
});

describe('registration input', () => {
  it('refuses bad amounts, currencies, dates and forbidden fields with the field named, storing nothing', async () => {
    const before = (await as(t.app, admin).get('/api/v1/deals?limit=200')).json().items.length;
    const cases: [Record<string, unknown>, string][] = [
      [{ amount: -5 }, 'amount'],
      [{ amount: 10.5 }, 'amount'],
      [{ amount: 1e16 }, 'amount'],
      [{ currency: 'XYZ' }, 'currency'],
      [{ expectedCloseDate: '2026-02-30' }, 'expectedCloseDate'],
      [{ expectedCloseDate: '1850-01-01' }, 'expectedCloseDate'],
      [{ country: 'QQ' }, 'country'],
      [{ industry: '99' }, 'industry'],
      [{ customerDomain: 'not a domain' }, 'customerDomain'],
      [{ status: 'won' }, ''],
      [{ registeredByOrgId: e.partnerB.id }, ''],
    ];
    for (const [over, field] of cases) {
      const res = await as(t.app, aUser).post('/api/v1/deals', dealInput(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      if (field) expect(JSON.stringify(res.json().errors), JSON.stringify(over)).toContain(field);
    }
    expect((await as(t.app, admin).get('/api/v1/deals?limit=200')).json().items.length).toBe(before);
  });

  it('answers 422 for a currency with no exchange rate, until the admin adds one', async () => {
    const res = await as(t.app, aUser).post('/api/v1/deals', dealInput({ currency: 'EUR', amount: 100_000 }));
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toContain('No EUR→USD exchange rate');
    const rate = await as(t.app, admin).post('/api/v1/fx-rates', {
      currency: 'EUR',
      rate: '1.085',
      effectiveDate: '2020-01-01',
    });
    expect(rate.statusCode, rate.body).toBe(201);
    expect(
      (
        await as(t.app, admin).post('/api/v1/fx-rates', {
          currency: 'EUR',
          rate: '1.1',
          effectiveDate: '2020-01-01',
        })
      ).statusCode,
    ).toBe(409);
    const ok = await as(t.app, aUser).post(
      '/api/v1/deals',
      dealInput({ currency: 'EUR', amount: 100_001, customerName: 'Euro Customer' }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    // 1,000.01 EUR × 1.085 = 1,085.01085 USD → 108501 cents.
    expect(ok.json().reporting).toMatchObject({
      amount: 108_501,
      currency: 'USD',
      rate: '1.085',
      rateDate: '2020-01-01',
    });
    // The rate cannot go while a deal needs it, and the reporting currency cannot move to one EUR deals cannot reach.
    expect((await as(t.app, admin).delete(`/api/v1/fx-rates/${rate.json().id}`)).statusCode).toBe(409);
    const settings = (await as(t.app, admin).get('/api/v1/settings')).json();
    const change = await as(t.app, admin).patch('/api/v1/settings', {
      version: settings.version,
      reportingCurrency: 'GBP',
    });
    expect(change.statusCode).toBe(422);
    expect(change.json().detail).toContain('EUR');
    expect(
      (
        await as(t.app, aUser).patch('/api/v1/settings', {
          version: settings.version,
          reportingCurrency: 'GBP',
        })
      ).statusCode,
    ).toBe(403);

    // Rates into the next reporting currency are prepared first; then the change goes through.
    for (const [currency, r] of [
      ['USD', '0.79'],
      ['EUR', '0.86'],
    ]) {
      const prepared = await as(t.app, admin).post('/api/v1/fx-rates', {
        currency,
        rate: r,
        effectiveDate: '2020-01-01',
        reportingCurrency: 'GBP',
      });
      expect(prepared.statusCode, prepared.body).toBe(201);
    }
    const moved = await as(t.app, admin).patch('/api/v1/settings', {
      version: settings.version,
      reportingCurrency: 'GBP',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await as(t.app, aUser).get(`/api/v1/deals/${ok.json().id}`)).json().reporting).toMatchObject({
      currency: 'GBP',
      rate: '0.86',
      amount: 86_001,
    });
    const back = await as(t.app, admin).patch('/api/v1/settings', {
      version: moved.json().version,
      reportingCurrency: 'USD',
    });
    expect(back.statusCode, back.body).toBe(200);
  });

  it('warns a partner only about its own earlier deals for the same customer', async () => {
    await as(t.app, aUser).post(
      '/api/v1/deals',
      dealInput({ customerName: 'Hooli Inc', customerDomain: 'hooli.com' }),
    );
    await as(t.app, bUser).post(
      '/api/v1/deals',
      dealInput({ customerName: 'Hooli', customerDomain: 'hooli.com' }),
    );
    const again = await as(t.app, aUser).post(
      '/api/v1/deals',
      dealInput({ customerName: 'HOOLI Incorporated', customerDomain: 'mail.hooli.com' }),
    );
    expect(again.statusCode).toBe(201);
    const seen = again
      .json()
      .conflicts.map((c: { deal: { registeredBy: { id: string } } }) => c.deal.registeredBy.id);
    expect(seen).toEqual([e.partnerA.id]);
    const vendorView = (await as(t.app, admin).get(`/api/v1/deals/${again.json().id}/conflicts`)).json()
      .items;
    expect(
      vendorView.map((c: { deal: { registeredBy: { id: string } } }) => c.deal.registeredBy.id).sort(),
    ).toEqual([e.partnerA.id, e.partnerB.id].sort());
  });

  it('refuses to change the status by PATCH and to edit a closed deal', async () => {
    const d = await createDealRecord(t.database.db, { registeredByOrgId: e.partnerA.id });
    expect(
      (await as(t.app, aUser).patch(`/api/v1/deals/${d.id}`, { version: 1, status: 'won' })).statusCode,
    ).toBe(400);
    const staged = await as(t.app, aUser).patch(`/api/v1/deals/${d.id}`, {
      version: 1,
      stage: 'proposal',
      amount: 3_000_000,
    });
    expect(staged.json()).toMatchObject({ stage: 'proposal', amount: 3_000_000, version: 2 });
    expect(
      (await as(t.app, aUser).patch(`/api/v1/deals/${d.id}`, { version: 1, stage: 'commit' })).statusCode,
    ).toBe(409);
    const closed = await createDealRecord(t.database.db, { registeredByOrgId: e.partnerA.id, status: 'won' });
    expect(
      (await as(t.app, aUser).patch(`/api/v1/deals/${closed.id}`, { version: 1, notes: 'x' })).statusCode,
    ).toBe(422);
  });
});

describe('conflict matching', () => {
  const check = async (s: Session, name: string, domain?: string) => {
    const q = new URLSearchParams({ customerName: name, ...(domain ? { customerDomain: domain } : {}) });
    const res = await as(t.app, s).get(`/api/v1/deals/conflict-check?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as { deal: { customerName: string }; reasons: string[] }[];
  };

  it('matches tricky names and domains, and leaves different companies alone', async () => {
    const org = await createPartnerOrganization(t.database.db);
    for (const [name, domain] of [
      ['ACME Corp.', null],
      ['Müller & Söhne GmbH', null],
      ['Globex Europe', 'globex.co.uk'],
      ['Umbrella', 'umbrella-group.com'],
      ['Soylent', null],
    ] as const) {
      await createDealRecord(t.database.db, {
        registeredByOrgId: org.id,
        customerName: name,
        customerDomain: domain,
        status: 'approved',
      });
    }
    const names = (items: { deal: { customerName: string } }[]) => items.map((i) => i.deal.customerName);

    expect(names(await check(admin, 'Acme Corporation'))).toEqual(['ACME Corp.']);
    expect((await check(admin, 'acme, inc'))[0]!.reasons[0]).toContain('Same name');
    expect(names(await check(admin, 'Mueller und Soehne'))).toEqual([]); // a transliteration, not a typo: left to people
    expect(names(await check(admin, 'Muller and Sohne AG'))).toEqual(['Müller & Söhne GmbH']);
    // A subsidiary's host under the same registrable domain, given as a URL or an e-mail address.
    expect((await check(admin, 'Totally Different', 'https://shop.globex.co.uk/orders'))[0]!.reasons[0]).toBe(
      'Same company domain globex.co.uk (shop.globex.co.uk and globex.co.uk)',
    );
    expect(names(await check(admin, 'Someone', 'buyer@globex.co.uk'))).toEqual(['Globex Europe']);
    // A name that is the other's domain label, both ways.
    expect(names(await check(admin, 'Umbrella Group'))).toEqual(['Umbrella']);
    expect(names(await check(admin, 'Some Name', 'soylent.com'))).toEqual(['Soylent']);
    // Different companies with similar letters are not flagged.
    expect(names(await check(admin, 'Acne Studios'))).toEqual([]);
    expect(names(await check(admin, 'Initrode'))).toEqual([]);
    // A partner only learns of its own organization's deals.
    expect(await check(aUser, 'Acme Corporation')).toEqual([]);
  });

  it('ignores closed, rejected and stale registrations', async () => {
    const org = await createPartnerOrganization(t.database.db);
    await createDealRecord(t.database.db, {
      registeredByOrgId: org.id,
      customerName: 'Stark Industries',
      status: 'won',
    });
    await createDealRecord(t.database.db, {
      registeredByOrgId: org.id,
      customerName: 'Stark Industries',
      status: 'rejected',
    });
    await createDealRecord(t.database.db, {
      registeredByOrgId: org.id,
      customerName: 'Stark Industries',
      createdAt: new Date(Date.now() - 200 * day),
    });
    expect(await check(admin, 'Stark Industries')).toEqual([]);
    await createDealRecord(t.database.db, {
      registeredByOrgId: org.id,
      customerName: 'Stark Industries Inc',
    });
    expect(await check(admin, 'Stark Industries')).toHaveLength(1);
  });

  it("leaves a deal out of its own conflicts, and tells a partner a customer is taken only by another partner's protection", async () => {
    const taken = async (name: string, domain?: string) => {
      const q = new URLSearchParams({ customerName: name, ...(domain ? { customerDomain: domain } : {}) });
      const res = await as(t.app, aUser).get(`/api/v1/deals/conflict-check?${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().protectedByAnotherPartner as boolean;
    };
    // The vendor's own approved deal, protection running: a conflict to review, never "taken".
    const vendors = await createDealRecord(t.database.db, {
      registeredByOrgId: e.vendor.id,
      customerName: 'Hooli Xyz',
      customerDomain: 'hooli-xyz.io',
      status: 'approved',
    });
    expect(await taken('Hooli Xyz')).toBe(false);
    expect(await taken('Someone Else', 'shop.hooli-xyz.io')).toBe(false);
    const org = await createPartnerOrganization(t.database.db);
    const held = await createDealRecord(t.database.db, {
      registeredByOrgId: org.id,
      customerName: 'Hooli XYZ Inc',
      customerDomain: 'hooli-xyz.io',
      status: 'approved',
    });
    // By the name alone (no domain given), and by the domain alone.
    expect(await taken('Hooli Xyz')).toBe(true);
    expect(await taken('Someone Else', 'shop.hooli-xyz.io')).toBe(true);
    expect(await taken('Someone Else', 'hooli-xyz.com')).toBe(false);

    const mine = await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerA.id,
      customerName: 'Hooli XYZ',
    });
    const res = await as(t.app, admin).get(`/api/v1/deals/${mine.id}/conflicts`);
    expect(res.statusCode, res.body).toBe(200);
    const ids = (res.json().items as { deal: { id: string } }[]).map((c) => c.deal.id);
    expect(ids).toEqual(expect.arrayContaining([vendors.id, held.id]));
    expect(ids).not.toContain(mine.id);
  });
});

describe('involvements', () => {
  it('names on a deal only the partners the proposer may see, answering others as not existing', async () => {
    const hidden = await createPartnerOrganization(t.database.db, {
      name: 'Unlisted Hush Partners',
      country: 'US',
    });
    const d = await createDealRecord(t.database.db, { registeredByOrgId: e.partnerA.id, status: 'approved' });
    const tryAdd = (who: Session) =>
      as(t.app, who).post(`/api/v1/deals/${d.id}/involvements`, {
        organizationId: hidden.id,
        role: 'influenced',
      });
    // Every path by which a partner names another organization on its own records refuses it alike.
    const onDeal = await tryAdd(aUser);
    expect(onDeal.statusCode).toBe(404);
    const asReferral = await as(t.app, aUser).post('/api/v1/referrals', {
      recipientOrganizationId: hidden.id,
      companyName: 'Someone Ltd',
      contactName: 'Sam',
      contactEmail: 'sam@someone.test',
      need: 'Backups',
    });
    expect(asReferral.statusCode).toBe(400);
    for (const res of [onDeal, asReferral]) expect(res.body).not.toContain('Unlisted Hush');
    // Answered exactly as an id that exists nowhere.
    const nowhere = await as(t.app, aUser).post(`/api/v1/deals/${d.id}/involvements`, {
      organizationId: '00000000-0000-4000-8000-000000000000',
      role: 'influenced',
    });
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.json().detail).toBe(onDeal.json().detail);
    // The vendor sees every partner; once listed in the marketplace, the partner may name it too.
    const other = await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerB.id,
      status: 'approved',
    });
    expect(
      (
        await as(t.app, admin).post(`/api/v1/deals/${other.id}/involvements`, {
          organizationId: hidden.id,
          role: 'influenced',
        })
      ).statusCode,
    ).toBe(201);
    await createProfileRecord(t.database.db, hidden.id, {});
    expect((await tryAdd(aUser)).statusCode).toBe(201);
  });

  it('lets a partner on the deal propose another, which the vendor confirms; others get 404', async () => {
    const d = await createDealRecord(t.database.db, { registeredByOrgId: e.partnerA.id, status: 'approved' });
    // B cannot see A's deal, so cannot add itself to it.
    const sneaky = await as(t.app, bUser).post(`/api/v1/deals/${d.id}/involvements`, {
      organizationId: e.partnerB.id,
      role: 'influenced',
    });
    expect(sneaky.statusCode).toBe(404);
    const proposed = await as(t.app, aUser).post(`/api/v1/deals/${d.id}/involvements`, {
      organizationId: e.partnerB.id,
      role: 'integration',
      note: 'Their connector closed it',
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(proposed.json()).toMatchObject({
      status: 'proposed',
      proposedBy: { id: e.partnerA.id },
      note: 'Their connector closed it',
    });
    // Until confirmed, B sees nothing.
    expect((await as(t.app, bUser).get(`/api/v1/deals/${d.id}`)).statusCode).toBe(404);
    const sourcedTwice = await as(t.app, admin).post(`/api/v1/deals/${d.id}/involvements`, {
      organizationId: partnerC.id,
      role: 'sourced',
    });
    expect(sourcedTwice.statusCode).toBe(409);
    // A partner may not confirm.
    expect(
      (await as(t.app, aUser).post(`/api/v1/deals/${d.id}/involvements/${e.partnerB.id}/confirm`, {}))
        .statusCode,
    ).toBe(403);
    const confirmed = await as(t.app, cm).post(
      `/api/v1/deals/${d.id}/involvements/${e.partnerB.id}/confirm`,
      {},
    );
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const asB = (await as(t.app, bUser).get(`/api/v1/deals/${d.id}`)).json();
    expect(asB).toMatchObject({ myRole: 'integration', notes: null });
    // A's note on B's involvement is A's: B does not read it.
    expect(
      asB.involvements.find((i: { organization: { id: string } }) => i.organization.id === e.partnerB.id)
        .note,
    ).toBeNull();
    expect(
      (await as(t.app, cm).post(`/api/v1/deals/${d.id}/involvements/${e.partnerB.id}/confirm`, {}))
        .statusCode,
    ).toBe(422);
    expect(
      (await as(t.app, aUser).delete(`/api/v1/deals/${d.id}/involvements/${e.partnerB.id}`)).statusCode,
    ).toBe(403);
    expect(
      (await as(t.app, cm).delete(`/api/v1/deals/${d.id}/involvements/${e.partnerB.id}`)).statusCode,
    ).toBe(204);
    expect((await as(t.app, bUser).get(`/api/v1/deals/${d.id}`)).statusCode).toBe(404);
  });

  it('keeps the registering partner on its deal, and reads the history of a deal that came with one', async () => {
    const d = await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerA.id,
      status: 'won',
      createdAt: new Date('2026-01-05T10:00:00Z'),
      approvedAt: new Date('2026-01-06T10:00:00Z'),
      closeDate: '2026-03-01',
      involvements: [
        { organizationId: e.partnerA.id, role: 'sourced' },
        { organizationId: e.partnerB.id, role: 'co_sell', involvedAt: new Date('2026-02-01T00:00:00Z') },
      ],
    });
    const refused = await as(t.app, admin).delete(`/api/v1/deals/${d.id}/involvements/${e.partnerA.id}`);
    expect(refused.statusCode).toBe(422);
    const timeline = (await as(t.app, aUser).get(`/api/v1/deals/${d.id}/timeline`)).json().items;
    expect(timeline.map((i: { summary: string }) => i.summary)).toEqual([
      'Registered',
      'Approved with 90 days of protection',
      `${e.partnerB.name} added as co-sell`,
      'Won on 2026-03-01',
    ]);
  });

  it('splits influence credit evenly by the largest remainder, or by first and last touch', async () => {
    const [x, y, z] = [
      await createPartnerOrganization(t.database.db),
      await createPartnerOrganization(t.database.db),
      await createPartnerOrganization(t.database.db),
    ];
    const ids = [x.id, y.id, z.id].sort();
    const d = await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerA.id,
      status: 'won',
      amount: 1_000_001,
      closeDate: today(),
      involvements: [
        { organizationId: e.partnerA.id, role: 'sourced' },
        { organizationId: ids[2]!, role: 'co_sell', involvedAt: new Date('2026-01-01T00:00:00Z') },
        { organizationId: ids[1]!, role: 'implementation', involvedAt: new Date('2026-01-01T00:00:00Z') },
        { organizationId: ids[0]!, role: 'influenced', involvedAt: new Date('2026-03-01T00:00:00Z') },
      ],
    });
    const credit = async (model: string) =>
      Object.fromEntries(
        (await as(t.app, admin).get(`/api/v1/deals/${d.id}/attribution?model=${model}`))
          .json()
          .credits.map(
            (c: { organization: { id: string }; influenceCredit: number; sourcedCredit: number }) => [
              c.organization.id,
              c.influenceCredit + c.sourcedCredit * 10,
            ],
          ),
      );
    // 1,000,001 / 3 = 333,333 r 2: the two lowest ids get one more.
    expect(await credit('even')).toEqual({
      [e.partnerA.id]: 10_000_010,
      [ids[0]!]: 333_334,
      [ids[1]!]: 333_334,
      [ids[2]!]: 333_333,
    });
    // First touch: the earliest involvement, ties to the lower id.
    expect(await credit('first_touch')).toEqual({
      [e.partnerA.id]: 10_000_010,
      [ids[0]!]: 0,
      [ids[1]!]: 1_000_001,
      [ids[2]!]: 0,
    });
    expect(await credit('last_touch')).toEqual({
      [e.partnerA.id]: 10_000_010,
      [ids[0]!]: 1_000_001,
      [ids[1]!]: 0,
      [ids[2]!]: 0,
    });
    const open = await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerA.id,
      status: 'approved',
    });
    expect((await as(t.app, admin).get(`/api/v1/deals/${open.id}/attribution`)).statusCode).toBe(422);
  });
});

describe('referrals', () => {
  it('shares with the other party only what is its to see', async () => {
    const base = {
      companyName: 'Oscorp',
      contactName: 'Norman',
      contactEmail: 'norman@oscorp.com',
      need: 'Lab security',
    };
    // C is neither listed nor known to A: refused like an id that does not exist.
    const hidden = await as(t.app, aUser).post('/api/v1/referrals', {
      ...base,
      recipientOrganizationId: partnerC.id,
    });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json().errors[0]).toEqual({
      path: 'body.recipientOrganizationId',
      message: 'No such partner',
    });
    const r = (
      await as(t.app, aUser).post('/api/v1/referrals', { ...base, recipientOrganizationId: e.partnerB.id })
    ).json();
    expect(r.referrerUser).toMatchObject({ name: 'Adam Alpha' });
    expect((await as(t.app, bUser).get(`/api/v1/referrals/${r.id}`)).json()).toMatchObject({
      referrer: { id: e.partnerA.id },
      referrerUser: null,
    });
    // An involved partner reads a deal's status, not the registrant's reasons.
    const lost = await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerA.id,
      status: 'lost',
      lostReason: 'Our price was too high',
      involvements: [
        { organizationId: e.partnerA.id, role: 'sourced' },
        { organizationId: e.partnerB.id, role: 'influenced' },
      ],
    });
    expect((await as(t.app, bUser).get(`/api/v1/deals/${lost.id}`)).json()).toMatchObject({
      status: 'lost',
      lostReason: null,
    });
    expect((await as(t.app, aUser).get(`/api/v1/deals/${lost.id}`)).json().lostReason).toBe(
      'Our price was too high',
    );
  });

  it('refuses self-referrals, accepting a rejected referral and converting before acceptance', async () => {
    const base = {
      companyName: 'Wayne Enterprises',
      contactName: 'Lucius Fox',
      contactEmail: 'lucius@wayne.com',
      need: 'Security review',
    };
    const self = await as(t.app, aUser).post('/api/v1/referrals', {
      ...base,
      recipientOrganizationId: e.partnerA.id,
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0].path).toBe('body.recipientOrganizationId');
    expect(
      (
        await as(t.app, aUser).post('/api/v1/referrals', {
          ...base,
          recipientOrganizationId: e.partnerB.id,
          fee: 50,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await as(t.app, aUser).post('/api/v1/referrals', { ...base, estimatedAmount: 100 })).statusCode,
    ).toBe(400);

    const r = (
      await as(t.app, aUser).post('/api/v1/referrals', { ...base, recipientOrganizationId: e.partnerB.id })
    ).json();
    const early = await as(t.app, bUser).post(`/api/v1/referrals/${r.id}/convert`, {
      version: 1,
      amount: 100,
      currency: 'USD',
      expectedCloseDate: inDays(5),
      country: 'US',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().detail).toBe('Accept the referral before converting it');
    const rejected = await as(t.app, bUser).post(`/api/v1/referrals/${r.id}/reject`, {
      version: 1,
      reason: 'No capacity this quarter',
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionReason: 'No capacity this quarter' });
    const late = await as(t.app, bUser).post(`/api/v1/referrals/${r.id}/accept`, { version: 2 });
    // An accepted referral may still be turned down before it becomes a deal.
    const r2 = (
      await as(t.app, aUser).post('/api/v1/referrals', { ...base, recipientOrganizationId: e.partnerB.id })
    ).json();
    await as(t.app, bUser).post(`/api/v1/referrals/${r2.id}/accept`, { version: 1 });
    const dropped = await as(t.app, bUser).post(`/api/v1/referrals/${r2.id}/reject`, {
      version: 2,
      reason: 'Prospect went silent',
    });
    expect(dropped.json(), dropped.body).toMatchObject({
      status: 'rejected',
      decisionReason: 'Prospect went silent',
    });
    expect(late.statusCode).toBe(422);
    expect(late.json().detail).toBe('This referral was rejected');
  });

  it('sends a referral to the vendor, which the vendor converts into a vendor-recorded deal', async () => {
    const r = (
      await as(t.app, aUser).post('/api/v1/referrals', {
        companyName: 'Cyberdyne Systems',
        companyDomain: 'cyberdyne.com',
        country: 'US',
        contactName: 'Miles Dyson',
        contactEmail: 'miles@cyberdyne.com',
        need: 'Enterprise licence',
      })
    ).json();
    expect(r).toMatchObject({ toVendor: true, status: 'submitted' });
    expect(
      (await as(t.app, admin).get('/api/v1/referrals?box=inbox'))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).toContain(r.id);
    await as(t.app, cm).post(`/api/v1/referrals/${r.id}/accept`, { version: 1 });
    const conv = await as(t.app, cm).post(`/api/v1/referrals/${r.id}/convert`, {
      version: 2,
      amount: 9_900_000,
      currency: 'USD',
      expectedCloseDate: inDays(20),
    });
    expect(conv.statusCode, conv.body).toBe(200);
    expect(conv.json().deal).toMatchObject({ status: 'approved', vendorRecorded: true });
    expect(conv.json().deal.involvements.map((i: { role: string }) => i.role)).toEqual(['referred']);
  });

  it('feeds the tier engine: won deals, sourced revenue and converted referrals per organization', async () => {
    const org = await createPartnerOrganization(t.database.db);
    const { program, tiers } = await createProgramRecord(t.database.db, {
      tiers: [
        { code: 'base', name: 'Base' },
        {
          code: 'top',
          name: 'Top',
          requirements: [
            { metric: 'won_deals', threshold: 2, windowDays: 365 },
            { metric: 'sourced_revenue', threshold: 5_000_000, windowDays: 365 },
          ],
        },
      ],
    });
    const enrollment = await createEnrollmentRecord(t.database.db, {
      organizationId: org.id,
      programId: program.id,
      tierId: tiers[0]!.id,
    });
    await createDealRecord(t.database.db, {
      registeredByOrgId: org.id,
      status: 'won',
      amount: 2_000_000,
      closeDate: today(),
    });
    await createDealRecord(t.database.db, {
      registeredByOrgId: org.id,
      status: 'won',
      amount: 3_000_000,
      closeDate: today(),
    });
    // Outside the window, and a deal it did not source: neither counts.
    await createDealRecord(t.database.db, {
      registeredByOrgId: org.id,
      status: 'won',
      amount: 9_000_000,
      closeDate: '2020-01-01',
      createdAt: new Date('2020-01-01'),
    });
    await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerB.id,
      status: 'won',
      amount: 9_000_000,
      closeDate: today(),
      involvements: [
        { organizationId: e.partnerB.id, role: 'sourced' },
        { organizationId: org.id, role: 'co_sell' },
      ],
    });
    await evaluateAllEnrollments(t.database.db);
    const evaluation = (await as(t.app, admin).get(`/api/v1/enrollments/${enrollment.id}`)).json();
    expect(evaluation.tier.name).toBe('Top');
  });
});

describe('deal protection is exclusive', () => {
  const register = async (who: Session, over: Record<string, unknown>) => {
    const res = await as(t.app, who).post('/api/v1/deals', dealInput(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const approve = (who: Session, deal: { id: string; version: number }, over: Record<string, unknown> = {}) =>
    as(t.app, who).post(`/api/v1/deals/${deal.id}/approve`, { version: deal.version, ...over });
  const timeline = async (who: Session, id: string) =>
    (await as(t.app, who).get(`/api/v1/deals/${id}/timeline`)).json().items as { summary: string }[];
  const settings = async (patch: Record<string, unknown>) => {
    const current = (await as(t.app, admin).get('/api/v1/settings')).json();
    const res = await as(t.app, admin).patch('/api/v1/settings', { version: current.version, ...patch });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('refuses a second partner’s approval, lets an admin override with a reason, and shows it to the vendor alone', async () => {
    // B holds Hooli under protection.
    const held = await register(bUser, { customerName: 'Hooli Inc', customerDomain: 'hooli.com' });
    const heldApproved = await approve(admin, held);
    expect(heldApproved.statusCode, heldApproved.body).toBe(200);
    const heldBefore = heldApproved.json();

    // A registers the same customer on another host of the same registrable domain.
    const rival = await register(aUser, { customerName: 'Hooli', customerDomain: 'shop.hooli.com' });
    // The channel manager sees it would break a protection, and is refused.
    const seen = (await as(t.app, cm).get(`/api/v1/deals/${rival.id}/conflicts`)).json().items;
    expect(seen.find((c: { deal: { id: string } }) => c.deal.id === held.id)).toMatchObject({
      strong: true,
      blocking: true,
    });
    const refused = await approve(cm, rival);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain(`protected for ${e.partnerB.name} by deal ${held.id}`);
    expect(refused.json().protectingDealIds).toEqual([held.id]);
    // A reason does not make a channel manager one who may override (default: vendor admins only).
    const notAllowed = await approve(cm, rival, { overrideReason: 'B has gone quiet for months' });
    expect(notAllowed.statusCode).toBe(403);
    expect(notAllowed.json().detail).toContain('vendor admins');
    // Nor does an admin approve it without a reason.
    expect((await approve(admin, rival)).statusCode).toBe(409);
    expect((await as(t.app, aUser).get(`/api/v1/deals/${rival.id}`)).json().status).toBe('registered');

    const overridden = await approve(admin, rival, {
      overrideReason: 'The customer asked for Alpha in writing',
    });
    expect(overridden.statusCode, overridden.body).toBe(200);
    expect(overridden.json().status).toBe('approved');

    // The holder keeps its protection, untouched.
    const heldAfter = (await as(t.app, bUser).get(`/api/v1/deals/${held.id}`)).json();
    expect(heldAfter).toMatchObject({ status: 'approved', protection: heldBefore.protection });

    // Both timelines show the override to the vendor…
    const onRival = (await timeline(admin, rival.id)).map((i) => i.summary);
    expect(
      onRival.some((s) => s.includes(e.partnerB.name) && s.includes('The customer asked for Alpha')),
    ).toBe(true);
    const onHeld = (await timeline(cm, held.id)).map((i) => i.summary);
    expect(onHeld.some((s) => s.includes(e.partnerA.name) && s.includes('which still runs'))).toBe(true);
    // …and to neither partner.
    for (const [who, id] of [
      [aUser, rival.id],
      [bUser, held.id],
    ] as const) {
      const text = JSON.stringify(await timeline(who, id));
      expect(text).not.toContain('The customer asked for Alpha');
      expect(text).not.toContain('protection held by');
    }
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, held.id), eq(auditLog.action, 'deal.protection_overridden')));
    expect(audit).toMatchObject({
      after: { dealId: rival.id, reason: 'The customer asked for Alpha in writing' },
    });
  });

  it('blocks on the same normalized name under another domain; a similar name only warns', async () => {
    const held = await register(bUser, { customerName: 'Pied Piper, Inc.', customerDomain: 'piedpiper.com' });
    expect((await approve(admin, held)).statusCode).toBe(200);
    const sameName = await register(aUser, { customerName: 'PIED PIPER', customerDomain: 'piedpiper.io' });
    expect((await approve(cm, sameName)).statusCode).toBe(409);

    // Trigrams alone: shown to the reviewer, never blocking.
    const similar = await register(aUser, { customerName: 'Pied Pipers', customerDomain: undefined });
    const conflicts = (await as(t.app, cm).get(`/api/v1/deals/${similar.id}/conflicts`)).json().items;
    const match = conflicts.find((c: { deal: { id: string } }) => c.deal.id === held.id);
    expect(match).toMatchObject({ strong: false, blocking: false });
    expect((await approve(cm, similar)).statusCode).toBe(200);

    // The same partner's second registration is its own business, as is a protection that ran out.
    const again = await register(bUser, { customerName: 'Pied Piper', customerDomain: 'piedpiper.com' });
    expect((await approve(admin, again)).statusCode).toBe(200);
    await t.database.db
      .update(deals)
      .set({ protectionExpiresAt: new Date(Date.now() - day) })
      .where(eq(deals.registeredByOrgId, e.partnerB.id));
    const current = (await as(t.app, aUser).get(`/api/v1/deals/${sameName.id}`)).json();
    expect((await approve(cm, current)).statusCode).toBe(200);
  });

  it('lets the roles the setting names override', async () => {
    const held = await register(bUser, { customerName: 'Globex Corporation', customerDomain: 'globex.com' });
    expect((await approve(admin, held)).statusCode).toBe(200);
    const rival = await register(aUser, { customerName: 'Globex', customerDomain: 'globex.com' });
    const saved = await settings({ protectionOverrideRoles: ['channel_manager', 'admin'] });
    expect(saved.protectionOverrideRoles).toEqual(['admin', 'channel_manager']);
    try {
      expect((await approve(cm, rival, { overrideReason: 'Globex split its purchasing' })).statusCode).toBe(
        200,
      );
    } finally {
      await settings({ protectionOverrideRoles: ['admin'] });
    }
    const bad = await as(t.app, admin).patch('/api/v1/settings', {
      version: (await as(t.app, admin).get('/api/v1/settings')).json().version,
      protectionOverrideRoles: ['partner_admin'],
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('protectionOverrideRoles');
  });

  it('tells a partner registering a protected customer that it is taken, and nothing more; the vendor can turn it off', async () => {
    const held = await register(bUser, {
      customerName: 'Vandelay Industries',
      customerDomain: 'vandelay.com',
      notes: 'Vandelay secret',
    });
    expect((await approve(admin, held)).statusCode).toBe(200);

    // The live hint, as the form asks while typing.
    const hint = await as(t.app, aUser).get(
      '/api/v1/deals/conflict-check?customerName=Vandelay&customerDomain=vandelay.com',
    );
    expect(hint.json()).toEqual({ items: [], protectedByAnotherPartner: true });
    // The holder is not told its own deal protects it from itself.
    expect(
      (await as(t.app, bUser).get('/api/v1/deals/conflict-check?customerName=Vandelay+Industries')).json()
        .protectedByAnotherPartner,
    ).toBe(false);
    // A similar name alone is not "taken".
    expect(
      (await as(t.app, aUser).get('/api/v1/deals/conflict-check?customerName=Vandelay+Imports+Ltd')).json()
        .protectedByAnotherPartner,
    ).toBe(false);

    const registered = await as(t.app, aUser).post(
      '/api/v1/deals',
      dealInput({ customerName: 'Vandelay Industries Inc', customerDomain: 'vandelay.com' }),
    );
    expect(registered.statusCode, registered.body).toBe(201);
    expect(registered.json()).toMatchObject({ protectedByAnotherPartner: true, conflicts: [] });
    // Not who, not how much, not until when.
    for (const secret of [
      held.id,
      e.partnerB.name,
      e.partnerB.id,
      'Vandelay secret',
      held.amount.toString(),
    ]) {
      expect(hint.body).not.toContain(secret);
      expect(JSON.stringify(registered.json().conflicts)).not.toContain(secret);
    }
    expect(registered.body).not.toContain(e.partnerB.name);

    await settings({ protectedCustomerNotice: false });
    try {
      expect(
        (await as(t.app, aUser).get('/api/v1/deals/conflict-check?customerName=Vandelay+Industries')).json()
          .protectedByAnotherPartner,
      ).toBe(false);
      const quiet = await register(aUser, { customerName: 'Vandelay', customerDomain: 'vandelay.com' });
      expect(quiet.protectedByAnotherPartner).toBe(false);
    } finally {
      await settings({ protectedCustomerNotice: true });
    }
  });
});
