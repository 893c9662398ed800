import { Badge } from '@mantine/core';
import type { DealStatus } from '@partnergraph/shared/contracts/deals';
import { dealStatusCopy } from './labels';

export function DealStatusBadge({ status }: { status: DealStatus }) {
  const copy = dealStatusCopy[status];
  return (
    <Badge color={copy.color} variant="light">
      {copy.label}
    </Badge>
  );
}
