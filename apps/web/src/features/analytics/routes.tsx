import { can } from '@partnergraph/shared/permissions';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';
import { parseAnalyticsSearch } from './analytics-search';
import { useWhileHere } from '../../routes/while-here';

// One loader for every screen of this file: the first page's script lists a lazy module's files once per
// import() written, not once per module.
const routePages = () => import('./route-pages');

const DashboardRoutePage = lazyRouteComponent(routePages, 'DashboardRoutePage');
const ScorecardRoutePage = lazyRouteComponent(routePages, 'ScorecardRoutePage');

// Ecosystem dashboards: the period, filters and attribution model live in the URL, so a dashboard can
// be bookmarked and every tab keeps them.
export const analyticsOverviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'analytics',
  validateSearch: parseAnalyticsSearch,
  // The dashboard's own code is asked for while the route's code loads, and its figures as soon as that
  // code is there, rather than one after the other once the route renders (route-pages.tsx loads each
  // dashboard lazily). The report's call stays in the dashboard's chunk, out of the first page's script.
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => {
    if (!can(context.session.user.role, 'analytics:read')) return;
    import('./overview-page')
      .then(({ prefetchOverview }) => prefetchOverview(context.queryClient, deps))
      .catch(() => undefined);
  },
  component: function AnalyticsOverview() {
    const navigate = analyticsOverviewRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <DashboardRoutePage
        page="overview"
        params={analyticsOverviewRoute.useSearch()}
        onParamsChange={(next) => whileHere(() => navigate({ search: next, replace: true }))}
      />
    );
  },
});

export const analyticsRevenueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'analytics/revenue',
  validateSearch: parseAnalyticsSearch,
  component: function AnalyticsRevenue() {
    const navigate = analyticsRevenueRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <DashboardRoutePage
        page="revenue"
        params={analyticsRevenueRoute.useSearch()}
        onParamsChange={(next) => whileHere(() => navigate({ search: next, replace: true }))}
      />
    );
  },
});

export const analyticsPipelineRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'analytics/pipeline',
  validateSearch: parseAnalyticsSearch,
  component: function AnalyticsPipeline() {
    const navigate = analyticsPipelineRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <DashboardRoutePage
        page="pipeline"
        params={analyticsPipelineRoute.useSearch()}
        onParamsChange={(next) => whileHere(() => navigate({ search: next, replace: true }))}
      />
    );
  },
});

export const analyticsReferralsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'analytics/referrals',
  validateSearch: parseAnalyticsSearch,
  component: function AnalyticsReferrals() {
    const navigate = analyticsReferralsRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <DashboardRoutePage
        page="referrals"
        params={analyticsReferralsRoute.useSearch()}
        onParamsChange={(next) => whileHere(() => navigate({ search: next, replace: true }))}
      />
    );
  },
});

export const analyticsCoverageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'analytics/coverage',
  validateSearch: parseAnalyticsSearch,
  component: function AnalyticsCoverage() {
    const navigate = analyticsCoverageRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <DashboardRoutePage
        page="coverage"
        params={analyticsCoverageRoute.useSearch()}
        onParamsChange={(next) => whileHere(() => navigate({ search: next, replace: true }))}
      />
    );
  },
});

export const analyticsIntegrationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'analytics/integrations',
  validateSearch: parseAnalyticsSearch,
  component: function AnalyticsIntegrations() {
    const navigate = analyticsIntegrationsRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <DashboardRoutePage
        page="integrations"
        params={analyticsIntegrationsRoute.useSearch()}
        onParamsChange={(next) => whileHere(() => navigate({ search: next, replace: true }))}
      />
    );
  },
});

export const analyticsNetworkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'analytics/network',
  validateSearch: parseAnalyticsSearch,
  component: function AnalyticsNetwork() {
    const navigate = analyticsNetworkRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <DashboardRoutePage
        page="network"
        params={analyticsNetworkRoute.useSearch()}
        onParamsChange={(next) => whileHere(() => navigate({ search: next, replace: true }))}
      />
    );
  },
});

export const scorecardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'analytics/partners/$partnerId',
  validateSearch: parseAnalyticsSearch,
  component: function ScorecardRoute() {
    const navigate = scorecardRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <ScorecardRoutePage
        partnerId={scorecardRoute.useParams().partnerId}
        params={scorecardRoute.useSearch()}
        onParamsChange={(next) => whileHere(() => navigate({ search: next, replace: true }))}
      />
    );
  },
});
