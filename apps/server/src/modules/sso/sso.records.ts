// SSO rows written as they are (no rules, no audit), for the demo seed and tests that need an
// identity provider or a domain claim already in place. Production goes through the services.
import type { RoleMapping } from '@partnergraph/shared/contracts/sso';
import type { Queryable } from '../../db/client';
import { newId } from '../../lib/ids';
import { randomToken } from '../../lib/tokens';
import { insertConnection, insertDomain } from './sso.repository';

/** An OpenID Connect connection; without a client secret (PKCE with a public client, or set later). */
export async function insertOidcConnectionRecord(
  q: Queryable,
  input: {
    organizationId: string;
    name: string;
    issuer: string;
    clientId: string;
    status: 'pending_approval' | 'active' | 'disabled';
    roleMapping: RoleMapping;
  },
) {
  return insertConnection(q, {
    id: newId(),
    organizationId: input.organizationId,
    protocol: 'oidc',
    name: input.name,
    status: input.status,
    oidcIssuer: input.issuer,
    oidcClientId: input.clientId,
    oidcScopes: 'openid email profile',
    roleMapping: input.roleMapping,
  });
}

/** A domain claim waiting for its DNS TXT record (or the vendor admin's confirmation). */
export async function insertPendingDomainRecord(
  q: Queryable,
  input: { organizationId: string; domain: string },
) {
  return insertDomain(q, {
    id: newId(),
    organizationId: input.organizationId,
    domain: input.domain,
    status: 'pending',
    verificationToken: randomToken(),
  });
}
