import { z } from 'zod';
import { dealStages, involvementRoles } from '../codes';
import { timestamp, versionField } from './common';

// CRM sync (Salesforce; HubSpot beside it): connections, mappings, runs and
// their log, and the review queue of links the matcher would not guess.

export const crmKinds = ['salesforce', 'hubspot'] as const;
export const crmKind = z.enum(crmKinds);
export const crmObjects = ['account', 'opportunity', 'lead'] as const;
export const crmObject = z.enum(crmObjects);

export const crmConnectionStatus = z
  .enum(['pending', 'active', 'needs_reconnect'])
  .describe(
    '`pending`: waiting for the CRM to send the user back with a grant; `needs_reconnect`: the grant was revoked or expired (statusMessage has the CRM’s words) and no run starts until it is reconnected',
  );

/** What a field on our side is, per object. */
export const localFields = {
  account: ['name', 'website', 'country'] as const,
  opportunity: ['name', 'stage', 'amount', 'currency', 'closeDate', 'account', 'description'] as const,
  lead: ['company', 'contactName', 'contactEmail', 'contactPhone', 'website', 'need'] as const,
};

export const fieldDirection = z
  .enum(['push', 'pull', 'both'])
  .describe('push: PartnerGraph → CRM; pull: CRM → PartnerGraph; both');
export const systemOfRecord = z
  .enum(['partnergraph', 'crm'])
  .describe('Which side wins when both changed the field since the last sync');

const remoteFieldName = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z][\w.]*$/, 'A field API name such as Amount or Partner_Tier__c');

export const fieldMappingSchema = z.strictObject({
  local: z.string().min(1).max(40),
  remote: remoteFieldName,
  direction: fieldDirection,
  systemOfRecord,
});
export type FieldMapping = z.infer<typeof fieldMappingSchema>;

export const stageTargets = [...dealStages, 'won', 'lost'] as const;

export const crmMappingsSchema = z.strictObject({
  account: z.strictObject({ enabled: z.boolean(), fields: z.array(fieldMappingSchema).max(50) }),
  opportunity: z.strictObject({
    enabled: z.boolean(),
    fields: z.array(fieldMappingSchema).max(50),
    /** The CRM's stage (picklist value or pipeline stage id) → our stage, or won / lost. */
    stageMap: z.record(z.string().max(120), z.enum(stageTargets)),
  }),
  lead: z.strictObject({ enabled: z.boolean(), fields: z.array(fieldMappingSchema).max(50) }),
  partners: z.strictObject({
    mode: z
      .enum(['opportunity_partner', 'lookup'])
      .describe('Salesforce OpportunityPartner rows (HubSpot: labelled associations), or a lookup field'),
    lookupField: remoteFieldName
      .nullable()
      .describe('With `lookup`: the Opportunity field naming the sourcing partner'),
    roles: z
      .record(z.string(), z.string().max(80))
      .refine((r) => Object.keys(r).every((k) => (involvementRoles as readonly string[]).includes(k)), {
        message: `Keys are our involvement roles: ${involvementRoles.join(', ')}`,
      })
      .describe('Our involvement role → the CRM’s partner role'),
  }),
});
export type CrmMappings = z.infer<typeof crmMappingsSchema>;

export const crmConnectionSchema = z.object({
  id: z.string(),
  kind: crmKind,
  name: z.string(),
  status: crmConnectionStatus,
  statusMessage: z.string().nullable(),
  authMethod: z.enum(['oauth', 'jwt', 'token']),
  loginUrl: z.string().nullable(),
  instanceUrl: z.string().nullable(),
  apiVersion: z.string(),
  clientId: z.string().nullable(),
  username: z.string().nullable(),
  remoteAccountId: z.string().nullable(),
  remoteName: z.string().nullable(),
  paused: z.boolean(),
  budgetShare: z.number().int().describe('Percent of the CRM’s daily API budget sync may use'),
  syncIntervalMinutes: z.number().int(),
  firstSyncAt: timestamp.nullable(),
  lastRunAt: timestamp.nullable(),
  nextRunAfter: timestamp.nullable(),
  apiUsage: z.object({ used: z.number(), max: z.number(), observedAt: timestamp }).nullable(),
  mappings: crmMappingsSchema,
  version: z.number().int(),
  createdAt: timestamp,
});
export type CrmConnection = z.infer<typeof crmConnectionSchema>;

