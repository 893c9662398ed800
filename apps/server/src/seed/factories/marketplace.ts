// Profiles, connections, integrations and solutions.
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { newId } from '../../lib/ids';
import {
  connectionRecordValues,
  insertConnectionRecord,
  type ConnectionRecordInput,
} from '../../modules/marketplace/marketplace.records';
import {
  integrationInstalls,
  integrationListings,
  partnerProfiles,
  solutionMembers,
  solutions,
} from '../../modules/marketplace/marketplace.tables';
import { emptyProfile, refreshSearchColumns } from '../../modules/marketplace/profiles.service';
import type { ProfileFields } from '@partnergraph/shared/contracts/marketplace';
import { unique } from './names';

/** A profile in a given state; published ones get their search columns, as publishing does. */
export async function createProfileRecord(
  q: Queryable,
  organizationId: string,
  input: {
    status?: 'draft' | 'published' | 'unpublished';
    fields?: Partial<ProfileFields>;
    draft?: Partial<ProfileFields>;
    publishedAt?: Date;
  } = {},
) {
  const status = input.status ?? 'published';
  const published = {
    ...emptyProfile(),
    description: 'We help customers succeed with the product.',
    countries: ['US'],
    ...input.fields,
  };
  const draft = { ...published, ...input.draft };
  const values = {
    organizationId,
    status,
    draft,
    published: status === 'draft' ? null : published,
    publishedAt: status === 'draft' ? null : (input.publishedAt ?? new Date()),
  };
  await q
    .insert(partnerProfiles)
    .values(values)
    .onConflictDoUpdate({
      target: partnerProfiles.organizationId,
      set: { ...values, version: sql`${partnerProfiles.version} + 1` },
    });
  if (status !== 'draft') await refreshSearchColumns(q, organizationId);
  const [row] = await q
    .select()
    .from(partnerProfiles)
    .where(eq(partnerProfiles.organizationId, organizationId));
  return row!;
}

export async function createConnectionRecord(q: Queryable, input: ConnectionRecordInput) {
  return insertConnectionRecord(q, connectionRecordValues(input));
}

export async function createIntegrationRecord(
  q: Queryable,
  input: {
    organizationId: string;
    name?: string;
    category?: string;
    description?: string;
    status?: 'draft' | 'submitted' | 'published' | 'rejected';
    editions?: string[];
    installs?: { customerDomain: string; customerName?: string; installedAt?: string }[];
  },
) {
  const status = input.status ?? 'published';
  const [row] = await q
    .insert(integrationListings)
    .values({
      id: newId(),
      organizationId: input.organizationId,
      name: input.name ?? `Connector ${unique()}`,
      category: input.category ?? 'Security',
      description: input.description ?? 'Syncs alerts and users both ways.',
      documentationUrl: 'https://docs.example.com/connector',
      editions: input.editions ?? ['Enterprise'],
      status,
      publishedAt: status === 'published' ? new Date() : null,
    })
    .returning();
  if (input.installs?.length) {
    await q.insert(integrationInstalls).values(
      input.installs.map((i) => ({
        listingId: row!.id,
        customerDomain: i.customerDomain,
        customerName: i.customerName ?? null,
        installedAt: i.installedAt ?? new Date().toISOString().slice(0, 10),
      })),
    );
  }
  return row!;
}

export async function createSolutionRecord(
  q: Queryable,
  input: {
    createdByOrgId: string;
    name?: string;
    description?: string;
    members: { organizationId: string; role: string; accepted?: boolean }[];
  },
) {
  const allAccepted = input.members.every((m) => m.accepted !== false);
  const now = new Date();
  const [row] = await q
    .insert(solutions)
    .values({
      id: newId(),
      name: input.name ?? `Solution ${unique()}`,
      description: input.description ?? 'Two partners, one answer to the customer’s problem.',
      createdByOrgId: input.createdByOrgId,
      status: allAccepted ? 'published' : 'pending',
      publishedAt: allAccepted ? now : null,
    })
    .returning();
  await q.insert(solutionMembers).values(
    input.members.map((m) => ({
      solutionId: row!.id,
      organizationId: m.organizationId,
      role: m.role,
      acceptedAt: m.accepted === false ? null : now,
    })),
  );
  return row!;
}
