import { Badge } from '@mantine/core';
import type { LeadStatus } from '@partnergraph/shared/lead-codes';

export const leadStatusLabel: Record<LeadStatus, string> = {
  unassigned: 'In the vendor’s queue',
  offered: 'Offered',
  accepted: 'Accepted',
  converted: 'Converted to a deal',
  closed: 'Closed',
};
const colors: Record<LeadStatus, string> = {
  unassigned: 'gray',
  offered: 'blue',
  accepted: 'green',
  converted: 'teal',
  closed: 'dark',
};

export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  return (
    <Badge color={colors[status]} variant="light">
      {leadStatusLabel[status]}
    </Badge>
  );
}
