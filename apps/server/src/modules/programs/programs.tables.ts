import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { TierBenefit, TierRule } from '@partnergraph/shared/contracts/programs';
import { users } from '../identity/identity.tables';
import { organizations } from '../organizations/organizations.tables';

type ChecklistItem = {
  key: string;
  kind: 'accept_agreement' | 'complete_profile' | 'invite_teammate' | 'custom';
  title: string;
};

export const programs = pgTable('programs', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  status: text('status', { enum: ['draft', 'published', 'retired'] })
    .notNull()
    .default('draft'),
  eligibleTypes: jsonb('eligible_types').$type<string[]>().notNull(),
  tracks: jsonb('tracks').$type<string[]>().notNull().default([]),
  requiredAgreementTypes: jsonb('required_agreement_types').$type<string[]>().notNull().default([]),
  checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull().default([]),
  demotionGraceDays: integer('demotion_grace_days').notNull().default(90),
  agreementDeadlineDays: integer('agreement_deadline_days').notNull().default(30),
  /** Tiers are versioned: editing a published program's tiers adds a version; enrollments keep theirs until re-evaluated. */
  tiersVersion: integer('tiers_version').notNull().default(1),
  version: integer('version').notNull().default(1),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const programTiers = pgTable(
  'program_tiers',
  {
    id: uuid('id').primaryKey(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    programVersion: integer('program_version').notNull(),
    rank: integer('rank').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    requirements: jsonb('requirements').$type<TierRule[]>().notNull().default([]),
    benefits: jsonb('benefits').$type<TierBenefit[]>().notNull().default([]),
  },
  (t) => [uniqueIndex('program_tiers_rank_unique').on(t.programId, t.programVersion, t.rank)],
);

export const enrollments = pgTable(
  'enrollments',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    tierId: uuid('tier_id').references(() => programTiers.id),
    track: text('track'),
    status: text('status', { enum: ['pending_agreement', 'active', 'suspended', 'terminated'] }).notNull(),
    statusReason: text('status_reason'),
    actionRequired: boolean('action_required').notNull().default(false),
    actionRequiredReason: text('action_required_reason'),
    actionDeadline: timestamp('action_deadline', { withTimezone: true }),
    demotionPendingSince: timestamp('demotion_pending_since', { withTimezone: true }),
    lastEvaluatedAt: timestamp('last_evaluated_at', { withTimezone: true }),
    lastEvaluation: jsonb('last_evaluation').$type<Record<string, unknown>>(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One live enrollment per organization and program; a terminated one may be followed by a new one.
    uniqueIndex('enrollments_one_live')
      .on(t.organizationId, t.programId)
      .where(sql`${t.status} <> 'terminated'`),
    index('enrollments_program_idx').on(t.programId),
  ],
);

export const tierHistory = pgTable(
  'tier_history',
  {
    id: uuid('id').primaryKey(),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['initial', 'promotion', 'demotion', 'manual'] }).notNull(),
    fromTierId: uuid('from_tier_id').references(() => programTiers.id),
    toTierId: uuid('to_tier_id')
      .notNull()
      .references(() => programTiers.id),
    reason: text('reason').notNull(),
    actorUserId: uuid('actor_user_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('tier_history_enrollment_idx').on(t.enrollmentId, t.at)],
);

export const checklistCompletions = pgTable(
  'checklist_completions',
  {
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id, { onDelete: 'cascade' }),
    itemKey: text('item_key').notNull(),
    completedByUserId: uuid('completed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('checklist_completions_pk').on(t.enrollmentId, t.itemKey)],
);

/** Manual-attestation rules: the vendor attests a fact about an organization (e.g. "passed security review"). */
export const attestations = pgTable(
  'attestations',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    attestedByUserId: uuid('attested_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('attestations_pk').on(t.organizationId, t.label)],
);

export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey(),
    type: text('type', {
      enum: [
        'reseller',
        'distribution',
        'msp',
        'referral',
        'technology_partner',
        'system_integrator',
        'nda',
        'custom',
      ],
    }).notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One template per type: a program requiring "reseller" means exactly one text.
  (t) => [uniqueIndex('agreements_type_unique').on(t.type)],
);

/** Published versions are immutable: no update path exists, and acceptances pin the content hash. */
export const agreementVersions = pgTable(
  'agreement_versions',
  {
    id: uuid('id').primaryKey(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    versionNumber: integer('version_number').notNull(),
    body: text('body').notNull(),
    contentHash: text('content_hash').notNull(),
    publishedByUserId: uuid('published_by_user_id'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agreement_versions_number_unique').on(t.agreementId, t.versionNumber)],
);

export const agreementAcceptances = pgTable(
  'agreement_acceptances',
  {
    id: uuid('id').primaryKey(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => agreementVersions.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    contentHash: text('content_hash').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agreement_acceptances_once').on(t.versionId, t.organizationId),
    index('agreement_acceptances_org_idx').on(t.organizationId),
  ],
);

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey(),
    companyName: text('company_name').notNull(),
    website: text('website').notNull(),
    domain: text('domain'),
    country: text('country').notNull(),
    partnerTypes: jsonb('partner_types').$type<string[]>().notNull(),
    programIds: jsonb('program_ids').$type<string[]>().notNull(),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    message: text('message').notNull().default(''),
    status: text('status', { enum: ['submitted', 'approved', 'rejected'] })
      .notNull()
      .default('submitted'),
    decisionReason: text('decision_reason'),
    decidedByUserId: uuid('decided_by_user_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
    duplicates: jsonb('duplicates')
      .$type<{ kind: 'organization' | 'application'; id: string; name: string; reason: string }[]>()
      .notNull()
      .default([]),
    ip: text('ip'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('applications_status_idx').on(t.status, t.createdAt),
    index('applications_domain_idx').on(t.domain),
  ],
);
