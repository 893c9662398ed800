import { z } from 'zod';
import ISO6391 from 'iso-639-1';
import { countryCode, idSchema, timestamp, versionField } from './common';
import { industryCode } from './deals';
import { connectionKinds, connectionStatuses, integrationStatuses } from '../codes';

export { connectionKinds, connectionStatuses, integrationStatuses } from '../codes';
export { languages } from '../languages';

export const languageCode = z
  .string()
  .length(2)
  .transform((s) => s.toLowerCase())
  .refine((s): boolean => ISO6391.validate(s), { message: 'Unknown ISO 639-1 language code' })
  .describe('ISO 639-1 language code, e.g. de');

const text = (max: number) => z.string().trim().max(max);
const httpUrl = z
  .url({ protocol: /^https?$/, message: 'An http(s) address' })
  .max(500)
  .describe('An http(s) URL');
const tags = (max: number) =>
  z
    .array(text(80).min(1))
    .max(max)
    .refine((a) => new Set(a.map((x) => x.toLowerCase())).size === a.length, 'Each entry at most once');

// --- Profiles ---

export const certificationSchema = z.strictObject({
  name: text(120).min(1),
  issuer: text(120).optional(),
  year: z.number().int().min(1980).max(2100).optional(),
});
export const caseStudySchema = z.strictObject({
  title: text(200).min(1),
  customer: text(200).optional(),
  summary: text(3000).min(1),
  url: httpUrl.optional(),
});

/** The fields a partner admin edits; published as a snapshot others read. */
const profileShape = {
  description: text(5000),
  logoUrl: httpUrl.nullable(),
  website: httpUrl.nullable(),
  services: tags(30),
  specializations: tags(30),
  industries: z.array(industryCode).max(20),
  countries: z.array(countryCode).max(250),
  certifications: z.array(certificationSchema).max(30),
  integrations: tags(30).describe('Products the partner integrates with or supports'),
  caseStudies: z.array(caseStudySchema).max(20),
  languages: z.array(languageCode).max(30),
  contactEmail: z.email().max(254).nullable(),
  contactUrl: httpUrl.nullable(),
  showBadges: z
    .boolean()
    .describe('Publish the tier badges the organization holds and its certified people by certification'),
};

/** A whole profile: what is stored, with a value for every field an older snapshot lacks. */
export const profileFields = z.strictObject({
  description: profileShape.description.default(''),
  logoUrl: profileShape.logoUrl.default(null),
  website: profileShape.website.default(null),
  services: profileShape.services.default([]),
  specializations: profileShape.specializations.default([]),
  industries: profileShape.industries.default([]),
  countries: profileShape.countries.default([]),
  certifications: profileShape.certifications.default([]),
  integrations: profileShape.integrations.default([]),
  caseStudies: profileShape.caseStudies.default([]),
  languages: profileShape.languages.default([]),
  contactEmail: profileShape.contactEmail.default(null),
  contactUrl: profileShape.contactUrl.default(null),
  showBadges: profileShape.showBadges.default(true),
});
export type ProfileFields = z.output<typeof profileFields>;

/** The same fields as read back: plain values (response schemas carry no transforms). */
export const profileView = z.object({
  description: z.string(),
  logoUrl: z.string().nullable(),
  website: z.string().nullable(),
  services: z.array(z.string()),
  specializations: z.array(z.string()),
  industries: z.array(z.string()),
  countries: z.array(z.string()),
  certifications: z.array(
    z.object({ name: z.string(), issuer: z.string().optional(), year: z.number().int().optional() }),
  ),
  integrations: z.array(z.string()),
  caseStudies: z.array(
    z.object({
      title: z.string(),
      customer: z.string().optional(),
      summary: z.string(),
      url: z.string().optional(),
    }),
  ),
  languages: z.array(z.string()),
  contactEmail: z.string().nullable(),
  contactUrl: z.string().nullable(),
  showBadges: z.boolean(),
});

/** Only the fields sent change: no defaults here, or an edit would blank what it did not name. */
export const updateProfileBody = z.strictObject({
  version: versionField,
  ...z.object(profileShape).partial().shape,
});

