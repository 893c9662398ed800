// Outbox → webhooks. Every state change wrote an outbox event in its own
// transaction; this worker fans each event out to the subscribed endpoints,
// then delivers with Standard Webhooks signatures, retrying with backoff for a
// configurable time. Delivery is at least once: receivers de-duplicate by the
// webhook-id (the event id), and must not rely on order.
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { lookup as dnsLookup } from 'node:dns';
import { performance } from 'node:perf_hooks';
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import type { Db } from '../../db/client';
import { outbox } from '../../db/platform.tables';
import { newId } from '../../lib/ids';
import { isForbiddenAddress } from './url-safety';
import { type AttemptLog, webhookDeliveries, webhookEndpoints } from './webhooks.tables';

export interface DeliveryOptions {
  /** Loopback and private addresses are refused unless the operator allows them (WEBHOOK_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  /** How long a delivery is retried before it is marked failed (WEBHOOK_RETRY_HOURS). */
  retryHours: number;
  timeoutMs?: number;
}

/** Seconds before the next attempt after `attempts` failed ones (Standard Webhooks' suggested schedule). */
const schedule = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600];
export const retryDelaySeconds = (attempts: number) => schedule[Math.min(attempts, schedule.length) - 1] ?? 5;

/** Whether an event type is covered by a subscription's patterns (`deal.*`, `*`, or exact). */
export function matches(patterns: string[], type: string): boolean {
  return patterns.some(
    (p) => p === '*' || p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))),
  );
}

export const eventBody = (e: { type: string; createdAt: Date; payload: Record<string, unknown> }) =>
  JSON.stringify({ type: e.type, timestamp: e.createdAt.toISOString(), data: e.payload });

/**
 * Hands new outbox events to the endpoints subscribed to them, in one
 * transaction (rows locked with SKIP LOCKED, so two processes never fan out
 * one event twice). An endpoint receives events created after it was.
 */
export async function fanOut(db: Db, now = new Date(), batch = 500): Promise<number> {
  return db.transaction(async (tx) => {
    const events = await tx
      .select()
      .from(outbox)
      .where(isNull(outbox.deliveredAt))
      .orderBy(asc(outbox.createdAt))
      .limit(batch)
      .for('update', { skipLocked: true });
    if (!events.length) return 0;
    const endpoints = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.status, 'active'));
    const rows = events.flatMap((e) =>
      endpoints
        .filter((ep) => ep.createdAt <= e.createdAt && matches(ep.eventTypes, e.type))
        .map((ep) => ({
          id: newId(),
          endpointId: ep.id,
          eventId: e.id,
          eventType: e.type,
          body: eventBody(e),
          status: 'pending' as const,
          nextAttemptAt: now,
        })),
    );
    if (rows.length) await tx.insert(webhookDeliveries).values(rows).onConflictDoNothing();
    await tx
      .update(outbox)
      .set({ deliveredAt: now, attempts: sql`${outbox.attempts} + 1` })
      .where(
        inArray(
          outbox.id,
          events.map((e) => e.id),
        ),
      );
    return events.length;
  });
}

/** A DNS lookup that refuses forbidden addresses at connect time (after DNS: no rebinding). */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, '', 0);
    const list = addresses as unknown as { address: string; family: number }[];
    const bad = list.find((a) => isForbiddenAddress(a.address));
    if (bad) return callback(new Error(`refused: ${hostname} resolves to ${bad.address}`), '', 0);
    if ((options as { all?: boolean }).all)
      return (callback as unknown as (e: null, a: unknown) => void)(null, list);
    return callback(null, list[0]!.address, list[0]!.family);
  });
};

