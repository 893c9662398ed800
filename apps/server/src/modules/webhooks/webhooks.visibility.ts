import { sql } from 'drizzle-orm';
import { isVendor, type Actor } from '../../lib/actor';

/**
 * Webhook endpoints receive events about every organization: they are the vendor's integration
 * (its admins manage them, by `webhooks:manage`), with their deliveries; a partner sees none. The
 * routes refuse a partner before this is read; the rule holds should a partner role ever be given
 * the permission.
 */
export function visibleWebhooks(actor: Actor) {
  return isVendor(actor) ? undefined : sql`false`;
}
