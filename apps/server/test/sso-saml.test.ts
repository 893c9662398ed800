// SAML 2.0 sign-in: a partner connects its IdP (metadata import), the vendor approves, people sign in
// SP-initiated; and every refusal the issue lists, each with the response an attacker would send.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.tables';
import { users } from '../src/modules/identity/identity.tables';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';
import {
  assertionXml,
  b64,
  IDP_ENTITY_ID,
  IDP_SSO_URL,
  idpMetadataXml,
  otherCert,
  otherKey,
  requestIdOf,
  responseXml,
  signAssertion,
  signedResponse,
  type AssertionInput,
} from './sso-saml-idp';

const APP = 'http://localhost:3000';
let t: TestApp;
let e: Ecosystem;
let admin: Session;
let partnerAdmin: Session;
let partnerConnection: { id: string; acsUrl: string; spEntityId: string };
let idpInitiated: { id: string; acsUrl: string; spEntityId: string };

/** Starts an SP-initiated sign-in: the browser cookie and the AuthnRequest's ID. */
async function start(connectionId: string, returnTo = '/') {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/auth/sso/start?connectionId=${connectionId}&returnTo=${encodeURIComponent(returnTo)}`,
  });
  expect(res.statusCode).toBe(302);
  const location = res.headers.location as string;
  return {
    location,
    browser: res.cookies.find((c) => c.name === 'pg_sso')?.value,
    requestId: requestIdOf(location),
  };
}

async function post(
  connectionId: string,
  samlResponse: string,
  opts: { browser?: string; relayState?: string } = {},
) {
  const form = new URLSearchParams({ SAMLResponse: samlResponse });
  if (opts.relayState !== undefined) form.set('RelayState', opts.relayState);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/auth/saml/acs/${connectionId}`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(opts.browser ? { cookie: `pg_sso=${opts.browser}` } : {}),
    },
    payload: form.toString(),
  });
  expect(res.statusCode, res.body).toBe(302);
  return {
    location: res.headers.location as string,
    session: res.cookies.find((c) => c.name === 'pg_session'),
  };
}

const forPartner = (over: Partial<AssertionInput> = {}): AssertionInput => ({
  acsUrl: partnerConnection.acsUrl,
  audience: partnerConnection.spEntityId,
  email: 'sam@alpha-idp.example',
  groups: ['pg-partner-admins'],
  ...over,
});

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  partnerAdmin = await signIn(t.app, e.aAdmin.email, PASSWORD);
});
afterAll(() => t?.close());

