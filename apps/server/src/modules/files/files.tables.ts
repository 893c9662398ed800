import { sql } from 'drizzle-orm';
import { customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables';
import { organizations } from '../organizations/organizations.tables';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * An uploaded file: its name as the uploader gave it, the type read from its
 * content (never the client's claim), its size and SHA-256. A file is stored
 * unattached and becomes part of a record (a claim, a content asset) only in
 * that record's own audited change; unattached files are removed by a job.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    /** What the file belongs to, set by the owning module's change ('fund_claim', 'content_version'…). */
    ownerType: text('owner_type'),
    ownerId: uuid('owner_id'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    attachedAt: timestamp('attached_at', { withTimezone: true }),
  },
  (t) => [
    index('files_unattached_idx')
      .on(t.createdAt)
      .where(sql`attached_at is null`),
  ],
);

/** The content in 1 MiB pieces: any size streams in and out, and every server process can read it. */
export const fileChunks = pgTable(
  'file_chunks',
  {
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);
