import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { DealStatus, InvolvementRole } from '@partnergraph/shared/contracts/deals';
import { users } from '../identity/identity.tables';
import { connections } from '../marketplace/marketplace.tables';
import { organizations } from '../organizations/organizations.tables';

export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey(),
    /** `locator`: a lead from the public partner locator; partner-to-partner metrics leave those out. */
    source: text('source', { enum: ['partner', 'locator'] }).notNull(),
    /** Its id in the system it was imported from: re-imports update it. */
    externalId: text('external_id'),
    referrerOrgId: uuid('referrer_org_id').references(() => organizations.id),
    referrerUserId: uuid('referrer_user_id').references(() => users.id, { onDelete: 'set null' }),
    recipientOrgId: uuid('recipient_org_id')
      .notNull()
      .references(() => organizations.id),
    toVendor: boolean('to_vendor').notNull(),
    companyName: text('company_name').notNull(),
    companyDomain: text('company_domain'),
    country: text('country'),
    industry: text('industry'),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone'),
    need: text('need').notNull(),
    estimatedAmount: bigint('estimated_amount', { mode: 'number' }),
    estimatedCurrency: text('estimated_currency'),
    status: text('status', { enum: ['submitted', 'accepted', 'rejected', 'converted'] }).notNull(),
    decisionReason: text('decision_reason'),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    convertedAt: timestamp('converted_at', { withTimezone: true }),
    /** The connection it was sent under, whose terms set the fee (metrics.md). */
    connectionId: uuid('connection_id').references(() => connections.id),
    /** The fee agreed when the referral became a deal: percent and where it came from. */
    feePercent: numeric('fee_percent', { precision: 7, scale: 4 }),
    feeBasis: text('fee_basis'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('referrals_referrer_idx').on(t.referrerOrgId, t.createdAt),
    index('referrals_recipient_idx').on(t.recipientOrgId, t.createdAt),
    index('referrals_created_idx').on(t.createdAt, t.id),
    uniqueIndex('referrals_external_id').on(t.externalId),
    check('referrals_estimate_positive', sql`${t.estimatedAmount} is null or ${t.estimatedAmount} > 0`),
  ],
);

export const deals = pgTable(
  'deals',
  {
    id: uuid('id').primaryKey(),
    /** The vendor's own organization for vendor-recorded deals. */
    registeredByOrgId: uuid('registered_by_org_id')
      .notNull()
      .references(() => organizations.id),
    registeredByUserId: uuid('registered_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    vendorRecorded: boolean('vendor_recorded').notNull().default(false),
    /** Its id in the system it was imported from: re-imports update it. */
    externalId: text('external_id'),
    customerName: text('customer_name').notNull(),
    /** Normalized for matching: lower case, no accents, punctuation or legal suffixes. */
    customerNameKey: text('customer_name_key').notNull(),
    customerDomain: text('customer_domain'),
    /** The registrable domain (acme.co.uk for shop.acme.co.uk): subsidiaries' hosts meet here. */
    customerRootDomain: text('customer_root_domain'),
    /** The registrable domain without its suffix (acme): a name given without a domain meets it here. */
    customerDomainLabel: text('customer_domain_label'),
    country: text('country').notNull(),
    industry: text('industry'),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /**
     * The amount as registered, kept when the amount is edited or closed at another figure: the pipeline
     * an MDF activity generated is counted at it (metrics.md, "MDF return"). Null on deals recorded
     * before it was kept; their amount stands for it.
     */
    registeredAmount: bigint('registered_amount', { mode: 'number' }),
    currency: text('currency').notNull(),
    products: jsonb('products').$type<string[]>().notNull().default([]),
    expectedCloseDate: date('expected_close_date').notNull(),
    stage: text('stage', { enum: ['qualification', 'discovery', 'proposal', 'negotiation', 'commit'] }),
    notes: text('notes').notNull().default(''),
    status: text('status').$type<DealStatus>().notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    protectionDays: integer('protection_days'),
    protectionExpiresAt: timestamp('protection_expires_at', { withTimezone: true }),
    extensionDays: integer('extension_days'),
    extensionReason: text('extension_reason'),
    extensionRequestedAt: timestamp('extension_requested_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    closeDate: date('close_date'),
    lostReason: text('lost_reason'),
    /** When it stopped being open (rejected, expired, or the end of the close date): "open at t" reads it. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    referralId: uuid('referral_id').references(() => referrals.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('deals_registered_by_idx').on(t.registeredByOrgId, t.createdAt),
    index('deals_status_created_idx').on(t.status, t.createdAt),
    index('deals_created_idx').on(t.createdAt, t.id),
    uniqueIndex('deals_external_id').on(t.externalId),
    index('deals_status_close_idx').on(t.status, t.closeDate),
    index('deals_root_domain_idx').on(t.customerRootDomain),
    // No pending list (fastupdate off): each insert files its trigrams in the index itself (measured
    // ~0.03 ms a row more), where a pending list grew with every registration until a vacuum, and the
    // conflict check scanned all of it or, costed so, fell back to reading every open deal
    // (docs/PERFORMANCE.md, issue #28).
    index('deals_name_key_trgm')
      .using('gin', sql`${t.customerNameKey} gin_trgm_ops`)
      .with({ fastupdate: false }),
    index('deals_domain_label_idx').on(t.customerDomainLabel),
    index('deals_name_compact_idx').using('btree', sql`replace(${t.customerNameKey}, ' ', '')`),
    index('deals_protection_idx')
      .on(t.protectionExpiresAt)
      .where(sql`${t.status} = 'approved'`),
    uniqueIndex('deals_referral_unique').on(t.referralId),
    check('deals_amount_positive', sql`${t.amount} > 0`),
  ],
);

export const dealInvolvements = pgTable(
  'deal_involvements',
  {
    dealId: uuid('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    role: text('role').$type<InvolvementRole>().notNull(),
    status: text('status', { enum: ['proposed', 'confirmed'] }).notNull(),
    note: text('note'),
    /** Whose note it is: only they and the vendor read it. */
    notedByOrgId: uuid('noted_by_org_id'),
    proposedByOrgId: uuid('proposed_by_org_id').references(() => organizations.id),
    involvedAt: timestamp('involved_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    // One role per partner per deal, and at most one `sourced` (metrics.md).
    primaryKey({ columns: [t.dealId, t.organizationId] }),
    uniqueIndex('deal_involvements_one_sourced')
      .on(t.dealId)
      .where(sql`${t.role} = 'sourced'`),
    index('deal_involvements_org_idx').on(t.organizationId, t.status),
  ],
);
