import { useCan } from '../auth/session';
import { NotAllowedPage } from '../errors/not-allowed-page';
import { ConnectionPage } from './connection-page';
import { CrmCallbackPage, CrmPage } from './crm-page';

// CRM sync holds the CRM's tokens and writes across the ecosystem: the vendor admin's screens alone,
// as the server's gate has it.

export function CrmRoutePage() {
  if (!useCan('crm:manage')) return <NotAllowedPage what="the CRM settings" />;
  return <CrmPage />;
}

export function CrmConnectionRoutePage({ connectionId }: { connectionId: string }) {
  if (!useCan('crm:manage')) return <NotAllowedPage what="the CRM settings" />;
  return <ConnectionPage key={connectionId} connectionId={connectionId} />;
}

export function CrmCallbackRoutePage(props: {
  code?: string | undefined;
  state?: string | undefined;
  error?: string | undefined;
}) {
  if (!useCan('crm:manage')) return <NotAllowedPage what="the CRM settings" />;
  return <CrmCallbackPage {...props} />;
}
