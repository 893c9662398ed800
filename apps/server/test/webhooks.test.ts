import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../src/db/platform.tables';
import { deliverDue, fanOut, runWebhooks } from '../src/modules/webhooks/delivery';
import { isForbiddenAddress } from '../src/modules/webhooks/url-safety';
import { webhookDeliveries } from '../src/modules/webhooks/webhooks.tables';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

// A receiver on loopback stands in for the vendor's integration. Loopback is
// refused by default; the delivery worker is driven here with the operator's
// allowance and an injected clock, so retries over hours take no time.

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

let t: TestApp;
let e: Ecosystem;
let admin: Session, cm: Session;
let receiver: http.Server;
let receiverUrl = '';
let answer = 200;
const received: Received[] = [];
const opts = { allowPrivate: true, retryHours: 24 };

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  cm = await signIn(t.app, e.cm.email, PASSWORD);
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = answer;
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  await new Promise((r) => receiver?.close(r));
  await t?.close();
});

/** Subscribes the receiver (the service with the operator's allowance: the route refuses loopback). */
async function subscribe(eventTypes: string[]) {
  const { createWebhook } = await import('../src/modules/webhooks/webhooks.service');
  return createWebhook(
    t.database.db,
    { actor: null as never, requestId: 'test', ip: null, userAgent: null },
    { url: receiverUrl, description: 'test receiver', eventTypes },
    true,
  );
}

async function changePartner(description: string) {
  const p = await as(t.app, admin).get(`/api/v1/partners/${e.partnerA.id}`);
  const res = await as(t.app, admin).patch(`/api/v1/partners/${e.partnerA.id}`, {
    version: p.json().version,
    description,
  });
  expect(res.statusCode).toBe(200);
}

describe('subscriptions', () => {
  it('refuses URLs that point at loopback, link-local or private addresses, naming the field', async () => {
    for (const url of [
      'http://127.0.0.1:9/x',
      'http://169.254.169.254/latest',
      'http://10.1.2.3/',
      'http://localhost/x',
    ]) {
      const res = await as(t.app, admin).post('/api/v1/webhooks', { url, eventTypes: ['deal.*'] });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().errors[0].path).toBe('body.url');
    }
    expect(isForbiddenAddress('::1')).toBe(true);
    expect(isForbiddenAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isForbiddenAddress('fd00::1')).toBe(true);
    expect(isForbiddenAddress('192.168.1.1')).toBe(true);
    expect(isForbiddenAddress('172.16.0.1')).toBe(true);
    expect(isForbiddenAddress('93.184.216.34')).toBe(false);
  });

  it('is the vendor admin’s alone, and the secret is shown once', async () => {
    expect((await as(t.app, cm).get('/api/v1/webhooks')).statusCode).toBe(403);
    const hook = await subscribe(['nothing.*']);
    expect(hook.secret).toMatch(/^whsec_/);
    const read = await as(t.app, admin).get(`/api/v1/webhooks/${hook.id}`);
    expect(read.json()).not.toHaveProperty('secret');
    expect(JSON.stringify(read.json())).not.toContain(hook.secret.slice(6));
    const bad = await as(t.app, admin).post('/api/v1/webhooks', {
      url: 'https://example.com/x',
      eventTypes: ['Deal!'],
    });
    expect(bad.statusCode).toBe(400);
    await as(t.app, admin).delete(`/api/v1/webhooks/${hook.id}`);
  });
});

