import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables';
import { organizations } from '../organizations/organizations.tables';

/**
 * A person's authenticator app (one per person). The RFC 6238 seed is sealed
 * with the server's secrets key (lib/secrets.ts), the row as associated data.
 * `lastUsedStep` is the time step of the last accepted code: a code is refused
 * unless its step is later, so one code never works twice.
 */
export const mfaTotp = pgTable('mfa_totp', {
  id: uuid('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretSealed: text('secret_sealed').notNull(),
  /** Null while set-up waits for the first code; it is no factor until then. */
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** WebAuthn credentials: the public key and signature counter, never anything secret. */
export const mfaPasskeys = pgTable(
  'mfa_passkeys',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** base64url of the credential id, as browsers send it. */
    credentialId: text('credential_id').notNull(),
    /** base64url of the COSE public key. */
    publicKey: text('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: text('transports').array().notNull().default([]),
    name: text('name').notNull(),
    backedUp: boolean('backed_up').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('mfa_passkeys_credential_unique').on(t.credentialId),
    index('mfa_passkeys_user_idx').on(t.userId),
  ],
);

/** Single-use recovery codes, stored as SHA-256 hashes (like API tokens): shown once, at generation. */
export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('mfa_recovery_codes_hash_unique').on(t.userId, t.codeHash)],
);

/**
 * WebAuthn challenges, kept server-side: each is spent once (a conditional
 * update) and expires, so a captured assertion cannot be replayed.
 */
export const mfaChallenges = pgTable(
  'mfa_challenges',
  {
    id: uuid('id').primaryKey(),
    challenge: text('challenge').notNull(),
    purpose: text('purpose', { enum: ['register', 'authenticate', 'passwordless'] }).notNull(),
    /** Who it was issued to; null for passwordless sign-in, where nobody is known yet. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mfa_challenges_challenge_unique').on(t.challenge)],
);

/**
 * A sign-in whose password was right and whose second step is still to come:
 * a short-lived, single-use token (stored hashed). It is not a session.
 */
export const mfaPendingSignIns = pgTable(
  'mfa_pending_sign_ins',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    purpose: text('purpose', { enum: ['verify', 'enroll'] }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('mfa_pending_sign_ins_token_unique').on(t.tokenHash)],
);

/** Per-organization MFA policy; an organization without a row does not require MFA. */
export const mfaPolicies = pgTable('mfa_policies', {
  organizationId: uuid('organization_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  required: boolean('required').notNull().default(false),
  /** Off: a sign-in through the organization's IdP trusts the IdP's own MFA. On: a local factor too. */
  requiredAfterSso: boolean('required_after_sso').notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
