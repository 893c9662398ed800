import { Navigate } from '@tanstack/react-router';
import { useCan, useSession } from '../auth/session';
import { NotAllowedPage } from '../errors/not-allowed-page';
import { AgreementPage } from './agreements/agreement-page';
import { AgreementsPage } from './agreements/agreements-page';
import { ApplicationsPage } from './applications/applications-page';
import { ProgramBuilderPage } from './builder/program-builder-page';
import { MyProgramsPage } from './enrollments/my-programs-page';
import { PartnerTypesPage } from './partner-types-page';
import { ProgramListPage } from './program-list-page';

// The screens behind the program routes, each with the check its route needs. The router stays a
// list of paths; which role sees what follows the permission matrix, as the server's gate does.

/** Vendor staff design programs; a partner's programs are "My programs". */
export function ProgramsRoutePage() {
  const { organization } = useSession();
  if (organization.kind === 'partner') return <Navigate to="/my-programs" replace />;
  return <ProgramListPage />;
}

export function NewProgramRoutePage() {
  const canManage = useCan('programs:manage');
  if (!canManage) return <NotAllowedPage what="creating programs" />;
  return <ProgramBuilderPage />;
}

export function ProgramRoutePage({ programId }: { programId: string }) {
  const { organization } = useSession();
  if (organization.kind === 'partner') return <Navigate to="/my-programs" replace />;
  return <ProgramBuilderPage programId={programId} />;
}

export function PartnerTypesRoutePage() {
  const canManage = useCan('partner-types:manage');
  if (!canManage) return <NotAllowedPage what="managing partner types" />;
  return <PartnerTypesPage />;
}

export function AgreementsRoutePage() {
  const { organization } = useSession();
  if (organization.kind === 'partner') return <Navigate to="/my-programs" replace />;
  return <AgreementsPage />;
}

export function AgreementRoutePage({ agreementId }: { agreementId: string }) {
  return <AgreementPage agreementId={agreementId} />;
}

export function ApplicationsRoutePage() {
  const canRead = useCan('applications:read');
  if (!canRead) return <NotAllowedPage what="partner applications" />;
  return <ApplicationsPage />;
}

export function MyProgramsRoutePage() {
  const { organization } = useSession();
  if (organization.kind === 'vendor') return <Navigate to="/programs" replace />;
  return <MyProgramsPage />;
}
