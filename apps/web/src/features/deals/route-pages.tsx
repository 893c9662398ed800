import type { DealFilters } from '../../api/deals';
import { useCan } from '../auth/session';
import { NotAllowedPage } from '../errors/not-allowed-page';
import { DealListPage } from './deal-list-page';
import { DealPage } from './deal-page';
import { NewDealPage } from './new-deal-page';
import { ReviewQueuePage } from './review-queue-page';

// The screens behind the deal routes, each with the check its route needs. The router stays a list
// of paths; which role sees what follows the permission matrix, as the server's gate does.

export function DealsRoutePage(props: {
  filters: DealFilters;
  onFiltersChange: (filters: DealFilters) => void;
}) {
  const canRead = useCan('deals:read');
  if (!canRead) return <NotAllowedPage what="deals" />;
  return <DealListPage {...props} />;
}

export function ReviewQueueRoutePage() {
  const canReview = useCan('deals:review');
  if (!canReview) return <NotAllowedPage what="the deal review queue" />;
  return <ReviewQueuePage />;
}

export function NewDealRoutePage() {
  const canRegister = useCan('deals:register');
  if (!canRegister) return <NotAllowedPage what="registering deals" />;
  return <NewDealPage />;
}

export function DealRoutePage({ dealId }: { dealId: string }) {
  const canRead = useCan('deals:read');
  if (!canRead) return <NotAllowedPage what="deals" />;
  // Keyed by id: moving from one deal to another (a conflict link) starts the page afresh.
  return <DealPage key={dealId} dealId={dealId} />;
}
