import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ProfileFields } from '@partnergraph/shared/contracts/marketplace';
import { users } from '../identity/identity.tables';
import { organizations } from '../organizations/organizations.tables';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One profile per partner organization. `draft` is the working copy; publishing
 * copies it to `published` and fills the search columns from that snapshot
 * only, so a draft field can never reach search, snippets or facets.
 */
export const partnerProfiles = pgTable(
  'partner_profiles',
  {
    organizationId: uuid('organization_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['draft', 'published', 'unpublished'] })
      .notNull()
      .default('draft'),
    draft: jsonb('draft').$type<ProfileFields>().notNull(),
    published: jsonb('published').$type<ProfileFields>(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /**
     * Whether the partner organization is active: a copy of `organizations.status` kept by
     * triggers (migration 0046), so a search reads only profile rows. The organization look-up
     * was ~4,000 of a capped search's ~5,000 buffers. Written by the database, never by the app.
     */
    organizationActive: boolean('organization_active').notNull().default(false),
    // Search columns, from the published snapshot (and the organization's name and types).
    searchName: text('search_name'),
    searchText: text('search_text'),
    searchVector: tsvector('search_vector'),
    types: text('types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    countries: text('countries')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    industries: text('industries')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    services: text('services')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    badges: text('badges')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Certification type codes the partner has certified people in (enablement's count), if it shows badges. */
    certifications: text('certifications')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The best marketplace-boost benefit among active enrollments (1 = none). */
    boost: real('boost').notNull().default(1),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The words and every facet in one GIN index: a search's words and facet filters
    // intersect inside the index (separate indexes left the planner reading every match
    // of one and filtering the rest from the table), and a publish updates one index.
    // fastupdate off (on every GIN index here): by default new entries wait in a pending
    // list that every search scans in full until a vacuum merges it, and PGlite has no
    // autovacuum, so the list grew to its 4 MB limit: ~220 pages read by every search at
    // 100,000 profiles, 15 ms where the merged index takes 1. A publish pays the insert.
    index('partner_profiles_search_idx')
      .using(
        'gin',
        t.searchVector,
        t.types,
        t.countries,
        t.industries,
        t.services,
        t.badges,
        t.certifications,
      )
      .with({ fastupdate: false })
      .where(sql`${t.status} = 'published' and ${t.organizationActive}`),
    index('partner_profiles_text_trgm')
      .using('gin', sql`${t.searchText} gin_trgm_ops`)
      .with({ fastupdate: false })
      .where(sql`${t.status} = 'published'`),
    // The unfiltered first page: highest boost first, in index order.
    index('partner_profiles_rank_idx')
      .on(t.boost.desc(), t.organizationId)
      .where(sql`${t.status} = 'published' and ${t.organizationActive}`),
  ],
);

export const connections = pgTable(
  'connections',
  {
    id: uuid('id').primaryKey(),
    requesterOrgId: uuid('requester_org_id')
      .notNull()
      .references(() => organizations.id),
    recipientOrgId: uuid('recipient_org_id')
      .notNull()
      .references(() => organizations.id),
    kind: text('kind', {
      enum: ['referral', 'technology_integration', 'co_sell', 'implementation', 'resale', 'joint_solution'],
    }).notNull(),
    /** Its id in the system it was imported from: re-imports update it. */
    externalId: text('external_id'),
    status: text('status', { enum: ['requested', 'active', 'declined', 'ended'] }).notNull(),
    message: text('message').notNull().default(''),
    terms: jsonb('terms').$type<{ referralFeePct?: number; notes?: string }>().notNull().default({}),
    requestedByUserId: uuid('requested_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    decisionReason: text('decision_reason'),
    endReason: text('end_reason'),
    endedByOrgId: uuid('ended_by_org_id'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // At most one open relationship of a kind per pair, whichever side asked.
    uniqueIndex('connections_one_open')
      .on(
        sql`least(${t.requesterOrgId}, ${t.recipientOrgId})`,
        sql`greatest(${t.requesterOrgId}, ${t.recipientOrgId})`,
        t.kind,
      )
      .where(sql`${t.status} in ('requested', 'active')`),
    uniqueIndex('connections_external_id').on(t.externalId),
    index('connections_requester_idx').on(t.requesterOrgId, t.status),
    index('connections_recipient_idx').on(t.recipientOrgId, t.status),
    index('connections_created_idx').on(t.createdAt, t.id),
  ],
);

export const integrationListings = pgTable(
  'integration_listings',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    category: text('category').notNull(),
    description: text('description').notNull(),
    documentationUrl: text('documentation_url'),
    editions: jsonb('editions').$type<string[]>().notNull().default([]),
    status: text('status', { enum: ['draft', 'submitted', 'published', 'rejected'] })
      .notNull()
      .default('draft'),
    reviewReason: text('review_reason'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('integration_listings_org_idx').on(t.organizationId),
    index('integration_listings_status_idx').on(t.status, t.createdAt),
  ],
);

/** Customers with an integration installed: integration-driven adoption (metrics.md) reads these by domain. */
export const integrationInstalls = pgTable(
  'integration_installs',
  {
    listingId: uuid('listing_id')
      .notNull()
      .references(() => integrationListings.id, { onDelete: 'cascade' }),
    customerDomain: text('customer_domain').notNull(),
    customerName: text('customer_name'),
    installedAt: date('installed_at').notNull(),
    recordedByUserId: uuid('recorded_by_user_id'),
  },
  (t) => [
    primaryKey({ columns: [t.listingId, t.customerDomain] }),
    index('integration_installs_domain_idx').on(t.customerDomain),
  ],
);

export const solutions = pgTable(
  'solutions',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: ['pending', 'published'] })
      .notNull()
      .default('pending'),
    createdByOrgId: uuid('created_by_org_id')
      .notNull()
      .references(() => organizations.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('solutions_status_idx').on(t.status, t.createdAt)],
);

export const solutionMembers = pgTable(
  'solution_members',
  {
    solutionId: uuid('solution_id')
      .notNull()
      .references(() => solutions.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    role: text('role').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.solutionId, t.organizationId] }),
    index('solution_members_org_idx').on(t.organizationId),
  ],
);

/**
 * The words of every published profile: a misspelled query word is matched
 * against this vocabulary by trigram similarity and replaced by the words it
 * resembles, which full-text search then finds through its index. Words are
 * only added; a stale one simply matches no profile.
 */
export const marketplaceWords = pgTable('marketplace_words', { word: text('word').primaryKey() }, (t) => [
  // fastupdate off: see partner_profiles_search_idx (a typo's lookup scanned the whole pending list).
  index('marketplace_words_trgm')
    .using('gin', sql`${t.word} gin_trgm_ops`)
    .with({ fastupdate: false }),
]);

/**
 * How many listed profiles (published, of an active partner) carry each facet value, and how
 * many there are (facet '', value ''): the unfiltered listing's counts and a lone filter's own
 * facet, exact without reading the profiles. Kept by a statement trigger on partner_profiles
 * (migration 0046) in the transaction of every change, whichever code writes the profile.
 */
export const marketplaceFacetCounts = pgTable(
  'marketplace_facet_counts',
  {
    facet: text('facet').notNull(),
    value: text('value').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.facet, t.value] }),
    // A facet's top values in order: the listing shows 50 of each.
    index('marketplace_facet_counts_top_idx').on(t.facet, t.count.desc(), t.value),
  ],
);
