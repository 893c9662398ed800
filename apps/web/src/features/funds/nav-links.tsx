import { IconCoin } from '@tabler/icons-react';
import { NavLinkLink } from '../../components/nav-link-link';
import { useCan } from '../auth/session';

/** Funds: every role reads them (a partner its own). */
export function FundsNavLink({ onNavigate }: { onNavigate: () => void }) {
  if (!useCan('funds:read')) return null;
  return (
    <NavLinkLink
      to="/funds"
      label="Funds"
      leftSection={<IconCoin size={18} />}
      activeProps={{ active: true, 'aria-current': 'page' }}
      onClick={onNavigate}
    />
  );
}
