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
import type { CrmMappings, CrmRunCounts } from '@partnergraph/shared/contracts/crm';
import { users } from '../identity/identity.tables';

/** Per object: the SystemModstamp / lastmodifieddate of the last record a run finished with. */
export type Watermarks = Partial<Record<'account' | 'opportunity' | 'lead', string>>;

export const crmConnections = pgTable(
  'crm_connections',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ['salesforce', 'hubspot'] }).notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['pending', 'active', 'needs_reconnect'] }).notNull(),
    /** The CRM's own words when a grant stopped working. */
    statusMessage: text('status_message'),
    authMethod: text('auth_method', { enum: ['oauth', 'jwt', 'token'] }).notNull(),
    loginUrl: text('login_url'),
    instanceUrl: text('instance_url'),
    apiVersion: text('api_version').notNull(),
    clientId: text('client_id'),
    redirectUri: text('redirect_uri'),
    username: text('username'),
    /** Sealed with lib/secrets.ts, the context naming this connection and the purpose. */
    clientSecretSealed: text('client_secret_sealed'),
    privateKeySealed: text('private_key_sealed'),
    accessTokenSealed: text('access_token_sealed'),
    refreshTokenSealed: text('refresh_token_sealed'),
    pkceVerifierSealed: text('pkce_verifier_sealed'),
    /** When the sealed access token stops working (OAuth grants that say so); refreshed ahead of it. */
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }),
    oauthState: text('oauth_state'),
    remoteAccountId: text('remote_account_id'),
    remoteName: text('remote_name'),
    mappings: jsonb('mappings').$type<CrmMappings>().notNull(),
    paused: boolean('paused').notNull().default(false),
    budgetShare: integer('budget_share').notNull().default(50),
    syncIntervalMinutes: integer('sync_interval_minutes').notNull().default(15),
    watermarks: jsonb('watermarks').$type<Watermarks>().notNull().default({}),
    firstSyncAt: timestamp('first_sync_at', { withTimezone: true }),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
    /** After a 429, nothing is sent before this. */
    nextRunAfter: timestamp('next_run_after', { withTimezone: true }),
    apiUsed: integer('api_used'),
    apiMax: integer('api_max'),
    apiObservedAt: timestamp('api_observed_at', { withTimezone: true }),
    /** The run holding the connection, until leaseUntil: one run at a time, and a crashed one's lease runs out. */
    leaseRunId: uuid('lease_run_id'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('crm_connections_oauth_state').on(t.oauthState)],
);

/** Local record ↔ remote record, per connection; `review` rows wait for a person to choose. */
export const crmLinks = pgTable(
  'crm_links',
  {
    id: uuid('id').primaryKey(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => crmConnections.id, { onDelete: 'cascade' }),
    object: text('object', { enum: ['account', 'opportunity', 'lead'] }).notNull(),
    /** A partner organization, a deal or a referral; null for a customer account known only by its keys. */
    localId: uuid('local_id'),
    /** Null while the remote record is being created (a crash there is reconciled by name on the next run). */
    remoteId: text('remote_id'),
    remoteName: text('remote_name'),
    /** For accounts: the registrable domain and normalized name, as the company matcher reads them. */
    rootDomain: text('root_domain'),
    nameKey: text('name_key'),
    status: text('status', { enum: ['linked', 'review', 'dismissed', 'creating'] }).notNull(),
    candidates: jsonb('candidates')
      .$type<{ id: string; name: string; reason: string }[]>()
      .notNull()
      .default([]),
    /** The mapped values both sides had at the last sync: "changed since" is measured against them. */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('crm_links_remote').on(t.connectionId, t.object, t.remoteId),
    uniqueIndex('crm_links_local')
      .on(t.connectionId, t.object, t.localId)
      .where(sql`${t.localId} is not null and ${t.status} in ('linked', 'creating')`),
    index('crm_links_status').on(t.connectionId, t.status, t.createdAt),
    index('crm_links_keys').on(t.connectionId, t.object, t.rootDomain),
  ],
);

export const crmRuns = pgTable(
  'crm_runs',
  {
    id: uuid('id').primaryKey(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => crmConnections.id, { onDelete: 'cascade' }),
    mode: text('mode', { enum: ['sync', 'dry_run', 'retry'] }).notNull(),
    status: text('status', { enum: ['queued', 'running', 'completed', 'failed', 'deferred'] }).notNull(),
    phase: text('phase'),
    message: text('message'),
    counts: jsonb('counts').$type<CrmRunCounts>().notNull(),
    /** A retry of chosen log records (their ids), asked for from the log; null: every open error. */
    retryRecordIds: jsonb('retry_record_ids').$type<string[]>(),
    requestedByUserId: uuid('requested_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('crm_runs_connection').on(t.connectionId, t.queuedAt), index('crm_runs_status').on(t.status)],
);

/** The sync log: every record a run changed (before/after) or could not (the field and the CRM's message). */
export const crmRunRecords = pgTable(
  'crm_run_records',
  {
    id: uuid('id').primaryKey(),
    runId: uuid('run_id')
      .notNull()
      .references(() => crmRuns.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id').notNull(),
    object: text('object', { enum: ['account', 'opportunity', 'lead'] }).notNull(),
    remoteId: text('remote_id'),
    localId: uuid('local_id'),
    action: text('action').notNull(),
    outcome: text('outcome', { enum: ['done', 'planned', 'error', 'resolved'] }).notNull(),
    field: text('field'),
    message: text('message'),
    before: jsonb('before').$type<Record<string, unknown>>(),
    after: jsonb('after').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('crm_run_records_run').on(t.runId, t.createdAt, t.id),
    index('crm_run_records_errors')
      .on(t.connectionId, t.object)
      .where(sql`${t.outcome} = 'error'`),
  ],
);
