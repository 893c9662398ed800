// SSRF: a webhook is the one place the server connects where a user tells it
// to. Every spelling of a loopback, link-local or private address is refused
// when the URL is saved (POST and PATCH) and again when a delivery connects,
// with the operator's WEBHOOK_ALLOW_PRIVATE off; a receiver that answers with
// a redirect is never followed, wherever the redirect points.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverDue } from '../src/modules/webhooks/delivery';
import { isForbiddenAddress } from '../src/modules/webhooks/url-safety';
import { createWebhook } from '../src/modules/webhooks/webhooks.service';
import { webhookDeliveries, webhookEndpoints } from '../src/modules/webhooks/webhooks.tables';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
let admin: Session;
let redirector: http.Server;
let target: http.Server;
let redirectorUrl = '';
let targetUrl = '';
let redirectTo = '';
let redirectCode = 302;
const hits = { redirector: 0, target: 0 };

const listen = (s: http.Server) =>
  new Promise<string>((r) =>
    s.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)),
  );

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  redirector = http.createServer((req, res) => {
    hits.redirector++;
    req.resume();
    res.writeHead(redirectCode, { location: redirectTo }).end();
  });
  target = http.createServer((req, res) => {
    hits.target++;
    req.resume();
    res.writeHead(200).end('stolen');
  });
  redirectorUrl = `${await listen(redirector)}/hooks`;
  targetUrl = `${await listen(target)}/latest/meta-data`;
});
afterAll(async () => {
  await new Promise((r) => redirector?.close(r));
  await new Promise((r) => target?.close(r));
  await t?.close();
});

const port = () => new URL(targetUrl).port;
/** Loopback, link-local, private and special addresses, in the spellings URL parsers accept. */
const forbiddenUrls = () => [
  `http://127.0.0.1:${port()}/`,
  'http://127.1/',
  'http://2130706433/', // decimal
  'http://0x7f000001/', // hex
  'http://0x7f.0.0.1/',
  'http://0177.0.0.1/', // octal
  'http://017700000001/',
  'http://0.0.0.0/',
  'http://0/',
  'http://localhost/',
  'http://LOCALHOST/',
  'http://localhost./',
  'http://169.254.169.254/latest/meta-data/', // cloud metadata
  'http://0xa9fea9fe/',
  'http://10.0.0.1/',
  'http://172.16.0.1/',
  'http://192.168.1.1/',
  'http://100.64.0.1/', // carrier-grade NAT
  'http://198.18.0.1/',
  'http://224.0.0.1/',
  'http://[::1]/',
  'http://[::]/',
  'http://[0:0:0:0:0:0:0:1]/',
  'http://[::ffff:127.0.0.1]/', // IPv4-mapped
  'http://[::ffff:7f00:1]/',
  'http://[::ffff:169.254.169.254]/',
  'http://[::127.0.0.1]/', // IPv4-compatible (deprecated)
  'http://[64:ff9b::127.0.0.1]/', // NAT64
  'http://[fe80::1]/',
  'http://[fc00::1]/',
  'http://[fd12:3456::1]/',
  'http://[ff02::1]/',
  'https://user:pass@127.0.0.1/',
];

