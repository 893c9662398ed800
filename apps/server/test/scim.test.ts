// SCIM 2.0 over HTTP with the request shapes Okta and Microsoft Entra ID document (their SCIM
// validators' checks: discovery, create, filter by userName, paging, PATCH as each sends it,
// deactivation, groups, errors), and what a person notices: a deactivated person is signed out
// and their API tokens stop at once, a group membership changes their role, another
// organization's people are invisible.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.tables';
import { insertScimTokenRecord } from '../src/modules/scim/scim.records';
import { createApiTokenRecord } from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
let aToken: string;
let bToken: string;
let aAdmin: Session;

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

function scim(
  token: string | null,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
) {
  return t.app.inject({
    method,
    url: `/scim/v2${url}`,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      accept: 'application/scim+json',
      ...(body !== undefined ? { 'content-type': 'application/scim+json; charset=utf-8' } : {}),
    },
    ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
  });
}

const q = (filter: string) => `filter=${encodeURIComponent(filter)}`;

/** Okta's documented create-user body. */
const oktaUser = (email: string, extra: Record<string, unknown> = {}) => ({
  schemas: [USER],
  userName: email,
  name: { givenName: 'Olive', familyName: 'Okta' },
  emails: [{ primary: true, value: email, type: 'work' }],
  displayName: 'Olive Okta',
  locale: 'en-US',
  externalId: `00u${Math.random().toString(36).slice(2, 10)}`,
  groups: [],
  password: 'never-stored-1A!',
  active: true,
  ...extra,
});

/** Microsoft Entra ID's documented create-user body. */
const entraUser = (upn: string) => ({
  schemas: [USER, ENTERPRISE],
  externalId: upn.split('@')[0],
  userName: upn,
  active: true,
  emails: [{ primary: true, type: 'work', value: upn }],
  meta: { resourceType: 'User' },
  name: { formatted: 'Eddie Entra', familyName: 'Entra', givenName: 'Eddie' },
  roles: [],
  [ENTERPRISE]: { department: 'Sales' },
});

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  aToken = (await insertScimTokenRecord(t.database.db, { organizationId: e.partnerA.id, name: 'Okta' }))
    .token;
  bToken = (await insertScimTokenRecord(t.database.db, { organizationId: e.partnerB.id, name: 'Entra' }))
    .token;
  aAdmin = await signIn(t.app, e.aAdmin.email, PASSWORD);
});
afterAll(() => t?.close());

describe('SCIM tokens', () => {
  it('are created by the organization admin, shown once, last use recorded, and stop at once when revoked', async () => {
    const created = await as(t.app, aAdmin).post('/api/v1/scim/tokens', { name: 'Okta production' });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^pgscim_/);
    const listed = (await as(t.app, aAdmin).get('/api/v1/scim/tokens')).json();
    expect(listed.baseUrl).toMatch(/\/scim\/v2$/);
    const mine = listed.items.find((i: { id: string }) => i.id === id);
    expect(mine).toMatchObject({ name: 'Okta production', lastUsedAt: null, createdBy: 'Alice Alpha' });
    expect(JSON.stringify(listed)).not.toContain(token);

    expect((await scim(token, 'GET', '/ServiceProviderConfig')).statusCode).toBe(200);
    const used = (await as(t.app, aAdmin).get('/api/v1/scim/tokens')).json();
    expect(used.items.find((i: { id: string }) => i.id === id).lastUsedAt).not.toBeNull();

    // A partner user may not manage them; another organization's admin cannot revoke them.
    const aUser = await signIn(t.app, e.aUser.email, PASSWORD);
    expect((await as(t.app, aUser).post('/api/v1/scim/tokens', { name: 'x' })).statusCode).toBe(403);
    const bAdmin = await signIn(t.app, e.bAdmin.email, PASSWORD);
    expect((await as(t.app, bAdmin).delete(`/api/v1/scim/tokens/${id}`)).statusCode).toBe(404);

    expect((await as(t.app, aAdmin).delete(`/api/v1/scim/tokens/${id}`)).statusCode).toBe(204);
    const refused = await scim(token, 'GET', '/Users');
    expect(refused.statusCode).toBe(401);
    expect(refused.headers['content-type']).toContain('application/scim+json');
    expect(refused.json()).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '401',
    });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'scim.token_revoked')));
    expect(audit).toHaveLength(1);
  });

  it('are not accepted by the rest of the API, and sessions or API tokens do not open SCIM', async () => {
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: `Bearer ${aToken}` },
        })
      ).statusCode,
    ).toBe(401);
    const res = await t.app.inject({
      method: 'GET',
      url: '/scim/v2/Users',
      headers: { cookie: aAdmin.cookie },
    });
    expect(res.statusCode).toBe(401);
    const api = await createApiTokenRecord(t.database.db, { userId: e.aAdmin.id });
    expect((await scim(api.token, 'GET', '/Users')).statusCode).toBe(401);
    expect((await scim(null, 'GET', '/Users')).statusCode).toBe(401);
  });
});

