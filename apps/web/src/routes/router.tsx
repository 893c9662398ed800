import { can } from '@partnergraph/shared/permissions';
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { meQueryOptions } from '../api/auth';
import { LoadingState } from '../components/query-state';
import { parseAuditSearch } from '../features/audit/audit-search';
import { homePath } from '../features/auth/session';
import {
  parseConnectionSearch,
  parseIntegrationSearch,
  parseSolutionSearch,
} from '../features/connections/search';
import { parseDealSearch } from '../features/deals/deal-search';
import { NotAllowedPage } from '../features/errors/not-allowed-page';
import { NotFoundPage } from '../features/errors/not-found-page';
import { RouteErrorPage } from '../features/errors/route-error-page';
import { parseSignInNotice, type SignInNotice } from '../features/identity/sign-in-extras';
import { parseMarketplaceSearch } from '../features/marketplace/marketplace-search';
import { parsePartnerSearch } from '../features/partners/partner-search';
import { parseNewReferralSearch, parseReferralSearch } from '../features/referrals/referral-search';
import { parseImportSearch, parseNewImportSearch } from '../features/imports/import-search';
import { parseAnalyticsSearch } from '../features/analytics/analytics-search';
import { AppLayout } from '../features/shell/app-layout';

// Every screen loads with its route: the first page carries the shell and what it shows, not the
// whole app. The search readers and the layout stay eager, as the router needs them to match a URL.
const AuditLogPage = lazyRouteComponent(() => import('../features/audit/audit-log-page'), 'AuditLogPage');
const LoginPage = lazyRouteComponent(() => import('../features/auth/login-page'), 'LoginPage');
const ConnectionRoutePage = lazyRouteComponent(
  () => import('../features/connections/route-pages'),
  'ConnectionRoutePage',
);
const ConnectionsRoutePage = lazyRouteComponent(
  () => import('../features/connections/route-pages'),
  'ConnectionsRoutePage',
);
const IntegrationRoutePage = lazyRouteComponent(
  () => import('../features/connections/route-pages'),
  'IntegrationRoutePage',
);
const IntegrationsRoutePage = lazyRouteComponent(
  () => import('../features/connections/route-pages'),
  'IntegrationsRoutePage',
);
const RecommendationsRoutePage = lazyRouteComponent(
  () => import('../features/connections/route-pages'),
  'RecommendationsRoutePage',
);
const SolutionRoutePage = lazyRouteComponent(
  () => import('../features/connections/route-pages'),
  'SolutionRoutePage',
);
const SolutionsRoutePage = lazyRouteComponent(
  () => import('../features/connections/route-pages'),
  'SolutionsRoutePage',
);
const DealRoutePage = lazyRouteComponent(() => import('../features/deals/route-pages'), 'DealRoutePage');
const DealsRoutePage = lazyRouteComponent(() => import('../features/deals/route-pages'), 'DealsRoutePage');
const NewDealRoutePage = lazyRouteComponent(
  () => import('../features/deals/route-pages'),
  'NewDealRoutePage',
);
const ReviewQueueRoutePage = lazyRouteComponent(
  () => import('../features/deals/route-pages'),
  'ReviewQueueRoutePage',
);
const EmailsRoutePage = lazyRouteComponent(() => import('../features/emails/route-pages'), 'EmailsRoutePage');
const AcceptInvitationPage = lazyRouteComponent(
  () => import('../features/identity/accept-invitation-page'),
  'AcceptInvitationPage',
);
const ForgotPasswordPage = lazyRouteComponent(
  () => import('../features/identity/forgot-password-page'),
  'ForgotPasswordPage',
);
const ResetPasswordPage = lazyRouteComponent(
  () => import('../features/identity/reset-password-page'),
  'ResetPasswordPage',
);
const SessionsPage = lazyRouteComponent(() => import('../features/identity/sessions-page'), 'SessionsPage');
const TeamPage = lazyRouteComponent(() => import('../features/identity/team-page'), 'TeamPage');
const TokensPage = lazyRouteComponent(() => import('../features/identity/tokens-page'), 'TokensPage');
const LocatorPage = lazyRouteComponent(() => import('../features/marketplace/locator-page'), 'LocatorPage');
const PublicPartnerPage = lazyRouteComponent(
  () => import('../features/marketplace/public-partner-page'),
  'PublicPartnerPage',
);
const CompanyProfileRoutePage = lazyRouteComponent(
  () => import('../features/marketplace/route-pages'),
  'CompanyProfileRoutePage',
);
const MarketplaceRoutePage = lazyRouteComponent(
  () => import('../features/marketplace/route-pages'),
  'MarketplaceRoutePage',
);
const PartnerProfileRoutePage = lazyRouteComponent(
  () => import('../features/marketplace/route-pages'),
  'PartnerProfileRoutePage',
);
const PartnerListPage = lazyRouteComponent(
  () => import('../features/partners/partner-list-page'),
  'PartnerListPage',
);
const PartnerPage = lazyRouteComponent(() => import('../features/partners/partner-page'), 'PartnerPage');
const ApplyPage = lazyRouteComponent(
  () => import('../features/programs/applications/apply-page'),
  'ApplyPage',
);
const AgreementRoutePage = lazyRouteComponent(
  () => import('../features/programs/route-pages'),
  'AgreementRoutePage',
);
const AgreementsRoutePage = lazyRouteComponent(
  () => import('../features/programs/route-pages'),
  'AgreementsRoutePage',
);
const ApplicationsRoutePage = lazyRouteComponent(
  () => import('../features/programs/route-pages'),
  'ApplicationsRoutePage',
);
const MyProgramsRoutePage = lazyRouteComponent(
  () => import('../features/programs/route-pages'),
  'MyProgramsRoutePage',
);
const NewProgramRoutePage = lazyRouteComponent(
  () => import('../features/programs/route-pages'),
  'NewProgramRoutePage',
);
const PartnerTypesRoutePage = lazyRouteComponent(
  () => import('../features/programs/route-pages'),
  'PartnerTypesRoutePage',
);
const ProgramRoutePage = lazyRouteComponent(
  () => import('../features/programs/route-pages'),
  'ProgramRoutePage',
);
const ProgramsRoutePage = lazyRouteComponent(
  () => import('../features/programs/route-pages'),
  'ProgramsRoutePage',
);
const NewReferralRoutePage = lazyRouteComponent(
  () => import('../features/referrals/route-pages'),
  'NewReferralRoutePage',
);
const ReferralRoutePage = lazyRouteComponent(
  () => import('../features/referrals/route-pages'),
  'ReferralRoutePage',
);
const ReferralsRoutePage = lazyRouteComponent(
  () => import('../features/referrals/route-pages'),
  'ReferralsRoutePage',
);
const FxRatesRoutePage = lazyRouteComponent(
  () => import('../features/settings/route-pages'),
  'FxRatesRoutePage',
);
const SettingsRoutePage = lazyRouteComponent(
  () => import('../features/settings/route-pages'),
  'SettingsRoutePage',
);
const ImportRoutePage = lazyRouteComponent(
  () => import('../features/imports/route-pages'),
  'ImportRoutePage',
);
const ImportsRoutePage = lazyRouteComponent(
  () => import('../features/imports/route-pages'),
  'ImportsRoutePage',
);
const NewImportRoutePage = lazyRouteComponent(
  () => import('../features/imports/route-pages'),
  'NewImportRoutePage',
);
const WebhookRoutePage = lazyRouteComponent(
  () => import('../features/webhooks/route-pages'),
  'WebhookRoutePage',
);
const WebhooksRoutePage = lazyRouteComponent(
  () => import('../features/webhooks/route-pages'),
  'WebhooksRoutePage',
);
const DashboardRoutePage = lazyRouteComponent(
  () => import('../features/analytics/route-pages'),
  'DashboardRoutePage',
);
const ScorecardRoutePage = lazyRouteComponent(
  () => import('../features/analytics/route-pages'),
  'ScorecardRoutePage',
);
const AnnouncementRoutePage = lazyRouteComponent(
  () => import('../features/community/route-pages'),
  'AnnouncementRoutePage',
);
const AnnouncementsRoutePage = lazyRouteComponent(
  () => import('../features/community/route-pages'),
  'AnnouncementsRoutePage',
);
const EventRoutePage = lazyRouteComponent(
  () => import('../features/community/route-pages'),
  'EventRoutePage',
);
const EventsRoutePage = lazyRouteComponent(
  () => import('../features/community/route-pages'),
  'EventsRoutePage',
);
const MemberRoutePage = lazyRouteComponent(
  () => import('../features/community/route-pages'),
  'MemberRoutePage',
);
const MembersRoutePage = lazyRouteComponent(
  () => import('../features/community/route-pages'),
  'MembersRoutePage',
);
const ModerationRoutePage = lazyRouteComponent(
  () => import('../features/community/route-pages'),
  'ModerationRoutePage',
);
const PostRoutePage = lazyRouteComponent(() => import('../features/community/route-pages'), 'PostRoutePage');
const SpaceRoutePage = lazyRouteComponent(
  () => import('../features/community/route-pages'),
  'SpaceRoutePage',
);
const SpacesRoutePage = lazyRouteComponent(
  () => import('../features/community/route-pages'),
  'SpacesRoutePage',
);
const NotificationsPage = lazyRouteComponent(
  () => import('../features/notifications/notifications-page'),
  'NotificationsPage',
);