const badge = z.object({ program: z.string(), tier: z.string(), label: z.string() });
const certificationBadge = z.object({
  code: z.string(),
  name: z.string(),
  people: z.number().int().describe('Active people holding it, in force today'),
});

export const profileSchema = z.object({
  organizationId: z.string(),
  name: z.string(),
  partnerTypes: z.array(z.object({ code: z.string(), name: z.string(), primary: z.boolean() })),
  status: z
    .enum(['draft', 'published', 'unpublished'])
    .describe('unpublished: was published, then withdrawn'),
  draft: profileView
    .nullable()
    .describe('The working copy: the organization and the vendor only; null for anyone else'),
  published: profileView.nullable().describe('What others see; null until published'),
  badges: z.array(badge).describe('Tier badges shown on the published profile'),
  certifiedPeople: z
    .array(certificationBadge)
    .describe('Certified people by certification type, shown as badges with the tier badges'),
  hasUnpublishedChanges: z.boolean().nullable(),
  publishedAt: timestamp.nullable(),
  version: z.number().int(),
  updatedAt: timestamp,
});
export type Profile = z.infer<typeof profileSchema>;

export const publishProfileBody = z.strictObject({ version: versionField });

// --- Search and the public locator ---

export const marketplaceSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe('Words to find in names, descriptions, services and case studies; typos tolerated'),
  type: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe('Partner type codes (any of)'),
  country: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe('ISO countries served (any of)'),
  industry: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe('NAICS sectors served (any of)'),
  service: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe('Services offered (any of, exact)'),
  badge: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe('Tier badge labels (any of)'),
  certification: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe('Certification type codes (any of): partners with at least one person certified in it'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

export const facetSchema = z.array(
  z.object({ value: z.string(), label: z.string(), count: z.number().int() }),
);

export const searchResultSchema = z.object({
  organizationId: z.string(),
  name: z.string(),
  logoUrl: z.string().nullable(),
  website: z.string().nullable(),
  description: z.string(),
  partnerTypes: z.array(z.string()),
  services: z.array(z.string()),
  countries: z.array(z.string()),
  industries: z.array(z.string()),
  badges: z.array(z.string()),
  snippet: z.string().nullable().describe('Where the words matched, from published fields only'),
  score: z.number(),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const searchResponseSchema = z.object({
  items: z.array(searchResultSchema),
  nextCursor: z.string().nullable(),
  total: z
    .number()
    .int()
    .describe(
      'Profiles matching the query and filters; when more than 1,000 match, 1,000 (totalExact false: show "1,000+")',
    ),
  totalExact: z
    .boolean()
    .describe(
      'False when more than 1,000 profiles match: a search reads at most 1,000 matches, so the page is the best of those read and the visitor narrows the search to see others',
    ),
  facetsExact: z
    .boolean()
    .describe(
      'False when a facet was counted among the first 1,000 matches read rather than all of them (its counts are then lower bounds)',
    ),
  facets: z.object({
    type: facetSchema,
    country: facetSchema,
    industry: facetSchema,
    service: facetSchema,
    badge: facetSchema,
    certification: facetSchema,
  }),
});

export const publicProfileSchema = z.object({
  organizationId: z.string(),
  name: z.string(),
  partnerTypes: z.array(z.object({ code: z.string(), name: z.string() })),
  profile: profileView,
  badges: z.array(badge),
  certifiedPeople: z.array(certificationBadge),
  publishedAt: timestamp,
});

export const contactPartnerBody = z.strictObject({
  name: text(200).min(2),
  email: z.email().max(254),
  company: text(200).min(2),
  companyDomain: text(253).optional(),
  country: countryCode.optional(),
  phone: text(40).optional(),
  message: text(3000).min(10, 'Tell the partner a little more (10 characters or more)'),
  /** Spam trap: a hidden field people leave empty. */
  homepage: z.string().max(500).optional(),
});

// --- Connections ---

export const connectionKind = z.enum(connectionKinds);

export const connectionTerms = z.strictObject({
  referralFeePct: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe('Referral fee % the referrer earns on won deals'),
  notes: text(2000).optional(),
});

export const connectionSchema = z.object({
  id: z.string(),
  externalId: z.string().nullable().describe('Its id in the system it was imported from (vendor only)'),
  kind: connectionKind,
  status: z.enum(connectionStatuses),
  requester: z.object({ id: z.string(), name: z.string() }),
  recipient: z.object({ id: z.string(), name: z.string() }),
  direction: z.enum(['outgoing', 'incoming', 'none']).describe("From the caller's organization's side"),
  message: z.string(),
  terms: connectionTerms,
  decisionReason: z.string().nullable(),
  endReason: z.string().nullable(),
  endedBy: z
    .object({ id: z.string(), name: z.string() })
    .nullable()
    .describe('Who ended it (or withdrew the request)'),
  startedAt: timestamp.nullable(),
  endedAt: timestamp.nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Connection = z.infer<typeof connectionSchema>;

export const createConnectionBody = z.strictObject({
  organizationId: idSchema.describe('The partner to connect with'),
  kind: connectionKind,
  message: text(2000).default(''),
  terms: connectionTerms.default({}),
});
export const connectionListQuery = z.object({
  box: z.enum(['incoming', 'outgoing', 'active', 'all']).default('all'),
  status: z.enum(connectionStatuses).optional(),
  kind: connectionKind.optional(),
  organizationId: idSchema.optional().describe('Vendor staff: the connections of one partner'),
});
export const connectionActionBody = z.strictObject({ version: versionField, reason: text(1000).optional() });

// --- Integration listings ---

export const integrationSchema = z.object({
  id: z.string(),
  organization: z.object({ id: z.string(), name: z.string() }),
  name: z.string(),
  category: z.string(),
  description: z.string(),
  documentationUrl: z.string().nullable(),
  editions: z.array(z.string()),
  status: z.enum(integrationStatuses),
  reviewReason: z.string().nullable(),
  installCount: z.number().int(),
  publishedAt: timestamp.nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export const integrationFields = {
  name: text(120).min(2),
  category: text(80).min(2),
  description: text(5000).min(10),
  documentationUrl: httpUrl.nullable(),
  editions: tags(10),
};
export const createIntegrationBody = z.strictObject({
  ...integrationFields,
  documentationUrl: integrationFields.documentationUrl.default(null),
  editions: integrationFields.editions.default([]),
});
export const updateIntegrationBody = z.strictObject({
  version: versionField,
  name: integrationFields.name.optional(),
  category: integrationFields.category.optional(),
  description: integrationFields.description.optional(),
  documentationUrl: integrationFields.documentationUrl.optional(),
  editions: integrationFields.editions.optional(),
});
export const integrationListQuery = z.object({
  status: z.enum(integrationStatuses).optional(),
  category: z.string().max(80).optional(),
  q: z.string().trim().max(200).optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export const reviewIntegrationBody = z.strictObject({ version: versionField, reason: text(1000).optional() });
export const installSchema = z.object({
  customerDomain: z.string(),
  customerName: z.string().nullable(),
  installedAt: z.string(),
});
export const recordInstallBody = z.strictObject({
  customerDomain: text(253).min(3),
  customerName: text(200).optional(),
  installedAt: z.iso.date().optional(),
});

// --- Joint solutions ---

export const solutionSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(['pending', 'published']),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  members: z.array(
    z.object({
      organization: z.object({ id: z.string(), name: z.string() }),
      role: z.string(),
      acceptedAt: timestamp.nullable(),
    }),
  ),
  publishedAt: timestamp.nullable(),
  version: z.number().int(),
  createdAt: timestamp,
});
export const createSolutionBody = z.strictObject({
  name: text(200).min(2),
  description: text(5000).min(10),
  role: text(120).min(2).describe("The creating partner's role in the solution"),
  members: z
    .array(z.strictObject({ organizationId: idSchema, role: text(120).min(2) }))
    .min(1, 'A joint solution has at least one other partner')
    .max(10),
});
export const acceptSolutionBody = z.strictObject({ version: versionField });

// --- Recommendations ---

export const recommendationSchema = z.object({
  organizationId: z.string(),
  name: z.string(),
  partnerTypes: z.array(z.string()),
  score: z.number(),
  reasons: z.array(z.string()).min(1),
});
