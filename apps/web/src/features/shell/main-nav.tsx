import { Stack } from '@mantine/core';
import { IconBuildingStore, IconHistory, IconHome, IconUsersGroup } from '@tabler/icons-react';
import { NavLinkLink } from '../../components/nav-link-link';
import { AnalyticsNavLinks } from '../analytics/nav-links';
import { useCan, useSession } from '../auth/session';
import { CommunityNavLinks } from '../community/nav-links';
import { EcosystemNavLinks } from '../connections/nav-links';
import { EnablementNavLinks } from '../enablement/nav-links';
import { DealNavLinks } from '../deals/nav-links';
import { TeamNavLink } from '../identity/account-links';
import { MappingNavLink } from '../mapping/nav-links';
import { MarketplaceNavLinks } from '../marketplace/nav-links';
import { ProgramNavLinks } from '../programs/nav-links';
import { LeadNavLinks } from '../leads/nav-links';
import { ReferralsNavLink } from '../referrals/nav-links';
import { FundsNavLink } from '../funds/nav-links';
import { ScimNavLink } from '../scim/nav-link';
import { SecurityNavLink } from '../security/nav-links';
import { SettingsNavLink } from '../settings/nav-links';
import { SsoNavLink } from '../sso/nav-links';

export function MainNav({ onNavigate }: { onNavigate: () => void }) {
  const { organization } = useSession();
  const canReadAudit = useCan('audit:read');

  return (
    <Stack gap={4} component="nav" aria-label="Main">
      {organization.kind === 'vendor' ? (
        <NavLinkLink
          to="/partners"
          label="Partners"
          leftSection={<IconUsersGroup size={18} />}
          activeProps={{ active: true, 'aria-current': 'page' }}
          onClick={onNavigate}
        />
      ) : (
        <>
          <NavLinkLink
            to="/home"
            label="Home"
            leftSection={<IconHome size={18} />}
            activeProps={{ active: true, 'aria-current': 'page' }}
            onClick={onNavigate}
          />
          <NavLinkLink
            to="/organization"
            label="My organization"
            leftSection={<IconBuildingStore size={18} />}
            activeProps={{ active: true, 'aria-current': 'page' }}
            // Only the organization itself: /organization/profile has its own link.
            activeOptions={{ exact: true }}
            onClick={onNavigate}
          />
        </>
      )}
      <AnalyticsNavLinks onNavigate={onNavigate} />
      <MarketplaceNavLinks onNavigate={onNavigate} />
      <ProgramNavLinks onNavigate={onNavigate} />
      <DealNavLinks onNavigate={onNavigate} />
      <ReferralsNavLink onNavigate={onNavigate} />
      <LeadNavLinks onNavigate={onNavigate} />
      <MappingNavLink onNavigate={onNavigate} />
      <FundsNavLink onNavigate={onNavigate} />
      <EcosystemNavLinks onNavigate={onNavigate} />
      <CommunityNavLinks onNavigate={onNavigate} />
      <EnablementNavLinks onNavigate={onNavigate} />
      <TeamNavLink onNavigate={onNavigate} />
      {canReadAudit && (
        <NavLinkLink
          to="/audit-log"
          label="Audit log"
          leftSection={<IconHistory size={18} />}
          activeProps={{ active: true, 'aria-current': 'page' }}
          onClick={onNavigate}
        />
      )}
      {/* How people get in, together: factors and policy, the IdP connections, provisioning. */}
      <SecurityNavLink onNavigate={onNavigate} />
      <SsoNavLink onNavigate={onNavigate} />
      <ScimNavLink onNavigate={onNavigate} />
      <SettingsNavLink onNavigate={onNavigate} />
    </Stack>
  );
}
