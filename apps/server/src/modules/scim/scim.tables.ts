import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables';
import { organizations } from '../organizations/organizations.tables';

/**
 * Bearer tokens an identity provider provisions one organization with. Shown once, stored as a
 * SHA-256 hash like API tokens; they act as no person, only as "the organization's SCIM client".
 */
export const scimTokens = pgTable(
  'scim_tokens',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The first characters, so an admin can tell tokens apart without the secret. */
    prefix: text('prefix').notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('scim_tokens_token_hash_unique').on(t.tokenHash),
    index('scim_tokens_org_idx').on(t.organizationId, t.createdAt),
  ],
);

/**
 * A person the identity provider manages: the SCIM attributes we keep beside the user row (which
 * holds what the product uses: e-mail, name, role, status). A user without a row here is not linked
 * yet; the row is removed when the provider deletes the person (they stay, deactivated).
 */
export const scimUsers = pgTable(
  'scim_users',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    externalId: text('external_id'),
    /** The resource as the provider last wrote it (standard and enterprise attributes), minus what the user row holds. */
    resource: jsonb('resource').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('scim_users_org_external_idx').on(t.organizationId, t.externalId)],
);

/** Groups the identity provider pushes; each may map to a role (scimRoleMappings, or its name). */
export const scimGroups = pgTable(
  'scim_groups',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    displayName: text('display_name').notNull(),
    externalId: text('external_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('scim_groups_org_name_unique').on(t.organizationId, sql`lower(${t.displayName})`),
    index('scim_groups_org_created_idx').on(t.organizationId, t.createdAt, t.id),
  ],
);

export const scimGroupMembers = pgTable(
  'scim_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => scimGroups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('scim_group_members_user_idx').on(t.userId)],
);

/** The organization admin's mapping of a group name (as the provider sends it) to a role. */
export const scimRoleMappings = pgTable(
  'scim_role_mappings',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** Lower-cased: group names match whatever their case. */
    groupName: text('group_name').notNull(),
    role: text('role', {
      enum: ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'],
    }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.groupName] })],
);
