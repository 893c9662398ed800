import type { OrgKind, Role } from '@partnergraph/shared/permissions';

/** Who is calling, resolved once per request by the auth plugin. Handlers never read cookies or headers. */
export interface Actor {
  userId: string;
  name: string;
  orgId: string;
  orgKind: OrgKind;
  role: Role;
  via: 'session' | 'token';
  sessionId: string | null;
  /** The API token that asked (via 'token'): the audit log names it, so an integration's changes can be told apart. */
  tokenId?: string | null;
  /** API tokens may be read-only; sessions always read_write. */
  scope: 'read' | 'read_write';
}

/** What a service needs to know about the request besides its input. */
export interface Ctx {
  actor: Actor;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
}

export const isVendor = (actor: Actor) => actor.orgKind === 'vendor';
