import { orgKindOfRole, type Role } from '@partnergraph/shared/permissions';
import type { RoleMapping } from '@partnergraph/shared/contracts/sso';
import type { Queryable } from '../../db/client';
import type { ChangeRecorder } from '../../db/transaction';
import { countActiveUsersWithRole, updateProvisionedUser } from '../identity/identity.repository';
import { toUserDto } from '../identity/identity.service';
import { lockOrganization } from '../organizations/organizations.repository';
import { findPolicy } from './sso.repository';

/** The first rule whose value the person's claim/attribute holds, else the default. */
export function mapRole(mapping: RoleMapping, attributes: Record<string, unknown>): Role {
  const raw = attributes[mapping.attribute];
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
  const held = new Set(values.map((v) => v.toLowerCase()));
  return mapping.rules.find((r) => held.has(r.value.toLowerCase()))?.role ?? mapping.defaultRole;
}

const adminRoleOf = (role: Role): Role => (orgKindOfRole(role) === 'vendor' ? 'admin' : 'partner_admin');

/**
 * With rules in the connection's mapping, the IdP's groups are the source of a member's role: each
 * sign-in brings the role in line with them (a mapping with a default only sets the role of new
 * accounts, so roles given by hand stay). Two roles are kept whatever the claims say, each audited:
 * the vendor's break-glass admin (the way back in when the IdP is wrong or down) and an
 * organization's last active administrator (team management's rule: never none).
 */
export async function syncRoleFromIdp(
  tx: Queryable,
  record: ChangeRecorder,
  connection: { id: string; organizationId: string; roleMapping: RoleMapping },
  user: { id: string; role: Role },
  mapped: Role,
) {
  if (!connection.roleMapping.rules.length || mapped === user.role) return;
  const kept = (reason: string) =>
    record.audit({
      action: 'user.sso_role_kept',
      entityType: 'user',
      entityId: user.id,
      after: { role: user.role, mappedRole: mapped, reason, connectionId: connection.id },
    });
  if (orgKindOfRole(mapped) !== orgKindOfRole(user.role)) return kept('role_of_other_organization_kind');
  // Serialises with team changes, which take the same lock before counting administrators.
  await lockOrganization(tx, connection.organizationId);
  const adminRole = adminRoleOf(user.role);
  if (user.role === adminRole) {
    const policy = await findPolicy(tx, connection.organizationId);
    if (policy?.breakGlassUserId === user.id) return kept('break_glass_admin');
    if ((await countActiveUsersWithRole(tx, connection.organizationId, adminRole)) <= 1)
      return kept('last_administrator');
  }
  const updated = await updateProvisionedUser(tx, user.id, { role: mapped });
  record.audit({
    action: 'user.role_changed_by_sso',
    entityType: 'user',
    entityId: user.id,
    before: { role: user.role },
    after: { role: mapped, connectionId: connection.id },
  });
  record.event({
    type: 'user.updated',
    entityType: 'user',
    entityId: user.id,
    organizationIds: [connection.organizationId],
    payload: toUserDto(updated),
  });
}
