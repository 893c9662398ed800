import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { rejectedRowsUrl } from '../../api/imports';

/** The rows a dry run rejected, as a CSV to fix and import again (offered before and after the commit). */
export function RejectedRowsButton({ importId }: { importId: string }) {
  return (
    <Button
      component="a"
      href={rejectedRowsUrl(importId)}
      download
      variant="light"
      leftSection={<IconDownload size={16} />}
    >
      Download rejected rows
    </Button>
  );
}
