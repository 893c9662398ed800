import { Badge } from '@mantine/core';
import type { Solution, SolutionStatus } from '../../api/connections';
import { solutionStatusCopy } from './labels';

export function SolutionStatusBadge({ status }: { status: SolutionStatus }) {
  const copy = solutionStatusCopy[status];
  return (
    <Badge color={copy.color} variant="light">
      {copy.label}
    </Badge>
  );
}

/** The members that have not accepted yet. */
export const waitingFor = (s: Solution) => s.members.filter((m) => !m.acceptedAt);