describe('discovery', () => {
  it('answers ServiceProviderConfig, ResourceTypes and Schemas', async () => {
    const spc = (await scim(aToken, 'GET', '/ServiceProviderConfig')).json();
    expect(spc).toMatchObject({
      patch: { supported: true },
      filter: { supported: true, maxResults: 200 },
      bulk: { supported: false },
    });
    const types = (await scim(aToken, 'GET', '/ResourceTypes')).json();
    expect(types.Resources.map((r: { id: string }) => r.id)).toEqual(['User', 'Group']);
    const schemas = (await scim(aToken, 'GET', '/Schemas')).json();
    expect(schemas.Resources.map((r: { id: string }) => r.id)).toEqual([USER, ENTERPRISE, GROUP]);
    const userName = schemas.Resources[0].attributes.find((a: { name: string }) => a.name === 'userName');
    expect(userName).toMatchObject({ required: true, uniqueness: 'server' });
  });
});

describe('Users as Okta sends them', () => {
  it('finds no one, creates the person, finds them by userName, and deactivates them with a value object', async () => {
    const email = `olive-${Date.now()}@alpha.test`;
    const none = await scim(aToken, 'GET', `/Users?${q(`userName eq "${email}"`)}&startIndex=1&count=100`);
    expect(none.statusCode).toBe(200);
    expect(none.headers['content-type']).toContain('application/scim+json');
    expect(none.json()).toMatchObject({ totalResults: 0, Resources: [], startIndex: 1 });

    const created = await scim(aToken, 'POST', '/Users', oktaUser(email));
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({
      userName: email,
      active: true,
      displayName: 'Olive Okta',
      name: { givenName: 'Olive' },
    });
    expect(user.password).toBeUndefined();
    expect(created.headers.location).toBe(user.meta.location);

    // Case does not matter for userName (Okta lower-cases some addresses).
    const found = (await scim(aToken, 'GET', `/Users?${q(`userName eq "${email.toUpperCase()}"`)}`)).json();
    expect(found.totalResults).toBe(1);
    expect(found.Resources[0].id).toBe(user.id);

    // The person is in the organization's team, as a partner user, with no password.
    const team = (
      await as(t.app, aAdmin).get(`/api/v1/users?organizationId=${e.partnerA.id}&limit=200`)
    ).json();
    expect(team.items.find((u: { id: string }) => u.id === user.id)).toMatchObject({
      role: 'partner_user',
      status: 'active',
      name: 'Olive Okta',
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: 'never-stored-1A!' },
    });
    expect(login.statusCode).toBe(401);

    // The same userName again is a conflict.
    const again = await scim(aToken, 'POST', '/Users', oktaUser(email));
    expect(again.statusCode).toBe(409);
    expect(again.json().scimType).toBe('uniqueness');

    const off = await scim(aToken, 'PATCH', `/Users/${user.id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    // Okta's PUT with the whole profile reactivates and renames.
    const put = await scim(aToken, 'PUT', `/Users/${user.id}`, {
      ...oktaUser(email),
      id: user.id,
      displayName: 'Olive O.',
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ id: user.id, active: true, displayName: 'Olive O.' });

    const audit = (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, user.id))).filter(
      (a) => a.action.startsWith('scim.'),
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['scim.user_provisioned', 'scim.user_deactivated', 'scim.user_reactivated']),
    );
    // Audited as the SCIM token's doing, in the organization: no person acted.
    expect(audit.every((a) => a.actorUserId === null && a.actorOrgId === e.partnerA.id)).toBe(true);
    expect(audit[0]!.after).toMatchObject({ via: 'scim', scimTokenName: 'Okta' });
  });

  it('pages with startIndex and count', async () => {
    const tag = `page${Date.now()}`;
    for (let i = 0; i < 5; i++) await scim(aToken, 'POST', '/Users', oktaUser(`${tag}-${i}@alpha.test`));
    const filter = q(`userName sw "${tag}"`);
    const first = (await scim(aToken, 'GET', `/Users?${filter}&startIndex=1&count=2`)).json();
    expect(first).toMatchObject({ totalResults: 5, itemsPerPage: 2, startIndex: 1 });
    const third = (await scim(aToken, 'GET', `/Users?${filter}&startIndex=5&count=2`)).json();
    expect(third).toMatchObject({ totalResults: 5, itemsPerPage: 1, startIndex: 5 });
    const all = (await scim(aToken, 'GET', `/Users?${filter}&startIndex=1&count=10`)).json();
    expect(all.Resources.map((r: { userName: string }) => r.userName)).toEqual(
      [0, 1, 2, 3, 4].map((i) => `${tag}-${i}@alpha.test`),
    );
    expect((await scim(aToken, 'GET', `/Users?${filter}&count=0`)).json()).toMatchObject({
      totalResults: 5,
      Resources: [],
    });
    const both = (
      await scim(aToken, 'GET', `/Users?${q(`userName co "${tag}-1" or userName ew "${tag}-3@alpha.test"`)}`)
    ).json();
    expect(both.totalResults).toBe(2);
    const present = (
      await scim(aToken, 'GET', `/Users?${q(`userName sw "${tag}" and externalId pr and active eq true`)}`)
    ).json();
    expect(present.totalResults).toBe(5);
  });
});

describe('Users as Microsoft Entra ID sends them', () => {
  it('creates, filters by externalId, and applies capitalised Replace ops with value-filtered paths and "False"', async () => {
    const upn = `eddie-${Date.now()}@beta.test`;
    const created = await scim(bToken, 'POST', '/Users', entraUser(upn));
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(created.json()[ENTERPRISE]).toEqual({ department: 'Sales' });
    const byExternal = (
      await scim(bToken, 'GET', `/Users?${q(`externalId eq "${upn.split('@')[0]}"`)}`)
    ).json();
    expect(byExternal.Resources.map((r: { id: string }) => r.id)).toEqual([id]);

    const newMail = `edward-${Date.now()}@beta.test`;
    const patched = await scim(bToken, 'PATCH', `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [
        { op: 'Replace', path: 'emails[type eq "work"].value', value: newMail },
        { op: 'Replace', path: 'userName', value: newMail },
        { op: 'Replace', path: 'name.givenName', value: 'Edward' },
        { op: 'Add', path: 'displayName', value: 'Edward Entra' },
        { op: 'Add', path: `${ENTERPRISE}:department`, value: 'Partnerships' },
        { op: 'Add', path: 'phoneNumbers[type eq "mobile"].value', value: '+33 6 00 00 00 00' },
      ],
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      userName: newMail,
      displayName: 'Edward Entra',
      name: { givenName: 'Edward', familyName: 'Entra' },
      emails: [{ type: 'work', value: newMail, primary: true }],
      phoneNumbers: [{ type: 'mobile', value: '+33 6 00 00 00 00' }],
      [ENTERPRISE]: { department: 'Partnerships' },
    });
    const byName = (await scim(bToken, 'GET', `/Users?${q('name.givenName eq "edward"')}`)).json();
    expect(byName.Resources.map((r: { id: string }) => r.id)).toContain(id);

    const off = await scim(bToken, 'PATCH', `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    const inactive = (
      await scim(bToken, 'GET', `/Users?${q(`userName eq "${newMail}" and active eq false`)}`)
    ).json();
    expect(inactive.totalResults).toBe(1);
  });

  it('deletes: the person is deactivated and no longer exists for the provider', async () => {
    const upn = `gone-${Date.now()}@beta.test`;
    const id = (await scim(bToken, 'POST', '/Users', entraUser(upn))).json().id;
    expect((await scim(bToken, 'DELETE', `/Users/${id}`)).statusCode).toBe(204);
    expect((await scim(bToken, 'GET', `/Users/${id}`)).statusCode).toBe(404);
    expect((await scim(bToken, 'GET', `/Users?${q(`userName eq "${upn}"`)}`)).json().totalResults).toBe(0);
    // Provisioned again, the same person comes back active.
    const back = await scim(bToken, 'POST', '/Users', entraUser(upn));
    expect(back.statusCode).toBe(201);
    expect(back.json()).toMatchObject({ id, active: true });
  });
});

describe('deactivation', () => {
  it('ends the sessions and API tokens of that person at once', async () => {
    const session = await signIn(t.app, e.aUser.email, PASSWORD);
    const api = await createApiTokenRecord(t.database.db, { userId: e.aUser.id });
    expect((await as(t.app, session).get('/api/v1/me')).statusCode).toBe(200);
    const bearer = { authorization: `Bearer ${api.token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(200);

    // The person predates SCIM: the provider finds them by userName and deactivates them.
    const found = (await scim(aToken, 'GET', `/Users?${q(`userName eq "${e.aUser.email}"`)}`)).json();
    expect(found.totalResults).toBe(1);
    const byEmail = (await scim(aToken, 'GET', `/Users?${q(`emails[value eq "${e.aUser.email}"]`)}`)).json();
    expect(byEmail.Resources.map((u: { id: string }) => u.id)).toEqual([e.aUser.id]);
    const res = await scim(aToken, 'PATCH', `/Users/${found.Resources[0].id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(res.statusCode).toBe(200);
    // Their name stays theirs: the provider sent none.
    expect(res.json()).toMatchObject({ active: false, displayName: 'Adam Alpha' });

    expect((await as(t.app, session).get('/api/v1/me')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: e.aUser.email, password: PASSWORD },
        })
      ).statusCode,
    ).toBe(401);

    // Reactivated, they sign in again, but the old token stays revoked.
    await scim(aToken, 'PATCH', `/Users/${found.Resources[0].id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', path: 'active', value: true }],
    });
    expect((await signIn(t.app, e.aUser.email, PASSWORD)).cookie).toBeTruthy();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(401);
  });

  it("never deactivates the organization's last administrator", async () => {
    const found = (await scim(bToken, 'GET', `/Users?${q(`userName eq "${e.bAdmin.email}"`)}`)).json();
    const res = await scim(bToken, 'PATCH', `/Users/${found.Resources[0].id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    });
    expect(res.statusCode).toBe(409);
    expect((await signIn(t.app, e.bAdmin.email, PASSWORD)).cookie).toBeTruthy();
  });
});

describe('Groups → roles', () => {
  it('gives members the role their group maps to, and takes it back when they leave', async () => {
    const person = (await scim(aToken, 'POST', '/Users', oktaUser(`grp-${Date.now()}@alpha.test`))).json();
    const other = (await scim(aToken, 'POST', '/Users', oktaUser(`grp2-${Date.now()}@alpha.test`))).json();
    const roleOf = async (id: string) =>
      (await as(t.app, aAdmin).get(`/api/v1/users/${id}`)).json().role as string;

    // Okta: create the pushed group, then add members with PATCH.
    const group = await scim(aToken, 'POST', '/Groups', {
      schemas: [GROUP],
      displayName: 'Partner Admin',
      members: [],
    });
    expect(group.statusCode).toBe(201);
    const gid = group.json().id;
    const added = await scim(aToken, 'PATCH', `/Groups/${gid}`, {
      schemas: [PATCH],
      Operations: [{ op: 'add', path: 'members', value: [{ value: person.id, display: person.userName }] }],
    });
    expect(added.statusCode).toBe(200);
    expect(added.json().members.map((m: { value: string }) => m.value)).toEqual([person.id]);
    expect(await roleOf(person.id)).toBe('partner_admin');
    expect((await scim(aToken, 'GET', `/Users/${person.id}`)).json().groups).toEqual([
      expect.objectContaining({ value: gid, display: 'Partner Admin' }),
    ]);

    // Okta removes with a value filter; Entra with a value list.
    await scim(aToken, 'PATCH', `/Groups/${gid}`, {
      schemas: [PATCH],
      Operations: [{ op: 'remove', path: `members[value eq "${person.id}"]` }],
    });
    expect(await roleOf(person.id)).toBe('partner_user');
    await scim(aToken, 'PATCH', `/Groups/${gid}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Add', path: 'members', value: [{ value: person.id }, { value: other.id }] }],
    });
    expect(await roleOf(other.id)).toBe('partner_admin');
    await scim(aToken, 'PATCH', `/Groups/${gid}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Remove', path: 'members', value: [{ value: other.id }] }],
    });
    expect(await roleOf(other.id)).toBe('partner_user');
    expect(await roleOf(person.id)).toBe('partner_admin');

    // Entra's lookups: by displayName, without members.
    const byName = (
      await scim(aToken, 'GET', `/Groups?${q('displayName eq "partner admin"')}&excludedAttributes=members`)
    ).json();
    expect(byName.totalResults).toBe(1);
    expect(byName.Resources[0].members).toBeUndefined();
    const withMember = (await scim(aToken, 'GET', `/Groups?${q(`members.value eq "${person.id}"`)}`)).json();
    expect(withMember.Resources.map((g: { id: string }) => g.id)).toEqual([gid]);

    // Deleting the group takes its role away.
    expect((await scim(aToken, 'DELETE', `/Groups/${gid}`)).statusCode).toBe(204);
    expect(await roleOf(person.id)).toBe('partner_user');
  });

  it("follows the admin's mapping of a group name to a role, and a new mapping applies at once", async () => {
    const person = (await scim(aToken, 'POST', '/Users', oktaUser(`map-${Date.now()}@alpha.test`))).json();
    const group = (
      await scim(aToken, 'POST', '/Groups', {
        schemas: [GROUP],
        displayName: 'Sales Leads',
        members: [{ value: person.id }],
      })
    ).json();
    expect(group.members).toHaveLength(1);
    const roleOf = async () => (await as(t.app, aAdmin).get(`/api/v1/users/${person.id}`)).json().role;
    expect(await roleOf()).toBe('partner_user');

    const mapped = await as(t.app, aAdmin).put('/api/v1/scim/role-mappings', {
      mappings: [{ group: 'sales leads', role: 'partner_admin' }],
    });
    expect(mapped.statusCode).toBe(200);
    expect(mapped.json().groups.find((g: { id: string }) => g.id === group.id)).toMatchObject({
      role: 'partner_admin',
      members: 1,
    });
    expect(await roleOf()).toBe('partner_admin');

    const vendorRole = await as(t.app, aAdmin).put('/api/v1/scim/role-mappings', {
      mappings: [{ group: 'Sales Leads', role: 'admin' }],
    });
    expect(vendorRole.statusCode).toBe(400);
    expect(vendorRole.json().errors[0].path).toBe('body.mappings.0.role');

    await as(t.app, aAdmin).put('/api/v1/scim/role-mappings', { mappings: [] });
    expect(await roleOf()).toBe('partner_user');
  });

  it('refuses members from another organization as unknown', async () => {
    const res = await scim(aToken, 'POST', '/Groups', {
      schemas: [GROUP],
      displayName: `Mixed ${Date.now()}`,
      members: [{ value: e.bUser.id }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().scimType).toBe('invalidValue');
  });
});

describe('another organization', () => {
  it('is invisible: its people answer 404 and filters never find them', async () => {
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', oktaUser(e.bUser.email)],
      ['PATCH', { schemas: [PATCH], Operations: [{ op: 'replace', value: { active: false } }] }],
      ['DELETE', undefined],
    ] as const) {
      const res = await scim(aToken, method, `/Users/${e.bUser.id}`, body);
      expect(res.statusCode, method).toBe(404);
      expect(res.json()).toMatchObject({
        schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
        status: '404',
      });
    }
    const filtered = (
      await scim(aToken, 'GET', `/Users?${q(`userName eq "${e.bUser.email}" or id eq "${e.bUser.id}"`)}`)
    ).json();
    expect(filtered.totalResults).toBe(0);
    // Values are data, never SQL or patterns: none of these matches anyone.
    for (const filter of [
      `userName eq "' or '1'='1"`,
      'userName co "%"',
      'userName sw "_"',
      `displayName eq "\\" or 1=1 --"`,
    ]) {
      const res = await scim(aToken, 'GET', `/Users?${q(filter)}`);
      expect(res.statusCode, filter).toBe(200);
      expect(res.json().totalResults, filter).toBe(0);
    }
    const all = (await scim(aToken, 'GET', '/Users?count=200')).json();
    expect(all.Resources.map((u: { id: string }) => u.id)).not.toContain(e.bUser.id);
    expect((await signIn(t.app, e.bUser.email, PASSWORD)).cookie).toBeTruthy();
  });
});

