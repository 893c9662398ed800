import { can } from '@partnergraph/shared/permissions';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute, rootRoute } from '../../routes/root';
import { NotAllowedPage } from '../errors/not-allowed-page';

// The signed-out screens behind an e-mailed link load with their route, like the others: the router shows
// nothing of the form until its code is there, so nothing is swapped under someone's typing, and the
// sign-in page does not carry them.
const AcceptInvitationPage = lazyRouteComponent(
  () => import('./accept-invitation-page'),
  'AcceptInvitationPage',
);
const ForgotPasswordPage = lazyRouteComponent(() => import('./forgot-password-page'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyRouteComponent(() => import('./reset-password-page'), 'ResetPasswordPage');

const SessionsPage = lazyRouteComponent(() => import('./sessions-page'), 'SessionsPage');
const TeamPage = lazyRouteComponent(() => import('./team-page'), 'TeamPage');
const TokensPage = lazyRouteComponent(() => import('./tokens-page'), 'TokensPage');

// Pages reached signed out, from the sign-in page or from a link in an email.
export const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: ForgotPasswordPage,
});

export const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password/$token',
  component: function ResetPasswordRoute() {
    return <ResetPasswordPage token={resetPasswordRoute.useParams().token} />;
  },
});

export const acceptInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invitations/$token',
  component: function AcceptInvitationRoute() {
    return <AcceptInvitationPage token={acceptInvitationRoute.useParams().token} />;
  },
});

export const teamRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'team',
  component: function TeamRoute() {
    const { session } = teamRoute.useRouteContext();
    if (!can(session.user.role, 'users:read')) return <NotAllowedPage what="the team" />;
    return <TeamPage />;
  },
});

export const sessionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'account/sessions',
  component: SessionsPage,
});

export const tokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'account/tokens',
  component: TokensPage,
});
