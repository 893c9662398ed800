import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute, rootRoute } from '../../routes/root';

const ApplyPage = lazyRouteComponent(() => import('./applications/apply-page'), 'ApplyPage');
const AgreementRoutePage = lazyRouteComponent(() => import('./route-pages'), 'AgreementRoutePage');
const AgreementsRoutePage = lazyRouteComponent(() => import('./route-pages'), 'AgreementsRoutePage');
const ApplicationsRoutePage = lazyRouteComponent(() => import('./route-pages'), 'ApplicationsRoutePage');
const MyProgramsRoutePage = lazyRouteComponent(() => import('./route-pages'), 'MyProgramsRoutePage');
const NewProgramRoutePage = lazyRouteComponent(() => import('./route-pages'), 'NewProgramRoutePage');
const PartnerTypesRoutePage = lazyRouteComponent(() => import('./route-pages'), 'PartnerTypesRoutePage');
const ProgramRoutePage = lazyRouteComponent(() => import('./route-pages'), 'ProgramRoutePage');
const ProgramsRoutePage = lazyRouteComponent(() => import('./route-pages'), 'ProgramsRoutePage');

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
