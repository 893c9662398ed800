import type { Queryable } from '../../db/client';
import { findPartnerTypeNames } from '../organizations/organizations.repository';

/** Partner type code → name, with the buckets metrics use for deals without a partner type. */
export async function typeNames(q: Queryable): Promise<Map<string, string>> {
  const rows = await findPartnerTypeNames(q);
  const names = new Map(rows.map((r) => [r.code, r.name]));
  names.set('unknown', 'No partner type');
  names.set('vendor_sourced', 'Vendor-sourced');
  return names;
}
