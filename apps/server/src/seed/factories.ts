// Factories build valid records directly in the database. The demo ecosystem
// and the tests use the same functions, so the demo is always data the tests
// have seen. Rows that imports of history (or the CLI) write too are built by
// their module (`*.records.ts`); a factory here makes up what a test leaves out.
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { tierInput } from '@partnergraph/shared/contracts/programs';
import type { Role } from '@partnergraph/shared/permissions';
import type { Queryable } from '../db/client';
import { newId } from '../lib/ids';
import { hashPassword } from '../lib/passwords';
import { apiTokens, invitations } from '../modules/identity/identity.tables';
import { insertUserRecord } from '../modules/identity/identity.records';
import { hashToken, randomToken } from '../lib/tokens';
import { domainOf } from '../modules/organizations/organizations.service';
import {
  insertPartnerOrganization,
  insertVendorOrganization,
} from '../modules/organizations/organizations.records';
import {
  dealRecordValues,
  insertDealRecord,
  insertReferralRecord,
  referralRecordValues,
  type DealRecordInput,
  type ReferralRecordInput,
} from '../modules/deals/deals.records';
import { contentHash } from '../modules/programs/agreements.service';
import { fxRates } from '../modules/settings/settings.tables';
import { webhookEndpoints } from '../modules/webhooks/webhooks.tables';
import {
  connectionRecordValues,
  insertConnectionRecord,
  type ConnectionRecordInput,
} from '../modules/marketplace/marketplace.records';
import {
  integrationInstalls,
  integrationListings,
  partnerProfiles,
  solutionMembers,
  solutions,
} from '../modules/marketplace/marketplace.tables';
import { emptyProfile, refreshSearchColumns } from '../modules/marketplace/profiles.service';
import type { ProfileFields } from '@partnergraph/shared/contracts/marketplace';
import {
  agreementAcceptances,
  agreements,
  agreementVersions,
  applications,
  enrollments,
  programs,
  programTiers,
  tierHistory,
} from '../modules/programs/programs.tables';

export const DEMO_PASSWORD = 'partnergraph-demo';

// Argon2id is slow by design: hash the shared demo/test password once per process.
let demoHash: Promise<string> | undefined;
export function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface PartnerInput {
  name?: string;
  website?: string | null;
  country?: string | null;
  status?: 'applicant' | 'active' | 'suspended' | 'terminated';
  types?: string[];
  primaryType?: string;
  description?: string;
  channelManagerId?: string | null;
  createdAt?: Date;
}

export async function createVendorOrganization(q: Queryable, name: string) {
  return insertVendorOrganization(q, name);
}

/** A partner with made-up name and website unless given (the site follows the name). */
export async function createPartnerOrganization(q: Queryable, input: PartnerInput = {}) {
  const name = input.name ?? `Partner ${unique()}`;
  const website =
    input.website === undefined
      ? `https://${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`
      : input.website;
  return insertPartnerOrganization(q, { ...input, name, website });
}

/** People of a seeded organization joined when it did (a day later): the seed writes them after the fact. */
export async function backdateMembers(q: Queryable) {
  await q.execute(sql`update users u set created_at = o.created_at + interval '1 day',
      updated_at = o.created_at + interval '1 day'
    from organizations o where o.id = u.organization_id and u.created_at > o.created_at + interval '1 day'`);
}

export interface UserInput {
  organizationId: string;
  role: Role;
  email?: string;
  name?: string;
  /** Defaults to the demo password's hash. */
  passwordHash?: string;
  status?: 'active' | 'deactivated';
}

export async function createUser(q: Queryable, input: UserInput) {
  return insertUserRecord(q, {
    ...input,
    email: input.email ?? `user-${unique()}@test.example`,
    name: input.name ?? 'Test User',
    passwordHash: input.passwordHash ?? (await demoPasswordHash()),
  });
}

export async function createInvitationRecord(
  q: Queryable,
  input: {
    organizationId: string;
    role?: Role;
    email?: string;
    invitedByUserId?: string | null;
    expiresAt?: Date;
  },
) {
  const token = randomToken();
  const [invitation] = await q
    .insert(invitations)
    .values({
      id: newId(),
      organizationId: input.organizationId,
      email: input.email ?? `invitee-${unique()}@test.example`,
      role: input.role ?? 'partner_user',
      tokenHash: hashToken(token),
      invitedByUserId: input.invitedByUserId ?? null,
      expiresAt: input.expiresAt ?? new Date(Date.now() + 7 * 24 * 3600_000),
    })
    .returning();
  return { invitation: invitation!, token };
}

export async function createApiTokenRecord(
  q: Queryable,
  input: { userId: string; scope?: 'read' | 'read_write'; name?: string; expiresAt?: Date },
) {
  const token = randomToken('pgt_');
  const [row] = await q
    .insert(apiTokens)
    .values({
      id: newId(),
      userId: input.userId,
      name: input.name ?? 'test token',
      scope: input.scope ?? 'read_write',
      tokenHash: hashToken(token),
      prefix: token.slice(0, 10),
      expiresAt: input.expiresAt ?? new Date(Date.now() + 30 * 24 * 3600_000),
    })
    .returning();
  return { row: row!, token };
}

/** Tier input as a person writes it; parsed through the API's schema so defaults apply exactly as they would there. */
type TierSeed = z.input<typeof tierInput>;

