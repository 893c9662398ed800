// Programs with their tiers, agreements and their acceptance, enrollments and applications.
import type { z } from 'zod';
import { tierInput } from '@partnergraph/shared/contracts/programs';
import type { Queryable } from '../../db/client';
import { newId } from '../../lib/ids';
import { domainOf } from '../../modules/organizations/organizations.service';
import { contentHash } from '../../modules/programs/agreements.service';
import {
  agreementAcceptances,
  agreements,
  agreementVersions,
  applications,
  enrollments,
  programs,
  programTiers,
  tierHistory,
} from '../../modules/programs/programs.tables';
import { unique } from './names';

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
