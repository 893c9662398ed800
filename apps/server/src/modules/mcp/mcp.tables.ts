import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { apiTokens, users } from '../identity/identity.tables';

/**
 * A write an AI assistant proposed through the MCP and a person has yet to confirm. Nothing is
 * written until the same credential confirms it (the API token the assistant connected with; a
 * proposal made in a signed-in session, with no token, by that person in a session), once, before it expires; the request
 * is kept exactly as it will be sent, so what was shown for confirmation is what runs.
 */
export const mcpProposals = pgTable(
  'mcp_proposals',
  {
    id: uuid('id').primaryKey(),
    apiTokenId: uuid('api_token_id').references(() => apiTokens.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tool: text('tool').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    body: jsonb('body'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** The HTTP status the confirmed request answered. */
    resultStatus: integer('result_status'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mcp_proposals_token_idx').on(t.apiTokenId, t.createdAt)],
);
