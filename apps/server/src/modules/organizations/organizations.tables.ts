import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables';

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ['vendor', 'partner'] }).notNull(),
    name: text('name').notNull(),
    /** The organization's id in the system it was imported from: re-imports update it. */
    externalId: text('external_id'),
    status: text('status', { enum: ['applicant', 'active', 'suspended', 'terminated'] }).notNull(),
    statusReason: text('status_reason'),
    website: text('website'),
    domain: text('domain'),
    country: text('country'),
    description: text('description').notNull().default(''),
    channelManagerId: uuid('channel_manager_id').references((): AnyPgColumn => users.id, {
      onDelete: 'set null',
    }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Only one vendor per installation.
    uniqueIndex('organizations_one_vendor')
      .on(t.kind)
      .where(sql`${t.kind} = 'vendor'`),
    index('organizations_name_idx').on(t.name, t.id),
    index('organizations_created_idx').on(t.createdAt, t.id),
    index('organizations_country_idx').on(t.country, t.id),
    index('organizations_manager_idx').on(t.channelManagerId),
    index('organizations_domain_idx').on(t.domain),
    uniqueIndex('organizations_external_id').on(t.externalId),
  ],
);

export const partnerTypes = pgTable('partner_types', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  sortOrder: integer('sort_order').notNull().default(100),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const organizationPartnerTypes = pgTable(
  'organization_partner_types',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    typeCode: text('type_code')
      .notNull()
      .references(() => partnerTypes.code),
    isPrimary: boolean('is_primary').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.typeCode] }),
    uniqueIndex('organization_partner_types_one_primary')
      .on(t.organizationId)
      .where(sql`${t.isPrimary}`),
    index('organization_partner_types_type_idx').on(t.typeCode),
  ],
);
