import { Center, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { ButtonLink } from '../../components/links';
import { useMainElement } from '../../components/landmarks';

export function NotFoundPage() {
  useDocumentTitle('Page not found · PartnerGraph');
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
