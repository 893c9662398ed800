import { IconChartDots3, IconReportAnalytics } from '@tabler/icons-react';
import { NavLinkLink } from '../../components/nav-link-link';
import { useCan, useSession } from '../auth/session';

/** Vendor staff who read analytics get the dashboards; a partner its own scorecard. */
export function AnalyticsNavLinks({ onNavigate }: { onNavigate: () => void }) {
  const { organization } = useSession();
  const canReadAnalytics = useCan('analytics:read');
  const canReadScorecard = useCan('scorecards:read');
  if (organization.kind === 'vendor') {
    if (!canReadAnalytics) return null;
    return (
      <NavLinkLink
        to="/analytics"
        label="Analytics"
        leftSection={<IconChartDots3 size={18} />}
        // Every dashboard (and partner scorecards) sits under it.
        activeOptions={{ exact: false, includeSearch: false }}
        activeProps={{ active: true, 'aria-current': 'page' }}
        onClick={onNavigate}
      />
    );
  }
  if (!canReadScorecard) return null;
  return (
    <NavLinkLink
      to="/analytics/partners/$partnerId"
      params={{ partnerId: organization.id }}
      label="Scorecard"
      leftSection={<IconReportAnalytics size={18} />}
      activeProps={{ active: true, 'aria-current': 'page' }}
      onClick={onNavigate}
    />
  );
}
