import { sql } from 'drizzle-orm';
import { isVendor, type Actor } from '../../lib/actor';

/**
 * Who sees the CRM sync's records: the vendor's staff (the `crm:manage` permission narrows that to its
 * admins). Connections hold the vendor's CRM grant, links name the vendor's customers and the runs' log
 * carries its opportunities' amounts, so a partner sees none of them — should a partner role ever be given
 * the permission, every read still answers 404. The sync job reads through the repository's `…ForSync`
 * functions, which act for no person.
 */
const vendorOnly = (actor: Actor) => (isVendor(actor) ? undefined : sql`false`);

export const visibleCrmConnections = vendorOnly;
export const visibleCrmLinks = vendorOnly;
export const visibleCrmRuns = vendorOnly;
export const visibleCrmRunRecords = vendorOnly;
