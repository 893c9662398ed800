import type { OrgKind } from '@partnergraph/shared/permissions';

/**
 * Who is calling /scim/v2: an organization's identity provider, known by the SCIM token it sent.
 * It acts as no person; everything it changes is audited as this token's doing, in its organization.
 */
export interface ScimClient {
  tokenId: string;
  tokenName: string;
  orgId: string;
  orgKind: OrgKind;
}
