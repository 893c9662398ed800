import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
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

/*
 * The revenue rollup (issue #28): what the revenue headlines of metrics.md read about won deals,
 * kept by database triggers in the transaction of every write to deals, involvements or referrals
 * (migration 0044_won_rollup_triggers.sql). A rate is constant per (currency, day) and numeric sums
 * are exact, so sum(amount × factor) over a (currency, close day) group is factor × sum(amount): the
 * rollup keeps amounts in the deal's currency and the report converts at read time, to the cent.
 * Facts that depend on partners' current state (primary type, program, tier) are not kept: reports
 * filtered by them read the deals live.
 */

/** What a won deal is summed by: its close day, currency, customer country and industry, and the flags. */
const wonGroup = () => ({
  closeDay: date('close_day').notNull(),
  currency: text('currency').notNull(),
  country: text('country').notNull(),
  industry: text('industry'),
  /** A confirmed `sourced` involvement. */
  sourced: boolean('sourced').notNull(),
  /** A confirmed involvement whose role is not `sourced`. */
  influenced: boolean('influenced').notNull(),
  integration: boolean('integration').notNull(),
  /** At least one confirmed involvement. */
  touched: boolean('touched').notNull(),
  /** At least two confirmed involvements (network revenue share). */
  multi: boolean('multi').notNull(),
  /** Came from a partner-to-partner referral. */
  p2p: boolean('p2p').notNull(),
});

/**
 * Each won deal's part in `analytics_won_daily`, as it was added: a later write subtracts exactly
 * this, whatever changed since. Only won deals have a row, so registering or approving a deal
 * never touches the rollup.
 */
export const analyticsWonDeals = pgTable('analytics_won_deals', {
  dealId: uuid('deal_id').primaryKey(),
  ...wonGroup(),
  /** Minor units of the deal's currency. */
  amount: numeric('amount').notNull(),
  /** amount × the referral's fee % (0 without a partner-to-partner referral or a fee). */
  feeBasis: numeric('fee_basis').notNull(),
});

/** Won deals summed by close day, currency, customer country and industry, and the flags above. */
export const analyticsWonDaily = pgTable(
  'analytics_won_daily',
  {
    ...wonGroup(),
    deals: integer('deals').notNull(),
    amount: numeric('amount').notNull(),
    feeBasis: numeric('fee_basis').notNull(),
  },
  (t) => [
    // The upsert's target; a deal without an industry sums with the others that have none.
    unique('analytics_won_daily_key')
      .on(
        t.closeDay,
        t.currency,
        t.country,
        t.industry,
        t.sourced,
        t.influenced,
        t.integration,
        t.touched,
        t.multi,
        t.p2p,
      )
      .nullsNotDistinct(),
    // A group whose last deal left is deleted at once; this finds it without a scan.
    index('analytics_won_daily_empty')
      .on(t.closeDay)
      .where(sql`${t.deals} = 0`),
  ],
);
