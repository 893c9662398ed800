// The stored rows of organizations, written as they are: no rules, no audit.
// The CLI's first admin, the demo seed and the tests write them (the last two
// through seed/factories.ts, which makes up what they leave out).
import type { Queryable } from '../../db/client';
import { newId } from '../../lib/ids';
import { replacePartnerTypes } from './organizations.repository';
import { domainOf } from './organizations.service';
import { organizations } from './organizations.tables';

export async function insertVendorOrganization(q: Queryable, name: string) {
  const [org] = await q
    .insert(organizations)
    .values({ id: newId(), kind: 'vendor', name, status: 'active' })
    .returning();
  return org!;
}

export interface PartnerRecordInput {
  name: string;
  website: string | null;
  country?: string | null;
  status?: 'applicant' | 'active' | 'suspended' | 'terminated';
  types?: string[];
  primaryType?: string;
  description?: string;
  channelManagerId?: string | null;
  createdAt?: Date;
}

/** A partner organization with its types (the first is primary unless named). */
export async function insertPartnerOrganization(q: Queryable, input: PartnerRecordInput) {
  const types = input.types ?? ['reseller'];
  const [org] = await q
    .insert(organizations)
    .values({
      id: newId(),
      kind: 'partner',
      name: input.name,
      status: input.status ?? 'active',
      website: input.website,
      domain: domainOf(input.website),
      country: input.country === undefined ? 'US' : input.country,
      description: input.description ?? '',
      channelManagerId: input.channelManagerId ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt, updatedAt: input.createdAt } : {}),
    })
    .returning();
  await replacePartnerTypes(q, org!.id, types, input.primaryType ?? types[0]!);
  return org!;
}
