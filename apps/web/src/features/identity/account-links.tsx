import { can } from '@partnergraph/shared/permissions';
import { IconUsers } from '@tabler/icons-react';
import { NavLinkLink } from '../../components/nav-link-link';
import { useSession } from '../auth/session';

/** "Team" in the main navigation, for the roles that manage users or invitations. */
export function TeamNavLink({ onNavigate }: { onNavigate: () => void }) {
  const { user } = useSession();
  if (!can(user.role, 'users:manage') && !can(user.role, 'invitations:manage')) return null;
  return (
    <NavLinkLink
      to="/team"
      label="Team"
      leftSection={<IconUsers size={18} />}
      activeProps={{ active: true, 'aria-current': 'page' }}
      onClick={onNavigate}
    />
  );
}
