import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditFacets } from '@partnergraph/shared/contracts/audit';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
let analyst: Session;
let partnerId: string;
let dealId: string;

const read = async (query: string) => {
  const res = await as(t.app, analyst).get(`/api/v1/audit-log?limit=200&${query}`);
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: AuditEntry[] }).items;
};

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  analyst = await signIn(t.app, e.analyst.email, PASSWORD);
  const admin = await signIn(t.app, e.admin.email, PASSWORD);
  const created = await as(t.app, admin).post('/api/v1/partners', {
    name: 'Readable Log Partners',
    country: 'NL',
    types: ['msp'],
  });
  expect(created.statusCode).toBe(201);
  partnerId = created.json().id;
  const aUser = await signIn(t.app, e.aUser.email, PASSWORD);
  const deal = await as(t.app, aUser).post('/api/v1/deals', {
    customerName: 'Initech Holdings',
    customerDomain: 'initech.com',
    country: 'US',
    amount: 2_500_000,
    currency: 'USD',
    products: ['Backup Pro'],
    expectedCloseDate: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
  });
  expect(deal.statusCode).toBe(201);
  dealId = deal.json().id;
});

afterAll(() => t?.close());

describe('the readable audit log', () => {
  it('names the people, organizations and records, and says the action in words', async () => {
    const [made] = await read('action=partner.created');
    expect(made).toMatchObject({
      actionLabel: 'Partner created',
      entityTypeLabel: 'Partner organization',
      entityId: partnerId,
      entityName: 'Readable Log Partners',
      actor: { name: 'Vera Admin', organizationName: e.vendor.name },
    });
    const [registered] = await read(`entityType=deal&entityId=${dealId}`);
    expect(registered).toMatchObject({
      actionLabel: 'Deal registered',
      entityName: 'Initech Holdings',
      actor: { name: 'Adam Alpha', organizationName: e.partnerA.name },
    });
    const [signedIn] = await read('action=auth.login');
    expect(signedIn!.actionLabel).toBe('Signed in');
  });

  it('offers its filters as choices in words, and filters by the one picked', async () => {
    const res = await as(t.app, analyst).get('/api/v1/audit-log/facets');
    expect(res.statusCode).toBe(200);
    const facets = res.json() as AuditFacets;
    expect(facets.actions).toContainEqual({ value: 'deal.registered', label: 'Deal registered' });
    expect(facets.entityTypes).toContainEqual({ value: 'deal', label: 'Deal' });
    expect(facets.people).toContainEqual({
      id: e.aUser.id,
      name: 'Adam Alpha',
      organizationName: e.partnerA.name,
    });
    expect(facets.organizations).toContainEqual({ id: e.partnerA.id, name: e.partnerA.name });

    const byAlpha = await read(`organizationId=${e.partnerA.id}`);
    expect(byAlpha.length).toBeGreaterThan(0);
    expect(
      byAlpha.every((x) => x.actor.organizationId === e.partnerA.id || x.entityId === e.partnerA.id),
    ).toBe(true);
    const byAdam = await read(`actorUserId=${e.aUser.id}`);
    expect(byAdam.map((x) => x.actionLabel)).toContain('Deal registered');
    expect(byAdam.every((x) => x.actor.userId === e.aUser.id)).toBe(true);
    // A malformed organization id finds nothing, like one that does not exist.
    expect(await read('organizationId=not-an-id')).toEqual([]);
  });

  it('is the vendor’s: a partner is refused its choices too', async () => {
    const aAdmin = await signIn(t.app, e.aAdmin.email, PASSWORD);
    expect((await as(t.app, aAdmin).get('/api/v1/audit-log/facets')).statusCode).toBe(403);
  });
});