export async function createProgramRecord(
  q: Queryable,
  input: {
    name?: string;
    description?: string;
    status?: 'draft' | 'published' | 'retired';
    eligibleTypes?: string[];
    tracks?: string[];
    requiredAgreementTypes?: string[];
    checklist?: {
      key: string;
      kind: 'accept_agreement' | 'complete_profile' | 'invite_teammate' | 'custom';
      title: string;
    }[];
    demotionGraceDays?: number;
    agreementDeadlineDays?: number;
    tiers?: TierSeed[];
  } = {},
) {
  const id = newId();
  const [program] = await q
    .insert(programs)
    .values({
      id,
      name: input.name ?? `Program ${unique()}`,
      description: input.description ?? '',
      status: input.status ?? 'published',
      eligibleTypes: input.eligibleTypes ?? [
        'reseller',
        'msp',
        'isv',
        'system_integrator',
        'technology_partner',
        'distributor',
        'referral_partner',
        'community_influencer',
      ],
      tracks: input.tracks ?? [],
      requiredAgreementTypes: input.requiredAgreementTypes ?? [],
      checklist: input.checklist ?? [],
      demotionGraceDays: input.demotionGraceDays ?? 90,
      agreementDeadlineDays: input.agreementDeadlineDays ?? 30,
      publishedAt: input.status === 'draft' ? null : new Date(),
    })
    .returning();
  const tiers = (input.tiers ?? [{ code: 'registered', name: 'Registered' }]).map((t) => tierInput.parse(t));
  const rows = await q
    .insert(programTiers)
    .values(
      tiers.map((t, i) => ({
        id: newId(),
        programId: id,
        programVersion: 1,
        rank: i + 1,
        code: t.code,
        name: t.name,
        requirements: t.requirements ?? [],
        benefits: t.benefits ?? [],
      })),
    )
    .returning();
  return { program: program!, tiers: rows.sort((a, b) => a.rank - b.rank) };
}

export async function createAgreementRecord(
  q: Queryable,
  input: { type: (typeof agreements.$inferInsert)['type']; name?: string; body?: string },
) {
  const body = input.body ?? `# ${input.name ?? input.type} agreement\n\nThe partner agrees to the terms.`;
  const [agreement] = await q
    .insert(agreements)
    .values({ id: newId(), type: input.type, name: input.name ?? `${input.type} agreement` })
    .returning();
  const [version] = await q
    .insert(agreementVersions)
    .values({
      id: newId(),
      agreementId: agreement!.id,
      versionNumber: 1,
      body,
      contentHash: contentHash(body),
    })
    .returning();
  return { agreement: agreement!, version: version! };
}

export async function acceptAgreementRecord(
  q: Queryable,
  input: {
    agreementId: string;
    versionId: string;
    organizationId: string;
    userId: string;
    contentHash: string;
    acceptedAt?: Date;
  },
) {
  await q.insert(agreementAcceptances).values({ id: newId(), ...input });
}

export async function createEnrollmentRecord(
  q: Queryable,
  input: {
    organizationId: string;
    programId: string;
    tierId: string;
    status?: 'pending_agreement' | 'active' | 'suspended' | 'terminated';
    createdAt?: Date;
  },
) {
  const id = newId();
  const [row] = await q
    .insert(enrollments)
    .values({
      id,
      organizationId: input.organizationId,
      programId: input.programId,
      tierId: input.tierId,
      status: input.status ?? 'active',
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    })
    .returning();
  await q.insert(tierHistory).values({
    id: newId(),
    enrollmentId: id,
    kind: 'initial',
    toTierId: input.tierId,
    reason: 'Enrolled',
    ...(input.createdAt ? { at: input.createdAt } : {}),
  });
  return row!;
}

export async function createApplicationRecord(
  q: Queryable,
  input: {
    programIds: string[];
    companyName?: string;
    website?: string;
    country?: string;
    partnerTypes?: string[];
    contactName?: string;
    contactEmail?: string;
    message?: string;
  },
) {
  const companyName = input.companyName ?? `Applicant ${unique()}`;
  const website = input.website ?? `https://${companyName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.example`;
  const [row] = await q
    .insert(applications)
    .values({
      id: newId(),
      companyName,
      website,
      domain: domainOf(website),
      country: input.country ?? 'US',
      partnerTypes: input.partnerTypes ?? ['reseller'],
      programIds: input.programIds,
      contactName: input.contactName ?? 'Applicant Contact',
      contactEmail: input.contactEmail ?? `contact-${unique()}@applicant.example`,
      message: input.message ?? '',
    })
    .returning();
  return row!;
}

export async function createFxRateRecord(
  q: Queryable,
  input: { currency: string; rate: string; effectiveDate: string; reportingCurrency?: string },
) {
  const [row] = await q
    .insert(fxRates)
    .values({
      id: newId(),
      currency: input.currency,
      reportingCurrency: input.reportingCurrency ?? 'USD',
      rate: input.rate,
      effectiveDate: input.effectiveDate,
    })
    .returning();
  return row!;
}

export type DealInput = Omit<DealRecordInput, 'customerName'> & { customerName?: string };

/** A deal at any point of its life, with its own dates: what the demo and tests need. */
export async function createDealRecord(q: Queryable, input: DealInput) {
  return insertDealRecord(
    q,
    dealRecordValues({ ...input, customerName: input.customerName ?? `Customer ${unique()}` }),
  );
}

export type ReferralInput = Omit<ReferralRecordInput, 'companyName'> & { companyName?: string };

export async function createReferralRecord(q: Queryable, input: ReferralInput) {
  return insertReferralRecord(
    q,
    referralRecordValues({ ...input, companyName: input.companyName ?? `Prospect ${unique()}` }),
  );
}

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
