import { Badge, Group } from '@mantine/core';
import type { Delivery, Webhook } from '../../api/webhooks';

/** Offered in the event-type picker; anything else of the same shape can be typed in. */
export const commonEventPatterns = [
  '*',
  'partner.*',
  'application.*',
  'enrollment.*',
  'agreement.*',
  'connection.*',
  'referral.*',
  'deal.*',
  'lead.*',
  'fund_request.*',
  'fund_claim.*',
  'ledger.*',
  'payout.*',
  'mapping.*',
  'certification.*',
  'content.*',
  'course.*',
  'post.*',
  'user.*',
];

// The contract's eventPattern, checked here too so a typo is named before the round trip.
const EVENT_PATTERN = /^(\*|[a-z_]+(\.(\*|[a-z_]+))*)$/;

/** The first event type that the server would refuse, or null. */
export function invalidEventType(eventTypes: string[]): string | null {
  return eventTypes.find((t) => t.length > 80 || !EVENT_PATTERN.test(t)) ?? null;
}

/** A message for a URL that is not even an http(s) URL; whether its host may be called is the server's to say. */
export function urlProblem(url: string): string | null {
  const value = url.trim();
  if (!value) return 'Give the URL that receives the events';
  try {
    const parsed = new URL(value);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'An http(s) URL';
  } catch {
    return 'An http(s) URL, such as https://example.com/webhooks';
  }
  return value.length > 2000 ? 'At most 2,000 characters' : null;
}

// A badge's label may shrink to an ellipsis; in a crowded table a status must still read whole.
const wholeLabel = { label: { overflow: 'visible' } };

const statusBadges: Record<Webhook['status'], { label: string; color: string }> = {
  active: { label: 'Active', color: 'green' },
  disabled: { label: 'Disabled', color: 'gray' },
};

export function WebhookStatusBadge({ status }: { status: Webhook['status'] }) {
  return (
    <Badge variant="light" color={statusBadges[status].color} styles={wholeLabel}>
      {statusBadges[status].label}
    </Badge>
  );
}

const deliveryBadges: Record<Delivery['status'], { label: string; color: string }> = {
  pending: { label: 'Pending', color: 'yellow' },
  delivered: { label: 'Delivered', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
};

export const deliveryStatusOptions = (Object.keys(deliveryBadges) as Delivery['status'][]).map((value) => ({
  value,
  label: deliveryBadges[value].label,
}));

export function DeliveryStatusBadge({ status }: { status: Delivery['status'] }) {
  return (
    <Badge variant="light" color={deliveryBadges[status].color} styles={wholeLabel}>
      {deliveryBadges[status].label}
    </Badge>
  );
}

export function EventTypeBadges({ eventTypes }: { eventTypes: string[] }) {
  return (
    <Group gap={4}>
      {eventTypes.map((t) => (
        <Badge key={t} variant="outline" color="gray" tt="none" title={t}>
          {t}
        </Badge>
      ))}
    </Group>
  );
}
