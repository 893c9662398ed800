import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { CopyableCode } from '../../components/copyable-code';
import type { CreatedToken } from '../../api/identity';

/** The new token's secret, shown this once: the server keeps only its hash. */
export function TokenReveal({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  const example = `curl -H "Authorization: Bearer ${token.token}" ${window.location.origin}/api/v1/partners`;

  return (
    <section aria-label="New token">
      <Alert color="green" icon={<IconKey />} title={`Token "${token.name}" created`}>
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            Copy the token now: you will not see it again. If you lose it, revoke it and create a new one.
          </Text>
          <CopyableCode value={token.token} label="Token" copyLabel="Copy the token" />
          <Text size="sm">Try it:</Text>
          <CopyableCode value={example} label="Example request" copyLabel="Copy the example request" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              I have copied it
            </Button>
          </Group>
        </Stack>
      </Alert>
    </section>
  );
}
