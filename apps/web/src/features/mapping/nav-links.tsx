import { IconArrowsJoin } from '@tabler/icons-react';
import { NavLinkLink } from '../../components/nav-link-link';
import { useCan } from '../auth/session';

/** Beside deals and referrals: where co-selling starts. */
export function MappingNavLink({ onNavigate }: { onNavigate: () => void }) {
  if (!useCan('mapping:read')) return null;
  return (
    <NavLinkLink
      to="/mapping"
      label="Account mapping"
      leftSection={<IconArrowsJoin size={18} />}
      activeProps={{ active: true, 'aria-current': 'page' }}
      onClick={onNavigate}
    />
  );
}
