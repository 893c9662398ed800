// Groups → roles. A group maps to a role by the organization admin's mapping of its name, or else
// by its name itself ("Partner admin", "partner_admin", "PartnerGraph Channel Manager"); a person's
// role is the highest their mapped groups give, and the organization's least role when none does.
import { orgKindOfRole, type OrgKind, type Role } from '@partnergraph/shared/permissions';

const rank: Record<Role, number> = {
  admin: 3,
  channel_manager: 2,
  analyst: 1,
  partner_admin: 2,
  partner_user: 1,
};

export const baseRole = (kind: OrgKind): Role => (kind === 'vendor' ? 'analyst' : 'partner_user');

const byName: Record<string, Role> = {
  admin: 'admin',
  administrator: 'admin',
  'vendor admin': 'admin',
  'channel manager': 'channel_manager',
  analyst: 'analyst',
  'partner admin': 'partner_admin',
  'partner administrator': 'partner_admin',
  'partner user': 'partner_user',
};

export function roleOfGroup(displayName: string, mappings: Map<string, Role>, kind: OrgKind): Role | null {
  const mapped = mappings.get(displayName.toLowerCase());
  const named =
    byName[
      displayName
        .toLowerCase()
        .replace(/[\s_-]+/g, ' ')
        .replace(/^partnergraph /, '')
        .trim()
    ];
  const role = mapped ?? named;
  // A role of the other kind of organization never applies (a partner cannot become vendor staff).
  return role && orgKindOfRole(role) === kind ? role : null;
}

/** The role groups give a person, or null when none of their groups maps to one. */
export function roleFromGroups(names: string[], mappings: Map<string, Role>, kind: OrgKind): Role | null {
  let best: Role | null = null;
  for (const n of names) {
    const r = roleOfGroup(n, mappings, kind);
    if (r && (!best || rank[r] > rank[best])) best = r;
  }
  return best;
}

export const adminRoleOf = (kind: OrgKind): Role => (kind === 'vendor' ? 'admin' : 'partner_admin');