describe('a partner connects its SAML IdP', () => {
  it('imports the metadata, waits for the vendor approval, and exports our SP metadata', async () => {
    const created = await as(t.app, partnerAdmin).post('/api/v1/sso/connections', {
      protocol: 'saml',
      name: 'Alpha Entra ID',
      saml: { metadataXml: idpMetadataXml() },
      roleMapping: {
        attribute: 'groups',
        rules: [{ value: 'pg-partner-admins', role: 'partner_admin' }],
        defaultRole: 'partner_user',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({
      status: 'pending_approval',
      organizationId: e.partnerA.id,
      saml: { idpEntityId: IDP_ENTITY_ID, idpSsoUrl: IDP_SSO_URL, allowIdpInitiated: false },
    });
    expect(c.saml.idpCertificates).toHaveLength(1);
    partnerConnection = { id: c.id, acsUrl: c.saml.acsUrl, spEntityId: c.saml.spEntityId };
    expect(partnerConnection.acsUrl).toBe(`${APP}/api/v1/auth/saml/acs/${c.id}`);

    const metadata = await t.app.inject({ method: 'GET', url: `/api/v1/auth/saml/metadata/${c.id}` });
    expect(metadata.headers['content-type']).toContain('application/samlmetadata+xml');
    expect(metadata.body).toContain(`entityID="${partnerConnection.spEntityId}"`);
    expect(metadata.body).toContain(`Location="${partnerConnection.acsUrl}"`);
    expect(metadata.body).toContain('WantAssertionsSigned="true"');

    // Before approval it serves no one.
    const early = await t.app.inject({ method: 'GET', url: `/api/v1/auth/sso/start?connectionId=${c.id}` });
    expect(early.headers.location).toBe('/login?ssoError=no_connection');
    // A partner admin cannot approve its own; another partner cannot even see it.
    expect(
      (await as(t.app, partnerAdmin).post(`/api/v1/sso/connections/${c.id}/approve`, { version: c.version }))
        .statusCode,
    ).toBe(403);
    const bAdmin = await signIn(t.app, e.bAdmin.email, PASSWORD);
    expect((await as(t.app, bAdmin).get(`/api/v1/sso/connections/${c.id}`)).statusCode).toBe(404);
    const approved = await as(t.app, admin).post(`/api/v1/sso/connections/${c.id}/approve`, {
      version: c.version,
    });
    expect(approved.json().status).toBe('active');
  });

  it("reads the IdP's metadata from its URL; a partner's URL may not reach a private address", async () => {
    const server = http.createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/xml' }).end(idpMetadataXml()),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const metadataUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metadata`;
    try {
      const body = {
        protocol: 'saml',
        name: 'From a URL',
        saml: { metadataUrl },
        roleMapping: { attribute: 'groups', rules: [], defaultRole: 'analyst' },
      };
      const vendor = await as(t.app, admin).post('/api/v1/sso/connections', body);
      expect(vendor.statusCode, vendor.body).toBe(201);
      expect(vendor.json().saml).toMatchObject({ idpEntityId: IDP_ENTITY_ID, idpSsoUrl: IDP_SSO_URL });
      const partner = await as(t.app, partnerAdmin).post('/api/v1/sso/connections', {
        ...body,
        roleMapping: { ...body.roleMapping, defaultRole: 'partner_user' },
      });
      expect(partner.statusCode).toBe(400);
      expect(partner.json().errors[0]).toMatchObject({ path: 'body.saml.metadataUrl' });
      expect(partner.json().errors[0].message).toContain('private');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses settings that cannot work, naming the field', async () => {
    const res = await as(t.app, partnerAdmin).post('/api/v1/sso/connections', {
      protocol: 'saml',
      name: 'Half done',
      saml: { idpEntityId: 'x', idpSsoUrl: 'http://idp.example.com/sso', idpCertificates: ['not a cert'] },
      roleMapping: { attribute: 'groups', rules: [], defaultRole: 'admin' },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((x: { path: string }) => x.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.saml.idpSsoUrl',
        'body.saml.idpCertificates.0',
        'body.roleMapping.defaultRole',
      ]),
    );
  });

  it('signs a person in SP-initiated, creating them in the partner with the mapped role', async () => {
    const domain = await as(t.app, partnerAdmin).post('/api/v1/sso/domains', { domain: 'alpha-idp.example' });
    await as(t.app, admin).post(`/api/v1/sso/domains/${domain.json().id}/verify`, {
      version: 1,
      byVendor: true,
    });
    const s = await start(partnerConnection.id, '/marketplace');
    expect(s.location.startsWith(`${IDP_SSO_URL}?SAMLRequest=`)).toBe(true);
    const { location, session } = await post(
      partnerConnection.id,
      signedResponse(forPartner({ inResponseTo: s.requestId })),
      {
        browser: s.browser,
      },
    );
    expect(location).toBe('/marketplace');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `pg_session=${session!.value}` },
    });
    expect(me.json().user).toMatchObject({
      email: 'sam@alpha-idp.example',
      role: 'partner_admin',
      organizationId: e.partnerA.id,
    });
    expect(me.json().organization.id).toBe(e.partnerA.id);
  });
});

describe('SAML refusals', () => {
  const refusedWith = async (samlResponse: (requestId: string) => string, reason: string) => {
    const s = await start(partnerConnection.id);
    const { location, session } = await post(partnerConnection.id, samlResponse(s.requestId), {
      browser: s.browser,
    });
    expect(location).toBe(`/login?ssoError=${reason}`);
    expect(session).toBeUndefined();
  };

  it('refuses an unsigned assertion', async () => {
    await refusedWith((id) => {
      const a = forPartner({ inResponseTo: id });
      return b64(responseXml(a, assertionXml(a)));
    }, 'saml_signature');
  });

  it('refuses an assertion signed by another key', async () => {
    await refusedWith((id) => {
      const a = forPartner({ inResponseTo: id });
      return b64(responseXml(a, signAssertion(assertionXml(a), otherKey, otherCert)));
    }, 'saml_signature');
  });

  it('refuses an assertion altered after signing', async () => {
    await refusedWith((id) => {
      const a = forPartner({ inResponseTo: id });
      return b64(
        responseXml(
          a,
          signAssertion(assertionXml(a)).replace('sam@alpha-idp.example', 'boss@alpha-idp.example'),
        ),
      );
    }, 'saml_signature');
  });

  it('refuses XML signature wrapping', async () => {
    // The genuine signed assertion of a low-privilege person, with a forged one beside it...
    await refusedWith((id) => {
      const genuine = signAssertion(assertionXml(forPartner({ inResponseTo: id, groups: [] })));
      const forged = assertionXml(forPartner({ inResponseTo: id, email: 'ceo@alpha-idp.example' }));
      return b64(responseXml(forPartner({ inResponseTo: id }), forged + genuine));
    }, 'saml_signature');
    // ...or tucked inside the forged one, where a naive check would still find a valid signature.
    await refusedWith((id) => {
      const genuine = signAssertion(assertionXml(forPartner({ inResponseTo: id, groups: [] })));
      const forged = assertionXml(forPartner({ inResponseTo: id, email: 'ceo@alpha-idp.example' })).replace(
        '<saml:Subject>',
        `<saml:Advice>${genuine}</saml:Advice><saml:Subject>`,
      );
      return b64(responseXml(forPartner({ inResponseTo: id }), forged));
    }, 'saml_signature');
  });

  it('refuses a wrong audience, a wrong issuer, an expired assertion and another recipient', async () => {
    await refusedWith(
      (id) => signedResponse(forPartner({ inResponseTo: id, audience: 'https://other-sp.example' })),
      'saml_audience',
    );
    await refusedWith(
      (id) => signedResponse(forPartner({ inResponseTo: id, issuer: 'https://evil-idp.example' })),
      'saml_issuer',
    );
    await refusedWith(
      (id) => signedResponse(forPartner({ inResponseTo: id, validMinutes: -5 })),
      'saml_expired',
    );
    await refusedWith(
      (id) => signedResponse(forPartner({ inResponseTo: id, acsUrl: 'https://other-sp.example/acs' })),
      'saml_destination',
    );
  });

  it('refuses an answer to a request another browser started', async () => {
    const s = await start(partnerConnection.id);
    const other = await start(partnerConnection.id);
    const res = await post(partnerConnection.id, signedResponse(forPartner({ inResponseTo: s.requestId })), {
      browser: other.browser,
    });
    expect(res.location).toBe('/login?ssoError=state_mismatch');
  });

  it('refuses an SP-initiated response posted a second time: the request it answers is spent', async () => {
    const s = await start(partnerConnection.id);
    const response = signedResponse(forPartner({ inResponseTo: s.requestId }));
    const first = await post(partnerConnection.id, response, { browser: s.browser });
    expect(first.session).toBeDefined();
    const again = await post(partnerConnection.id, response, { browser: s.browser });
    expect(again.location).toBe('/login?ssoError=state_mismatch');
    expect(again.session).toBeUndefined();
  });

  it('refuses IdP-initiated sign-in unless the connection allows it', async () => {
    const res = await post(partnerConnection.id, signedResponse(forPartner({ inResponseTo: null })));
    expect(res.location).toBe('/login?ssoError=idp_initiated_refused');
  });

  it('audits every refusal with its reason', async () => {
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sso_refused'));
    const reasons = new Set(rows.map((r) => (r.after as { reason: string }).reason));
    for (const r of [
      'saml_signature',
      'saml_audience',
      'saml_issuer',
      'saml_expired',
      'state_mismatch',
      'idp_initiated_refused',
    ])
      expect(reasons, r).toContain(r);
    expect(
      await t.database.db.select().from(users).where(eq(users.email, 'ceo@alpha-idp.example')),
    ).toHaveLength(0);
  });
});

describe('IdP-initiated SAML, where the vendor turned it on', () => {
  beforeAll(async () => {
    const created = await as(t.app, admin).post('/api/v1/sso/connections', {
      protocol: 'saml',
      name: 'Staff IdP (IdP-initiated)',
      saml: { metadataXml: idpMetadataXml(), allowIdpInitiated: true },
      roleMapping: { attribute: 'groups', rules: [], defaultRole: 'analyst' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    idpInitiated = { id: c.id, acsUrl: c.saml.acsUrl, spEntityId: c.saml.spEntityId };
    const domain = await as(t.app, admin).post('/api/v1/sso/domains', { domain: 'staff-saml.example' });
    await as(t.app, admin).post(`/api/v1/sso/domains/${domain.json().id}/verify`, {
      version: 1,
      byVendor: true,
    });
  });
  const staff = (over: Partial<AssertionInput> = {}): AssertionInput => ({
    acsUrl: idpInitiated.acsUrl,
    audience: idpInitiated.spEntityId,
    email: 'kim@staff-saml.example',
    inResponseTo: null,
    ...over,
  });

  it('signs in, honouring a RelayState path but never another site', async () => {
    const here = await post(idpInitiated.id, signedResponse(staff()), { relayState: '/analytics' });
    expect(here.location).toBe('/analytics');
    expect(here.session).toBeDefined();
    for (const evil of ['https://evil.example/', '//evil.example', '/\\evil.example']) {
      const res = await post(idpInitiated.id, signedResponse(staff()), { relayState: evil });
      expect(res.location, evil).toBe('/');
    }
  });

  it('refuses a replayed assertion', async () => {
    const once = signedResponse(staff({ assertionId: '_replayed-assertion' }));
    expect((await post(idpInitiated.id, once)).session).toBeDefined();
    const again = await post(idpInitiated.id, once);
    expect(again.location).toBe('/login?ssoError=saml_replay');
    expect(again.session).toBeUndefined();
  });
});
