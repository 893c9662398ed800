import { useCan } from '../auth/session';
import { NotAllowedPage } from '../errors/not-allowed-page';
import { EmailsPage } from './emails-page';

// The outbox holds every sign-in and reset link sent: the vendor admin's screen alone, as the server's gate has it.
export function EmailsRoutePage() {
  const allowed = useCan('emails:read');
  if (!allowed) return <NotAllowedPage what="the email outbox" />;
  return <EmailsPage />;
}
