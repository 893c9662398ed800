import { Stack, Text, Title } from '@mantine/core';
import { ConnectionsSection } from './connections-section';
import { DomainsSection } from './domains-section';
import { PolicySection } from './policy-section';
import { useBrandTitle } from '../brand/brand-mark';

export function SsoSettingsPage() {
  useBrandTitle('Single sign-on');
  return (
    <Stack gap="lg" maw={960}>
      <div>
        <Title order={1}>Single sign-on</Title>
        <Text c="dimmed">
          Connect your identity provider (OIDC or SAML), prove your email domains, and choose whether your
          people must sign in through it.
        </Text>
      </div>
      <ConnectionsSection />
      <DomainsSection />
      <PolicySection />
    </Stack>
  );
}
