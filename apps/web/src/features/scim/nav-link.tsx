import { IconUserShare } from '@tabler/icons-react';
import { NavLinkLink } from '../../components/nav-link-link';
import { useCan } from '../auth/session';

/** "Provisioning" in the main navigation, for the organization's admin. */
export function ScimNavLink({ onNavigate }: { onNavigate: () => void }) {
  if (!useCan('scim:manage')) return null;
  return (
    <NavLinkLink
      to="/provisioning"
      label="Provisioning (SCIM)"
      leftSection={<IconUserShare size={18} />}
      activeProps={{ active: true, 'aria-current': 'page' }}
      onClick={onNavigate}
    />
  );
}
