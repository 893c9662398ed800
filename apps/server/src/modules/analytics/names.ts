import type { Queryable } from '../../db/client';
import { partnerTypes } from '../organizations/organizations.tables';

/** Partner type code → name, with the buckets metrics use for deals without a partner type. */
export async function typeNames(q: Queryable): Promise<Map<string, string>> {
  const rows = await q.select({ code: partnerTypes.code, name: partnerTypes.name }).from(partnerTypes);
  const names = new Map(rows.map((r) => [r.code, r.name]));
  names.set('unknown', 'No partner type');
  names.set('vendor_sourced', 'Vendor-sourced');
  return names;
}
