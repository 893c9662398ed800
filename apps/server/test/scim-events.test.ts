// What SCIM provisioning tells the rest of the world (webhook events, in the outbox with the change),
// and how it answers someone guessing SCIM tokens (a per-address limit).
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../src/db/platform.tables';
import { insertScimTokenRecord } from '../src/modules/scim/scim.records';
import { auditLog } from '../src/modules/audit/audit.tables';
import { createUser } from '../src/seed/factories';
import { as, signIn, startTestApp, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
let token: string;

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

function scim(
  bearer: string,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  body?: unknown,
  ip = '10.6.0.1',
) {
  return t.app.inject({
    method,
    url: `/scim/v2${url}`,
    remoteAddress: ip,
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(body !== undefined ? { 'content-type': 'application/scim+json' } : {}),
    },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
}

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  token = (await insertScimTokenRecord(t.database.db, { organizationId: e.partnerA.id, name: 'Okta' })).token;
});
afterAll(() => t?.close());

describe('webhook events of SCIM provisioning', () => {
  it('announces a person created, deactivated and reactivated by the IdP, as user.* events', async () => {
    const email = 'wes@alpha.test';
    const created = await scim(token, 'POST', '/Users', {
      schemas: [USER],
      userName: email,
      name: { givenName: 'Wes', familyName: 'Webb' },
      emails: [{ primary: true, value: email }],
      active: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const active = (value: boolean) =>
      scim(token, 'PATCH', `/Users/${id}`, {
        schemas: [PATCH],
        Operations: [{ op: 'replace', value: { active: value } }],
      });
    expect((await active(false)).statusCode).toBe(200);
    expect((await active(true)).statusCode).toBe(200);
    // A PATCH that changes nothing announces nothing.
    expect((await active(true)).statusCode).toBe(200);

    const events = await t.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.entityId, id))
      .orderBy(asc(outbox.createdAt));
    expect(events.map((ev) => ev.type)).toEqual(['user.created', 'user.deactivated', 'user.reactivated']);
    expect(events.every((ev) => ev.organizationIds.includes(e.partnerA.id))).toBe(true);
    expect(events[0]!.payload).toMatchObject({
      id,
      email,
      role: 'partner_user',
      status: 'active',
      source: 'scim',
    });
    expect(events[1]!.payload).toMatchObject({ status: 'deactivated' });
  });
});

describe('wrong SCIM tokens', () => {
  it('are limited per client address; the IdP elsewhere keeps working', async () => {
    const guesser = '10.6.9.9';
    for (let i = 0; i < 30; i++) {
      const res = await scim(`pgscim_guess${i}`, 'GET', '/Users', undefined, guesser);
      expect(res.statusCode).toBe(401);
    }
    const limited = await scim('pgscim_guess-more', 'GET', '/Users', undefined, guesser);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Even a right token from that address waits: the address is what is limited.
    expect((await scim(token, 'GET', '/Users', undefined, guesser)).statusCode).toBe(429);
    // Right tokens are never counted: the real IdP, from its own address, is not slowed.
    for (let i = 0; i < 31; i++) expect((await scim(token, 'GET', '/Users?count=1')).statusCode).toBe(200);
  });
});

describe("the vendor's break-glass admin", () => {
  it('is never demoted by the groups the IdP pushes; other admins are', async () => {
    const vendorToken = (
      await insertScimTokenRecord(t.database.db, { organizationId: e.vendor.id, name: 'Staff Okta' })
    ).token;
    const bg = await createUser(t.database.db, { organizationId: e.vendor.id, role: 'admin' });
    const ann = await createUser(t.database.db, { organizationId: e.vendor.id, role: 'admin' });
    const admin = await signIn(t.app, e.admin.email, PASSWORD);
    const policy = await as(t.app, admin).put('/api/v1/sso/policy', {
      ssoRequired: false,
      breakGlassUserId: bg.id,
    });
    expect(policy.statusCode, policy.body).toBe(200);

    // A group named after a role gives its members that role: here less than administrator.
    const group = await scim(vendorToken, 'POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Analyst',
      members: [{ value: bg.id }, { value: ann.id }],
    });
    expect(group.statusCode, group.body).toBe(201);
    const roleOf = async (id: string) => (await as(t.app, admin).get(`/api/v1/users/${id}`)).json().role;
    expect(await roleOf(bg.id)).toBe('admin');
    expect(await roleOf(ann.id)).toBe('analyst');
    const [kept] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'scim.user_role_kept'), eq(auditLog.entityId, bg.id)));
    expect(kept!.after).toMatchObject({ reason: 'break_glass_admin', mappedRole: 'analyst' });
  });
});
