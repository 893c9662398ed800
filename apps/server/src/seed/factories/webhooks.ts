// Webhook subscriptions.
import type { Queryable } from '../../db/client';
import { newId } from '../../lib/ids';
import { webhookEndpoints } from '../../modules/webhooks/webhooks.tables';
import { unique } from './names';

/** A webhook subscription, stored directly (no URL check): for tests and examples. */
export async function createWebhookRecord(
  q: Queryable,
  input: { url?: string; eventTypes?: string[]; status?: 'active' | 'disabled'; secret?: string } = {},
) {
  const [row] = await q
    .insert(webhookEndpoints)
    .values({
      id: newId(),
      url: input.url ?? 'https://93.184.216.34/hooks',
      eventTypes: input.eventTypes ?? ['deal.*'],
      status: input.status ?? 'active',
      secret: input.secret ?? `whsec_${Buffer.from(unique().padEnd(24, 'x')).toString('base64')}`,
    })
    .returning();
  return row!;
}
