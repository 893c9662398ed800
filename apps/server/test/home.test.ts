import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartnerHome } from '@partnergraph/shared/contracts/home';
import {
  createAgreementRecord,
  createDealRecord,
  createEnrollmentRecord,
  createProgramRecord,
  createReferralRecord,
} from '../src/seed/factories';
import { createAnnouncementRecord } from '../src/seed/community-factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

const DAY = 86_400_000;

let t: TestApp;
let e: Ecosystem;
let alpha: Session;
let beta: Session;
let enrollmentId: string;

const homeOf = async (s: Session) => {
  const res = await as(t.app, s).get('/api/v1/me/home');
  expect(res.statusCode).toBe(200);
  return res.json() as PartnerHome;
};

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  e = await buildEcosystem(db);
  alpha = await signIn(t.app, e.aAdmin.email, PASSWORD);
  beta = await signIn(t.app, e.bAdmin.email, PASSWORD);

  await createReferralRecord(db, {
    referrerOrgId: e.partnerB.id,
    recipientOrgId: e.partnerA.id,
    companyName: 'Referred To Alpha Inc',
  });
  const now = Date.now();
  await createDealRecord(db, {
    registeredByOrgId: e.partnerA.id,
    customerName: 'Alpha Protection Ends Soon',
    status: 'approved',
    createdAt: new Date(now - 81 * DAY),
    approvedAt: new Date(now - 80 * DAY),
    protectionDays: 90,
  });
  // Safe for two more months: nothing to act on yet.
  await createDealRecord(db, {
    registeredByOrgId: e.partnerA.id,
    customerName: 'Alpha Safe Deal',
    status: 'approved',
    approvedAt: new Date(now - DAY),
    protectionDays: 90,
  });

  const { agreement } = await createAgreementRecord(db, { type: 'reseller', name: 'Reseller Terms' });
  const { program, tiers } = await createProgramRecord(db, {
    name: 'Alpha Ladder',
    requiredAgreementTypes: [agreement.type],
    tiers: [
      { code: 'registered', name: 'Registered' },
      { code: 'gold', name: 'Gold', requirements: [{ metric: 'won_deals', threshold: 3 }] },
    ],
  });
  const enrollment = await createEnrollmentRecord(db, {
    organizationId: e.partnerA.id,
    programId: program.id,
    tierId: tiers[0]!.id,
  });
  enrollmentId = enrollment.id;

  await createAnnouncementRecord(db, { title: 'Spring pricing update', body: 'New prices from April.' });
});

afterAll(() => t?.close());

describe('GET /me/home', () => {
  it('lists what waits for the partner, each with the id its link opens', async () => {
    const home = await homeOf(alpha);
    expect(home.organization).toEqual({ id: e.partnerA.id, name: e.partnerA.name });
    expect(home.referrals.total).toBe(1);
    expect(home.referrals.items[0]).toMatchObject({
      companyName: 'Referred To Alpha Inc',
      fromName: e.partnerB.name,
    });
    expect(home.expiringDeals.items.map((d) => d.customerName)).toEqual(['Alpha Protection Ends Soon']);
    expect(home.agreements).toEqual([
      expect.objectContaining({ name: 'Reseller Terms', versionNumber: 1, programName: 'Alpha Ladder' }),
    ]);
    expect(home.announcements.total).toBe(1);
    expect(home.announcements.items[0]!.title).toBe('Spring pricing update');
  });

  it('shows the next tier and the progress against its requirements once evaluated', async () => {
    expect((await homeOf(alpha)).nextTiers).toEqual([]);
    const evaluated = await as(t.app, alpha).post(`/api/v1/enrollments/${enrollmentId}/evaluate`, {});
    expect(evaluated.statusCode).toBe(200);
    const [next] = (await homeOf(alpha)).nextTiers;
    expect(next).toMatchObject({ programName: 'Alpha Ladder', currentTier: 'Registered', nextTier: 'Gold' });
    expect(next!.requirements).toEqual([
      expect.objectContaining({ metric: 'won_deals', threshold: 3, value: 0, met: false }),
    ]);
  });

  it("never shows one partner another's work", async () => {
    const home = await homeOf(beta);
    expect(home.organization.id).toBe(e.partnerB.id);
    expect(home.referrals.total).toBe(0);
    expect(home.expiringDeals.total).toBe(0);
    expect(home.agreements).toEqual([]);
    expect(home.nextTiers).toEqual([]);
    // Announcements to every partner reach B too.
    expect(home.announcements.total).toBe(1);
  });

  it('a read marks the announcement off the home', async () => {
    const id = (await homeOf(beta)).announcements.items[0]!.id;
    const read = await as(t.app, beta).post(`/api/v1/announcements/${id}/read`, {});
    expect(read.statusCode).toBeLessThan(300);
    expect((await homeOf(beta)).announcements.total).toBe(0);
  });

  it('is the partner home: vendor staff are refused', async () => {
    const admin = await signIn(t.app, e.admin.email, PASSWORD);
    expect((await as(t.app, admin).get('/api/v1/me/home')).statusCode).toBe(403);
  });
});
