import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';

// One loader for every screen of this file: the first page's script lists a lazy module's files once per
// import() written, not once per module.
const routePages = () => import('./route-pages');

const CrmRoutePage = lazyRouteComponent(routePages, 'CrmRoutePage');
const CrmConnectionRoutePage = lazyRouteComponent(routePages, 'CrmConnectionRoutePage');
const CrmCallbackRoutePage = lazyRouteComponent(routePages, 'CrmCallbackRoutePage');

const text = (v: unknown) => (typeof v === 'string' && v.length <= 2000 ? v : undefined);

// Settings → CRM: the vendor admin's.
export const crmRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/crm',
  component: CrmRoutePage,
});

/** Where the CRM's consent page sends the person back (`?code=&state=`, or `?error=&error_description=`). */
export const crmCallbackRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/crm/callback',
  validateSearch: (search: Record<string, unknown>) => ({
    code: text(search.code),
    state: text(search.state),
    error: text(search.error_description) ?? text(search.error),
  }),
  component: function CrmCallback() {
    const { code, state, error } = crmCallbackRoute.useSearch();
    return <CrmCallbackRoutePage code={code} state={state} error={error} />;
  },
});

export const crmConnectionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/crm/$connectionId',
  component: function CrmConnection() {
    return <CrmConnectionRoutePage connectionId={crmConnectionRoute.useParams().connectionId} />;
  },
});
