import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';
import { parsePartnerSearch } from './partner-search';
import { useWhileHere } from '../../routes/while-here';

const PartnerListPage = lazyRouteComponent(() => import('./partner-list-page'), 'PartnerListPage');
const PartnerPage = lazyRouteComponent(() => import('./partner-page'), 'PartnerPage');

export const partnersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'partners',
  validateSearch: parsePartnerSearch,
  // The list is the vendor's view of the ecosystem; a partner's own record is "My organization".
  beforeLoad: ({ context }) => {
    if (context.session.organization.kind === 'partner') throw redirect({ to: '/organization' });
  },
  // The first page of the list is asked for as soon as the screen's code is there (main.tsx starts
  // loading it with the page), not once the route renders; the call travels in that code.
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => {
    import('./partner-list-page')
      .then(({ prefetchPartnerList }) => prefetchPartnerList(context.queryClient, deps))
      .catch(() => undefined);
  },
  component: function PartnersRoute() {
    const filters = partnersRoute.useSearch();
    const navigate = partnersRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <PartnerListPage
        filters={filters}
        onFiltersChange={(next) => whileHere(() => navigate({ search: next, replace: true }))}
      />
    );
  },
});

export const partnerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'partners/$id',
  component: function PartnerRoute() {
    return <PartnerPage partnerId={partnerRoute.useParams().id} />;
  },
});

export const organizationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'organization',
  beforeLoad: ({ context }) => {
    if (context.session.organization.kind === 'vendor') throw redirect({ to: '/partners' });
  },
  component: function OrganizationRoute() {
    return <PartnerPage partnerId={organizationRoute.useRouteContext().session.organization.id} />;
  },
});
