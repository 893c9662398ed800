// The resource schemas this server keeps (RFC 7643 §4, §8.7): they answer /Schemas, and the PATCH
// engine and the readers of POST/PUT bodies go by them (attribute names, types, multi-valuedness,
// what is read-only). An attribute not listed here is refused with invalidPath / invalidSyntax.

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_SCHEMA = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

export interface AttrDef {
  name: string;
  type: 'string' | 'boolean' | 'complex' | 'reference' | 'dateTime' | 'integer';
  multiValued?: boolean;
  required?: boolean;
  caseExact?: boolean;
  mutability?: 'readOnly' | 'readWrite' | 'immutable' | 'writeOnly';
  uniqueness?: 'none' | 'server';
  subAttributes?: AttrDef[];
  description: string;
}

const str = (name: string, description: string, extra: Partial<AttrDef> = {}): AttrDef => ({
  name,
  type: 'string',
  description,
  ...extra,
});

/** value/display/type/primary: the sub-attributes of RFC 7643's multi-valued attributes. */
const multi = (name: string, description: string, more: AttrDef[] = []): AttrDef => ({
  name,
  type: 'complex',
  multiValued: true,
  description,
  subAttributes: [
    str('value', 'The value'),
    str('display', 'A human-readable name'),
    str('type', 'A label such as "work" or "home"'),
    { name: 'primary', type: 'boolean', description: 'The primary value' },
    ...more,
  ],
});

export const userAttributes: AttrDef[] = [
  str('userName', "The person's e-mail address: they sign in with it (unique across PartnerGraph)", {
    required: true,
    uniqueness: 'server',
  }),
  str('externalId', "The identity provider's own id for the person", { caseExact: true }),
  {
    name: 'name',
    type: 'complex',
    description: 'The parts of the name',
    subAttributes: [
      str('formatted', 'The full name'),
      str('familyName', 'Family name'),
      str('givenName', 'Given name'),
      str('middleName', 'Middle name'),
      str('honorificPrefix', 'e.g. Ms.'),
      str('honorificSuffix', 'e.g. III'),
    ],
  },
  str('displayName', 'The name shown in PartnerGraph'),
  str('nickName', 'Casual name'),
  str('profileUrl', 'A profile page', { type: 'reference' }),
  str('title', 'Job title'),
  str('userType', 'e.g. Employee, Contractor'),
  str('preferredLanguage', 'e.g. en-US'),
  str('locale', 'e.g. en-US'),
  str('timezone', 'e.g. Europe/Paris'),
  {
    name: 'active',
    type: 'boolean',
    description: 'false deactivates the person and ends their sessions and API tokens',
  },
  {
    name: 'password',
    type: 'string',
    mutability: 'writeOnly',
    description: 'Never stored: people sign in by SSO or a reset link',
  },
  multi('emails', 'E-mail addresses (userName is the one PartnerGraph uses)'),
  multi('phoneNumbers', 'Phone numbers'),
  multi('ims', 'Instant messaging addresses'),
  multi('photos', 'Photo URLs'),
  {
    name: 'addresses',
    type: 'complex',
    multiValued: true,
    description: 'Postal addresses',
    subAttributes: [
      str('formatted', 'The full address'),
      str('streetAddress', 'Street'),
      str('locality', 'City'),
      str('region', 'State or region'),
      str('postalCode', 'Postal code'),
      str('country', 'Country'),
      str('type', 'e.g. work'),
      { name: 'primary', type: 'boolean', description: 'The primary address' },
    ],
  },
  multi('entitlements', 'Entitlements'),
  multi('roles', 'Roles in the identity provider (PartnerGraph roles come from Groups)'),
  multi('x509Certificates', 'Certificates'),
  { ...multi('groups', 'The groups the person is in (change them through Groups)'), mutability: 'readOnly' },
];

export const enterpriseAttributes: AttrDef[] = [
  str('employeeNumber', 'Employee number'),
  str('costCenter', 'Cost center'),
  str('organization', 'Organization'),
  str('division', 'Division'),
  str('department', 'Department'),
  {
    name: 'manager',
    type: 'complex',
    description: "The person's manager",
    subAttributes: [str('value', "The manager's id"), str('$ref', 'Its URI'), str('displayName', 'Its name')],
  },
];

export const groupAttributes: AttrDef[] = [
  str('displayName', 'The group name; it may map to a role', { required: true, uniqueness: 'server' }),
  str('externalId', "The identity provider's own id for the group", { caseExact: true }),
  {
    name: 'members',
    type: 'complex',
    multiValued: true,
    description: 'The people in the group (users of this organization)',
    subAttributes: [
      str('value', 'The user id', { mutability: 'immutable' }),
      str('display', 'Their name', { mutability: 'readOnly' }),
      str('$ref', 'Their URI', { type: 'reference', mutability: 'readOnly' }),
      str('type', 'User', { mutability: 'readOnly' }),
    ],
  },
];

/** Attributes every resource carries that no client sets (RFC 7643 §3.1): accepted in bodies and ignored. */
export const commonReadOnly = new Set(['id', 'meta', 'schemas']);

export interface ResourceSchema {
  core: { id: string; attributes: AttrDef[] };
  extensions: { id: string; attributes: AttrDef[] }[];
}

export const userSchema: ResourceSchema = {
  core: { id: USER_SCHEMA, attributes: userAttributes },
  extensions: [{ id: ENTERPRISE_SCHEMA, attributes: enterpriseAttributes }],
};
export const groupSchema: ResourceSchema = {
  core: { id: GROUP_SCHEMA, attributes: groupAttributes },
  extensions: [],
};

const withDefaults = (a: AttrDef): Record<string, unknown> => ({
  name: a.name,
  type: a.type,
  multiValued: a.multiValued ?? false,
  description: a.description,
  required: a.required ?? false,
  caseExact: a.caseExact ?? false,
  mutability: a.mutability ?? 'readWrite',
  returned: a.mutability === 'writeOnly' ? 'never' : 'default',
  uniqueness: a.uniqueness ?? 'none',
  ...(a.type === 'reference' ? { referenceTypes: ['external'] } : {}),
  ...(a.subAttributes ? { subAttributes: a.subAttributes.map(withDefaults) } : {}),
});

export function schemaResources(baseUrl: string) {
  const one = (id: string, name: string, description: string, attributes: AttrDef[]) => ({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
    id,
    name,
    description,
    attributes: attributes.map(withDefaults),
    meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${id}` },
  });
  return [
    one(USER_SCHEMA, 'User', 'A person of the organization', userAttributes),
    one(ENTERPRISE_SCHEMA, 'EnterpriseUser', 'Enterprise attributes, kept as sent', enterpriseAttributes),
    one(GROUP_SCHEMA, 'Group', 'A group; its name may map to a PartnerGraph role', groupAttributes),
  ];
}

export function resourceTypes(baseUrl: string) {
  return [
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
      id: 'User',
      name: 'User',
      endpoint: '/Users',
      description: 'People of the organization',
      schema: USER_SCHEMA,
      schemaExtensions: [{ schema: ENTERPRISE_SCHEMA, required: false }],
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
    },
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'Groups, mapped to roles',
      schema: GROUP_SCHEMA,
      schemaExtensions: [],
      meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/Group` },
    },
  ];
}

export const MAX_RESULTS = 200;

export function serviceProviderConfig(baseUrl: string, docsUrl: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    documentationUri: docsUrl,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: "Authorization: Bearer with a SCIM token from the organization's SCIM settings",
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
}
