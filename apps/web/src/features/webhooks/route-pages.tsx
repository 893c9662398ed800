import { useCan } from '../auth/session';
import { NotAllowedPage } from '../errors/not-allowed-page';
import { WebhookPage } from './webhook-page';
import { WebhooksPage } from './webhooks-page';

// Outgoing webhooks carry the whole ecosystem's events: the vendor admin's screens alone, as the
// server's gate has it.

export function WebhooksRoutePage() {
  const allowed = useCan('webhooks:manage');
  if (!allowed) return <NotAllowedPage what="the webhooks" />;
  return <WebhooksPage />;
}

export function WebhookRoutePage({ webhookId }: { webhookId: string }) {
  const allowed = useCan('webhooks:manage');
  if (!allowed) return <NotAllowedPage what="the webhooks" />;
  // Keyed by id: another webhook's page starts afresh (its forms, its one-time secret).
  return <WebhookPage key={webhookId} webhookId={webhookId} />;
}
