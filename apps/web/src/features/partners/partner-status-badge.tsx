import { Badge } from '@mantine/core';
import type { PartnerStatus } from '@partnergraph/shared/contracts/organizations';

export const statusLabels: Record<PartnerStatus, string> = {
  applicant: 'Applicant',
  active: 'Active',
  suspended: 'Suspended',
  terminated: 'Terminated',
};

const colors: Record<PartnerStatus, string> = {
  applicant: 'blue',
  active: 'green',
  suspended: 'orange',
  terminated: 'gray',
};

export function PartnerStatusBadge({ status }: { status: PartnerStatus }) {
  return (
    <Badge color={colors[status]} variant="light">
      {statusLabels[status]}
    </Badge>
  );
}
