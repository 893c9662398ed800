import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { partnerListQueryOptions } from '../../api/partners';
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
  // The first page of the list is asked for while the screen's code loads, not after it renders.
  loaderDeps: ({ search }) => search,
  loader: ({ context, deps }) => {
    void context.queryClient.prefetchInfiniteQuery(partnerListQueryOptions(deps));
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
