import { useCan } from '../auth/session';
import { NotAllowedPage } from '../errors/not-allowed-page';
import { FundsPage } from './funds-page';

export function FundsRoutePage() {
  if (!useCan('funds:read')) return <NotAllowedPage what="funds" />;
  return <FundsPage />;
}
