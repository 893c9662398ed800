import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute, rootRoute } from '../../routes/root';

// One loader for every screen of this file: the first page's script lists a lazy module's files once per
// import() written, not once per module.
const routePages = () => import('./route-pages');

const ApplyPage = lazyRouteComponent(() => import('./applications/apply-page'), 'ApplyPage');
const AgreementRoutePage = lazyRouteComponent(routePages, 'AgreementRoutePage');
const AgreementsRoutePage = lazyRouteComponent(routePages, 'AgreementsRoutePage');
const ApplicationsRoutePage = lazyRouteComponent(routePages, 'ApplicationsRoutePage');
const MyProgramsRoutePage = lazyRouteComponent(routePages, 'MyProgramsRoutePage');
const NewProgramRoutePage = lazyRouteComponent(routePages, 'NewProgramRoutePage');
const PartnerTypesRoutePage = lazyRouteComponent(routePages, 'PartnerTypesRoutePage');
const ProgramRoutePage = lazyRouteComponent(routePages, 'ProgramRoutePage');
const ProgramsRoutePage = lazyRouteComponent(routePages, 'ProgramsRoutePage');

// Programs, agreements, applications and enrollments; /apply works signed out.
export const applyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/apply',
  component: ApplyPage,
});

export const programsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'programs',
  component: ProgramsRoutePage,
});

export const newProgramRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'programs/new',
  component: NewProgramRoutePage,
});

export const programRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'programs/$id',
  component: function ProgramRoute() {
    return <ProgramRoutePage programId={programRoute.useParams().id} />;
  },
});

export const partnerTypesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'partner-types',
  component: PartnerTypesRoutePage,
});

export const agreementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'agreements',
  component: AgreementsRoutePage,
});

export const agreementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'agreements/$id',
  component: function AgreementRoute() {
    return <AgreementRoutePage agreementId={agreementRoute.useParams().id} />;
  },
});

export const applicationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'applications',
  component: ApplicationsRoutePage,
});

export const myProgramsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'my-programs',
  component: MyProgramsRoutePage,
});
