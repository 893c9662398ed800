import { Badge } from '@mantine/core';
import type { Email } from '../../api/emails';

// A badge's label may shrink to an ellipsis; in a crowded table a status must still read whole.
const wholeLabel = { label: { overflow: 'visible' } };

const statusBadges: Record<Email['status'], { label: string; color: string }> = {
  sent: { label: 'Sent', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
  logged: { label: 'Logged', color: 'gray' },
};

export function EmailStatusBadge({ status }: { status: Email['status'] }) {
  return (
    <Badge variant="light" color={statusBadges[status].color} styles={wholeLabel}>
      {statusBadges[status].label}
    </Badge>
  );
}

export const transportLabels: Record<Email['transport'], string> = {
  smtp: 'SMTP',
  log: 'Server log',
};
