import { sql } from 'drizzle-orm';
import { isVendor, type Actor } from '../../lib/actor';

/**
 * Imports are the vendor's administration of its own data: its staff (admins, by the `imports:manage`
 * permission) see every import, its file, errors and mappings; a partner sees none. The routes refuse a
 * partner before this is read; the rule holds it should a partner role ever be given the permission.
 */
export function visibleImports(actor: Actor) {
  return isVendor(actor) ? undefined : sql`false`;
}
