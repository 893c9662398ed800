import { IconBriefcase, IconChecklist } from '@tabler/icons-react';
import { NavLinkLink } from '../../components/nav-link-link';
import { useCan } from '../auth/session';

const active = { active: true, 'aria-current': 'page' } as const;

/** Deals in the main navigation: everyone's deal list, and the review queue for those who decide. */
export function DealNavLinks({ onNavigate }: { onNavigate: () => void }) {
  const canRead = useCan('deals:read');
  const canReview = useCan('deals:review');
  return (
    <>
      {canRead && (
        <NavLinkLink
          to="/deals"
          label="Deals"
          leftSection={<IconBriefcase size={18} />}
          activeProps={active}
          // Only the list itself: /deals/review has its own link.
          activeOptions={{ exact: true }}
          onClick={onNavigate}
        />
      )}
      {canReview && (
        <NavLinkLink
          to="/deals/review"
          label="Deal review"
          leftSection={<IconChecklist size={18} />}
          activeProps={active}
          onClick={onNavigate}
        />
      )}
    </>
  );
}
