import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';
import { parseDealSearch } from './deal-search';
import { useWhileHere } from '../../routes/while-here';

// One loader for every screen of this file: the first page's script lists a lazy module's files once per
// import() written, not once per module.
const routePages = () => import('./route-pages');

const DealRoutePage = lazyRouteComponent(routePages, 'DealRoutePage');
const DealsRoutePage = lazyRouteComponent(routePages, 'DealsRoutePage');
const NewDealRoutePage = lazyRouteComponent(routePages, 'NewDealRoutePage');
const ReviewQueueRoutePage = lazyRouteComponent(routePages, 'ReviewQueueRoutePage');

// Deals: the list's filters live in the URL; review and new are matched before $dealId.
export const dealsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'deals',
  validateSearch: parseDealSearch,
  component: function DealsRoute() {
    const filters = dealsRoute.useSearch();
    const navigate = dealsRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <DealsRoutePage
        filters={filters}
        onFiltersChange={(next) => whileHere(() => navigate({ search: next, replace: true }))}
      />
    );
  },
});

export const dealReviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'deals/review',
  component: ReviewQueueRoutePage,
});

export const newDealRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'deals/new',
  component: NewDealRoutePage,
});

export const dealRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'deals/$dealId',
  component: function DealRoute() {
    return <DealRoutePage dealId={dealRoute.useParams().dealId} />;
  },
});
