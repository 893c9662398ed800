import { z } from 'zod';
import { roleSchema } from './identity';
import { timestamp, versionField } from './common';

// --- Connections ---

export const ssoProtocol = z.enum(['oidc', 'saml']);
export const ssoConnectionStatus = z
  .enum(['pending_approval', 'active', 'disabled'])
  .describe(
    "A partner's connection waits for the vendor admin's approval before it serves sign-ins; the vendor's own is active at once",
  );

/** Claim (OIDC) or attribute (SAML) values → roles. The first rule that matches wins. */
export const roleMappingSchema = z.strictObject({
  attribute: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('The ID-token claim or SAML attribute to read, e.g. `groups`'),
  rules: z
    .array(z.strictObject({ value: z.string().trim().min(1).max(200), role: roleSchema }))
    .max(50)
    .default([]),
  defaultRole: roleSchema.describe('The role of a person no rule matches'),
});
export type RoleMapping = z.infer<typeof roleMappingSchema>;

const name = z.string().trim().min(1, 'Give the connection a name').max(200);
const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2000);
const pemCertificate = z
  .string()
  .trim()
  .min(1)
  .max(20_000)
  .describe('An X.509 certificate, PEM or bare base64');

export const oidcSettingsInput = z.strictObject({
  issuer: httpUrl.describe('The issuer URL; its /.well-known/openid-configuration is read'),
  clientId: z.string().trim().min(1).max(500),
  scopes: z
    .string()
    .trim()
    .max(500)
    .regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'Scopes separated by single spaces')
    .default('openid email profile'),
});

export const samlSettingsInput = z.strictObject({
  idpEntityId: z.string().trim().min(1).max(1000).optional(),
  idpSsoUrl: httpUrl.optional(),
  idpCertificates: z.array(pemCertificate).max(5).optional(),
  metadataXml: z
    .string()
    .max(500_000)
    .optional()
    .describe("The IdP's metadata document: fills the entity id, sign-in URL and certificates"),
  metadataUrl: httpUrl.optional().describe("Where to fetch the IdP's metadata from, instead of pasting it"),
  allowIdpInitiated: z
    .boolean()
    .default(false)
    .describe('Accept assertions that answer no request of ours (IdP-initiated); off by default'),
});

export const createSsoConnectionBody = z.discriminatedUnion('protocol', [
  z.strictObject({
    protocol: z.literal('oidc'),
    name,
    oidc: oidcSettingsInput.extend({ clientSecret: z.string().min(1).max(2000) }),
    roleMapping: roleMappingSchema,
  }),
  z.strictObject({
    protocol: z.literal('saml'),
    name,
    saml: samlSettingsInput,
    roleMapping: roleMappingSchema,
  }),
]);
export type CreateSsoConnectionBody = z.infer<typeof createSsoConnectionBody>;

export const updateSsoConnectionBody = z.strictObject({
  version: versionField,
  name: name.optional(),
  oidc: oidcSettingsInput
    .partial()
    .extend({
      clientSecret: z.string().min(1).max(2000).optional().describe('Left out: the stored secret stays'),
    })
    .optional(),
  saml: samlSettingsInput.partial().optional(),
  roleMapping: roleMappingSchema.optional(),
});

export const ssoConnectionSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  protocol: ssoProtocol,
  name: z.string(),
  status: ssoConnectionStatus,
  oidc: z
    .object({
      issuer: z.string(),
      clientId: z.string(),
      scopes: z.string(),
      hasClientSecret: z.boolean(),
      redirectUri: z.string().describe('Register this as the redirect (callback) URI at the IdP'),
    })
    .nullable(),
  saml: z
    .object({
      idpEntityId: z.string(),
      idpSsoUrl: z.string(),
      idpCertificates: z.array(z.string()),
      allowIdpInitiated: z.boolean(),
      spEntityId: z.string().describe('Our entity id (the audience the IdP must name)'),
      acsUrl: z.string().describe('Our assertion consumer service URL (HTTP-POST)'),
      metadataUrl: z.string().describe('Our SP metadata, to import at the IdP'),
    })
    .nullable(),
  roleMapping: roleMappingSchema,
  approvedAt: timestamp.nullable(),
  version: z.number().int(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type SsoConnection = z.infer<typeof ssoConnectionSchema>;

export const ssoConnectionListQuery = z.object({
  organizationId: z.string().max(64).optional(),
  status: ssoConnectionStatus.optional(),
});

export const ssoVersionBody = z.strictObject({ version: versionField });

export const ssoTestResult = z.object({
  ok: z.boolean(),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), detail: z.string() })),
});

// --- Sign-in ---

export const ssoStartQuery = z.object({
  email: z.email().max(254).optional(),
  connectionId: z.string().max(64).optional(),
  returnTo: z
    .string()
    .max(2000)
    .optional()
    .describe('A same-origin path (`/deals`); anything else is ignored'),
});

export const ssoDiscoverBody = z.strictObject({ email: z.email().max(254) });
export const ssoDiscoverResponse = z.object({
  sso: z.boolean(),
  required: z.boolean().describe('Password sign-in is refused for this domain'),
  startUrl: z.string().nullable().describe('Where to send the browser to sign in with SSO'),
});

// --- Domains ---

const domainName = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(
    /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/,
    'must be a domain name like example.com',
  );

export const createSsoDomainBody = z.strictObject({ domain: domainName });
export const ssoDomainSchema = z.object({
  id: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  domain: z.string(),
  status: z.enum(['pending', 'verified']),
  verifiedBy: z.enum(['dns', 'vendor']).nullable(),
  verifiedAt: timestamp.nullable(),
  txtRecordName: z.string().describe('Where to publish the TXT record'),
  txtRecordValue: z.string().describe('The TXT record to publish'),
  version: z.number().int(),
  createdAt: timestamp,
});
export type SsoDomain = z.infer<typeof ssoDomainSchema>;

export const verifySsoDomainBody = z.strictObject({
  version: versionField,
  byVendor: z.boolean().optional().describe('The vendor admin confirms the domain without DNS'),
});
export const ssoDomainCheckSchema = ssoDomainSchema.extend({
  check: z.object({
    ok: z.boolean(),
    detail: z.string().describe('What the DNS look-up found, when it did not prove the domain'),
  }),
});

// --- Policy ---

export const ssoPolicySchema = z.object({
  organizationId: z.string(),
  ssoRequired: z.boolean(),
  breakGlassUserId: z
    .string()
    .nullable()
    .describe('The one vendor admin who keeps password sign-in when the vendor requires SSO'),
  version: z.number().int(),
});
export const updateSsoPolicyBody = z.strictObject({
  version: versionField.optional().describe('Leave out only when no policy was saved yet'),
  ssoRequired: z.boolean(),
  breakGlassUserId: z.string().max(64).nullable().optional(),
});
