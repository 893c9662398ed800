import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';

const FundsRoutePage = lazyRouteComponent(() => import('./route-pages'), 'FundsRoutePage');

// MDF and incentives: the vendor's desk (budgets, requests, claims, ledger), a partner's own funds.
export const fundsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'funds',
  component: FundsRoutePage,
});
