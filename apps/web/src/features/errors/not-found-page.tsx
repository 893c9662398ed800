import { Center, Stack, Text, Title } from '@mantine/core';
import { ButtonLink } from '../../components/links';
import { useMainElement } from '../../components/landmarks';
import { useBrandTitle } from '../brand/brand-mark';

export function NotFoundPage() {
  useBrandTitle('Page not found');
  return (
    <Center component={useMainElement()} mih="60vh" p="xl">
      <Stack align="center" gap="sm">
        <Text c="dimmed" fw={700} fz={48} aria-hidden>
          404
        </Text>
        <Title order={1}>Page not found</Title>
        <Text c="dimmed" ta="center">
          There is nothing at this address. It may have moved, or the link may be mistyped.
        </Text>
        <ButtonLink to="/" mt="md">
          Go to the start page
        </ButtonLink>
      </Stack>
    </Center>
  );
}
