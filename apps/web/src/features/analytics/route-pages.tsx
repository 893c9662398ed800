import { type ComponentType, lazy, Suspense } from 'react';
import { LoadingState } from '../../components/query-state';
import { useCan, useSession } from '../auth/session';
import { NotAllowedPage } from '../errors/not-allowed-page';
import type { DashboardProps } from './dashboard-props';

// The dashboards load on demand: charts, the map and the graph renderer stay out of the first page's bundle.
const load = <K extends string>(factory: () => Promise<Record<K, ComponentType<DashboardProps>>>, name: K) =>
  lazy(() => factory().then((m) => ({ default: m[name] })));

export const dashboardPages = {
  overview: load(() => import('./overview-page'), 'OverviewPage'),
  revenue: load(() => import('./revenue-page'), 'RevenuePage'),
  pipeline: load(() => import('./pipeline-page'), 'PipelinePage'),
  referrals: load(() => import('./referrals-page'), 'ReferralsPage'),
  coverage: load(() => import('./coverage-page'), 'CoveragePage'),
  integrations: load(() => import('./integrations-page'), 'IntegrationsPage'),
  network: load(() => import('./network-page'), 'NetworkPage'),
};

const ScorecardPage = lazy(() => import('./scorecard-page').then((m) => ({ default: m.ScorecardPage })));

/** Ecosystem dashboards are the vendor's (analytics:read); partners have their scorecard instead. */
export function DashboardRoutePage({
  page,
  ...props
}: DashboardProps & { page: keyof typeof dashboardPages }) {
  const allowed = useCan('analytics:read');
  if (!allowed) return <NotAllowedPage what="the ecosystem dashboards" />;
  const Page = dashboardPages[page];
  return (
    <Suspense fallback={<LoadingState label="Loading the dashboard…" />}>
      <Page {...props} />
    </Suspense>
  );
}

/** A partner's scorecard: vendor staff read any partner's, a partner only its own (the server answers 404 otherwise). */
export function ScorecardRoutePage(props: DashboardProps & { partnerId: string }) {
  const allowed = useCan('scorecards:read');
  const { organization } = useSession();
  if (!allowed || (organization.kind === 'partner' && organization.id !== props.partnerId))
    return <NotAllowedPage what="this scorecard" />;
  return (
    <Suspense fallback={<LoadingState label="Loading the scorecard…" />}>
      <ScorecardPage {...props} />
    </Suspense>
  );
}
