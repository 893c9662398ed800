import { Stack, Text, Title } from '@mantine/core';
import { RoleMappingsCard } from './role-mappings-card';
import { ScimCard } from './scim-card';
import { useBrandTitle } from '../brand/brand-mark';

/** The organization's user provisioning: the identity provider's URL and token, and groups → roles. */
export function ScimPage() {
  useBrandTitle('Provisioning');
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>User provisioning (SCIM)</Title>
        <Text c="dimmed">
          Let your identity provider (Okta, Microsoft Entra ID…) create, update and deactivate your
          organization&apos;s people here. A person it deactivates is signed out at once.
        </Text>
      </div>
      <ScimCard />
      <RoleMappingsCard />
    </Stack>
  );
}