const loginUrl = z
  .url({ protocol: /^https?$/, message: 'An http(s) URL' })
  .max(500)
  .describe(
    'https://login.salesforce.com (production), https://test.salesforce.com (sandbox) or your My Domain',
  );

/** Salesforce by OAuth 2.0 web-server flow with PKCE. */
export const salesforceOAuthBody = z.strictObject({
  kind: z.literal('salesforce'),
  authMethod: z.literal('oauth'),
  name: z.string().trim().min(1).max(120),
  loginUrl,
  clientId: z.string().min(1).max(300).describe('The connected app’s consumer key'),
  clientSecret: z.string().max(300).optional().describe('The consumer secret, if the app requires one'),
  redirectUri: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .describe('The callback URL registered on the connected app'),
  apiVersion: z
    .string()
    .regex(/^\d{2,3}\.0$/, 'Such as 60.0')
    .default('60.0'),
});

/** Salesforce server-to-server: the JWT bearer grant. */
export const salesforceJwtBody = z.strictObject({
  kind: z.literal('salesforce'),
  authMethod: z.literal('jwt'),
  name: z.string().trim().min(1).max(120),
  loginUrl,
  clientId: z.string().min(1).max(300),
  username: z.string().min(1).max(200).describe('The integration user the app is pre-authorized for'),
  privateKey: z
    .string()
    .min(1)
    .max(10_000)
    .describe('PEM of the key whose certificate is on the connected app'),
  apiVersion: z
    .string()
    .regex(/^\d{2,3}\.0$/, 'Such as 60.0')
    .default('60.0'),
});

const hubspotApiBase = z
  .url({ protocol: /^https?$/, message: 'An http(s) URL' })
  .max(500)
  .default('https://api.hubapi.com')
  .describe('HubSpot’s API base: https://api.hubapi.com (or the EU host your account lives on)');

/** HubSpot by a private app's access token (Settings → Integrations → Private apps). */
export const hubspotTokenBody = z.strictObject({
  kind: z.literal('hubspot'),
  authMethod: z.literal('token'),
  name: z.string().trim().min(1).max(120),
  apiBase: hubspotApiBase,
  token: z.string().trim().min(1).max(500).describe('The private app’s access token (pat-…)'),
});

/** HubSpot by a public OAuth 2.0 app: the admin grants access on HubSpot’s consent screen. */
export const hubspotOAuthBody = z.strictObject({
  kind: z.literal('hubspot'),
  authMethod: z.literal('oauth'),
  name: z.string().trim().min(1).max(120),
  apiBase: hubspotApiBase,
  authorizeBase: z
    .url({ protocol: /^https?$/, message: 'An http(s) URL' })
    .max(500)
    .default('https://app.hubspot.com')
    .describe('Where HubSpot’s consent screen lives: https://app.hubspot.com (or app-eu1.hubspot.com)'),
  clientId: z.string().min(1).max(300).describe('The app’s client id'),
  clientSecret: z.string().min(1).max(300).describe('The app’s client secret'),
  redirectUri: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .describe('The redirect URL registered on the app'),
});

export const createCrmConnectionBody = z.discriminatedUnion('kind', [
  z.discriminatedUnion('authMethod', [salesforceOAuthBody, salesforceJwtBody]),
  z.discriminatedUnion('authMethod', [hubspotOAuthBody, hubspotTokenBody]),
]);

