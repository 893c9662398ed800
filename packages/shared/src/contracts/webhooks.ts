import { z } from 'zod';
import { timestamp, versionField } from './common';

// Outgoing webhooks (Standard Webhooks: webhook-id, webhook-timestamp,
// webhook-signature = v1,<base64 HMAC-SHA256>). The vendor subscribes URLs to
// event types; `deal.*` matches every deal event, `*` every event.

export const eventPattern = z
  .string()
  .min(1)
  .max(80)
  // A wildcard only at the end: `deal.*` matches every deal event, `*` everything.
  .regex(/^(\*|[a-z_]+(\.[a-z_]+)*(\.\*)?)$/, 'An event type such as deal.approved, or deal.* or *');

export const webhookUrl = z
  .url({ protocol: /^https?$/, message: 'An http(s) URL' })
  .max(2000)
  .describe(
    'Where events are POSTed; loopback, link-local and private addresses are refused unless the operator allows them',
  );

export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  status: z.enum(['active', 'disabled']),
  secretPrefix: z.string().describe('The first characters of the signing secret, to tell secrets apart'),
  previousSecretExpiresAt: timestamp
    .nullable()
    .describe('After a rotation, the old secret also signs until then'),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookWithSecretSchema = webhookSchema.extend({
  secret: z.string().describe('The signing secret (whsec_…), shown only now'),
});

export const createWebhookBody = z.strictObject({
  url: webhookUrl,
  description: z.string().max(500).default(''),
  eventTypes: z.array(eventPattern).min(1).max(50),
});

export const updateWebhookBody = z.strictObject({
  version: versionField,
  url: webhookUrl.optional(),
  description: z.string().max(500).optional(),
  eventTypes: z.array(eventPattern).min(1).max(50).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export const rotateSecretBody = z.strictObject({ version: versionField });

export const deliverySchema = z.object({
  id: z.string(),
  eventId: z.string().describe('The webhook-id header: the same on every attempt and replay'),
  eventType: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  nextAttemptAt: timestamp.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastAttemptAt: timestamp.nullable(),
  deliveredAt: timestamp.nullable(),
  createdAt: timestamp,
  log: z.array(
    z.object({
      at: timestamp,
      statusCode: z.number().int().nullable(),
      error: z.string().nullable(),
      ms: z.number(),
    }),
  ),
});
export type Delivery = z.infer<typeof deliverySchema>;

export const deliveryListQuery = z.object({
  status: z.enum(['pending', 'delivered', 'failed']).optional(),
});

export const deliveryParams = z.object({
  id: z.string().min(1).max(64),
  deliveryId: z.string().min(1).max(64),
});
