import type { z } from 'zod';
import type { scimListQuery } from '@partnergraph/shared/contracts/scim';
import type { ScimClient } from './scim-client';
import { LIST_SCHEMA, MAX_RESULTS } from './scim-schemas';

/** What a /scim/v2 service needs of the request: the calling provider and where it is served. */
export interface ScimRequest {
  client: ScimClient;
  requestId: string;
  ip: string | null;
  /** e.g. https://partners.example.com/scim/v2, for `meta.location` and `$ref`s. */
  baseUrl: string;
}

export type ListQuery = z.output<typeof scimListQuery>;

/** Changes are audited in the provider's organization, as its SCIM token's doing (no person). */
export const auditCtx = (r: ScimRequest) => ({
  requestId: r.requestId,
  ip: r.ip,
  actor: { userId: null, orgId: r.client.orgId },
});

/** Named in every audit entry, so the log says which token (which provider) made the change. */
export const via = (r: ScimRequest) => ({
  via: 'scim',
  scimTokenId: r.client.tokenId,
  scimTokenName: r.client.tokenName,
});

/** SCIM's 1-based index paging (RFC 7644 §3.4.2.4); at most MAX_RESULTS per page. */
export function pageOf(query: ListQuery) {
  const startIndex = Math.max(1, query.startIndex ?? 1);
  const count = Math.min(MAX_RESULTS, Math.max(0, query.count ?? 100));
  return { startIndex, offset: startIndex - 1, limit: count };
}

const names = (list: string | undefined) =>
  (list ?? '')
    .split(',')
    .map((s) => s.trim().split('.')[0]!.split(':').pop()!.toLowerCase())
    .filter(Boolean);

/** `attributes` / `excludedAttributes` (RFC 7644 §3.9) on top-level attributes; id and schemas always stay. */
export function project(
  resource: Record<string, unknown>,
  query: { attributes?: string | undefined; excludedAttributes?: string | undefined },
) {
  const keep = names(query.attributes);
  const drop = names(query.excludedAttributes);
  if (!keep.length && !drop.length) return resource;
  const always = new Set(['id', 'schemas']);
  return Object.fromEntries(
    Object.entries(resource).filter(([k]) => {
      const key = k.split(':').pop()!.toLowerCase();
      if (always.has(key)) return true;
      if (keep.length) return keep.includes(key);
      return !drop.includes(key);
    }),
  );
}

export function listResponse(resources: Record<string, unknown>[], total: number, startIndex: number) {
  return {
    schemas: [LIST_SCHEMA],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
