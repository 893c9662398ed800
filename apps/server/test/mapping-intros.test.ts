import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../src/db/platform.tables';
import {
  createDisclosedOverlapRecord,
  createPopulationRecord,
  createRunRecord,
  vendorPartnershipRecord,
} from '../src/modules/mapping/mapping.records';
import { createDealRecord } from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

// "Ask for an intro" as an involvement on the vendor's open deal at an overlapping account: the vendor
// invites the partner (who then sees the deal and accepts or declines), or the partner asks to join a deal
// at an account the vendor disclosed to it as an open opportunity (and sees nothing of it until confirmed).
let t: TestApp;
let e: Ecosystem;
let vendor: Session;
let cm: Session;
let alpha: Session;
let beta: Session;
let partnershipId: string;
const overlapAt = new Map<string, string>();
const deal: Record<string, string> = {};

const vendorApi = () => as(t.app, vendor);
const alphaApi = () => as(t.app, alpha);
const involve = (s: Session, overlap: string, body: object = { role: 'co_sell' }) =>
  as(t.app, s).post(`/api/v1/mapping/partnerships/${partnershipId}/overlaps/${overlap}/involvement`, body);

interface OverlapDto {
  id: string;
  account: { domains: string[] };
  openDeals: { id: string; counterpartOnIt: boolean }[];
  canRequestInvolvement: boolean;
}
async function overlaps(s: Session) {
  const res = await as(t.app, s).get(`/api/v1/mapping/partnerships/${partnershipId}/overlaps`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as OverlapDto[];
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  e = await buildEcosystem(db);
  vendor = await signIn(t.app, e.admin.email, PASSWORD);
  cm = await signIn(t.app, e.cm.email, PASSWORD);
  alpha = await signIn(t.app, e.aUser.email, PASSWORD);
  beta = await signIn(t.app, e.bUser.email, PASSWORD);

  const p = await vendorPartnershipRecord(db, e.vendor.id, e.partnerA.id);
  partnershipId = p.id;
  const open = await createPopulationRecord(db, {
    organizationId: e.vendor.id,
    name: 'Open opportunities',
    kind: 'open_opportunities',
    source: 'upload',
    defaultLevel: 'overlaps',
    accounts: [
      { name: 'Acme', domains: ['acme-i.com'] },
      { name: 'Globex', domains: ['globex-i.de'] },
      { name: 'Nothing open', domains: ['closed-i.com'] },
    ],
  });
  // Disclosed as customers, not as open opportunities: the partner may not learn of a deal there.
  const customers = await createPopulationRecord(db, {
    organizationId: e.vendor.id,
    name: 'Customers',
    kind: 'customers',
    source: 'upload',
    defaultLevel: 'overlaps',
    accounts: [{ name: 'Hooli', domains: ['hooli-i.com'] }],
  });
  const mine = await createPopulationRecord(db, {
    organizationId: e.partnerA.id,
    name: 'Our customers',
    source: 'browser',
    accountCount: 10,
  });
  const run = await createRunRecord(db, {
    partnershipId: p.id,
    initiatorOrgId: e.partnerA.id,
    status: 'finished',
    answered: [],
    finishedAt: new Date(),
  });
  await createDisclosedOverlapRecord(db, {
    runId: run.id,
    initiatorPopulationId: mine.id,
    responderPopulationId: open.id,
    count: 3,
  });
  await createDisclosedOverlapRecord(db, {
    runId: run.id,
    initiatorPopulationId: mine.id,
    responderPopulationId: customers.id,
    count: 1,
  });

  // Beta's deal at Acme (its notes are Beta's and the vendor's), the vendor's own at Globex and at Hooli.
  const make = async (key: string, x: Parameters<typeof createDealRecord>[1]) =>
    (deal[key] = (await createDealRecord(db, x)).id);
  await make('acme', {
    registeredByOrgId: e.partnerB.id,
    customerName: 'Acme',
    customerDomain: 'acme-i.com',
    status: 'approved',
    amount: 120000,
    notes: 'Beta only: the buyer is price-sensitive',
  });
  await make('acmeSecond', {
    registeredByOrgId: e.vendor.id,
    vendorRecorded: true,
    customerName: 'Acme',
    customerDomain: 'acme-i.com',
    status: 'registered',
  });
  await make('globex', {
    registeredByOrgId: e.vendor.id,
    vendorRecorded: true,
    customerName: 'Globex',
    customerDomain: 'globex-i.de',
    status: 'approved',
  });
  await make('hooli', {
    registeredByOrgId: e.vendor.id,
    vendorRecorded: true,
    customerName: 'Hooli',
    customerDomain: 'hooli-i.com',
    status: 'approved',
  });
  await make('closedWon', {
    registeredByOrgId: e.vendor.id,
    vendorRecorded: true,
    customerName: 'Closed',
    customerDomain: 'closed-i.com',
    status: 'won',
  });
  for (const o of await overlaps(vendor)) overlapAt.set(o.account.domains[0]!, o.id);
});
afterAll(() => t?.close());

