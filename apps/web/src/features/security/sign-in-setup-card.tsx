import { Card, List, Stack, Text, Title } from '@mantine/core';
import { AnchorLink } from '../../components/links';
import { useCan } from '../auth/session';

/**
 * The organization's other sign-in settings, on its own security page: single sign-on (connections,
 * proven domains, "SSO required") and SCIM provisioning live on their own screens, linked here so an
 * administrator finds every way people of the organization get in from one place.
 */
export function SignInSetupCard() {
  const sso = useCan('sso:manage');
  const scim = useCan('scim:manage');
  if (!sso && !scim) return null;
  return (
    <Card withBorder component="section" aria-labelledby="sign-in-setup-title">
      <Stack gap="xs">
        <Title order={2} size="h3" id="sign-in-setup-title">
          Single sign-on and provisioning
        </Title>
        <Text size="sm" c="dimmed">
          Sign-in through your identity provider, and people created and removed by it.
        </Text>
        <List spacing="xs">
          {sso && (
            <List.Item>
              <AnchorLink to="/settings/sso">Single sign-on</AnchorLink>: OpenID Connect or SAML connections,
              your proven email domains, and the “SSO required” policy.
            </List.Item>
          )}
          {scim && (
            <List.Item>
              <AnchorLink to="/provisioning">Provisioning (SCIM)</AnchorLink>: tokens for Okta or Microsoft
              Entra ID, and which groups give which role.
            </List.Item>
          )}
        </List>
      </Stack>
    </Card>
  );
}
