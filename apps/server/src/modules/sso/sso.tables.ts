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
import type { RoleMapping } from '@partnergraph/shared/contracts/sso';
import { organizations } from '../organizations/organizations.tables';
import { users } from '../identity/identity.tables';

/** An organization's identity provider: OIDC or SAML. A partner's waits for the vendor admin's approval. */
export const ssoConnections = pgTable(
  'sso_connections',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    protocol: text('protocol', { enum: ['oidc', 'saml'] }).notNull(),
    name: text('name').notNull(),
    status: text('status', { enum: ['pending_approval', 'active', 'disabled'] }).notNull(),
    oidcIssuer: text('oidc_issuer'),
    oidcClientId: text('oidc_client_id'),
    /** Sealed with the server's SECRETS_KEY (lib/secrets.ts), bound to this row's id. */
    oidcClientSecret: text('oidc_client_secret'),
    oidcScopes: text('oidc_scopes'),
    samlIdpEntityId: text('saml_idp_entity_id'),
    samlIdpSsoUrl: text('saml_idp_sso_url'),
    samlIdpCertificates: text('saml_idp_certificates')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    samlAllowIdpInitiated: boolean('saml_allow_idp_initiated').notNull().default(false),
    roleMapping: jsonb('role_mapping').$type<RoleMapping>().notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedByUserId: uuid('approved_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sso_connections_org_idx').on(t.organizationId, t.createdAt)],
);

/**
 * A sign-in under way: what the callback needs to finish it (PKCE verifier, nonce, the SAML request id)
 * and the hash of the random cookie that binds it to the browser that started it. Used once.
 */
export const ssoLoginStates = pgTable(
  'sso_login_states',
  {
    id: uuid('id').primaryKey(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => ssoConnections.id, { onDelete: 'cascade' }),
    /** OIDC `state`, or the SAML AuthnRequest's ID (answered as InResponseTo). */
    state: text('state').notNull(),
    browserHash: text('browser_hash').notNull(),
    nonce: text('nonce'),
    codeVerifier: text('code_verifier'),
    returnTo: text('return_to').notNull().default('/'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sso_login_states_state_unique').on(t.connectionId, t.state)],
);

/** Assertion (and ID-token) ids seen, kept until they expire: a second use of one is a replay. */
export const ssoSeenAssertions = pgTable(
  'sso_seen_assertions',
  {
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => ssoConnections.id, { onDelete: 'cascade' }),
    assertionId: text('assertion_id').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('sso_seen_assertions_unique').on(t.connectionId, t.assertionId),
    index('sso_seen_assertions_expiry_idx').on(t.expiresAt),
  ],
);

/** An email domain an organization claims; SSO serves it once proven (DNS TXT or the vendor admin). */
export const ssoDomains = pgTable(
  'sso_domains',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    domain: text('domain').notNull(),
    status: text('status', { enum: ['pending', 'verified'] })
      .notNull()
      .default('pending'),
    verificationToken: text('verification_token').notNull(),
    verifiedBy: text('verified_by', { enum: ['dns', 'vendor'] }),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // One organization per domain, whatever its state: a second claim is a conflict, never a race.
  (t) => [
    uniqueIndex('sso_domains_domain_unique').on(t.domain),
    index('sso_domains_org_idx').on(t.organizationId),
  ],
);

/** "SSO required" per organization, with the vendor's one break-glass admin. */
export const ssoPolicies = pgTable('sso_policies', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  ssoRequired: boolean('sso_required').notNull().default(false),
  breakGlassUserId: uuid('break_glass_user_id').references(() => users.id, { onDelete: 'set null' }),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
