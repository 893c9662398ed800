import { IconCategory, IconFileCertificate, IconInbox, IconStairsUp, IconTrophy } from '@tabler/icons-react';
import { NavLinkLink } from '../../components/nav-link-link';
import { useCan, useSession } from '../auth/session';

const active = { active: true, 'aria-current': 'page' } as const;

/** Programs in the main navigation: the vendor's design and review screens, or a partner's own programs. */
export function ProgramNavLinks({ onNavigate }: { onNavigate: () => void }) {
  const { organization } = useSession();
  const canReadPrograms = useCan('programs:read');
  const canReadApplications = useCan('applications:read');
  const canReadAgreements = useCan('agreements:read');
  const canManageTypes = useCan('partner-types:manage');

  if (organization.kind === 'partner') {
    return canReadPrograms ? (
      <NavLinkLink
        to="/my-programs"
        label="My programs"
        leftSection={<IconTrophy size={18} />}
        activeProps={active}
        onClick={onNavigate}
      />
    ) : null;
  }
  return (
    <>
      {canReadPrograms && (
        <NavLinkLink
          to="/programs"
          label="Programs"
          leftSection={<IconStairsUp size={18} />}
          activeProps={active}
          onClick={onNavigate}
        />
      )}
      {canReadApplications && (
        <NavLinkLink
          to="/applications"
          label="Applications"
          leftSection={<IconInbox size={18} />}
          activeProps={active}
          onClick={onNavigate}
        />
      )}
      {canReadAgreements && (
        <NavLinkLink
          to="/agreements"
          label="Agreements"
          leftSection={<IconFileCertificate size={18} />}
          activeProps={active}
          onClick={onNavigate}
        />
      )}
      {canManageTypes && (
        <NavLinkLink
          to="/partner-types"
          label="Partner types"
          leftSection={<IconCategory size={18} />}
          activeProps={active}
          onClick={onNavigate}
        />
      )}
    </>
  );
}