export const crmConnectResultSchema = z.object({
  connection: crmConnectionSchema,
  authorizeUrl: z
    .string()
    .nullable()
    .describe('Send the user here to grant access (OAuth); null when connected'),
});

export const crmCallbackBody = z.strictObject({
  code: z.string().min(1).max(2000),
  state: z.string().min(1).max(200),
});

export const updateCrmConnectionBody = z.strictObject({
  version: versionField,
  name: z.string().trim().min(1).max(120).optional(),
  budgetShare: z.number().int().min(1).max(100).optional(),
  syncIntervalMinutes: z.number().int().min(5).max(1440).optional(),
});

export const crmVersionBody = z.strictObject({ version: versionField });

export const reconnectCrmBody = z.strictObject({
  version: versionField,
  token: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .optional()
    .describe(
      'HubSpot private apps: the new access token, after the old one was rotated or revoked (required there)',
    ),
});

export const crmDescribeSchema = z.object({
  object: crmObject,
  remoteName: z.string(),
  fields: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      type: z.string(),
      createable: z.boolean(),
      updateable: z.boolean(),
      custom: z.boolean(),
      options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
      referenceTo: z.array(z.string()).optional(),
    }),
  ),
});

export const saveMappingsBody = z.strictObject({ version: versionField, mappings: crmMappingsSchema });

export const crmRunCounts = z.object({
  accountsLinked: z.number().int(),
  accountsForReview: z.number().int(),
  accountsCreated: z.number().int(),
  opportunitiesCreated: z.number().int(),
  opportunitiesUpdated: z.number().int(),
  dealsChanged: z.number().int(),
  recordErrors: z.number().int(),
  recordsRead: z.number().int(),
  leadsCreated: z.number().int().describe('Referrals sent to the vendor created as leads (when mapped)'),
});
export type CrmRunCounts = z.infer<typeof crmRunCounts>;

export const crmRunSchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  mode: z.enum(['sync', 'dry_run', 'retry']),
  status: z.enum(['queued', 'running', 'completed', 'failed', 'deferred']),
  phase: z.string().nullable(),
  message: z.string().nullable(),
  counts: crmRunCounts,
  retryRecordIds: z
    .array(z.string())
    .nullable()
    .describe('A retry of chosen record errors from the log; null: every open one'),
  queuedAt: timestamp,
  startedAt: timestamp.nullable(),
  finishedAt: timestamp.nullable(),
});
export type CrmRun = z.infer<typeof crmRunSchema>;

export const startRunBody = z.strictObject({
  retryFailed: z.boolean().default(false).describe('Only the records that failed in earlier runs'),
  recordIds: z
    .array(z.string().max(64))
    .min(1)
    .max(200)
    .optional()
    .describe(
      'With retryFailed: only these record errors from the log (ids of run records whose outcome is `error`)',
    ),
});

export const crmRunRecordSchema = z.object({
  id: z.string(),
  object: crmObject,
  remoteId: z.string().nullable(),
  localId: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['done', 'planned', 'error', 'resolved']),
  field: z.string().nullable(),
  message: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  createdAt: timestamp,
});

export const crmRunRecordsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  outcome: z.enum(['done', 'planned', 'error', 'resolved']).optional(),
});

export const crmLinkSchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  object: crmObject,
  remoteId: z.string().nullable(),
  remoteName: z.string().nullable(),
  localId: z.string().nullable(),
  status: z.enum(['linked', 'review', 'dismissed']),
  candidates: z.array(z.object({ id: z.string(), name: z.string(), reason: z.string() })),
  updatedAt: timestamp,
});
export type CrmLink = z.infer<typeof crmLinkSchema>;

export const crmLinksQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  status: z.enum(['linked', 'review', 'dismissed']).default('review'),
  connectionId: z.string().max(64).optional(),
});

export const resolveLinkBody = z.strictObject({
  localId: z
    .string()
    .max(64)
    .nullable()
    .describe('The candidate to link, or null to leave the remote record unlinked'),
});
