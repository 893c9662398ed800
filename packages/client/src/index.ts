// A typed client for the PartnerGraph API: paths, parameters, bodies and
// responses come from the OpenAPI document (src/schema.ts, generated), so a
// change to the API is a type error here before it is a failure at run time.
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema';

export type { components, paths };

/** The body of every error answer (RFC 9457). */
export type Problem = components['schemas']['Problem'];

export interface ClientOptions {
  /** Where PartnerGraph runs, e.g. https://partners.example.com (no /api/v1). */
  baseUrl: string;
  /** An API token (`pgt_…`, created under Settings → API tokens). */
  token: string;
  /** Defaults to the global fetch. */
  fetch?: typeof fetch;
}

export type PartnerGraphClient = Client<paths>;

/** `client.GET('/api/v1/deals', { params: { query: { limit: 10 } } })` — every call typed end to end. */
export function createPartnerGraphClient({ baseUrl, token, fetch: f }: ClientOptions): PartnerGraphClient {
  return createClient<paths>({
    baseUrl: baseUrl.replace(/\/$/, ''),
    headers: { authorization: `Bearer ${token}` },
    ...(f ? { fetch: f } : {}),
  });
}
