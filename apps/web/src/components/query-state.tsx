import { Alert, Button, Center, Group, Loader, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { errorMessage } from '../api/client';

export function LoadingState({ label }: { label: string }) {
  return (
    <Center py="xl">
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text c="dimmed">{label}</Text>
      </Group>
    </Center>
  );
}

export function ErrorAlert({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  return (
    <Alert color="red" title={title} icon={<IconAlertCircle />} role="alert">
      {errorMessage(error)}
    </Alert>
  );
}

interface LoadMoreProps {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  shown: number;
  noun: string;
}

/** Cursor pagination: the server hands out the next page only through its cursor, so pages are appended. */
export function LoadMore({ hasNextPage, isFetchingNextPage, fetchNextPage, shown, noun }: LoadMoreProps) {
  return (
    <Group justify="space-between" mt="md">
      <Text size="sm" c="dimmed" aria-live="polite">
        Showing {shown} {noun}
        {hasNextPage ? '' : ' (all)'}
      </Text>
      {hasNextPage && (
        <Button variant="default" onClick={() => void fetchNextPage()} loading={isFetchingNextPage}>
          Load more
        </Button>
      )}
    </Group>
  );
}
