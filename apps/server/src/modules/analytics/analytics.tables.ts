import { bigint, jsonb, pgSequence, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { NetworkReport } from '@partnergraph/shared/contracts/analytics';

/**
 * The partner graph's PageRank, clusters and layout, computed by a background
 * job (graphology) and kept with the time they were computed: large graphs are
 * never computed on a request. One row per window end (a calendar date).
 */
export const partnerGraphs = pgTable('partner_graphs', {
  windowTo: text('window_to').primaryKey(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  /** `partner_graph_sources` as read before computing: a stored graph is current while it has not moved. */
  sourcesVersion: bigint('sources_version', { mode: 'number' }).notNull().default(0),
  graph: jsonb('graph').$type<NonNullable<NetworkReport['graph']>>().notNull(),
  connectors: jsonb('connectors').$type<NetworkReport['connectors']>().notNull(),
});

/**
 * Moves on every statement that writes what the partner graph reads
 * (connections, referrals, deals, deal involvements, organizations, their
 * types, partner types, enrollments), by statement triggers (migration
 * 0016_partner_graph_source_triggers.sql), imports of history included. A
 * sequence never waits on another transaction, so counting costs writers
 * nothing; a rolled-back write moves it too, which only means one more
 * recompute.
 */
export const partnerGraphSources = pgSequence('partner_graph_sources');

/**
 * Reports that were slow to compute (large ecosystems), kept for a few
 * minutes so that the next viewer of the same dashboard does not wait again.
 * A report carries its `computedAt`, so a kept one says how old it is.
 */
export const analyticsSnapshots = pgTable('analytics_snapshots', {
  key: text('key').primaryKey(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  report: jsonb('report').$type<unknown>().notNull(),
});
