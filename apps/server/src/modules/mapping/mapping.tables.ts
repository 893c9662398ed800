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
import type { PopulationFilter, SharingLevel } from '@partnergraph/shared/contracts/mapping';
import { users } from '../identity/identity.tables';
import { organizations } from '../organizations/organizations.tables';

type Level = SharingLevel;

/**
 * A set of accounts one organization maps with: the vendor's (accounts kept here, from won or open deals,
 * a filter over its deals, or an upload) or a partner's (its accounts stay in its browser: only the name, level and size are here).
 */
export const mappingPopulations = pgTable(
  'mapping_populations',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['customers', 'open_opportunities', 'prospects', 'custom'] }).notNull(),
    source: text('source', {
      enum: ['won_deals', 'open_deals', 'deal_filter', 'upload', 'browser'],
    }).notNull(),
    /** A `deal_filter` population's filter over the vendor's deals; null for every other source. */
    dealFilter: jsonb('deal_filter').$type<PopulationFilter>(),
    defaultLevel: text('default_level').$type<Level>().notNull(),
    sharedFields: text('shared_fields')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    accountCount: integer('account_count').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mapping_populations_org_name').on(t.organizationId, t.name)],
);

/** The vendor's accounts of a population: the responder's side of a run, read in (position, id) order. */
export const mappingAccounts = pgTable(
  'mapping_accounts',
  {
    id: uuid('id').primaryKey(),
    populationId: uuid('population_id')
      .notNull()
      .references(() => mappingPopulations.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    /** Registrable domains (the matching keys). */
    domains: text('domains').array().notNull(),
    fields: jsonb('fields').$type<Record<string, string>>().notNull(),
  },
  (t) => [uniqueIndex('mapping_accounts_position').on(t.populationId, t.position)],
);

/** Two organizations that map accounts: the vendor and a partner, or two partners once both opted in. */
export const mappingPartnerships = pgTable(
  'mapping_partnerships',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ['vendor_partner', 'partner_partner'] }).notNull(),
    /** The vendor for vendor_partner; the partner that asked for partner_partner. */
    orgAId: uuid('org_a_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    orgBId: uuid('org_b_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    optedInA: boolean('opted_in_a').notNull(),
    optedInB: boolean('opted_in_b').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mapping_partnerships_pair').on(t.orgAId, t.orgBId),
    index('mapping_partnerships_b').on(t.orgBId),
  ],
);

/** A population's level for one partnership, overriding its default. */
export const mappingLevels = pgTable(
  'mapping_levels',
  {
    id: uuid('id').primaryKey(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => mappingPartnerships.id, { onDelete: 'cascade' }),
    populationId: uuid('population_id')
      .notNull()
      .references(() => mappingPopulations.id, { onDelete: 'cascade' }),
    level: text('level').$type<Level>().notNull(),
    sharedFields: text('shared_fields').array().notNull(),
  },
  (t) => [uniqueIndex('mapping_levels_pair').on(t.partnershipId, t.populationId)],
);

/** "Request more": one side asks for a higher level on the other's population. */
export const mappingLevelRequests = pgTable(
  'mapping_level_requests',
  {
    id: uuid('id').primaryKey(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => mappingPartnerships.id, { onDelete: 'cascade' }),
    populationId: uuid('population_id')
      .notNull()
      .references(() => mappingPopulations.id, { onDelete: 'cascade' }),
    requesterOrgId: uuid('requester_org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    requestedLevel: text('requested_level').$type<Level>().notNull(),
    message: text('message').notNull(),
    status: text('status', { enum: ['open', 'granted', 'declined'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mapping_level_requests_partnership').on(t.partnershipId, t.createdAt)],
);

/** The server's scalar b for a partnership, population and key period, sealed (lib/secrets.ts). */
export const mappingKeys = pgTable(
  'mapping_keys',
  {
    id: uuid('id').primaryKey(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => mappingPartnerships.id, { onDelete: 'cascade' }),
    populationId: uuid('population_id')
      .notNull()
      .references(() => mappingPopulations.id, { onDelete: 'cascade' }),
    period: text('period').notNull(),
    sealedScalar: text('sealed_scalar').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mapping_keys_unique').on(t.partnershipId, t.populationId, t.period)],
);

/**
 * One run of the intersection. No points are kept: the server's answer is computed from the partner's
 * message and sent back. `responderVersions` pins the vendor populations' versions the answer was made
 * from, so results posted back index the same account list.
 */
export const mappingRuns = pgTable(
  'mapping_runs',
  {
    id: uuid('id').primaryKey(),
    partnershipId: uuid('partnership_id')
      .notNull()
      .references(() => mappingPartnerships.id, { onDelete: 'cascade' }),
    initiatorOrgId: uuid('initiator_org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    startedByUserId: uuid('started_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    period: text('period').notNull(),
    status: text('status', {
      enum: ['awaiting_points', 'awaiting_response', 'answered', 'finished'],
    }).notNull(),
    /** The pairs answered in round 2: initiator population → responder population → its version. */
    answered: jsonb('answered').$type<{ initiator: string; responder: string; version: number }[]>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('mapping_runs_partnership').on(t.partnershipId, t.createdAt)],
);

/** The count of a population pair in a finished run: what both sides see. */
export const mappingResults = pgTable(
  'mapping_results',
  {
    id: uuid('id').primaryKey(),
    runId: uuid('run_id')
      .notNull()
      .references(() => mappingRuns.id, { onDelete: 'cascade' }),
    initiatorPopulationId: uuid('initiator_population_id')
      .notNull()
      .references(() => mappingPopulations.id, { onDelete: 'cascade' }),
    responderPopulationId: uuid('responder_population_id')
      .notNull()
      .references(() => mappingPopulations.id, { onDelete: 'cascade' }),
    count: integer('count').notNull(),
  },
  (t) => [uniqueIndex('mapping_results_pair').on(t.runId, t.initiatorPopulationId, t.responderPopulationId)],
);

/**
 * A matched vendor account, posted back by the partner's browser only when its level for its population
 * discloses overlaps, with the fields it chose to share. Never a partner account that did not match.
 */
export const mappingOverlaps = pgTable(
  'mapping_overlaps',
  {
    id: uuid('id').primaryKey(),
    resultId: uuid('result_id')
      .notNull()
      .references(() => mappingResults.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => mappingAccounts.id, { onDelete: 'cascade' }),
    partnerFields: jsonb('partner_fields').$type<Record<string, string>>().notNull(),
  },
  (t) => [uniqueIndex('mapping_overlaps_unique').on(t.resultId, t.accountId)],
);

/**
 * Partner ↔ partner runs: the server is a mailbox between the two browsers. Round 1 (the initiator's
 * blinded points) waits here for the responder's browser, round 2 (its answer) for the initiator's.
 * Blinded points and sealed fields only: nothing here opens without a browser's scalar.
 */
export const mappingRunMessages = pgTable(
  'mapping_run_messages',
  {
    id: uuid('id').primaryKey(),
    runId: uuid('run_id')
      .notNull()
      .references(() => mappingRuns.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    body: jsonb('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mapping_run_messages_round').on(t.runId, t.round)],
);
