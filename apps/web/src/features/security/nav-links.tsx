import { IconShieldLock } from '@tabler/icons-react';
import { NavLinkLink } from '../../components/nav-link-link';
import { useCan } from '../auth/session';

/** "Security" (the organization's MFA policy, its people's factors), for the administrators who manage it. */
export function SecurityNavLink({ onNavigate }: { onNavigate: () => void }) {
  if (!useCan('mfa:manage')) return null;
  return (
    <NavLinkLink
      to="/security"
      label="Security"
      leftSection={<IconShieldLock size={18} />}
      activeOptions={{ exact: false }}
      activeProps={{ active: true, 'aria-current': 'page' }}
      onClick={onNavigate}
    />
  );
}
