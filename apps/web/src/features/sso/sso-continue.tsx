import { Button, Divider, Text } from '@mantine/core';
import { IconBuildingSkyscraper } from '@tabler/icons-react';

/** "Continue with your company's sign-in", for an address whose domain signs in through its IdP. */
export function SsoContinue({ href, required }: { href: string; required: boolean }) {
  return (
    <>
      <Button
        component="a"
        href={href}
        variant="filled"
        color="indigo"
        leftSection={<IconBuildingSkyscraper size={16} />}
        fullWidth
      >
        Continue with your company&apos;s sign-in
      </Button>
      {required ? (
        <Text size="sm" c="dimmed">
          Your organization signs in with SSO; passwords work only for its designated emergency admin.
        </Text>
      ) : (
        <Divider label="or use your password" labelPosition="center" />
      )}
    </>
  );
}
