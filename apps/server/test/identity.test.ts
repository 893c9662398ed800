import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { invitations, passwordResets } from '../src/modules/identity/identity.tables';
import { organizations } from '../src/modules/organizations/organizations.tables';
import {
  createApiTokenRecord,
  createInvitationRecord,
  createPartnerOrganization,
  createUser,
} from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
let admin: Session, cm: Session, aAdmin: Session;

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  cm = await signIn(t.app, e.cm.email, PASSWORD);
  aAdmin = await signIn(t.app, e.aAdmin.email, PASSWORD);
});
afterAll(() => t?.close());

/** The token in the last email sent to an address, as a person would copy it from the link. */
function linkTokenFor(email: string, path: 'invitations' | 'reset-password') {
  const mail = [...t.mailer.sent].reverse().find((m) => m.to === email);
  expect(mail, `an email to ${email}`).toBeDefined();
  expect(mail!.html).toContain('<a href=');
  const match = mail!.text.match(new RegExp(`/${path}/([\\w-]+)`));
  return match![1]!;
}
const accept = (token: string, body = { name: 'Nina New', password: 'a-long-password-1' }) =>
  t.app.inject({ method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: body });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
  `pg_session=${res.cookies.find((c) => c.name === 'pg_session')!.value}`;

describe('invitations', () => {
  it('the vendor invites a partner admin, who accepts from the email and is signed in', async () => {
    const res = await as(t.app, admin).post('/api/v1/invitations', {
      email: 'Nina@Beta.test',
      role: 'partner_admin',
      organizationId: e.partnerB.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      email: 'nina@beta.test',
      status: 'pending',
      organizationName: e.partnerB.name,
      invitedBy: { id: e.admin.id },
    });
    const token = linkTokenFor('nina@beta.test', 'invitations');
    const preview = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}/accept` });
    expect(preview.json()).toMatchObject({
      email: 'nina@beta.test',
      role: 'partner_admin',
      organizationName: e.partnerB.name,
    });
    const accepted = await accept(token);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user).toMatchObject({
      email: 'nina@beta.test',
      role: 'partner_admin',
      organizationId: e.partnerB.id,
      name: 'Nina New',
    });
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: cookieOf(accepted) },
    });
    expect(me.json().organization.id).toBe(e.partnerB.id);
    // Single use.
    const again = await accept(token);
    expect(again.statusCode).toBe(422);
    expect(again.json().detail).toMatch(/already accepted/);
    const list = (
      await as(t.app, admin).get(`/api/v1/invitations?organizationId=${e.partnerB.id}&status=accepted`)
    ).json();
    expect(list.items.map((i: { email: string }) => i.email)).toContain('nina@beta.test');
  });

  it('refuses forged, expired and revoked links with a clear answer and changes nothing', async () => {
    expect((await accept('forged-token')).statusCode).toBe(404);
    const expired = await createInvitationRecord(t.database.db, {
      organizationId: e.partnerA.id,
      expiresAt: new Date(Date.now() - 1000),
    });
    const res = await accept(expired.token);
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/expired/);
    const open = await createInvitationRecord(t.database.db, { organizationId: e.partnerA.id });
    expect(
      (
        await as(t.app, aAdmin).post(`/api/v1/invitations/${open.invitation.id}/revoke`, { version: 1 })
      ).json().status,
    ).toBe('revoked');
    expect((await accept(open.token)).json().detail).toMatch(/withdrawn/);
    const [row] = await t.database.db
      .select()
      .from(invitations)
      .where(eq(invitations.id, expired.invitation.id));
    expect(row!.acceptedAt).toBeNull();
  });

  it('resending issues a new link and kills the old one', async () => {
    const inv = await createInvitationRecord(t.database.db, {
      organizationId: e.partnerA.id,
      email: 'resend@alpha.test',
    });
    const res = await as(t.app, aAdmin).post(`/api/v1/invitations/${inv.invitation.id}/resend`, {
      version: 1,
    });
    expect(res.json()).toMatchObject({ sendCount: 2, version: 2 });
    expect((await accept(inv.token)).statusCode).toBe(404);
    expect((await accept(linkTokenFor('resend@alpha.test', 'invitations'))).statusCode).toBe(200);
    const stale = await as(t.app, aAdmin).post(`/api/v1/invitations/${inv.invitation.id}/resend`, {
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('answers 409 for an address that already has an account or an open invitation', async () => {
    const taken = await as(t.app, admin).post('/api/v1/invitations', {
      email: e.bUser.email,
      role: 'partner_user',
      organizationId: e.partnerB.id,
    });
    expect(taken.statusCode).toBe(409);
    await as(t.app, aAdmin).post('/api/v1/invitations', { email: 'twice@alpha.test', role: 'partner_user' });
    const twice = await as(t.app, aAdmin).post('/api/v1/invitations', {
      email: 'twice@alpha.test',
      role: 'partner_user',
    });
    expect(twice.statusCode).toBe(409);
  });

  it('holds partner admins to their own organization and partner roles, and channel managers to their partners', async () => {
    const own = await as(t.app, aAdmin).post('/api/v1/invitations', {
      email: 'mate@alpha.test',
      role: 'partner_user',
    });
    expect(own.statusCode).toBe(201);
    expect(own.json().organizationId).toBe(e.partnerA.id);
    const other = await as(t.app, aAdmin).post('/api/v1/invitations', {
      email: 'x@beta.test',
      role: 'partner_user',
      organizationId: e.partnerB.id,
    });
    expect(other.statusCode).toBe(403);
    const vendorRole = await as(t.app, aAdmin).post('/api/v1/invitations', {
      email: 'y@alpha.test',
      role: 'admin',
    });
    expect(vendorRole.statusCode).toBe(403);
    expect(
      (
        await as(t.app, cm).post('/api/v1/invitations', {
          email: 'z@alpha.test',
          role: 'partner_user',
          organizationId: e.partnerA.id,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await as(t.app, cm).post('/api/v1/invitations', {
          email: 'z@beta.test',
          role: 'partner_user',
          organizationId: e.partnerB.id,
        })
      ).statusCode,
    ).toBe(403);
    const mismatch = await as(t.app, admin).post('/api/v1/invitations', {
      email: 'w@beta.test',
      role: 'analyst',
      organizationId: e.partnerB.id,
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().errors[0].path).toBe('body.role');
  });

  it('answers a malformed organization id with 400, and tells a partner admin nothing of other organizations', async () => {
    const bad = await as(t.app, admin).post('/api/v1/invitations', {
      email: 'q@x.test',
      role: 'partner_user',
      organizationId: 'abc',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.organizationId');
    await createInvitationRecord(t.database.db, {
      organizationId: e.partnerB.id,
      email: 'shared@person.test',
    });
    const clash = await as(t.app, aAdmin).post('/api/v1/invitations', {
      email: 'shared@person.test',
      role: 'partner_user',
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).not.toHaveProperty('invitationId');
  });

  it('lets only one of two simultaneous accepts of one link win', async () => {
    const inv = await createInvitationRecord(t.database.db, { organizationId: e.partnerA.id });
    const results = await Promise.all([accept(inv.token), accept(inv.token)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 422]);
  });
});

describe('password reset', () => {
  it('answers the same whether or not the address exists, and mails only a real user', async () => {
    const before = t.mailer.sent.length;
    const known = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: e.bUser.email },
      remoteAddress: '203.0.113.1',
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: 'ghost@nowhere.test' },
      remoteAddress: '203.0.113.1',
    });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(t.mailer.sent.length).toBe(before + 1);
    expect(t.mailer.sent.at(-1)!.to).toBe(e.bUser.email);
  });

  it('sets a new password with the emailed token once, and ends every session', async () => {
    const user = await createUser(t.database.db, {
      organizationId: e.partnerB.id,
      role: 'partner_user',
      email: 'forgetful@beta.test',
    });
    const session = await signIn(t.app, user.email, PASSWORD);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: user.email },
      remoteAddress: '203.0.113.2',
    });
    const token = linkTokenFor(user.email, 'reset-password');
    const confirm = (newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset/confirm',
        payload: { token, newPassword },
        remoteAddress: '203.0.113.2',
      });
    expect((await confirm('remembered-at-last')).statusCode).toBe(204);
    expect((await as(t.app, session).get('/api/v1/me')).statusCode).toBe(401);
    expect((await signIn(t.app, user.email, 'remembered-at-last')).csrfToken).toBeTruthy();
    const reuse = await confirm('another-password-2');
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().errors[0].path).toBe('body.token');
  });

  it('revokes the API tokens on a reset (account recovery)', async () => {
    const user = await createUser(t.database.db, { organizationId: e.partnerB.id, role: 'partner_user' });
    const { token: apiToken } = await createApiTokenRecord(t.database.db, { userId: user.id, scope: 'read' });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: user.email },
      remoteAddress: '203.0.113.4',
    });
    const token = linkTokenFor(user.email, 'reset-password');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, newPassword: 'recovered-password-1' },
      remoteAddress: '203.0.113.4',
    });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${apiToken}` },
    });
    expect(res.statusCode).toBe(401);
  });

  it('refuses an expired token', async () => {
    const user = await createUser(t.database.db, { organizationId: e.partnerB.id, role: 'partner_user' });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: user.email },
      remoteAddress: '203.0.113.3',
    });
    const token = linkTokenFor(user.email, 'reset-password');
    await t.database.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(passwordResets.userId, user.id));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset/confirm',
      payload: { token, newPassword: 'too-late-password' },
      remoteAddress: '203.0.113.3',
    });
    expect(res.statusCode).toBe(400);
    expect((await signIn(t.app, user.email, PASSWORD)).csrfToken).toBeTruthy();
  });

  it('is rate limited per address', async () => {
    const ask = (ip: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset',
        payload: { email: 'spam@target.test' },
        remoteAddress: ip,
      });
    for (let i = 0; i < 5; i++) expect((await ask(`203.0.113.${50 + i}`)).statusCode).toBe(202);
    const limited = await ask('203.0.113.99');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('team management', () => {
  it('a partner admin changes a teammate’s role within partner roles only', async () => {
    const mate = await createUser(t.database.db, { organizationId: e.partnerA.id, role: 'partner_user' });
    const promoted = await as(t.app, aAdmin).patch(`/api/v1/users/${mate.id}`, {
      version: 1,
      role: 'partner_admin',
    });
    expect(promoted.json()).toMatchObject({ role: 'partner_admin', version: 2 });
    expect(
      (await as(t.app, aAdmin).patch(`/api/v1/users/${mate.id}`, { version: 2, role: 'admin' })).statusCode,
    ).toBe(403);
    expect(
      (await as(t.app, aAdmin).patch(`/api/v1/users/${e.bUser.id}`, { version: 1, name: 'Hacked' }))
        .statusCode,
    ).toBe(404);
  });

  it('keeps the last admin of an organization', async () => {
    const org = await createPartnerOrganization(t.database.db, { name: 'Solo Admin Co' });
    const only = await createUser(t.database.db, { organizationId: org.id, role: 'partner_admin' });
    const demote = await as(t.app, admin).patch(`/api/v1/users/${only.id}`, {
      version: 1,
      role: 'partner_user',
    });
    expect(demote.statusCode).toBe(422);
    expect(demote.json().detail).toMatch(/last administrator/);
    expect(
      (await as(t.app, admin).post(`/api/v1/users/${only.id}/deactivate`, { version: 1 })).statusCode,
    ).toBe(422);
  });

  it('never lets two simultaneous demotions leave an organization without an admin', async () => {
    const org = await createPartnerOrganization(t.database.db, { name: 'Two Admins Co' });
    const a1 = await createUser(t.database.db, { organizationId: org.id, role: 'partner_admin' });
    const a2 = await createUser(t.database.db, { organizationId: org.id, role: 'partner_admin' });
    const [r1, r2] = await Promise.all([
      as(t.app, admin).patch(`/api/v1/users/${a1.id}`, { version: 1, role: 'partner_user' }),
      as(t.app, admin).post(`/api/v1/users/${a2.id}/deactivate`, { version: 1 }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 422]);
  });

  it('deactivating ends the session and API tokens at once; records stay and pass to a teammate', async () => {
    const leaving = await createUser(t.database.db, {
      organizationId: e.vendor.id,
      role: 'channel_manager',
      email: 'leaving@vendor.test',
    });
    const heir = await createUser(t.database.db, {
      organizationId: e.vendor.id,
      role: 'channel_manager',
      email: 'heir@vendor.test',
    });
    const managed = await createPartnerOrganization(t.database.db, {
      name: 'Handed Over',
      channelManagerId: leaving.id,
    });
    const session = await signIn(t.app, leaving.email, PASSWORD);
    const { token } = await createApiTokenRecord(t.database.db, { userId: leaving.id, scope: 'read' });
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(200);
    const res = await as(t.app, admin).post(`/api/v1/users/${leaving.id}/deactivate`, {
      version: 1,
      reassignTo: heir.id,
    });
    expect(res.json().status).toBe('deactivated');
    expect((await as(t.app, session).get('/api/v1/me')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(401);
    const [org] = await t.database.db.select().from(organizations).where(eq(organizations.id, managed.id));
    expect(org!.channelManagerId).toBe(heir.id);
    expect((await as(t.app, admin).get(`/api/v1/users/${leaving.id}`)).json().status).toBe('deactivated');
    expect(
      (await as(t.app, admin).post(`/api/v1/users/${leaving.id}/reactivate`, { version: 2 })).json().status,
    ).toBe('active');
  });
});

describe('sessions and API tokens', () => {
  it('lists my sessions with the current one marked, and ends another at once', async () => {
    const user = await createUser(t.database.db, { organizationId: e.partnerA.id, role: 'partner_user' });
    const laptop = await signIn(t.app, user.email, PASSWORD);
    const phone = await signIn(t.app, user.email, PASSWORD);
    const list = (await as(t.app, laptop).get('/api/v1/me/sessions')).json().items;
    expect(list).toHaveLength(2);
    const other = list.find((s: { current: boolean }) => !s.current);
    expect((await as(t.app, laptop).delete(`/api/v1/me/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await as(t.app, phone).get('/api/v1/me')).statusCode).toBe(401);
    expect((await as(t.app, laptop).get('/api/v1/me')).statusCode).toBe(200);
  });

  it('shows the secret once; a read token reads its own organization with curl-style bearer auth and cannot write', async () => {
    const created = await as(t.app, aAdmin).post('/api/v1/tokens', {
      name: 'reporting',
      scope: 'read',
      expiresInDays: 30,
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^pgt_/);
    const listed = (await as(t.app, aAdmin).get('/api/v1/tokens'))
      .json()
      .items.find((x: { id: string }) => x.id === id);
    expect(listed).not.toHaveProperty('token');
    expect(listed.prefix).toBe(token.slice(0, 10));
    const bearer = { authorization: `Bearer ${token}` };
    const partners = await t.app.inject({ method: 'GET', url: '/api/v1/partners', headers: bearer });
    expect(partners.json().items.map((p: { id: string }) => p.id)).toEqual([e.partnerA.id]);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/partners/${e.partnerB.id}`, headers: bearer }))
        .statusCode,
    ).toBe(404);
    const write = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/partners/${e.partnerA.id}`,
      headers: bearer,
      payload: { version: 1, description: 'x' },
    });
    expect(write.statusCode).toBe(403);
    expect(
      (await as(t.app, aAdmin).get('/api/v1/tokens')).json().items.find((x: { id: string }) => x.id === id)
        .lastUsedAt,
    ).not.toBeNull();
    expect((await as(t.app, aAdmin).delete(`/api/v1/tokens/${id}`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/partners', headers: bearer })).statusCode).toBe(
      401,
    );
  });

  it('a read_write token writes without CSRF but cannot mint tokens; an expired one is refused', async () => {
    const { token } = await createApiTokenRecord(t.database.db, { userId: e.aAdmin.id, scope: 'read_write' });
    const bearer = { authorization: `Bearer ${token}` };
    const current = (await as(t.app, aAdmin).get(`/api/v1/partners/${e.partnerA.id}`)).json();
    const write = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/partners/${e.partnerA.id}`,
      headers: bearer,
      payload: { version: current.version, description: 'via token' },
    });
    expect(write.statusCode).toBe(200);
    const mint = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: bearer,
      payload: { name: 'x', scope: 'read' },
    });
    expect(mint.statusCode).toBe(403);
    const old = await createApiTokenRecord(t.database.db, {
      userId: e.aAdmin.id,
      expiresAt: new Date(Date.now() - 1000),
    });
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: `Bearer ${old.token}` },
        })
      ).statusCode,
    ).toBe(401);
  });
});