/** POSTs the body; answers the status code or the network error. Redirects are not followed. */
function post(url: string, headers: Record<string, string>, body: string, opts: DeliveryOptions) {
  return new Promise<{ statusCode: number | null; error: string | null }>((resolve) => {
    const u = new URL(url);
    // A literal address never goes through DNS: check it here.
    const host = u.hostname.replace(/^\[|\]$/g, '');
    if (!opts.allowPrivate && /^[\d.:a-f]+$/i.test(host) && isForbiddenAddress(host)) {
      resolve({ statusCode: null, error: `refused: ${host} is a loopback, link-local or private address` });
      return;
    }
    const req = (u.protocol === 'https:' ? https : http).request(
      u,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
        timeout: opts.timeoutMs ?? 10_000,
        ...(opts.allowPrivate ? {} : { lookup: guardedLookup }),
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ statusCode: res.statusCode ?? null, error: null }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (err) => resolve({ statusCode: null, error: err.message.slice(0, 300) }));
    req.end(body);
  });
}

/** Standard Webhooks headers; during a rotation both secrets sign (space-separated). */
export function signatureHeaders(
  endpoint: { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null },
  eventId: string,
  body: string,
  at: Date,
) {
  const secrets = [endpoint.secret];
  if (endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > at)
    secrets.push(endpoint.previousSecret);
  return {
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(eventId, at, body)).join(' '),
  };
}

/** How long a claimed delivery stays with the worker that claimed it (a crash mid-send frees it after). */
const LEASE_MS = 60_000;

/**
 * Sends every due delivery once. Deliveries are claimed in a short
 * transaction (their next attempt pushed a lease away), sent outside any
 * transaction, and their outcome recorded: delivered, retried later, or
 * failed once the retry time is spent.
 */
export async function deliverDue(db: Db, opts: DeliveryOptions, now = new Date(), batch = 50) {
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ d: webhookDeliveries })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(
        and(
          eq(webhookDeliveries.status, 'pending'),
          lte(webhookDeliveries.nextAttemptAt, now),
          eq(webhookEndpoints.status, 'active'),
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(batch)
      .for('update', { of: webhookDeliveries, skipLocked: true });
    if (due.length) {
      await tx
        .update(webhookDeliveries)
        .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
        .where(
          inArray(
            webhookDeliveries.id,
            due.map((r) => r.d.id),
          ),
        );
    }
    return due.map((r) => r.d);
  });
  let delivered = 0;
  let failed = 0;
  const endpointIds = [...new Set(claimed.map((d) => d.endpointId))];
  const endpoints = new Map(
    (endpointIds.length
      ? await db.select().from(webhookEndpoints).where(inArray(webhookEndpoints.id, endpointIds))
      : []
    ).map((e) => [e.id, e]),
  );
  for (const d of claimed) {
    const endpoint = endpoints.get(d.endpointId);
    if (!endpoint) continue;
    const started = performance.now();
    const result = await post(endpoint.url, signatureHeaders(endpoint, d.eventId, d.body, now), d.body, opts);
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const attempts = d.attempts + 1;
    const entry: AttemptLog = {
      at: now.toISOString(),
      statusCode: result.statusCode,
      error: result.error,
      ms: Math.round(performance.now() - started),
    };
    const next = new Date(now.getTime() + retryDelaySeconds(attempts) * 1000);
    const outOfTime = next.getTime() > d.createdAt.getTime() + opts.retryHours * 3600_000;
    const status = ok ? 'delivered' : outOfTime ? 'failed' : 'pending';
    if (ok) delivered++;
    else if (outOfTime) failed++;
    await db
      .update(webhookDeliveries)
      .set({
        status,
        attempts,
        nextAttemptAt: status === 'pending' ? next : null,
        lastStatusCode: result.statusCode,
        lastError: result.error ?? (ok ? null : `HTTP ${result.statusCode}`),
        lastAttemptAt: now,
        deliveredAt: ok ? now : null,
        log: [...d.log, entry].slice(-20),
      })
      .where(eq(webhookDeliveries.id, d.id));
  }
  return { sent: claimed.length, delivered, failed };
}

/** The worker's tick: fan out new events, then deliver what is due. */
export async function runWebhooks(db: Db, opts: DeliveryOptions, now = new Date()) {
  const events = await fanOut(db, now);
  return { events, ...(await deliverDue(db, opts, now)) };
}