export interface RouterContext {
  queryClient: QueryClient;
}

/** Only a path on this site may be a post-sign-in destination: never another origin, never the sign-in page. */
function safeRedirect(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return undefined;
  return value.startsWith('/login') ? undefined : value;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({ component: Outlet });

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string; notice?: SignInNotice } => ({
    redirect: safeRedirect(search.redirect),
    notice: parseSignInNotice(search.notice),
  }),
  beforeLoad: async ({ context, search }) => {
    const session = await context.queryClient.ensureQueryData(meQueryOptions);
    if (session) throw redirect({ href: search.redirect ?? homePath(session) });
  },
  component: function LoginRoute() {
    return <LoginPage redirectTo={loginRoute.useSearch().redirect} />;
  },
});

/** Every screen behind sign-in hangs under this pathless route, so the check happens in one place. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!session) throw redirect({ to: '/login', search: { redirect: location.href } });
    return { session };
  },
  component: AppLayout,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    throw redirect({ to: homePath(context.session) });
  },
});

const partnersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'partners',
  validateSearch: parsePartnerSearch,
  // The list is the vendor's view of the ecosystem; a partner's own record is "My organization".
  beforeLoad: ({ context }) => {
    if (context.session.organization.kind === 'partner') throw redirect({ to: '/organization' });
  },
  component: function PartnersRoute() {
    const filters = partnersRoute.useSearch();
    const navigate = partnersRoute.useNavigate();
    return (
      <PartnerListPage
        filters={filters}
        onFiltersChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});

const partnerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'partners/$id',
  component: function PartnerRoute() {
    return <PartnerPage partnerId={partnerRoute.useParams().id} />;
  },
});

const organizationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'organization',
  beforeLoad: ({ context }) => {
    if (context.session.organization.kind === 'vendor') throw redirect({ to: '/partners' });
  },
  component: function OrganizationRoute() {
    return <PartnerPage partnerId={organizationRoute.useRouteContext().session.organization.id} />;
  },
});

const auditLogRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'audit-log',
  validateSearch: parseAuditSearch,
  component: function AuditLogRoute() {
    const { session } = auditLogRoute.useRouteContext();
    const search = auditLogRoute.useSearch();
    const navigate = auditLogRoute.useNavigate();
    if (!can(session.user.role, 'audit:read')) return <NotAllowedPage what="the audit log" />;
    return (
      <AuditLogPage
        filters={search}
        onFiltersChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});

// Pages reached signed out, from the sign-in page or from a link in an email.
const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: ForgotPasswordPage,
});

const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password/$token',
  component: function ResetPasswordRoute() {
    return <ResetPasswordPage token={resetPasswordRoute.useParams().token} />;
  },
});

const acceptInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invitations/$token',
  component: function AcceptInvitationRoute() {
    return <AcceptInvitationPage token={acceptInvitationRoute.useParams().token} />;
  },
});

const teamRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'team',
  component: function TeamRoute() {
    const { session } = teamRoute.useRouteContext();
    if (!can(session.user.role, 'users:read')) return <NotAllowedPage what="the team" />;
    return <TeamPage />;
  },
});

const sessionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'account/sessions',
  component: SessionsPage,
});

const tokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'account/tokens',
  component: TokensPage,
});

// Programs, agreements, applications and enrollments (features/programs); /apply works signed out.
const applyRoute = createRoute({ getParentRoute: () => rootRoute, path: '/apply', component: ApplyPage });
const programsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'programs',
  component: ProgramsRoutePage,
});
const newProgramRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'programs/new',
  component: NewProgramRoutePage,
});
const programRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'programs/$id',
  component: function ProgramRoute() {
    return <ProgramRoutePage programId={programRoute.useParams().id} />;
  },
});
const partnerTypesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'partner-types',
  component: PartnerTypesRoutePage,
});
const agreementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'agreements',
  component: AgreementsRoutePage,
});
const agreementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'agreements/$id',
  component: function AgreementRoute() {
    return <AgreementRoutePage agreementId={agreementRoute.useParams().id} />;
  },
});
const applicationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'applications',
  component: ApplicationsRoutePage,
});
const myProgramsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'my-programs',
  component: MyProgramsRoutePage,
});

// Deals (features/deals): the list's filters live in the URL; review and new are matched before $dealId.
const dealsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'deals',
  validateSearch: parseDealSearch,
  component: function DealsRoute() {
    const filters = dealsRoute.useSearch();
    const navigate = dealsRoute.useNavigate();
    return (
      <DealsRoutePage
        filters={filters}
        onFiltersChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});
const dealReviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'deals/review',
  component: ReviewQueueRoutePage,
});
const newDealRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'deals/new',
  component: NewDealRoutePage,
});
const dealRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'deals/$dealId',
  component: function DealRoute() {
    return <DealRoutePage dealId={dealRoute.useParams().dealId} />;
  },
});

// Referrals (features/referrals): the list's filters and the new form's recipient live in the URL.
const referralsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'referrals',
  validateSearch: parseReferralSearch,
  component: function ReferralsRoute() {
    const filters = referralsRoute.useSearch();
    const navigate = referralsRoute.useNavigate();
    return (
      <ReferralsRoutePage
        filters={filters}
        onFiltersChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});
const newReferralRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'referrals/new',
  validateSearch: parseNewReferralSearch,
  component: function NewReferralRoute() {
    const { to, connection } = newReferralRoute.useSearch();
    return <NewReferralRoutePage to={to} connection={connection} />;
  },
});
const referralRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'referrals/$referralId',
  component: function ReferralRoute() {
    return <ReferralRoutePage referralId={referralRoute.useParams().referralId} />;
  },
});

// Settings and FX rates (features/settings): the vendor's.
const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings',
  component: SettingsRoutePage,
});
const fxRatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/fx-rates',
  component: FxRatesRoutePage,
});
// Webhooks (features/webhooks): the vendor admin's, under the settings.
const webhooksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/webhooks',
  component: WebhooksRoutePage,
});
const webhookRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/webhooks/$webhookId',
  component: function WebhookRoute() {
    return <WebhookRoutePage webhookId={webhookRoute.useParams().webhookId} />;
  },
});
// The email outbox (features/emails): the vendor admin's, under the settings.
const emailsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/emails',
  component: EmailsRoutePage,
});

// CSV imports (features/imports): the vendor admin's, under the settings. The import's id is in the
// URL and its state on the server, so a reload shows where it is; new is matched before $importId.
const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/imports',
  component: ImportsRoutePage,
});
const newImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/imports/new',
  validateSearch: parseNewImportSearch,
  component: function NewImportRoute() {
    const navigate = newImportRoute.useNavigate();
    return (
      <NewImportRoutePage
        search={newImportRoute.useSearch()}
        onSearchChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});
const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/imports/$importId',
  validateSearch: parseImportSearch,
  component: function ImportRoute() {
    const navigate = importRoute.useNavigate();
    return (
      <ImportRoutePage
        importId={importRoute.useParams().importId}
        search={importRoute.useSearch()}
        onSearchChange={(next) => void navigate({ search: next })}
      />
    );
  },
});

// Connections, integrations, joint solutions and recommendations (features/connections): list tabs and filters in the URL.
const connectionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'connections',
  validateSearch: parseConnectionSearch,
  component: function ConnectionsRoute() {
    const search = connectionsRoute.useSearch();
    const navigate = connectionsRoute.useNavigate();
    return (
      <ConnectionsRoutePage
        search={search}
        onSearchChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});
const connectionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'connections/$connectionId',
  component: function ConnectionRoute() {
    return <ConnectionRoutePage connectionId={connectionRoute.useParams().connectionId} />;
  },
});
const integrationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'integrations',
  validateSearch: parseIntegrationSearch,
  component: function IntegrationsRoute() {
    const search = integrationsRoute.useSearch();
    const navigate = integrationsRoute.useNavigate();
    return (
      <IntegrationsRoutePage
        search={search}
        onSearchChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});
const integrationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'integrations/$integrationId',
  component: function IntegrationRoute() {
    return <IntegrationRoutePage integrationId={integrationRoute.useParams().integrationId} />;
  },
});
const solutionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'solutions',
  validateSearch: parseSolutionSearch,
  component: function SolutionsRoute() {
    const navigate = solutionsRoute.useNavigate();
    return (
      <SolutionsRoutePage
        tab={solutionsRoute.useSearch().tab}
        onTabChange={(tab) => void navigate({ search: { tab }, replace: true })}
      />
    );
  },
});
const solutionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'solutions/$solutionId',
  component: function SolutionRoute() {
    return <SolutionRoutePage solutionId={solutionRoute.useParams().solutionId} />;
  },
});
// Ecosystem dashboards (features/analytics): the period, filters and attribution model live in the URL,
// so a dashboard can be bookmarked and every tab keeps them.
const analyticsOverviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'analytics',
  validateSearch: parseAnalyticsSearch,
  component: function AnalyticsOverview() {
    const navigate = analyticsOverviewRoute.useNavigate();
    return (
      <DashboardRoutePage
        page="overview"
        params={analyticsOverviewRoute.useSearch()}
        onParamsChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});
const analyticsRevenueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'analytics/revenue',
  validateSearch: parseAnalyticsSearch,
  component: function AnalyticsRevenue() {
    const navigate = analyticsRevenueRoute.useNavigate();
    return (
      <DashboardRoutePage
        page="revenue"
        params={analyticsRevenueRoute.useSearch()}
        onParamsChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});
const analyticsPipelineRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'analytics/pipeline',
  validateSearch: parseAnalyticsSearch,
  component: function AnalyticsPipeline() {
    const navigate = analyticsPipelineRoute.useNavigate();
    return (
      <DashboardRoutePage
        page="pipeline"
        params={analyticsPipelineRoute.useSearch()}
        onParamsChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});
const analyticsReferralsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'analytics/referrals',
  validateSearch: parseAnalyticsSearch,
  component: function AnalyticsReferrals() {
    const navigate = analyticsReferralsRoute.useNavigate();
    return (
      <DashboardRoutePage
        page="referrals"
        params={analyticsReferralsRoute.useSearch()}
        onParamsChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});
const analyticsCoverageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'analytics/coverage',
  validateSearch: parseAnalyticsSearch,
  component: function AnalyticsCoverage() {
    const navigate = analyticsCoverageRoute.useNavigate();
    return (
      <DashboardRoutePage
        page="coverage"
        params={analyticsCoverageRoute.useSearch()}
        onParamsChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});
const analyticsIntegrationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'analytics/integrations',
  validateSearch: parseAnalyticsSearch,
  component: function AnalyticsIntegrations() {
    const navigate = analyticsIntegrationsRoute.useNavigate();
    return (
      <DashboardRoutePage
        page="integrations"
        params={analyticsIntegrationsRoute.useSearch()}
        onParamsChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});
const analyticsNetworkRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'analytics/network',
  validateSearch: parseAnalyticsSearch,
  component: function AnalyticsNetwork() {
    const navigate = analyticsNetworkRoute.useNavigate();
    return (
      <DashboardRoutePage
        page="network"
        params={analyticsNetworkRoute.useSearch()}
        onParamsChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});
const scorecardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'analytics/partners/$partnerId',
  validateSearch: parseAnalyticsSearch,
  component: function ScorecardRoute() {
    const navigate = scorecardRoute.useNavigate();
    return (
      <ScorecardRoutePage
        partnerId={scorecardRoute.useParams().partnerId}
        params={scorecardRoute.useSearch()}
        onParamsChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});

const recommendationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'recommendations',
  component: RecommendationsRoutePage,
});

// The marketplace (features/marketplace): search words and filters live in the URL. The public
// partner locator works signed out; /partners is the vendor's partner list, so it has its own path.
const marketplaceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'marketplace',
  validateSearch: parseMarketplaceSearch,
  component: function MarketplaceRoute() {
    const filters = marketplaceRoute.useSearch();
    const navigate = marketplaceRoute.useNavigate();
    return (
      <MarketplaceRoutePage
        filters={filters}
        onFiltersChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});
const marketplaceProfileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'marketplace/$orgId',
  component: function MarketplaceProfileRoute() {
    return <PartnerProfileRoutePage orgId={marketplaceProfileRoute.useParams().orgId} />;
  },
});
const companyProfileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'organization/profile',
  // The vendor has no marketplace profile of its own; it reads the partners' in the marketplace.
  beforeLoad: ({ context }) => {
    if (context.session.organization.kind === 'vendor') throw redirect({ to: '/marketplace' });
  },
  component: CompanyProfileRoutePage,
});
const locatorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/find-a-partner',
  validateSearch: parseMarketplaceSearch,
  component: function LocatorRoute() {
    const filters = locatorRoute.useSearch();
    const navigate = locatorRoute.useNavigate();
    return (
      <LocatorPage
        filters={filters}
        onFiltersChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});
const locatorPartnerRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/find-a-partner/$orgId',
  component: function LocatorPartnerRoute() {
    return <PublicPartnerPage orgId={locatorPartnerRoute.useParams().orgId} />;
  },
});

// The community (features/community, loaded on demand) and the notifications behind the header's bell.
const communityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community',
  beforeLoad: () => {
    throw redirect({ to: '/community/spaces' });
  },
});
const spacesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/spaces',
  component: SpacesRoutePage,
});
const spaceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/spaces/$spaceId',
  component: function SpaceRoute() {
    return <SpaceRoutePage spaceId={spaceRoute.useParams().spaceId} />;
  },
});
const postRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/posts/$postId',
  component: function PostRoute() {
    return <PostRoutePage postId={postRoute.useParams().postId} />;
  },
});
const announcementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/announcements',
  component: AnnouncementsRoutePage,
});
const announcementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/announcements/$announcementId',
  component: function AnnouncementRoute() {
    return <AnnouncementRoutePage announcementId={announcementRoute.useParams().announcementId} />;
  },
});
const eventsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/events',
  component: EventsRoutePage,
});
const eventRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/events/$eventId',
  component: function EventRoute() {
    return <EventRoutePage eventId={eventRoute.useParams().eventId} />;
  },
});
const membersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/members',
  component: MembersRoutePage,
});
const memberRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/members/$memberId',
  component: function MemberRoute() {
    return <MemberRoutePage memberId={memberRoute.useParams().memberId} />;
  },
});
const moderationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/moderation',
  component: ModerationRoutePage,
});
const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'notifications',
  validateSearch: (search: Record<string, unknown>): { settings?: boolean } =>
    search.settings === true || search.settings === 'true' ? { settings: true } : {},
  component: function NotificationsRoute() {
    const navigate = notificationsRoute.useNavigate();
    return (
      <NotificationsPage
        settingsOpen={notificationsRoute.useSearch().settings === true}
        onSettingsChange={(open) => void navigate({ search: open ? { settings: true } : {}, replace: true })}
      />
    );
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
  appRoute.addChildren([
    indexRoute,
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
    settingsRoute,
    fxRatesRoute,
    webhooksRoute,
    webhookRoute,
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