describe('delivery', () => {
  it('delivers each subscribed event signed per Standard Webhooks; events from before the subscription are not sent', async () => {
    await changePartner('Before the subscription');
    const hook = await subscribe(['partner.*']);
    await changePartner('After the subscription');
    received.length = 0;
    const result = await runWebhooks(t.database.db, opts);
    expect(result.delivered).toBe(1);
    expect(received).toHaveLength(1);
    const [got] = received;
    const payload = new Webhook(hook.secret).verify(got!.body, got!.headers as Record<string, string>) as {
      type: string;
      data: { id: string };
    };
    expect(payload.type).toBe('partner.updated');
    const [event] = await t.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.id, got!.headers['webhook-id'] as string));
    expect(event!.type).toBe('partner.updated');
    // Tampering breaks the signature.
    expect(() =>
      new Webhook(hook.secret).verify(
        got!.body.replace('partner', 'pArtner'),
        got!.headers as Record<string, string>,
      ),
    ).toThrow();
    const log = await as(t.app, admin).get(`/api/v1/webhooks/${hook.id}/deliveries`);
    expect(log.json().items[0]).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 });
    await as(t.app, admin).delete(`/api/v1/webhooks/${hook.id}`);
  });

  it('retries an endpoint that is down on the backoff schedule, and delivers once it is back', async () => {
    const hook = await subscribe(['partner.updated']);
    await changePartner('While the receiver is down');
    const t0 = new Date(Date.now() + 1000);
    await fanOut(t.database.db, t0);
    answer = 503;
    received.length = 0;
    await deliverDue(t.database.db, opts, t0);
    const [d1] = await t.database.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, hook.id));
    expect(d1).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 503 });
    expect(d1!.nextAttemptAt!.getTime() - t0.getTime()).toBe(5_000);
    // Not yet due: nothing is sent.
    expect((await deliverDue(t.database.db, opts, new Date(t0.getTime() + 4_000))).sent).toBe(0);
    await deliverDue(t.database.db, opts, new Date(t0.getTime() + 5_000));
    const [d2] = await t.database.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, hook.id));
    expect(d2!.attempts).toBe(2);
    expect(d2!.nextAttemptAt!.getTime() - (t0.getTime() + 5_000)).toBe(300_000);
    answer = 200;
    await deliverDue(t.database.db, opts, new Date(t0.getTime() + 305_000));
    const [d3] = await t.database.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, hook.id));
    expect(d3).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200 });
    expect(d3!.log.map((l) => l.statusCode)).toEqual([503, 503, 200]);
    // Every attempt carried the same webhook-id: the receiver de-duplicates by it.
    expect(new Set(received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    await as(t.app, admin).delete(`/api/v1/webhooks/${hook.id}`);
  });

  it('gives up after the retry window, and a replay sends the same event again', async () => {
    const hook = await subscribe(['partner.updated']);
    await changePartner('The receiver never comes back');
    const t0 = new Date(Date.now() + 1000);
    await fanOut(t.database.db, t0);
    answer = 500;
    const short = { allowPrivate: true, retryHours: 0.5 };
    await deliverDue(t.database.db, short, t0); // next in 5 s
    await deliverDue(t.database.db, short, new Date(t0.getTime() + 5_000)); // next in 5 min
    await deliverDue(t.database.db, short, new Date(t0.getTime() + 305_000)); // next would be 30 min later: past 30 min
    const [dead] = await t.database.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, hook.id));
    expect(dead).toMatchObject({ status: 'failed', attempts: 3, nextAttemptAt: null });
    answer = 200;
    received.length = 0;
    const replay = await as(t.app, admin).post(`/api/v1/webhooks/${hook.id}/deliveries/${dead!.id}/replay`);
    expect(replay.statusCode).toBe(200);
    await deliverDue(t.database.db, opts);
    expect(received).toHaveLength(1);
    expect(received[0]!.headers['webhook-id']).toBe(dead!.eventId);
    expect(received[0]!.body).toBe(dead!.body);
    await as(t.app, admin).delete(`/api/v1/webhooks/${hook.id}`);
  });

  it('signs with both secrets for a day after a rotation', async () => {
    const hook = await subscribe(['webhook.test']);
    const rotated = await as(t.app, admin).post(`/api/v1/webhooks/${hook.id}/rotate-secret`, {
      version: hook.version,
    });
    expect(rotated.statusCode).toBe(200);
    const newSecret = rotated.json().secret as string;
    expect(newSecret).not.toBe(hook.secret);
    expect((await as(t.app, admin).post(`/api/v1/webhooks/${hook.id}/test`)).statusCode).toBe(202);
    received.length = 0;
    await deliverDue(t.database.db, opts);
    const [got] = received;
    expect((got!.headers['webhook-signature'] as string).split(' ')).toHaveLength(2);
    for (const secret of [hook.secret, newSecret])
      expect(new Webhook(secret).verify(got!.body, got!.headers as Record<string, string>)).toMatchObject({
        type: 'webhook.test',
      });
    await as(t.app, admin).delete(`/api/v1/webhooks/${hook.id}`);
  });

  it('refuses to connect to a private address at delivery time unless allowed', async () => {
    const hook = await subscribe(['webhook.test']);
    await as(t.app, admin).post(`/api/v1/webhooks/${hook.id}/test`);
    received.length = 0;
    await deliverDue(t.database.db, { allowPrivate: false, retryHours: 24 });
    expect(received).toHaveLength(0);
    const [d] = await t.database.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, hook.id));
    expect(d).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(d!.lastError).toMatch(/refused/);
    await as(t.app, admin).delete(`/api/v1/webhooks/${hook.id}`);
  });
});
