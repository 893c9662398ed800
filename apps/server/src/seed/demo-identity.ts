// Enterprise identity in the demo, as a vendor admin meets it on a first visit: a partner's single
// sign-on waiting for approval with its domain not yet proven, and another partner's identity provider
// provisioning people over SCIM. Nothing here routes a demo sign-in away from its password: an
// unproven domain sends no one to an IdP, and a pending connection serves no sign-in.
import type { Queryable } from '../db/client';
import { insertScimTokenRecord } from '../modules/scim/scim.records';
import { insertOidcConnectionRecord, insertPendingDomainRecord } from '../modules/sso/sso.records';

export async function loadDemoIdentity(
  q: Queryable,
  partners: { northwind: { id: string }; contoso: { id: string } },
) {
  await insertOidcConnectionRecord(q, {
    organizationId: partners.contoso.id,
    name: 'Contoso Entra ID',
    issuer: 'https://login.microsoftonline.com/8f3c2a1e-5b7d-4e9a-9c61-2d4f0b7e3a15/v2.0',
    clientId: 'b1d2c3e4-0f5a-4b6c-8d7e-9f0a1b2c3d4e',
    status: 'pending_approval',
    roleMapping: {
      attribute: 'groups',
      rules: [{ value: 'PartnerGraph Admins', role: 'partner_admin' }],
      defaultRole: 'partner_user',
    },
  });
  await insertPendingDomainRecord(q, { organizationId: partners.contoso.id, domain: 'contoso.example' });
  // The token itself is not kept: like any SCIM token it was shown once, to whoever pasted it into Entra.
  await insertScimTokenRecord(q, { organizationId: partners.northwind.id, name: 'Microsoft Entra ID' });
}
