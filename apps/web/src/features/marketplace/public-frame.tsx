import { Box, Container, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { AnchorLink } from '../../components/links';
import { BrandMark, PoweredBy, SupportContact } from '../brand/brand-mark';

/**
 * The frame of the public partner locator: wider than the sign-in frame (results and profiles
 * need the room), with the way back to the locator and to sign-in.
 */
export function LocatorFrame({ children }: { children: ReactNode }) {
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="xl" py="sm">
          <Group justify="space-between">
            <Group gap="sm">
              <BrandMark />
              <AnchorLink to="/find-a-partner" search={{}} c="dimmed" size="sm">
                Partner locator
              </AnchorLink>
            </Group>
            <Group gap="md">
              <AnchorLink to="/apply" size="sm">
                Become a partner
              </AnchorLink>
              <AnchorLink to="/login" size="sm">
                Partner sign-in
              </AnchorLink>
            </Group>
          </Group>
        </Container>
      </Box>
      <Container component="main" size="xl" py="xl">
        <Stack gap="lg">{children}</Stack>
      </Container>
      <Container component="footer" size="xl" pb="xl">
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            Partner profiles are published by the partners themselves.
          </Text>
          <SupportContact />
          <PoweredBy />
        </Stack>
      </Container>
    </Box>
  );
}
