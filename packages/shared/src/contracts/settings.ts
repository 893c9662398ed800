import { z } from 'zod';
import { timestamp, versionField } from './common';
import { coverageCell, engagementWeights } from './analytics';
import { calendarDate, currencyCode, decimalRate } from './money';
import { AA_TEXT_CONTRAST, HEX_COLOUR, readableUnderWhite } from '../contrast';

/** The vendor roles that review deals, and so may be trusted to override a protection. */
export const overrideRole = z.enum(['admin', 'channel_manager']);

export const settingsSchema = z.object({
  reportingCurrency: z.string().describe('Every metric is reported in this currency (metrics.md)'),
  defaultProtectionDays: z
    .number()
    .int()
    .describe('Deal protection when none of the partner’s active tiers grants protection days'),
  directCoverage: z
    .array(z.object({ country: z.string(), industry: z.string() }))
    .describe(
      'The market cells (country × industry) the vendor covers directly; the coverage multiplier divides by these',
    ),
  engagementWeights: z
    .object({
      post: z.number(),
      comment: z.number(),
      eventAttended: z.number(),
      referralSent: z.number(),
      dealRegistered: z.number(),
      profileUpdated: z.number(),
      lessonCompleted: z.number(),
      certificationEarned: z.number(),
    })
    .describe('Points per activity in the engagement score (metrics.md)'),
  protectionOverrideRoles: z
    .array(overrideRole)
    .describe(
      'Vendor roles that may approve a deal over another partner’s protection of the same customer, with a written reason',
    ),
  protectedCustomerNotice: z
    .boolean()
    .describe(
      'Whether a partner registering a customer another partner holds under protection is told so (never who)',
    ),
  version: z.number().int(),
  updatedAt: timestamp,
});
export type Settings = z.infer<typeof settingsSchema>;

export const updateSettingsBody = z.strictObject({
  version: versionField,
  reportingCurrency: currencyCode.optional(),
  defaultProtectionDays: z.number().int().min(1).max(730).optional(),
  directCoverage: z
    .array(coverageCell)
    .max(5000)
    .optional()
    .describe('Replaces the whole set of direct coverage cells; duplicates are kept once'),
  engagementWeights: engagementWeights.optional(),
  protectionOverrideRoles: z
    .array(overrideRole)
    .min(1)
    .max(2)
    .optional()
    .describe('Who may override another partner’s protection; at least one role'),
  protectedCustomerNotice: z.boolean().optional(),
});

export const fxRateSchema = z.object({
  id: z.string(),
  currency: z.string().describe('The deal currency converted from'),
  reportingCurrency: z.string().describe('The currency converted into'),
  rate: z.string().describe('Reporting-currency units per one unit of `currency`, exact'),
  effectiveDate: z.string().describe('In force from this date until the next rate for the pair'),
  createdAt: timestamp,
});
export type FxRate = z.infer<typeof fxRateSchema>;

export const createFxRateBody = z.strictObject({
  currency: currencyCode,
  rate: decimalRate,
  effectiveDate: calendarDate,
  reportingCurrency: currencyCode
    .optional()
    .describe(
      'The currency converted into; defaults to the current reporting currency (give another to prepare a change of it)',
    ),
});

export const fxRateListQuery = z.object({
  currency: currencyCode.optional(),
  reportingCurrency: currencyCode.optional().describe('Defaults to the current reporting currency'),
});

export const referenceItem = z.object({ code: z.string(), name: z.string() });
export const currencyReference = referenceItem.extend({ digits: z.number().int() });

/** The vendor's brand, shown on the app, the public pages and the e-mails. */
export const brandSchema = z.object({
  name: z.string().describe('The vendor’s name as partners and the public see it'),
  primaryColor: z
    .string()
    .nullable()
    .describe('`#rrggbb` for buttons and links; null keeps the default theme'),
  supportEmail: z.string().nullable().describe('Where partners write for help'),
  supportUrl: z.string().nullable().describe('A help or contact page'),
  logoUrl: z
    .string()
    .nullable()
    .describe('Path of the logo (public, under /api/v1/brand/logo), or null when none is set'),
  version: z.number().int(),
  updatedAt: timestamp,
});
export type Brand = z.infer<typeof brandSchema>;

export const brandColor = z
  .string()
  .regex(HEX_COLOUR, 'A colour as #rrggbb')
  .refine(
    // Only a well-formed colour is measured; the pattern above names any other.
    (c) => !HEX_COLOUR.test(c) || readableUnderWhite(c),
    `White text on this colour is below the WCAG AA contrast of ${AA_TEXT_CONTRAST}:1; choose a darker shade`,
  )
  .transform((c) => c.toLowerCase());

export const updateBrandBody = z.strictObject({
  version: versionField,
  name: z
    .string()
    .trim()
    .min(1, 'Give the name partners know you by')
    .max(80)
    .nullable()
    .optional()
    .describe('Null returns to the neutral default name'),
  primaryColor: brandColor.nullable().optional().describe('Null returns to the default theme colour'),
  supportEmail: z.email('An e-mail address').max(254).nullable().optional(),
  supportUrl: z
    .url({ protocol: /^https?$/, error: 'An http(s) address' })
    .max(2000)
    .nullable()
    .optional(),
});