describe('errors', () => {
  it('answers invalidFilter for a filter it cannot read', async () => {
    for (const filter of [
      'userName eq',
      'userName xx "a"',
      'nope eq "a"',
      '(userName eq "a"',
      'userName eq "a" junk',
      'active eq "yes"',
    ]) {
      const res = await scim(aToken, 'GET', `/Users?${q(filter)}`);
      expect(res.statusCode, filter).toBe(400);
      expect(res.json(), filter).toMatchObject({ status: '400', scimType: 'invalidFilter' });
    }
  });

  it('answers invalidPath or noTarget for PATCH paths that name nothing', async () => {
    const id = (await scim(aToken, 'POST', '/Users', oktaUser(`path-${Date.now()}@alpha.test`))).json().id;
    const patch = (Operations: unknown[]) =>
      scim(aToken, 'PATCH', `/Users/${id}`, { schemas: [PATCH], Operations });
    expect((await patch([{ op: 'replace', path: 'favouriteColour', value: 'blue' }])).json().scimType).toBe(
      'invalidPath',
    );
    expect((await patch([{ op: 'replace', path: 'name.nickname', value: 'x' }])).json().scimType).toBe(
      'invalidPath',
    );
    expect((await patch([{ op: 'replace', value: { shoeSize: 42 } }])).json().scimType).toBe('invalidPath');
    expect((await patch([{ op: 'remove' }])).json().scimType).toBe('noTarget');
    expect(
      (
        await patch([
          { op: 'replace', path: 'emails[type eq "home" or type eq "other"].value', value: 'x@y.test' },
        ])
      ).json().scimType,
    ).toBe('noTarget');
    expect((await patch([{ op: 'replace', path: 'groups', value: [] }])).json().scimType).toBe('mutability');
    expect((await patch([{ op: 'move', path: 'title', value: 'x' }])).json().scimType).toBe('invalidSyntax');
    expect((await patch([{ op: 'replace', path: 'userName', value: 'not an email' }])).json().scimType).toBe(
      'invalidValue',
    );
    // Nothing of the refused requests was kept.
    expect((await scim(aToken, 'GET', `/Users/${id}`)).json()).toMatchObject({
      displayName: 'Olive Okta',
      active: true,
    });
  });

  it('refuses unknown attributes in a body and malformed JSON with SCIM error bodies', async () => {
    const unknown = await scim(
      aToken,
      'POST',
      '/Users',
      oktaUser(`unk-${Date.now()}@alpha.test`, { role: 'partner_admin' }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      scimType: 'invalidSyntax',
      detail: expect.stringContaining('role'),
    });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/scim/v2/Users',
      headers: { authorization: `Bearer ${aToken}`, 'content-type': 'application/scim+json' },
      payload: '{"userName":',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().scimType).toBe('invalidSyntax');
    expect((await scim(aToken, 'GET', '/Users/not-an-id')).statusCode).toBe(404);
  });
});
