import { z } from 'zod';
import { roles } from '../permissions';
import { timestamp } from './common';

// --- Managing SCIM (under /api/v1, for the organization's admin) ---

export const createScimTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100).describe('What the token is for, e.g. "Okta"'),
});

export const scimTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe('The first characters of the token, to tell tokens apart'),
  createdAt: timestamp,
  createdBy: z.string().nullable().describe('Who created it'),
  lastUsedAt: timestamp.nullable().describe('The last request the identity provider made with it'),
  revokedAt: timestamp.nullable(),
});
export type ScimToken = z.infer<typeof scimTokenSchema>;

export const createdScimTokenSchema = scimTokenSchema.extend({
  token: z.string().describe('The secret: shown this once, never again'),
});

export const scimTokensSchema = z.object({
  baseUrl: z.string().describe('The SCIM base URL to paste into the identity provider'),
  items: z.array(scimTokenSchema),
});

export const scimRoleMappingSchema = z.object({
  group: z.string().trim().min(1).max(200).describe('The group name as the identity provider sends it'),
  role: z.enum(roles),
});
export type ScimRoleMapping = z.infer<typeof scimRoleMappingSchema>;

export const scimRoleMappingsBody = z.strictObject({
  mappings: z
    .array(z.strictObject(scimRoleMappingSchema.shape))
    .max(100)
    .describe('Every mapping of the organization: this list replaces the stored one'),
});

export const scimRoleMappingsSchema = z.object({
  items: z.array(scimRoleMappingSchema),
  groups: z
    .array(
      z.object({
        id: z.string(),
        displayName: z.string(),
        members: z.number().int(),
        role: z.enum(roles).nullable(),
      }),
    )
    .describe('The groups the identity provider has pushed, with the role each maps to'),
});

// --- The SCIM protocol (RFC 7643/7644, at /scim/v2). Resources are open-ended: the service reads
// them attribute by attribute and answers SCIM errors, so these schemas only document and bound them. ---

const scimString = z.string().max(2000);

export const scimListQuery = z.object({
  filter: z.string().max(2000).optional().describe('A SCIM filter, e.g. `userName eq "ada@example.com"`'),
  startIndex: z.coerce.number().int().min(1).max(1_000_000_000).optional().describe('1-based'),
  count: z.coerce.number().int().min(0).max(1_000_000).optional().describe('At most 200 are answered'),
  attributes: scimString.optional(),
  excludedAttributes: scimString.optional(),
});

export const scimGetQuery = scimListQuery.pick({ attributes: true, excludedAttributes: true });

export const scimResourceBody = z
  .looseObject({
    schemas: z.array(scimString).max(20).optional(),
    id: z.unknown().optional().describe('Read-only: ignored, as RFC 7643 §3.1 says (Okta sends it on PUT)'),
  })
  .describe('A SCIM resource (User or Group) as RFC 7643 defines it');

export const scimPatchBody = z.strictObject({
  schemas: z.array(scimString).max(20).optional(),
  Operations: z
    .array(
      z.strictObject({
        op: z.string().max(20).describe('add, replace or remove (any case)'),
        path: scimString.optional(),
        value: z.unknown().optional(),
      }),
    )
    .min(1)
    .max(1000),
});

export const scimResourceSchema = z
  .looseObject({ schemas: z.array(z.string()), id: z.string().optional() })
  .describe('A SCIM resource or message');
