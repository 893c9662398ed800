import { z } from 'zod';
import { countryCode, timestamp, versionField } from './common';

export const partnerStatuses = ['applicant', 'active', 'suspended', 'terminated'] as const;
export const partnerStatusSchema = z.enum(partnerStatuses);
export type PartnerStatus = z.infer<typeof partnerStatusSchema>;

export const partnerTypeCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'Lower-case letters, digits and underscores')
  .describe('Partner type code, e.g. reseller');

export const partnerTypeSchema = z.object({
  code: z.string(),
  name: z.string(),
  description: z.string(),
  retired: z.boolean(),
});
export type PartnerType = z.infer<typeof partnerTypeSchema>;

export const partnerSchema = z.object({
  id: z.string(),
  externalId: z.string().nullable().describe('Its id in the system it was imported from'),
  name: z.string(),
  status: partnerStatusSchema,
  website: z.string().nullable(),
  domain: z.string().nullable(),
  country: z.string().nullable(),
  description: z.string(),
  types: z.array(z.object({ code: z.string(), name: z.string(), primary: z.boolean() })),
  primaryType: z.string().nullable(),
  channelManager: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  statusReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Partner = z.infer<typeof partnerSchema>;

const typesInput = z
  .array(partnerTypeCode)
  .min(1, 'Give at least one partner type')
  .max(8)
  .refine((a) => new Set(a).size === a.length, 'Each type at most once');

const websiteInput = z.url({ protocol: /^https?$/ }).max(500);

export const createPartnerBody = z
  .strictObject({
    name: z.string().trim().min(2).max(200),
    website: websiteInput.optional(),
    country: countryCode.optional(),
    description: z.string().max(5000).optional(),
    types: typesInput,
    primaryType: partnerTypeCode.optional().describe('Defaults to the first of `types`'),
    status: z.enum(['applicant', 'active']).default('active'),
  })
  .refine((b) => !b.primaryType || b.types.includes(b.primaryType), {
    path: ['primaryType'],
    message: 'The primary type must be one of `types`',
  });

export const updatePartnerBody = z
  .strictObject({
    version: versionField,
    name: z.string().trim().min(2).max(200).optional(),
    website: websiteInput.nullable().optional(),
    country: countryCode.nullable().optional(),
    description: z.string().max(5000).optional(),
    types: typesInput.optional(),
    primaryType: partnerTypeCode.optional(),
  })
  .refine((b) => !b.primaryType || !b.types || b.types.includes(b.primaryType), {
    path: ['primaryType'],
    message: 'The primary type must be one of `types`',
  });

export const partnerStatusAction = z.strictObject({
  version: versionField,
  reason: z.string().trim().max(1000).optional(),
});

export const assignManagerBody = z.strictObject({
  version: versionField,
  channelManagerId: z.string().max(64).nullable(),
});

export const partnerListQuery = z.object({
  q: z.string().max(200).optional().describe('Matches name or domain'),
  status: partnerStatusSchema.optional(),
  type: partnerTypeCode.optional(),
  country: countryCode.optional(),
  channelManagerId: z.string().max(64).optional(),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt', 'country', '-country']).default('name'),
});
