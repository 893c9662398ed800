import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { leadStatuses } from '@partnergraph/shared/lead-codes';
import type { LeadFilters } from '../../api/leads';
import { searchOneOf, searchText } from '../../components/search-params';
import { appRoute } from '../../routes/root';
import { useWhileHere } from '../../routes/while-here';

// One loader for every screen of this file: the first page's script lists a lazy module's files once per
// import() written, not once per module.
const routePages = () => import('./route-pages');

const LeadsRoutePage = lazyRouteComponent(routePages, 'LeadsRoutePage');
const LeadRoutePage = lazyRouteComponent(routePages, 'LeadRoutePage');
const LeadRulesRoutePage = lazyRouteComponent(routePages, 'LeadRulesRoutePage');

/** The queue's filters live in the URL, so a filtered queue can be bookmarked and shared. */
function parseLeadSearch(search: Record<string, unknown>): LeadFilters {
  return {
    box: searchOneOf(['current', 'left'] as const, search.box),
    status: searchOneOf(leadStatuses, search.status),
    overdue: searchOneOf(['true'] as const, search.overdue),
    q: searchText(search.q),
  };
}

export const leadsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'leads',
  validateSearch: parseLeadSearch,
  component: function LeadsRoute() {
    const filters = leadsRoute.useSearch();
    const navigate = leadsRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <LeadsRoutePage
        filters={filters}
        onFiltersChange={(next) => whileHere(() => navigate({ search: next, replace: true }))}
      />
    );
  },
});

export const leadRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'leads/$leadId',
  component: function LeadRoute() {
    return <LeadRoutePage leadId={leadRoute.useParams().leadId} />;
  },
});

export const leadRulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'lead-rules',
  component: LeadRulesRoutePage,
});
