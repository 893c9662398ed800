import { eq } from 'drizzle-orm';
import type { Actor } from '../../lib/actor';
import { ssoConnections, ssoDomains } from './sso.tables';

// The vendor admin oversees every organization's identity set-up (and approves partners'); a partner
// admin sees its own organization's only. The route permission (sso:manage) keeps everyone else out.

export function visibleConnections(actor: Actor) {
  return actor.orgKind === 'vendor' ? undefined : eq(ssoConnections.organizationId, actor.orgId);
}

export function visibleDomains(actor: Actor) {
  return actor.orgKind === 'vendor' ? undefined : eq(ssoDomains.organizationId, actor.orgId);
}
