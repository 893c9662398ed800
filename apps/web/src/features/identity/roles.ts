import type { OrgKind, Role } from '@partnergraph/shared/permissions';
import { partnerRoles, vendorRoles } from '@partnergraph/shared/permissions';
import { roleLabels } from '../../components/roles';

/** The roles a user of an organization of this kind may hold, as select options. */
export function roleOptions(kind: OrgKind): { value: Role; label: string }[] {
  return (kind === 'vendor' ? vendorRoles : partnerRoles).map((role) => ({
    value: role,
    label: roleLabels[role],
  }));
}

export function isRole(value: string | null, kind: OrgKind): value is Role {
  return roleOptions(kind).some((option) => option.value === value);
}
