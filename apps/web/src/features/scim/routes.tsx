import { can } from '@partnergraph/shared/permissions';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';
import { NotAllowedPage } from '../errors/not-allowed-page';

const ScimPage = lazyRouteComponent(() => import('./scim-page'), 'ScimPage');

/** User provisioning (SCIM): the organization admin connects its identity provider here. */
export const scimRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'provisioning',
  component: function ScimRoute() {
    const { session } = scimRoute.useRouteContext();
    if (!can(session.user.role, 'scim:manage')) return <NotAllowedPage what="user provisioning" />;
    return <ScimPage />;
  },
});
