import { IconArrowsExchange } from '@tabler/icons-react';
import { NavLinkLink } from '../../components/nav-link-link';
import { useCan } from '../auth/session';

/** Referrals for everyone who may read them: partners (their inbox and sent) and the vendor's staff. */
export function ReferralsNavLink({ onNavigate }: { onNavigate: () => void }) {
  const canRead = useCan('referrals:read');
  if (!canRead) return null;
  return (
    <NavLinkLink
      to="/referrals"
      search={{}}
      label="Referrals"
      leftSection={<IconArrowsExchange size={18} />}
      activeProps={{ active: true, 'aria-current': 'page' }}
      onClick={onNavigate}
    />
  );
}
