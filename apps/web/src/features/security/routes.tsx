import { can } from '@partnergraph/shared/permissions';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';
import { NotAllowedPage } from '../errors/not-allowed-page';

const AccountSecurityPage = lazyRouteComponent(
  () => import('./account-security-page'),
  'AccountSecurityPage',
);
const OrganizationSecurityPage = lazyRouteComponent(
  () => import('./organization-security-page'),
  'OrganizationSecurityPage',
);

/** The person's own sign-in factors: everyone has this page. */
export const accountSecurityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'account/security',
  component: AccountSecurityPage,
});

/** The administrator's own organization's security page. */
export const securityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'security',
  component: function SecurityRoute() {
    const { session } = securityRoute.useRouteContext();
    if (!can(session.user.role, 'mfa:manage')) return <NotAllowedPage what="the security settings" />;
    return <OrganizationSecurityPage organizationId={session.organization.id} />;
  },
});

/** Another organization's (the vendor admin resetting a partner's people); the server answers 404 to others. */
export const organizationSecurityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'security/$organizationId',
  component: function OrganizationSecurityRoute() {
    const { session } = organizationSecurityRoute.useRouteContext();
    const { organizationId } = organizationSecurityRoute.useParams();
    if (!can(session.user.role, 'mfa:manage')) return <NotAllowedPage what="the security settings" />;
    return <OrganizationSecurityPage organizationId={organizationId} />;
  },
});
