import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import type { CreatedToken } from '../../api/identity';

function CopyAction({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button
          size="xs"
          variant={copied ? 'filled' : 'default'}
          color={copied ? 'teal' : undefined}
          leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
          onClick={copy}
          aria-label={copied ? `${label}: copied` : label}
        >
          {copied ? 'Copied' : 'Copy'}
        </Button>
      )}
    </CopyButton>
  );
}

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
          <Group gap="xs" wrap="nowrap" align="center">
            <Code
              block
              style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
              aria-label="Token"
            >
              {token.token}
            </Code>
            <CopyAction value={token.token} label="Copy the token" />
          </Group>
          <Text size="sm">Try it:</Text>
          <Group gap="xs" wrap="nowrap" align="center">
            <Code
              block
              style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
              aria-label="Example request"
            >
              {example}
            </Code>
            <CopyAction value={example} label="Copy the example request" />
          </Group>
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