describe('the overlap view', () => {
  it('shows the vendor its open deals at each account, and a partner only whether it may ask to join one', async () => {
    const v = await overlaps(vendor);
    const at = (d: string) => v.find((o) => o.account.domains.includes(d))!;
    expect(at('acme-i.com').openDeals.map((d) => d.id)).toEqual([deal.acme, deal.acmeSecond]);
    expect(at('closed-i.com').openDeals).toEqual([]);
    expect(at('hooli-i.com').openDeals.map((d) => d.id)).toEqual([deal.hooli]);

    const mine = await overlaps(alpha);
    const seen = (d: string) => mine.find((o) => o.account.domains.includes(d))!;
    expect(mine.every((o) => o.openDeals.length === 0)).toBe(true);
    expect(seen('acme-i.com').canRequestInvolvement).toBe(true);
    expect(seen('globex-i.de').canRequestInvolvement).toBe(true);
    expect(seen('closed-i.com').canRequestInvolvement).toBe(false);
    expect(seen('hooli-i.com').canRequestInvolvement).toBe(false);
  });
});

describe('the vendor asks the partner for an intro', () => {
  it('invites the partner onto its open deal; the partner sees it as an involved partner and accepts', async () => {
    expect((await alphaApi().get(`/api/v1/deals/${deal.acme}`)).statusCode).toBe(404);
    const res = await involve(vendor, overlapAt.get('acme-i.com')!, {
      role: 'co_sell',
      note: 'They run Acme IT',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'proposed',
      role: 'co_sell',
      organization: { id: e.partnerA.id },
      deal: { id: deal.acme, customerName: 'Acme' },
    });

    const seen = await alphaApi().get(`/api/v1/deals/${deal.acme}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toMatchObject({ customer: { name: 'Acme' }, amount: 120000, status: 'approved' });
    expect(seen.body).not.toContain('price-sensitive');
    const mine = (await alphaApi().get(`/api/v1/deals/${deal.acme}/involvements`)).json().items;
    expect(
      mine.find((i: { organization: { id: string } }) => i.organization.id === e.partnerA.id),
    ).toMatchObject({
      status: 'proposed',
      invitation: true,
      proposedBy: { id: e.vendor.id },
      note: null,
    });

    const [event] = await t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.entityId, deal.acme!), eq(outbox.type, 'deal.involvement_proposed')));
    expect(event?.organizationIds).toEqual([e.partnerA.id]);

    // Only the invited partner accepts; the vendor confirms through its own route.
    expect(
      (await vendorApi().post(`/api/v1/deals/${deal.acme}/involvements/${e.partnerA.id}/accept`, {}))
        .statusCode,
    ).toBe(403);
    const accepted = await alphaApi().post(
      `/api/v1/deals/${deal.acme}/involvements/${e.partnerA.id}/accept`,
      {},
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'confirmed', invitation: false });
    const timeline = (await alphaApi().get(`/api/v1/deals/${deal.acme}/timeline`)).json().items;
    expect(timeline.map((i: { summary: string }) => i.summary)).toEqual(
      expect.arrayContaining([expect.stringContaining('accepted the invitation')]),
    );
    const again = await involve(vendor, overlapAt.get('acme-i.com')!, { role: 'co_sell', dealId: deal.acme });
    expect(again.statusCode).toBe(409);
  });

  it('lets the partner decline, after which the deal is hidden from it again', async () => {
    const res = await involve(vendor, overlapAt.get('acme-i.com')!, { role: 'influenced' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().deal.id).toBe(deal.acmeSecond);
    expect((await alphaApi().get(`/api/v1/deals/${deal.acmeSecond}`)).statusCode).toBe(200);
    const declined = await alphaApi().delete(
      `/api/v1/deals/${deal.acmeSecond}/involvements/${e.partnerA.id}`,
    );
    expect(declined.statusCode, declined.body).toBe(204);
    expect((await alphaApi().get(`/api/v1/deals/${deal.acmeSecond}`)).statusCode).toBe(404);
    const audit = (
      await vendorApi().get(`/api/v1/audit-log?entityType=deal&entityId=${deal.acmeSecond}`)
    ).json().items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['deal.involvement_proposed', 'deal.involvement_declined']),
    );
  });

  it('refuses a deal that is not open at that account, and a channel manager outside their partners’ deals', async () => {
    const wrong = await involve(vendor, overlapAt.get('acme-i.com')!, {
      role: 'co_sell',
      dealId: deal.hooli,
    });
    expect(wrong.statusCode).toBe(404);
    const none = await involve(vendor, overlapAt.get('closed-i.com')!);
    expect(none.statusCode).toBe(404);
    // Beta is not the channel manager's partner; Hooli's deal is the vendor's own, which the whole team reviews.
    const notTheirs = await involve(cm, overlapAt.get('acme-i.com')!, { role: 'co_sell', dealId: deal.acme });
    expect(notTheirs.statusCode).toBe(403);
    const byCm = await involve(cm, overlapAt.get('hooli-i.com')!, { role: 'implementation' });
    expect(byCm.statusCode, byCm.body).toBe(201);
  });
});

describe('the partner asks the vendor for an intro', () => {
  it("asks to join the vendor's open deal without learning anything of it; the vendor confirms", async () => {
    const res = await involve(alpha, overlapAt.get('globex-i.de')!, {
      role: 'co_sell',
      note: 'We know their CIO',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      status: 'proposed',
      role: 'co_sell',
      organization: { id: e.partnerA.id, name: e.partnerA.name },
      deal: null,
    });
    expect(res.body).not.toContain(deal.globex);
    expect((await alphaApi().get(`/api/v1/deals/${deal.globex}`)).statusCode).toBe(404);
    const [event] = await t.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.entityId, deal.globex!), eq(outbox.type, 'deal.involvement_proposed')));
    expect(event?.organizationIds).toEqual([]);

    const theirs = (await vendorApi().get(`/api/v1/deals/${deal.globex}/involvements`)).json().items;
    expect(theirs).toEqual([
      expect.objectContaining({
        organization: expect.objectContaining({ id: e.partnerA.id }),
        status: 'proposed',
        invitation: false,
        note: 'We know their CIO',
        proposedBy: expect.objectContaining({ id: e.partnerA.id }),
      }),
    ]);
    const after = (await overlaps(alpha)).find((o) => o.id === overlapAt.get('globex-i.de'))!;
    expect(after.canRequestInvolvement).toBe(false);
    expect((await involve(alpha, overlapAt.get('globex-i.de')!)).statusCode).toBe(404);
    // The partner cannot accept its own request: only the vendor confirms it.
    expect(
      (await alphaApi().post(`/api/v1/deals/${deal.globex}/involvements/${e.partnerA.id}/accept`, {}))
        .statusCode,
    ).toBe(404);

    const confirmed = await vendorApi().post(
      `/api/v1/deals/${deal.globex}/involvements/${e.partnerA.id}/confirm`,
      {},
    );
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await alphaApi().get(`/api/v1/deals/${deal.globex}`)).statusCode).toBe(200);
  });

  it('answers 404 for what the vendor did not disclose as an open opportunity, or to another partner', async () => {
    expect((await involve(alpha, overlapAt.get('hooli-i.com')!)).statusCode).toBe(404);
    expect((await involve(alpha, overlapAt.get('closed-i.com')!)).statusCode).toBe(404);
    expect((await involve(alpha, overlapAt.get('acme-i.com')!, { dealId: deal.acme })).statusCode).toBe(404);
    expect((await involve(alpha, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await involve(beta, overlapAt.get('globex-i.de')!)).statusCode).toBe(404);
    const bad = await involve(alpha, overlapAt.get('acme-i.com')!, { role: 'sourced' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.role');
  });
});
