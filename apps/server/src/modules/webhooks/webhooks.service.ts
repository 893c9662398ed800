import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  createWebhookBody,
  deliveryListQuery,
  updateWebhookBody,
} from '@partnergraph/shared/contracts/webhooks';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { invalid, notFound, unprocessable } from '../../lib/errors';
import { isId, newId } from '../../lib/ids';
import { keyset, where } from '../../lib/pagination';
import { eventBody } from './delivery';
import { checkWebhookUrl } from './url-safety';
import { webhookDeliveries, webhookEndpoints } from './webhooks.tables';
import { visibleWebhooks } from './webhooks.visibility';

type EndpointRow = typeof webhookEndpoints.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/** How long the old secret keeps signing after a rotation. */
const ROTATION_GRACE_MS = 24 * 3600_000;

const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

const toDto = (e: EndpointRow) => ({
  id: e.id,
  url: e.url,
  description: e.description,
  eventTypes: e.eventTypes,
  status: e.status,
  secretPrefix: e.secret.slice(0, 12),
  previousSecretExpiresAt: e.previousSecretExpiresAt?.toISOString() ?? null,
  version: e.version,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

/** What the audit log keeps of an endpoint: never its secret. */
const auditView = (e: EndpointRow) => ({
  url: e.url,
  description: e.description,
  eventTypes: e.eventTypes,
  status: e.status,
});

const deliveryDto = (d: DeliveryRow) => ({
  id: d.id,
  eventId: d.eventId,
  eventType: d.eventType,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
  lastStatusCode: d.lastStatusCode,
  lastError: d.lastError,
  lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
  deliveredAt: d.deliveredAt?.toISOString() ?? null,
  createdAt: d.createdAt.toISOString(),
  log: d.log,
});

async function requireSafeUrl(url: string, allowPrivate: boolean) {
  const problem = await checkWebhookUrl(url, allowPrivate);
  if (problem) throw invalid([{ path: 'body.url', message: problem }]);
}

async function load(db: Queryable, actor: Actor, id: string, lock = false) {
  if (!isId(id)) throw notFound('webhook');
  const q = db
    .select()
    .from(webhookEndpoints)
    .where(and(visibleWebhooks(actor), eq(webhookEndpoints.id, id)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound('webhook');
  return row;
}

export async function listWebhooks(db: Db, actor: Actor) {
  const rows = await db
    .select()
    .from(webhookEndpoints)
    .where(visibleWebhooks(actor))
    .orderBy(desc(webhookEndpoints.createdAt));
  return { items: rows.map(toDto) };
}

export async function getWebhook(db: Db, actor: Actor, id: string) {
  return toDto(await load(db, actor, id));
}

export async function createWebhook(
  db: Db,
  ctx: Ctx,
  input: z.output<typeof createWebhookBody>,
  allowPrivate: boolean,
) {
  await requireSafeUrl(input.url, allowPrivate);
  return runChange(db, ctx, async (tx, record) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({
        id: newId(),
        url: input.url,
        description: input.description,
        eventTypes: [...new Set(input.eventTypes)],
        secret: newSecret(),
      })
      .returning();
    record.audit({
      action: 'webhook.created',
      entityType: 'webhook',
      entityId: row!.id,
      after: auditView(row!),
    });
    return { ...toDto(row!), secret: row!.secret };
  });
}

export async function updateWebhook(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.output<typeof updateWebhookBody>,
  allowPrivate: boolean,
) {
  if (input.url) await requireSafeUrl(input.url, allowPrivate);
  return runChange(db, ctx, async (tx, record) => {
    const before = await load(tx, ctx.actor, id, true);
    assertVersion(before, input.version);
    const [after] = await tx
      .update(webhookEndpoints)
      .set({
        ...(input.url ? { url: input.url } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.eventTypes ? { eventTypes: [...new Set(input.eventTypes)] } : {}),
        ...(input.status ? { status: input.status } : {}),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(webhookEndpoints.id, id))
      .returning();
    record.audit({
      action: 'webhook.updated',
      entityType: 'webhook',
      entityId: id,
      before: auditView(before),
      after: auditView(after!),
    });
    return toDto(after!);
  });
}

export async function deleteWebhook(db: Db, ctx: Ctx, id: string) {
  await runChange(db, ctx, async (tx, record) => {
    const before = await load(tx, ctx.actor, id, true);
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    record.audit({
      action: 'webhook.deleted',
      entityType: 'webhook',
      entityId: id,
      before: auditView(before),
    });
  });
}

/** A new secret; the old one keeps signing (beside it) for a day, so receivers switch without losing events. */
export async function rotateSecret(db: Db, ctx: Ctx, id: string, version: number) {
  return runChange(db, ctx, async (tx, record) => {
    const before = await load(tx, ctx.actor, id, true);
    assertVersion(before, version);
    const [after] = await tx
      .update(webhookEndpoints)
      .set({
        secret: newSecret(),
        previousSecret: before.secret,
        previousSecretExpiresAt: new Date(Date.now() + ROTATION_GRACE_MS),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(webhookEndpoints.id, id))
      .returning();
    record.audit({ action: 'webhook.secret_rotated', entityType: 'webhook', entityId: id });
    return { ...toDto(after!), secret: after!.secret };
  });
}

export async function listDeliveries(
  db: Db,
  actor: Actor,
  id: string,
  query: z.output<typeof deliveryListQuery>,
  page: { limit: number; cursor?: string | undefined },
) {
  await load(db, actor, id);
  const ks = keyset(
    { createdAt: { column: webhookDeliveries.createdAt, cast: 'timestamptz' } },
    webhookDeliveries.id,
    {
      ...page,
      sort: '-createdAt',
    },
  );
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(
      where(
        eq(webhookDeliveries.endpointId, id),
        query.status ? eq(webhookDeliveries.status, query.status) : undefined,
        ks.after,
      ),
    )
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const { items, nextCursor } = ks.page(rows, (r) => r.createdAt.toISOString());
  return { items: items.map(deliveryDto), nextCursor };
}

/** Sends a delivery again now (same webhook-id and body): for a receiver that lost or rejected it. */
export async function replayDelivery(db: Db, ctx: Ctx, id: string, deliveryId: string) {
  return runChange(db, ctx, async (tx, record) => {
    await load(tx, ctx.actor, id);
    if (!isId(deliveryId)) throw notFound('delivery');
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ status: 'pending', nextAttemptAt: new Date(), deliveredAt: null })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, id)))
      .returning();
    if (!row) throw notFound('delivery');
    record.audit({
      action: 'webhook.delivery_replayed',
      entityType: 'webhook',
      entityId: id,
      after: { deliveryId, eventId: row.eventId },
    });
    return deliveryDto(row);
  });
}

/** Queues a `webhook.test` event for this endpoint alone: a way to check a receiver end to end. */
export async function sendTestEvent(db: Db, ctx: Ctx, id: string) {
  return runChange(db, ctx, async (tx, record) => {
    const endpoint = await load(tx, ctx.actor, id);
    if (endpoint.status !== 'active')
      throw unprocessable('This webhook is disabled: enable it to send a test');
    const eventId = newId();
    const [row] = await tx
      .insert(webhookDeliveries)
      .values({
        id: newId(),
        endpointId: id,
        eventId,
        eventType: 'webhook.test',
        body: eventBody({ type: 'webhook.test', createdAt: new Date(), payload: { webhookId: id } }),
        status: 'pending',
        nextAttemptAt: new Date(),
      })
      .returning();
    record.audit({ action: 'webhook.test_sent', entityType: 'webhook', entityId: id, after: { eventId } });
    return deliveryDto(row!);
  });
}
