import { Alert, Stack, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';

export function NotAllowedPage({ what }: { what: string }) {
  return (
    <Stack>
      <Title order={1}>Not allowed</Title>
      <Alert color="yellow" icon={<IconLock />}>
        Your role does not give access to {what}. Ask a vendor admin if you need it.
      </Alert>
    </Stack>
  );
}
