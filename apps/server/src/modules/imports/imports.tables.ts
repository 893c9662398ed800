import {
  bigint,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * One CSV import: the uploaded file, the mapping it was checked with, and
 * where its dry run or commit stands. A run records progress as it goes, so
 * the web app and the CLI can show it, and a run whose process died (no
 * heartbeat) can be started again: every write is an upsert by the record's
 * own key, so a second run reaches the same end state.
 */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey(),
    type: text('type').notNull(),
    fileName: text('file_name').notNull(),
    encoding: text('encoding').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    columns: jsonb('columns').$type<string[]>().notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    /** Field → (value as written → code), as confirmed for the last dry run; null: each value's likeliest code. */
    valueMapping: jsonb('value_mapping').$type<Record<string, Record<string, string>>>(),
    status: text('status', {
      enum: [
        'uploading',
        'uploaded',
        'validating',
        'validated',
        'invalid',
        'committing',
        'committed',
        'failed',
      ],
    }).notNull(),
    /** Rows read and bytes consumed by the run in progress (or the last one). */
    rowsProcessed: integer('rows_processed').notNull().default(0),
    bytesProcessed: bigint('bytes_processed', { mode: 'number' }).notNull().default(0),
    totalRows: integer('total_rows'),
    errorRows: integer('error_rows').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    /** Why a run stopped early (a file-level problem, or a row that failed at commit). */
    failure: text('failure'),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    validatedAt: timestamp('validated_at', { withTimezone: true }),
    committedAt: timestamp('committed_at', { withTimezone: true }),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('imports_created_idx').on(t.createdAt, t.id)],
);

/** The uploaded file in 1 MiB pieces: any size streams in and out, and every server process can read it. */
export const importChunks = pgTable(
  'import_chunks',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

/** Every bad field of every bad row the last dry run found (row 1 is the first data row after the header). */
export const importErrors = pgTable(
  'import_errors',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    row: integer('row').notNull(),
    field: text('field'),
    column: text('column'),
    value: text('value'),
    message: text('message').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.seq] })],
);

/** Column mappings saved by name for a type, so a monthly export from another system maps in one click. */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: uuid('id').primaryKey(),
    type: text('type').notNull(),
    name: text('name').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('import_mappings_type_name').on(t.type, t.name)],
);
