import { Stack, Text } from '@mantine/core';
import { CopyableCode } from '../../components/copyable-code';

/**
 * The new authenticator-app key. No QR-code library is part of the app, so the key and its
 * otpauth:// link are shown to type or paste into the app (every authenticator app accepts a typed key).
 */
export function TotpSecret({ secret, uri }: { secret: string; uri: string }) {
  return (
    <Stack gap="xs">
      <Text size="sm">
        In your authenticator app (Google Authenticator, Microsoft Authenticator, 1Password, Authy…), add an
        account and choose to enter a setup key:
      </Text>
      <CopyableCode
        value={secret.replace(/(.{4})/g, '$1 ').trim()}
        label="Setup key"
        copyLabel="Copy the setup key"
      />
      <Text size="sm" c="dimmed">
        Or paste this link into an app that accepts one:
      </Text>
      <CopyableCode value={uri} label="Setup link" copyLabel="Copy the setup link" />
    </Stack>
  );
}
