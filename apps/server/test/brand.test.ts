import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@partnergraph/shared/contracts/audit';
import type { Brand } from '@partnergraph/shared/contracts/settings';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
let admin: Session;
let aAdmin: Session;

// A 1×1 transparent PNG.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const svg = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#0b5394"/></svg>',
);
const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const publicBrand = async () => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/brand' });
  expect(res.statusCode).toBe(200);
  return res.json() as Brand;
};
const upload = (session: Session, body: Buffer, fileName: string) =>
  as(t.app, session).post(`/api/v1/brand/logo?fileName=${encodeURIComponent(fileName)}`, body, {
    'content-type': 'application/octet-stream',
  });

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  aAdmin = await signIn(t.app, e.aAdmin.email, PASSWORD);
});
afterAll(async () => t.close());

describe('the vendor’s brand', () => {
  it('is set by the vendor admin, read by anyone without signing in, and audited', async () => {
    const before = await publicBrand();
    expect(before.name).not.toMatch(/PartnerGraph/);
    const res = await as(t.app, admin).patch('/api/v1/brand', {
      version: before.version,
      name: 'Northwind Cloud',
      primaryColor: '#0B5394',
      supportEmail: 'partners@northwind.example',
      supportUrl: 'https://northwind.example/help',
    });
    expect(res.statusCode).toBe(200);
    const after = await publicBrand();
    expect(after).toMatchObject({
      name: 'Northwind Cloud',
      primaryColor: '#0b5394',
      supportEmail: 'partners@northwind.example',
      supportUrl: 'https://northwind.example/help',
      logoUrl: null,
      version: before.version + 1,
    });

    const analyst = await signIn(t.app, e.analyst.email, PASSWORD);
    const log = await as(t.app, analyst).get('/api/v1/audit-log?limit=20');
    const entry = (log.json() as { items: AuditEntry[] }).items.find((a) => a.action === 'brand.updated');
    expect(entry).toMatchObject({
      before: { name: before.name === 'Partner program' ? null : before.name },
      after: { name: 'Northwind Cloud', primaryColor: '#0b5394' },
    });
  });

  it('is what the e-mails carry: name, colour and the support contact in the footer', async () => {
    t.mailer.sent.length = 0;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { email: e.aUser.email },
    });
    expect(res.statusCode).toBeLessThan(300);
    await expect.poll(() => t.mailer.sent.length).toBeGreaterThan(0);
    const mail = t.mailer.sent.at(-1)!;
    expect(mail.html).toContain('Northwind Cloud');
    expect(mail.html).toContain('background:#0b5394');
    expect(mail.text).toContain('Help: partners@northwind.example · https://northwind.example/help');
    expect(mail.text).not.toContain('PartnerGraph');
  });

  it('refuses a colour white text cannot be read on, naming the field, and keeps the brand', async () => {
    const current = await publicBrand();
    for (const primaryColor of ['#74c0fc', '#ffd43b', 'blue']) {
      const res = await as(t.app, admin).patch('/api/v1/brand', {
        version: current.version,
        name: 'Changed',
        primaryColor,
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().errors.map((x: { path: string }) => x.path)).toContain('body.primaryColor');
    }
    expect(await publicBrand()).toEqual(current);
  });

  it('answers 409 to a change made on a stale version', async () => {
    const current = await publicBrand();
    const res = await as(t.app, admin).patch('/api/v1/brand', { version: current.version - 1, name: 'Old' });
    expect(res.statusCode).toBe(409);
    expect((await publicBrand()).name).toBe(current.name);
  });

  it('cannot be changed by a partner', async () => {
    const current = await publicBrand();
    const res = await as(t.app, aAdmin).patch('/api/v1/brand', {
      version: current.version,
      name: 'Hijacked',
    });
    expect(res.statusCode).toBe(403);
    expect((await upload(aAdmin, png, 'logo.png')).statusCode).toBe(403);
    expect((await publicBrand()).name).toBe(current.name);
  });

  it('takes a PNG or SVG logo, serves it publicly as an image that runs nothing, and replaces the old one', async () => {
    const set = await upload(admin, png, 'logo.png');
    expect(set.statusCode).toBe(201);
    const first = set.json() as Brand;
    expect(first.logoUrl).toMatch(/^\/api\/v1\/brand\/logo\?v=/);
    const image = await t.app.inject({ method: 'GET', url: first.logoUrl! });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(png)).toBe(true);

    const replaced = await upload(admin, svg, 'logo'); // no extension: the content decides
    expect(replaced.statusCode).toBe(201);
    const second = replaced.json() as Brand;
    expect(second.logoUrl).not.toBe(first.logoUrl);
    const vector = await t.app.inject({ method: 'GET', url: second.logoUrl! });
    expect(vector.headers['content-type']).toBe('image/svg+xml');
    expect(vector.headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox/);
    expect(vector.body).toContain('<svg');

    const removed = await as(t.app, admin).delete('/api/v1/brand/logo');
    expect(removed.json().logoUrl).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/brand/logo' })).statusCode).toBe(404);
  });

  it('refuses a logo that is not an image, naming the file, and keeps nothing of it', async () => {
    const current = await publicBrand();
    const res = await upload(admin, pdf, 'logo.png');
    expect(res.statusCode).toBe(415);
    expect(res.json().errors).toEqual([
      { path: 'file', message: expect.stringMatching(/PNG, JPEG, WebP, SVG/) },
    ]);
    const big = await upload(admin, Buffer.concat([png, Buffer.alloc(1024 * 1024)]), 'huge.png');
    expect(big.statusCode).toBe(413);
    expect(await publicBrand()).toEqual(current);
  });
});
