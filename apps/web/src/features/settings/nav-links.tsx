import { IconSettings } from '@tabler/icons-react';
import { NavLinkLink } from '../../components/nav-link-link';
import { useCan, useSession } from '../auth/session';

/** The vendor's platform settings (reporting currency, FX rates), for those who may change them. */
export function SettingsNavLink({ onNavigate }: { onNavigate: () => void }) {
  const { organization } = useSession();
  const canManage = useCan('settings:manage');
  if (organization.kind !== 'vendor' || !canManage) return null;
  return (
    <NavLinkLink
      to="/settings"
      label="Settings"
      leftSection={<IconSettings size={18} />}
      // Active on the FX rates page too: it is part of the settings.
      activeOptions={{ exact: false }}
      activeProps={{ active: true, 'aria-current': 'page' }}
      onClick={onNavigate}
    />
  );
}
