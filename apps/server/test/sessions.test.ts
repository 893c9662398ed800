// Sessions, CSRF, API token scopes and the public rate limits: what
// auth.test.ts does not already cover (it has HttpOnly/SameSite/Secure, a
// cookie held before sign-in, sign-out, password change, the CSRF header on
// sign-out and the sign-in limits).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerOrganization, createProfileRecord, createProgramRecord } from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';
import { dealBody } from './route-examples';

let t: TestApp;
let e: Ecosystem;
beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
});
afterAll(() => t?.close());

const login = (headers: Record<string, string> = {}, remoteAddress = '192.0.2.50') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: e.aAdmin.email, password: PASSWORD },
    headers,
    remoteAddress,
  });

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, on Path=/, and cleared at sign-out', async () => {
    const res = await login();
    const raw = String(res.headers['set-cookie']);
    expect(raw).toMatch(/^pg_session=[\w-]{20,};/);
    expect(raw).toMatch(/; Path=\/(;|$)/);
    expect(raw).toMatch(/; HttpOnly/);
    expect(raw).toMatch(/; SameSite=Lax/);
    expect(raw).not.toMatch(/; Domain=/);
    const s = { cookie: `pg_session=${res.cookies[0]!.value}`, csrfToken: res.json().csrfToken };
    const out = await as(t.app, s).post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'pg_session')!;
    expect(cleared.value).toBe('');
    expect(cleared.path).toBe('/');
    expect(new Date(cleared.expires!).getTime()).toBeLessThan(Date.now());
  });

  it('is never one the browser brought: a planted session id is replaced and stays invalid', async () => {
    const planted = 'attacker-chosen-session-id-0123456789abcdef';
    const res = await login({ cookie: `pg_session=${planted}` });
    expect(res.statusCode).toBe(200);
    const issued = res.cookies.find((c) => c.name === 'pg_session')!.value;
    expect(issued).not.toBe(planted);
    expect(
      (await as(t.app, { cookie: `pg_session=${planted}`, csrfToken: '' }).get('/api/v1/me')).statusCode,
    ).toBe(401);
    // Two sign-ins never share a session or a CSRF token.
    const again = await login();
    expect(again.cookies[0]!.value).not.toBe(issued);
    expect(again.json().csrfToken).not.toBe(res.json().csrfToken);
  });
});

