// OIDC refusals. oidc-provider issues only correct ID tokens, so these use a small IdP of the test's own
// that speaks the same protocol (discovery, JWKS, authorize, token) but can be told to lie in one claim.
import { createPrivateKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, signIn, startTestApp, type TestApp } from './app';
import { buildEcosystem, PASSWORD } from './ecosystem';

type Lie = 'none' | 'nonce' | 'audience' | 'expired' | 'signature' | 'issuer';

const CLIENT_ID = 'pg-client';
let t: TestApp;
let server: http.Server;
let issuer: string;
let lie: Lie = 'none';
let connectionId: string;
const good = generateKeyPairSync('rsa', { modulusLength: 2048 });
const bad = generateKeyPairSync('rsa', { modulusLength: 2048 });
const codes = new Map<string, { nonce: string }>();

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
function jwt(payload: Record<string, unknown>, key: KeyObject) {
  const data = `${b64url({ alg: 'RS256', kid: 'k1', typ: 'JWT' })}.${b64url(payload)}`;
  return `${data}.${sign(
    'sha256',
    Buffer.from(data),
    createPrivateKey(key.export({ format: 'pem', type: 'pkcs8' })),
  ).toString('base64url')}`;
}

function idToken(nonce: string) {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: issuer,
    sub: 'hostile-1',
    aud: CLIENT_ID,
    iat: now,
    exp: now + 300,
    nonce,
    email: 'mallory@hostile.example',
    email_verified: true,
  };
  if (lie === 'nonce') claims.nonce = 'a-nonce-from-another-sign-in';
  if (lie === 'audience') claims.aud = 'another-client';
  if (lie === 'issuer') claims.iss = 'https://another-issuer.example';
  if (lie === 'expired') Object.assign(claims, { iat: now - 3600, exp: now - 1800 });
  return jwt(claims, lie === 'signature' ? bad.privateKey : good.privateKey);
}

function json(res: http.ServerResponse, body: unknown) {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, issuer);
    if (url.pathname === '/.well-known/openid-configuration')
      return json(res, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    if (url.pathname === '/jwks')
      return json(res, {
        keys: [{ ...good.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' }],
      });
    if (url.pathname === '/authorize') {
      const code = randomUUID();
      codes.set(code, { nonce: url.searchParams.get('nonce')! });
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state')!);
      return res.writeHead(302, { location: back.href }).end();
    }
    if (url.pathname === '/token') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const code = new URLSearchParams(body).get('code')!;
        const grant = codes.get(code);
        codes.delete(code);
        if (!grant)
          return res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_grant"}');
        json(res, {
          access_token: randomUUID(),
          token_type: 'Bearer',
          expires_in: 300,
          id_token: idToken(grant.nonce),
        });
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await startTestApp();
  const e = await buildEcosystem(t.database.db);
  const admin = await signIn(t.app, e.admin.email, PASSWORD);
  const created = await as(t.app, admin).post('/api/v1/sso/connections', {
    protocol: 'oidc',
    name: 'Hostile IdP',
    oidc: { issuer, clientId: CLIENT_ID, clientSecret: 'secret' },
    roleMapping: { attribute: 'groups', rules: [], defaultRole: 'analyst' },
  });
  connectionId = created.json().id;
  const domain = await as(t.app, admin).post('/api/v1/sso/domains', { domain: 'hostile.example' });
  await as(t.app, admin).post(`/api/v1/sso/domains/${domain.json().id}/verify`, {
    version: 1,
    byVendor: true,
  });
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function signInWith(which: Lie) {
  lie = which;
  const start = await t.app.inject({
    method: 'GET',
    url: `/api/v1/auth/sso/start?connectionId=${connectionId}`,
  });
  const browser = start.cookies.find((c) => c.name === 'pg_sso')!.value;
  const authorize = await fetch(start.headers.location as string, { redirect: 'manual' });
  const back = new URL(authorize.headers.get('location')!);
  const callback = await t.app.inject({
    method: 'GET',
    url: `${back.pathname}${back.search}`,
    headers: { cookie: `pg_sso=${browser}` },
  });
  return {
    location: callback.headers.location,
    session: callback.cookies.find((c) => c.name === 'pg_session'),
  };
}

describe('OIDC ID-token refusals', () => {
  it('accepts the honest token (the control)', async () => {
    const res = await signInWith('none');
    expect(res.location).toBe('/');
    expect(res.session).toBeDefined();
  });

  it.each([
    ['nonce', 'oidc_nonce'],
    ['audience', 'oidc_audience'],
    ['expired', 'oidc_expired'],
    ['signature', 'oidc_signature'],
    ['issuer', 'oidc_issuer'],
  ] as const)('refuses an ID token whose %s is wrong', async (which, reason) => {
    const res = await signInWith(which);
    expect(res.location).toBe(`/login?ssoError=${reason}`);
    expect(res.session).toBeUndefined();
  });
});
