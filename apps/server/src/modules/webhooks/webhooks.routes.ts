import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, pageOf, paginationQuery } from '@partnergraph/shared/contracts/common';
import {
  createWebhookBody,
  deliveryListQuery,
  deliveryParams,
  deliverySchema,
  rotateSecretBody,
  updateWebhookBody,
  webhookSchema,
  webhookWithSecretSchema,
} from '@partnergraph/shared/contracts/webhooks';
import type { Deps } from '../../lib/deps';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
  replayDelivery,
  rotateSecret,
  sendTestEvent,
  updateWebhook,
} from './webhooks.service';

export default async function webhookRoutes(app: FastifyInstance, { db, config }: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['webhooks'];
  const access = 'webhooks:manage' as const;
  const allowPrivate = config.WEBHOOK_ALLOW_PRIVATE;

  r.get(
    '/webhooks',
    {
      config: { access },
      schema: {
        tags,
        summary: 'List webhook subscriptions',
        response: { 200: z.object({ items: z.array(webhookSchema) }) },
      },
    },
    async (req) => listWebhooks(db, req.ctx.actor),
  );
  r.post(
    '/webhooks',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Subscribe a URL to event types',
        description:
          'Deliveries are POSTs signed per Standard Webhooks (webhook-id = the event id, webhook-timestamp, webhook-signature `v1,<base64 HMAC-SHA256>`), retried with backoff for WEBHOOK_RETRY_HOURS. The secret is in this response only. A URL resolving to a loopback, link-local or private address answers 400 unless WEBHOOK_ALLOW_PRIVATE is set.',
        body: createWebhookBody,
        response: { 201: webhookWithSecretSchema },
      },
    },
    async (req, reply) => reply.code(201).send(await createWebhook(db, req.ctx, req.body, allowPrivate)),
  );
  r.get(
    '/webhooks/:id',
    {
      config: { access },
      schema: { tags, summary: 'Get a webhook', params: idParams, response: { 200: webhookSchema } },
    },
    async (req) => getWebhook(db, req.ctx.actor, req.params.id),
  );
  r.patch(
    '/webhooks/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Change a webhook (URL, event types, description, active or disabled)',
        description:
          'While a webhook is disabled nothing is queued or sent to it; events of that time are not sent when it is enabled again.',
        params: idParams,
        body: updateWebhookBody,
        response: { 200: webhookSchema },
      },
    },
    async (req) => updateWebhook(db, req.ctx, req.params.id, req.body, allowPrivate),
  );
  r.delete(
    '/webhooks/:id',
    {
      config: { access },
      schema: { tags, summary: 'Delete a webhook and its delivery log', params: idParams },
    },
    async (req, reply) => {
      await deleteWebhook(db, req.ctx, req.params.id);
      return reply.code(204).send();
    },
  );
  r.post(
    '/webhooks/:id/rotate-secret',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Rotate the signing secret',
        description:
          'The new secret is in this response only; the old one keeps signing beside it for 24 hours.',
        params: idParams,
        body: rotateSecretBody,
        response: { 200: webhookWithSecretSchema },
      },
    },
    async (req) => rotateSecret(db, req.ctx, req.params.id, req.body.version),
  );
  r.post(
    '/webhooks/:id/test',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Send a webhook.test event to this endpoint',
        params: idParams,
        response: { 202: deliverySchema },
      },
    },
    async (req, reply) => reply.code(202).send(await sendTestEvent(db, req.ctx, req.params.id)),
  );
  r.get(
    '/webhooks/:id/deliveries',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The delivery log: every event sent, its attempts and response codes (newest first)',
        params: idParams,
        querystring: deliveryListQuery.extend(paginationQuery.shape),
        response: { 200: pageOf(deliverySchema) },
      },
    },
    async (req) => listDeliveries(db, req.ctx.actor, req.params.id, req.query, req.query),
  );
  r.post(
    '/webhooks/:id/deliveries/:deliveryId/replay',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Send a delivery again now (same webhook-id and body)',
        description:
          'One more attempt now, then the usual retries while the delivery is within WEBHOOK_RETRY_HOURS of its creation.',
        params: deliveryParams,
        response: { 200: deliverySchema },
      },
    },
    async (req) => replayDelivery(db, req.ctx, req.params.id, req.params.deliveryId),
  );
}
