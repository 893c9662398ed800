import { Badge } from '@mantine/core';
import type { ImportStatus } from '../../api/imports';

// Apart from import-parts: the import routes' search parser reads those lists on the first page, and the
// badge would bring Mantine's Badge with it.
const statusBadges: Record<ImportStatus, { label: string; color: string }> = {
  uploading: { label: 'Uploading', color: 'gray' },
  uploaded: { label: 'Uploaded', color: 'gray' },
  validating: { label: 'Dry run running', color: 'blue' },
  validated: { label: 'Ready to commit', color: 'teal' },
  invalid: { label: 'Has errors', color: 'red' },
  committing: { label: 'Committing', color: 'blue' },
  committed: { label: 'Committed', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
  interrupted: { label: 'Interrupted', color: 'orange' },
};

// A badge's label may shrink to an ellipsis; in a crowded table a status must still read whole.
const wholeLabel = { label: { overflow: 'visible' } };

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  return (
    <Badge variant="light" color={statusBadges[status].color} styles={wholeLabel}>
      {statusBadges[status].label}
    </Badge>
  );
}
