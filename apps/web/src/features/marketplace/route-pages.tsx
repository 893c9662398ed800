import type { MarketplaceFilters } from '../../api/marketplace';
import { useCan } from '../auth/session';
import { NotAllowedPage } from '../errors/not-allowed-page';
import { CompanyProfilePage } from './company-profile-page';
import { MarketplacePage } from './marketplace-page';
import { PartnerProfilePage } from './partner-profile-page';

// The screens behind the marketplace routes, each with the check its route needs, from the same
// permission matrix the server's gate reads. The public locator's pages need none.

export function MarketplaceRoutePage(props: {
  filters: MarketplaceFilters;
  onFiltersChange: (filters: MarketplaceFilters) => void;
}) {
  const canRead = useCan('marketplace:read');
  if (!canRead) return <NotAllowedPage what="the marketplace" />;
  return <MarketplacePage {...props} />;
}

export function PartnerProfileRoutePage({ orgId }: { orgId: string }) {
  const canRead = useCan('marketplace:read');
  if (!canRead) return <NotAllowedPage what="the marketplace" />;
  // A new partner, a new page: no dialog or notice of the last one carries over.
  return <PartnerProfilePage key={orgId} orgId={orgId} />;
}

/** Partner admins edit; the organization's other users read (the page decides which). */
export function CompanyProfileRoutePage() {
  const canRead = useCan('marketplace:read');
  if (!canRead) return <NotAllowedPage what="the company profile" />;
  return <CompanyProfilePage />;
}
