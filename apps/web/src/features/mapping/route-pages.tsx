import { useCan } from '../auth/session';
import { NotAllowedPage } from '../errors/not-allowed-page';
import { MappingPage } from './mapping-page';

export function MappingRoutePage() {
  if (!useCan('mapping:read')) return <NotAllowedPage what="account mapping" />;
  return <MappingPage />;
}
