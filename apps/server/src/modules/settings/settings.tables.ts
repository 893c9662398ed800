import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { files } from '../files/files.tables';
import type { EngagementWeights } from '@partnergraph/shared/contracts/analytics';

/** One row: the ecosystem-wide settings metrics and deal rules read. */
export const settings = pgTable(
  'settings',
  {
    id: integer('id').primaryKey().default(1),
    reportingCurrency: text('reporting_currency').notNull().default('USD'),
    defaultProtectionDays: integer('default_protection_days').notNull().default(90),
    /** The vendor's direct market cells: the coverage multiplier's denominator (metrics.md). */
    directCoverage: jsonb('direct_coverage')
      .$type<{ country: string; industry: string }[]>()
      .notNull()
      .default([]),
    engagementWeights: jsonb('engagement_weights')
      .$type<EngagementWeights>()
      .notNull()
      // metrics.md's defaults (the contract's defaultEngagementWeights); drizzle-kit reads this file without the workspace.
      .default({
        post: 3,
        comment: 1,
        eventAttended: 5,
        referralSent: 4,
        dealRegistered: 4,
        profileUpdated: 1,
        lessonCompleted: 1,
        certificationEarned: 5,
      }),
    /** Vendor roles that may approve a deal over another partner's protection of the same customer. */
    protectionOverrideRoles: jsonb('protection_override_roles')
      .$type<('admin' | 'channel_manager')[]>()
      .notNull()
      .default(['admin']),
    /** Whether a partner registering a customer another partner holds is told it is protected. */
    protectedCustomerNotice: boolean('protected_customer_notice').notNull().default(true),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** The vendor's brand (brand.service.ts): null fields fall back to the product's defaults. */
    brandName: text('brand_name'),
    brandPrimaryColor: text('brand_primary_color'),
    brandSupportEmail: text('brand_support_email'),
    brandSupportUrl: text('brand_support_url'),
    /** The logo, a file owned by the brand (files.visibility.ts): read through the brand, publicly. */
    brandLogoFileId: uuid('brand_logo_file_id').references(() => files.id, { onDelete: 'set null' }),
    brandVersion: integer('brand_version').notNull().default(1),
    brandUpdatedAt: timestamp('brand_updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('settings_single_row', sql`${t.id} = 1`)],
);

/**
 * A rate is reporting-currency units per one unit of `currency`, in force from
 * its effective date until the next one for the same pair (metrics.md). Kept
 * per pair so that changing the reporting currency does not reinterpret history.
 */
export const fxRates = pgTable(
  'fx_rates',
  {
    id: uuid('id').primaryKey(),
    currency: text('currency').notNull(),
    reportingCurrency: text('reporting_currency').notNull(),
    rate: numeric('rate', { precision: 24, scale: 12 }).notNull(),
    effectiveDate: date('effective_date').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('fx_rates_pair_date').on(t.reportingCurrency, t.currency, t.effectiveDate),
    check('fx_rates_positive', sql`${t.rate} > 0`),
  ],
);
