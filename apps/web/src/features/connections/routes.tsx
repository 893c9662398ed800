import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';
import { parseConnectionSearch, parseIntegrationSearch, parseSolutionSearch } from './search';
import { useWhileHere } from '../../routes/while-here';

// One loader for every screen of this file: the first page's script lists a lazy module's files once per
// import() written, not once per module.
const routePages = () => import('./route-pages');

const ConnectionRoutePage = lazyRouteComponent(routePages, 'ConnectionRoutePage');
const ConnectionsRoutePage = lazyRouteComponent(routePages, 'ConnectionsRoutePage');
const IntegrationRoutePage = lazyRouteComponent(routePages, 'IntegrationRoutePage');
const IntegrationsRoutePage = lazyRouteComponent(routePages, 'IntegrationsRoutePage');
const RecommendationsRoutePage = lazyRouteComponent(routePages, 'RecommendationsRoutePage');
const SolutionRoutePage = lazyRouteComponent(routePages, 'SolutionRoutePage');
const SolutionsRoutePage = lazyRouteComponent(routePages, 'SolutionsRoutePage');

// Connections, integrations, joint solutions and recommendations: list tabs and filters in the URL.
export const connectionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'connections',
  validateSearch: parseConnectionSearch,
  component: function ConnectionsRoute() {
    const search = connectionsRoute.useSearch();
    const navigate = connectionsRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <ConnectionsRoutePage
        search={search}
        onSearchChange={(next) => whileHere(() => navigate({ search: next, replace: true }))}
      />
    );
  },
});

export const connectionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'connections/$connectionId',
  component: function ConnectionRoute() {
    return <ConnectionRoutePage connectionId={connectionRoute.useParams().connectionId} />;
  },
});

export const integrationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'integrations',
  validateSearch: parseIntegrationSearch,
  component: function IntegrationsRoute() {
    const search = integrationsRoute.useSearch();
    const navigate = integrationsRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <IntegrationsRoutePage
        search={search}
        onSearchChange={(next) => whileHere(() => navigate({ search: next, replace: true }))}
      />
    );
  },
});

export const integrationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'integrations/$integrationId',
  component: function IntegrationRoute() {
    return <IntegrationRoutePage integrationId={integrationRoute.useParams().integrationId} />;
  },
});

export const solutionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'solutions',
  validateSearch: parseSolutionSearch,
  component: function SolutionsRoute() {
    const navigate = solutionsRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <SolutionsRoutePage
        tab={solutionsRoute.useSearch().tab}
        onTabChange={(tab) => whileHere(() => navigate({ search: { tab }, replace: true }))}
      />
    );
  },
});

export const solutionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'solutions/$solutionId',
  component: function SolutionRoute() {
    return <SolutionRoutePage solutionId={solutionRoute.useParams().solutionId} />;
  },
});

export const recommendationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'recommendations',
  component: RecommendationsRoutePage,
});
