import { eq, inArray, or, sql } from 'drizzle-orm';
import type { ProvisionedUserColumns } from '../identity/identity.repository';
import { scimGroups, scimUsers } from './scim.tables';

// Who the SCIM client sees. The client is no person: it is an organization's identity provider, holding
// that organization's token, so every rule here takes the organization the token belongs to. A partner's
// token never sees another organization's people or groups (they answer 404, as elsewhere).

/**
 * The users the identity provider sees: the organization's active people (so it can find and link
 * those who were there before it), and everyone it provisions until it deletes them. The caller's
 * query is already held to the organization (identity's provisioning reads take it).
 */
export const scimVisibleUsers = (organizationId: string) => (c: ProvisionedUserColumns) =>
  or(
    eq(c.status, 'active'),
    inArray(
      c.id,
      sql`(select ${scimUsers.userId} from ${scimUsers} where ${scimUsers.organizationId} = ${organizationId})`,
    ),
  )!;

/** The groups the identity provider sees: its own organization's, and no other's. */
export const scimVisibleGroups = (organizationId: string) => eq(scimGroups.organizationId, organizationId);
