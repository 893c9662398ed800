import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { appRoute, rootRoute } from '../../routes/root';
import { parseMarketplaceSearch } from './marketplace-search';
import { useWhileHere } from '../../routes/while-here';

// One loader for every screen of this file: the first page's script lists a lazy module's files once per
// import() written, not once per module.
const routePages = () => import('./route-pages');

const LocatorPage = lazyRouteComponent(() => import('./locator-page'), 'LocatorPage');
const PublicPartnerPage = lazyRouteComponent(() => import('./public-partner-page'), 'PublicPartnerPage');
const CompanyProfileRoutePage = lazyRouteComponent(routePages, 'CompanyProfileRoutePage');
const MarketplaceRoutePage = lazyRouteComponent(routePages, 'MarketplaceRoutePage');
const PartnerProfileRoutePage = lazyRouteComponent(routePages, 'PartnerProfileRoutePage');

export const locatorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/find-a-partner',
  validateSearch: parseMarketplaceSearch,
  component: function LocatorRoute() {
    const filters = locatorRoute.useSearch();
    const navigate = locatorRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <LocatorPage
        filters={filters}
        onFiltersChange={(next) => whileHere(() => navigate({ search: next, replace: true }))}
      />
    );
  },
});

export const locatorPartnerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/find-a-partner/$orgId',
  component: function LocatorPartnerRoute() {
    return <PublicPartnerPage orgId={locatorPartnerRoute.useParams().orgId} />;
  },
});

export const companyProfileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'organization/profile',
  // The vendor has no marketplace profile of its own; it reads the partners' in the marketplace.
  beforeLoad: ({ context }) => {
    if (context.session.organization.kind === 'vendor') throw redirect({ to: '/marketplace' });
  },
  component: CompanyProfileRoutePage,
});

// The marketplace: search words and filters live in the URL. The public partner locator works signed
// out; /partners is the vendor's partner list, so it has its own path.
export const marketplaceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'marketplace',
  validateSearch: parseMarketplaceSearch,
  component: function MarketplaceRoute() {
    const filters = marketplaceRoute.useSearch();
    const navigate = marketplaceRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <MarketplaceRoutePage
        filters={filters}
        onFiltersChange={(next) => whileHere(() => navigate({ search: next, replace: true }))}
      />
    );
  },
});

export const marketplaceProfileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'marketplace/$orgId',
  component: function MarketplaceProfileRoute() {
    return <PartnerProfileRoutePage orgId={marketplaceProfileRoute.useParams().orgId} />;
  },
});
