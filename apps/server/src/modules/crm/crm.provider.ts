// apps/server/src/modules/crm/crm.provider.ts
/** Logical objects the sync knows; each adapter maps them to its CRM's objects
 *  (Salesforce: Account, Opportunity, Lead; HubSpot: companies, deals, contacts). */
export type CrmObject = 'account' | 'opportunity' | 'lead';
export type CrmKind = 'salesforce' | 'hubspot';

export type CrmFieldType =
  | 'string'
  | 'textarea'
  | 'email'
  | 'url'
  | 'phone'
  | 'number'
  | 'currency'
  | 'percent'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'picklist'
  | 'reference'
  | 'id'
  | 'other';

export interface CrmField {
  name: string; // API name (Salesforce `Amount`, `Partner_Tier__c`; HubSpot `amount`)
  label: string;
  type: CrmFieldType;
  createable: boolean;
  updateable: boolean;
  custom: boolean;
  options?: { value: string; label: string }[]; // picklist values / pipeline stages
  referenceTo?: string[]; // for references/lookups
}
export interface CrmObjectSchema {
  object: CrmObject;
  remoteName: string;
  fields: CrmField[];
}

/** One remote record as the adapter read it: values keyed by the CRM's field API names. */
export interface RemoteRecord {
  id: string;
  modifiedAt: string; // ISO 8601 (Salesforce SystemModstamp, HubSpot hs_lastmodifieddate/updatedAt)
  fields: Record<string, unknown>;
}
export interface RemotePage {
  records: RemoteRecord[];
  next: string | null;
}

/** Partner involvement on an opportunity (Salesforce OpportunityPartner, HubSpot association with a label). */
export interface RemotePartnerLink {
  accountId: string;
  role: string;
  primary: boolean;
}

/** What an adapter learnt about the CRM's API budget from the last response's headers. */
export interface ApiUsage {
  used: number;
  max: number;
  observedAt: string;
}

export type CrmErrorKind =
  | 'auth' // 401 / invalid_grant after one refresh: the grant is revoked or expired — stop, show it
  | 'rate_limited' // 429 / REQUEST_LIMIT_EXCEEDED: retryAfterSeconds from Retry-After
  | 'field' // a field-level refusal: field + the CRM's own message
  | 'not_found' // the remote record is gone
  | 'invalid' // any other 4xx, with the CRM's message
  | 'unavailable'; // 5xx / network: retry later
export class CrmError extends Error {
  constructor(
    readonly kind: CrmErrorKind,
    message: string, // the CRM's own message where it gave one
    readonly detail: { field?: string; retryAfterSeconds?: number; status?: number } = {},
  ) {
    super(message);
  }
}

/** Supplies the access token; the core refreshes (and seals the new token) when asked. */
export interface TokenSource {
  accessToken(): Promise<string>;
  /** Called once after a 401; returns a fresh token or throws CrmError('auth'). */
  refresh(): Promise<string>;
}

export interface CrmProvider {
  readonly kind: CrmKind;
  /** The org / portal the token belongs to: proves the connection works (connect, test connection). */
  identify(): Promise<{ remoteAccountId: string; name: string }>;
  describe(object: CrmObject): Promise<CrmObjectSchema>;
  /** Records modified after `since` (null: all), oldest first, in pages; `cursor` is the previous page's `next`. */
  listChanged(
    object: CrmObject,
    since: string | null,
    cursor: string | null,
    fields: string[],
  ): Promise<RemotePage>;
  /** Ids deleted after `since` (Salesforce getDeleted / queryAll IsDeleted; HubSpot archived). */
  listDeleted(object: CrmObject, since: string): Promise<string[]>;
  /** A first sync of a large org: Salesforce Bulk API 2.0 query job, HubSpot batch read/search. */
  bulkExport(object: CrmObject, fields: string[]): AsyncIterable<RemoteRecord[]>;
  get(object: CrmObject, id: string, fields: string[]): Promise<RemoteRecord | null>;
  create(object: CrmObject, fields: Record<string, unknown>): Promise<string>;
  update(object: CrmObject, id: string, fields: Record<string, unknown>): Promise<void>;
  /** Replace the opportunity's partner links with these (idempotent). */
  setPartners(opportunityId: string, partners: RemotePartnerLink[]): Promise<void>;
  listPartners(opportunityId: string): Promise<RemotePartnerLink[]>;
  /** The last observed API usage, or null before any call. */
  usage(): ApiUsage | null;
}
