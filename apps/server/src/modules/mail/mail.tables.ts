import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every email the platform sent or, without SMTP, wrote to the log. Bodies
 * are kept only for logged messages (the admin reads them on the outbox page
 * instead of a mailbox); with SMTP, only who, what and whether it went.
 */
export const sentEmails = pgTable(
  'sent_emails',
  {
    id: uuid('id').primaryKey(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    transport: text('transport', { enum: ['smtp', 'log'] }).notNull(),
    status: text('status', { enum: ['sent', 'failed', 'logged'] }).notNull(),
    error: text('error'),
    text: text('text'),
    html: text('html'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sent_emails_created_idx').on(t.createdAt, t.id)],
);