describe('CSRF', () => {
  let s: Session;
  beforeAll(async () => {
    s = await signIn(t.app, e.aAdmin.email, PASSWORD);
  });

  it('refuses a cookie-authenticated write from another site on every unsafe method: 403 problem+json csrf', async () => {
    const writes: [string, string, unknown][] = [
      ['POST', '/api/v1/deals', dealBody()],
      ['PATCH', '/api/v1/me', { emailDigest: false }],
      ['PUT', '/api/v1/me/member-profile', { headline: 'Hi' }],
      ['DELETE', `/api/v1/me/sessions/${'0'.repeat(8)}`, undefined],
    ];
    for (const [method, url, payload] of writes) {
      for (const token of [undefined, '', 'x'.repeat(43), s.csrfToken.slice(0, -1), `${s.csrfToken}x`]) {
        const res = await t.app.inject({
          method: method as 'POST',
          url,
          headers: {
            cookie: s.cookie,
            origin: 'https://evil.example',
            ...(token === undefined ? {} : { 'x-csrf-token': token }),
          },
          ...(payload === undefined ? {} : { payload: payload as object }),
        });
        expect(res.statusCode, `${method} ${url} with ${String(token)}`).toBe(403);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().type).toMatch(/\/csrf$/);
      }
    }
    // Another session's token is no good either.
    const other = await signIn(t.app, e.aUser.email, PASSWORD);
    const crossed = await as(t.app, { cookie: s.cookie, csrfToken: other.csrfToken }).patch('/api/v1/me', {
      emailDigest: false,
    });
    expect(crossed.statusCode).toBe(403);
    // Nothing was created, and the right token works.
    expect((await as(t.app, s).patch('/api/v1/me', { emailDigest: false })).statusCode).toBe(200);
  });

  it('lets reads through without the token', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  async function token(scope: 'read' | 'read_write') {
    const s = await signIn(t.app, e.aAdmin.email, PASSWORD);
    const res = await as(t.app, s).post('/api/v1/tokens', { name: `ci-${scope}`, scope });
    expect(res.statusCode, res.body).toBe(201);
    return { secret: res.json().token as string, id: res.json().id as string, s };
  }
  const bearer = (secret: string, method: string, url: string, payload?: unknown) =>
    t.app.inject({
      method: method as 'POST',
      url,
      headers: { authorization: `Bearer ${secret}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('a read-only token reads but is refused every write (403), with nothing stored', async () => {
    const { secret } = await token('read');
    expect((await bearer(secret, 'GET', '/api/v1/me')).statusCode).toBe(200);
    expect((await bearer(secret, 'GET', '/api/v1/deals')).statusCode).toBe(200);
    const before = (await bearer(secret, 'GET', '/api/v1/deals?limit=200')).json().items.length;
    for (const [method, url, payload] of [
      ['POST', '/api/v1/deals', dealBody()],
      ['PATCH', '/api/v1/me', { emailDigest: false }],
      ['DELETE', `/api/v1/tokens/${'0'.repeat(8)}`, undefined],
      ['POST', '/api/v1/auth/logout', {}],
    ] as const) {
      const res = await bearer(secret, method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await bearer(secret, 'GET', '/api/v1/deals?limit=200')).json().items.length).toBe(before);
  });

  it('a write token writes without a CSRF token, cannot mint tokens, and stops at revocation', async () => {
    const { secret, id, s } = await token('read_write');
    expect((await bearer(secret, 'POST', '/api/v1/deals', dealBody())).statusCode).toBe(201);
    expect(
      (await bearer(secret, 'POST', '/api/v1/tokens', { name: 'more', scope: 'read_write' })).statusCode,
    ).toBe(403);
    expect((await as(t.app, s).delete(`/api/v1/tokens/${id}`)).statusCode).toBe(204);
    expect((await bearer(secret, 'GET', '/api/v1/me')).statusCode).toBe(401);
  });

  it('a malformed or unknown bearer is 401, and never falls back to the cookie', async () => {
    const s = await signIn(t.app, e.aAdmin.email, PASSWORD);
    for (const authorization of ['Bearer ', 'Bearer pgt_unknown', 'Basic abc', 'bearer']) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization, cookie: s.cookie },
      });
      expect(res.statusCode, authorization).toBe(401);
    }
  });
});

describe('public rate limits', () => {
  it('the public application answers 429 with Retry-After after 5 from one address', async () => {
    const program = await createProgramRecord(t.database.db);
    const apply = (i: number, remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        remoteAddress,
        payload: {
          companyName: `Applicant ${i} ${Math.random()}`,
          website: 'https://applicant.example',
          country: 'US',
          partnerTypes: ['reseller'],
          programIds: [program.program.id],
          contactName: 'A. Plicant',
          contactEmail: `a${i}-${Math.random().toString(36).slice(2)}@applicant.example`,
        },
      });
    for (let i = 0; i < 5; i++) expect((await apply(i, '203.0.113.41')).statusCode).toBe(201);
    const limited = await apply(6, '203.0.113.41');
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(3600);
    expect((await apply(7, '203.0.113.42')).statusCode).toBe(201);
  });

  it('the locator contact form answers 429 with Retry-After after 5 from one address or one email', async () => {
    const org = await createPartnerOrganization(t.database.db, { types: ['msp'] });
    await createProfileRecord(t.database.db, org.id, { fields: { services: ['Managed backup'] } });
    const contact = (email: string, remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/public/partners/${org.id}/contact`,
        remoteAddress,
        payload: { name: 'Casey', email, company: 'Customer', message: 'We would like a quote.' },
      });
    for (let i = 0; i < 5; i++)
      expect((await contact(`c${i}@customer-example.com`, '203.0.113.51')).statusCode).toBeLessThan(300);
    const byAddress = await contact('c9@customer-example.com', '203.0.113.51');
    expect(byAddress.statusCode).toBe(429);
    expect(Number(byAddress.headers['retry-after'])).toBeGreaterThan(0);
    // One email from many addresses is limited too.
    for (let i = 0; i < 5; i++)
      expect((await contact('same@customer-example.com', `203.0.113.${60 + i}`)).statusCode).toBeLessThan(
        300,
      );
    const byEmail = await contact('same@customer-example.com', '203.0.113.70');
    expect(byEmail.statusCode).toBe(429);
    expect(Number(byEmail.headers['retry-after'])).toBeGreaterThan(0);
  });
});
