import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { NetworkReport } from '@partnergraph/shared/contracts/analytics';

/**
 * The partner graph's PageRank, clusters and layout, computed by a background
 * job (graphology) and kept with the time they were computed: large graphs are
 * never computed on a request. One row per window end (a calendar date).
 */
export const partnerGraphs = pgTable('partner_graphs', {
  windowTo: text('window_to').primaryKey(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  graph: jsonb('graph').$type<NonNullable<NetworkReport['graph']>>().notNull(),
  connectors: jsonb('connectors').$type<NetworkReport['connectors']>().notNull(),
});
