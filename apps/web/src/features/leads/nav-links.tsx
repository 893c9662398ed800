import { IconInbox, IconRoute } from '@tabler/icons-react';
import { NavLinkLink } from '../../components/nav-link-link';
import { useCan } from '../auth/session';

/** Leads for everyone who reads them (the vendor's queue, a partner's inbox); the rules for vendor staff. */
export function LeadNavLinks({ onNavigate }: { onNavigate: () => void }) {
  const canRead = useCan('leads:read');
  const canReadRules = useCan('lead-rules:read');
  return (
    <>
      {canRead && (
        <NavLinkLink
          to="/leads"
          search={{}}
          label="Leads"
          leftSection={<IconInbox size={18} />}
          activeProps={{ active: true, 'aria-current': 'page' }}
          activeOptions={{ exact: true }}
          onClick={onNavigate}
        />
      )}
      {canReadRules && (
        <NavLinkLink
          to="/lead-rules"
          label="Lead routing"
          leftSection={<IconRoute size={18} />}
          activeProps={{ active: true, 'aria-current': 'page' }}
          onClick={onNavigate}
        />
      )}
    </>
  );
}
