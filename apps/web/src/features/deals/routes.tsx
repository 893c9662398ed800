import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';
import { parseDealSearch } from './deal-search';
import { useWhileHere } from '../../routes/while-here';

const DealRoutePage = lazyRouteComponent(() => import('./route-pages'), 'DealRoutePage');
const DealsRoutePage = lazyRouteComponent(() => import('./route-pages'), 'DealsRoutePage');
const NewDealRoutePage = lazyRouteComponent(() => import('./route-pages'), 'NewDealRoutePage');
const ReviewQueueRoutePage = lazyRouteComponent(() => import('./route-pages'), 'ReviewQueueRoutePage');

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
