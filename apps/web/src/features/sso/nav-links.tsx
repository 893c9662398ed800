import { IconKey } from '@tabler/icons-react';
import { NavLinkLink } from '../../components/nav-link-link';
import { useCan } from '../auth/session';

/** Single sign-on: the vendor admin's and each partner admin's. */
export function SsoNavLink({ onNavigate }: { onNavigate: () => void }) {
  if (!useCan('sso:manage')) return null;
  return (
    <NavLinkLink
      to="/settings/sso"
      label="Single sign-on"
      leftSection={<IconKey size={18} />}
      activeProps={{ active: true, 'aria-current': 'page' }}
      onClick={onNavigate}
    />
  );
}
