import { Badge } from '@mantine/core';
import { type EnrollmentStatus, enrollmentStatusCopy, type ProgramStatus, programStatusCopy } from './labels';

export function ProgramStatusBadge({ status }: { status: ProgramStatus }) {
  const copy = programStatusCopy[status];
  return (
    <Badge color={copy.color} variant="light">
      {copy.label}
    </Badge>
  );
}

export function EnrollmentStatusBadge({ status }: { status: EnrollmentStatus }) {
  const copy = enrollmentStatusCopy[status];
  return (
    <Badge color={copy.color} variant="light">
      {copy.label}
    </Badge>
  );
}