describe('webhook URLs', () => {
  it('refuses every spelling of a loopback, link-local or private address when saved, naming the field', async () => {
    for (const url of forbiddenUrls()) {
      const res = await as(t.app, admin).post('/api/v1/webhooks', { url, eventTypes: ['deal.*'] });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(
        res.json().errors.map((x: { path: string }) => x.path),
        url,
      ).toContain('body.url');
    }
    expect(await t.database.db.select().from(webhookEndpoints), 'nothing was saved').toEqual([]);
  });

  it('refuses them when an existing subscription is changed to point there', async () => {
    // Saved with the operator's allowance (no DNS here), as a public receiver would be.
    const hook = await createWebhook(
      t.database.db,
      { actor: null as never, requestId: 'test', ip: null, userAgent: null },
      { url: 'https://hooks.example.com/partnergraph', description: '', eventTypes: ['deal.*'] },
      true,
    );
    for (const url of ['http://[::ffff:127.0.0.1]/', 'http://2130706433/', 'http://[::127.0.0.1]/']) {
      const res = await as(t.app, admin).patch(`/api/v1/webhooks/${hook.id}`, { version: hook.version, url });
      expect(res.statusCode, url).toBe(400);
    }
    const [row] = await t.database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, hook.id));
    expect(row!.url).toBe('https://hooks.example.com/partnergraph');
  });

  it('classifies addresses: only public unicast is allowed', () => {
    for (const a of [
      '127.0.0.1',
      '::1',
      '::7f00:1',
      '::ffff:7f00:1',
      '64:ff9b::7f00:1',
      '2002:7f00:1::',
      'fe80::1%eth0',
      '0.0.0.0',
      '::',
    ])
      expect(isForbiddenAddress(a), a).toBe(true);
    for (const a of ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946', '::ffff:93.184.216.34'])
      expect(isForbiddenAddress(a), a).toBe(false);
  });
});

describe('delivery', () => {
  /** A subscription stored with the operator's allowance, as if saved before the setting was turned off. */
  async function stored(url: string) {
    const hook = await createWebhook(
      t.database.db,
      { actor: null as never, requestId: 'test', ip: null, userAgent: null },
      { url, description: 'ssrf', eventTypes: ['webhook.test'] },
      true,
    );
    expect((await as(t.app, admin).post(`/api/v1/webhooks/${hook.id}/test`)).statusCode).toBe(202);
    return hook;
  }
  async function deliveryOf(hookId: string) {
    const [d] = await t.database.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, hookId));
    return d!;
  }

  it('refuses to connect to a forbidden address, in any spelling, with the allowance off', async () => {
    for (const url of [
      targetUrl,
      `http://2130706433:${port()}/`,
      `http://0x7f000001:${port()}/`,
      `http://0177.0.0.1:${port()}/`,
      `http://[::ffff:127.0.0.1]:${port()}/`,
      `http://localhost:${port()}/`,
      `http://[::127.0.0.1]:${port()}/`,
    ]) {
      const hook = await stored(url);
      hits.target = 0;
      await deliverDue(t.database.db, { allowPrivate: false, retryHours: 24 });
      expect(hits.target, url).toBe(0);
      const d = await deliveryOf(hook.id);
      expect(d, url).toMatchObject({ status: 'pending', lastStatusCode: null });
      expect(d.lastError, url).toMatch(/refused/);
      await t.database.db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, hook.id));
    }
  });

  it('never follows a redirect, to a private address or anywhere', async () => {
    for (const code of [301, 302, 303, 307, 308]) {
      redirectCode = code;
      for (const to of [targetUrl, 'http://169.254.169.254/latest/meta-data/', 'https://example.com/']) {
        redirectTo = to;
        // With the allowance off the redirector itself (on loopback) is refused before any request.
        const off = await stored(redirectorUrl);
        hits.redirector = 0;
        hits.target = 0;
        await deliverDue(t.database.db, { allowPrivate: false, retryHours: 24 });
        expect(hits, `${code} → ${to}, allowance off`).toEqual({ redirector: 0, target: 0 });
        await t.database.db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, off.id));
        // Standing in for a public receiver (loopback needs the allowance to be reached at all), it
        // answers a redirect: the delivery records the status and the Location is never requested.
        const on = await stored(redirectorUrl);
        await deliverDue(t.database.db, { allowPrivate: true, retryHours: 24 });
        expect(hits, `${code} → ${to}`).toEqual({ redirector: 1, target: 0 });
        expect(await deliveryOf(on.id), `${code} → ${to}`).toMatchObject({
          status: 'pending',
          lastStatusCode: code,
        });
        await t.database.db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, on.id));
      }
    }
  });
});
