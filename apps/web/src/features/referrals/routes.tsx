import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';
import { parseNewReferralSearch, parseReferralSearch } from './referral-search';
import { useWhileHere } from '../../routes/while-here';

// One loader for every screen of this file: the first page's script lists a lazy module's files once per
// import() written, not once per module.
const routePages = () => import('./route-pages');

const NewReferralRoutePage = lazyRouteComponent(routePages, 'NewReferralRoutePage');
const ReferralRoutePage = lazyRouteComponent(routePages, 'ReferralRoutePage');
const ReferralsRoutePage = lazyRouteComponent(routePages, 'ReferralsRoutePage');

// Referrals: the list's filters and the new form's recipient live in the URL.
export const referralsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'referrals',
  validateSearch: parseReferralSearch,
  component: function ReferralsRoute() {
    const filters = referralsRoute.useSearch();
    const navigate = referralsRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <ReferralsRoutePage
        filters={filters}
        onFiltersChange={(next) => whileHere(() => navigate({ search: next, replace: true }))}
      />
    );
  },
});

export const newReferralRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'referrals/new',
  validateSearch: parseNewReferralSearch,
  component: function NewReferralRoute() {
    const { to, connection } = newReferralRoute.useSearch();
    return <NewReferralRoutePage to={to} connection={connection} />;
  },
});

export const referralRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'referrals/$referralId',
  component: function ReferralRoute() {
    return <ReferralRoutePage referralId={referralRoute.useParams().referralId} />;
  },
});
