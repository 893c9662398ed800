import { Button, Center, Stack, Title } from '@mantine/core';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { ErrorAlert } from '../../components/query-state';
import { useMainElement } from '../../components/landmarks';

/** Shown when a screen fails to load (for instance the server is down while checking the session). */
export function RouteErrorPage({ error }: ErrorComponentProps) {
  const router = useRouter();
  return (
    <Center component={useMainElement()} mih="60vh" p="xl">
      <Stack maw={520} w="100%">
        <Title order={1}>This page could not be shown</Title>
        <ErrorAlert error={error} />
        <Button variant="default" onClick={() => void router.invalidate()} w="fit-content">
          Try again
        </Button>
      </Stack>
    </Center>
  );
}
