import { IconBuildingCommunity, IconId } from '@tabler/icons-react';
import { NavLinkLink } from '../../components/nav-link-link';
import { useCan, useSession } from '../auth/session';

const active = { active: true, 'aria-current': 'page' } as const;

/** The marketplace for everyone signed in; a partner's own profile for its users. */
export function MarketplaceNavLinks({ onNavigate }: { onNavigate: () => void }) {
  const { organization } = useSession();
  const canRead = useCan('marketplace:read');
  return (
    <>
      {organization.kind === 'partner' && (
        <NavLinkLink
          to="/organization/profile"
          label="Company profile"
          leftSection={<IconId size={18} />}
          activeProps={active}
          onClick={onNavigate}
        />
      )}
      {canRead && (
        <NavLinkLink
          to="/marketplace"
          search={{}}
          label="Marketplace"
          leftSection={<IconBuildingCommunity size={18} />}
          activeProps={active}
          onClick={onNavigate}
        />
      )}
    </>
  );
}
