import type { QueryClient } from '@tanstack/react-query';
import { createRoute, createRouter, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { LoadingState } from '../components/query-state';
import {
  analyticsCoverageRoute,
  analyticsIntegrationsRoute,
  analyticsNetworkRoute,
  analyticsOverviewRoute,
  analyticsPipelineRoute,
  analyticsReferralsRoute,
  analyticsRevenueRoute,
  scorecardRoute,
} from '../features/analytics/routes';
import { auditLogRoute } from '../features/audit/routes';
import { homePath } from '../features/auth/session';
import { homeRoute } from '../features/home/routes';
import { loginRoute } from '../features/auth/routes';
import {
  announcementRoute,
  announcementsRoute,
  communityRoute,
  eventRoute,
  eventsRoute,
  memberRoute,
  membersRoute,
  moderationRoute,
  postRoute,
  spaceRoute,
  spacesRoute,
} from '../features/community/routes';
import {
  connectionRoute,
  connectionsRoute,
  integrationRoute,
  integrationsRoute,
  recommendationsRoute,
  solutionRoute,
  solutionsRoute,
} from '../features/connections/routes';
import { dealReviewRoute, dealRoute, dealsRoute, newDealRoute } from '../features/deals/routes';
import { emailsRoute } from '../features/emails/routes';
import {
  assetRoute,
  collectionRoute,
  badgeRoute,
  certificationsRoute,
  courseRoute,
  coursesRoute,
  libraryRoute,
} from '../features/enablement/routes';
import { RouteErrorPage } from '../features/errors/route-error-page';
import {
  acceptInvitationRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  sessionsRoute,
  teamRoute,
  tokensRoute,
} from '../features/identity/routes';
import { importRoute, importsRoute, newImportRoute } from '../features/imports/routes';
import { scimRoute } from '../features/scim/routes';
import {
  companyProfileRoute,
  locatorPartnerRoute,
  locatorRoute,
  marketplaceProfileRoute,
  marketplaceRoute,
} from '../features/marketplace/routes';
import { notificationsRoute } from '../features/notifications/routes';
import { organizationRoute, partnerRoute, partnersRoute } from '../features/partners/routes';
import {
  agreementRoute,
  agreementsRoute,
  applicationsRoute,
  applyRoute,
  myProgramsRoute,
  newProgramRoute,
  partnerTypesRoute,
  programRoute,
  programsRoute,
} from '../features/programs/routes';
import { newReferralRoute, referralRoute, referralsRoute } from '../features/referrals/routes';
import { leadRoute, leadRulesRoute, leadsRoute } from '../features/leads/routes';
import { accountSecurityRoute, organizationSecurityRoute, securityRoute } from '../features/security/routes';
import { crmCallbackRoute, crmConnectionRoute, crmRoute } from '../features/crm/routes';
import { fxRatesRoute, settingsRoute } from '../features/settings/routes';
import { ssoSettingsRoute } from '../features/sso/routes';
import { mappingRoute } from '../features/mapping/routes';
import { fundsRoute } from '../features/funds/routes';
import { webhookRoute, webhooksRoute } from '../features/webhooks/routes';
import { appRoute, rootRoute } from './root';

// Each feature declares its routes in its own routes.tsx, its screens loaded lazily with the route:
// the first page carries the shell and what it shows, not the whole app. The search readers and the
// layout stay eager, as the router needs them to match a URL.

// An unknown address is rare: its page loads when needed. The error page stays in the first script, since
// a failure to load code is one of the errors it reports.
const NotFoundPage = lazyRouteComponent(() => import('../features/errors/not-found-page'), 'NotFoundPage');

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    throw redirect({ to: homePath(context.session) });
  },
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  acceptInvitationRoute,
  applyRoute,
  locatorRoute,
  locatorPartnerRoute,
  badgeRoute,
  appRoute.addChildren([
    indexRoute,
    homeRoute,
    partnersRoute,
    partnerRoute,
    organizationRoute,
    companyProfileRoute,
    marketplaceRoute,
    marketplaceProfileRoute,
    auditLogRoute,
    teamRoute,
    sessionsRoute,
    tokensRoute,
    scimRoute,
    accountSecurityRoute,
    securityRoute,
    organizationSecurityRoute,
    programsRoute,
    newProgramRoute,
    programRoute,
    partnerTypesRoute,
    agreementsRoute,
    agreementRoute,
    applicationsRoute,
    myProgramsRoute,
    dealsRoute,
    dealReviewRoute,
    newDealRoute,
    dealRoute,
    referralsRoute,
    newReferralRoute,
    referralRoute,
    leadsRoute,
    leadRoute,
    leadRulesRoute,
    settingsRoute,
    fxRatesRoute,
    webhooksRoute,
    webhookRoute,
    ssoSettingsRoute,
    mappingRoute,
    fundsRoute,
    crmRoute,
    crmCallbackRoute,
    crmConnectionRoute,
    emailsRoute,
    importsRoute,
    newImportRoute,
    importRoute,
    connectionsRoute,
    connectionRoute,
    integrationsRoute,
    integrationRoute,
    solutionsRoute,
    solutionRoute,
    recommendationsRoute,
    analyticsOverviewRoute,
    analyticsRevenueRoute,
    analyticsPipelineRoute,
    analyticsReferralsRoute,
    analyticsCoverageRoute,
    analyticsIntegrationsRoute,
    analyticsNetworkRoute,
    scorecardRoute,
    libraryRoute,
    assetRoute,
    collectionRoute,
    coursesRoute,
    courseRoute,
    certificationsRoute,
    communityRoute,
    spacesRoute,
    spaceRoute,
    postRoute,
    announcementsRoute,
    announcementRoute,
    eventsRoute,
    eventRoute,
    membersRoute,
    memberRoute,
    moderationRoute,
    notificationsRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // A screen's code may still be on its way when its route renders: the shell stays, this stands in.
    defaultPendingComponent: () => <LoadingState label="Loading…" />,
    defaultNotFoundComponent: NotFoundPage,
    defaultErrorComponent: RouteErrorPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
