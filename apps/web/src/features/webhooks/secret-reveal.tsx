import { Alert, Button, Code, Group, List, Stack, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { CopyableCode } from '../../components/copyable-code';
import type { ReactNode } from 'react';

interface Props {
  /** The region's accessible name. */
  label: string;
  title: string;
  secret: string;
  /** Said before how to verify: e.g. that the old secret keeps signing for a while. */
  children?: ReactNode;
  onDone: () => void;
}

/** A signing secret, shown this once: the server never answers it again. */
export function SecretReveal({ label, title, secret, children, onDone }: Props) {
  return (
    <section aria-label={label}>
      <Alert color="green" icon={<IconKey />} title={title}>
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            Copy the signing secret now: you will not see it again. If you lose it, rotate it.
          </Text>
          <CopyableCode value={secret} label="Signing secret" copyLabel="Copy the secret" />
          {children}
          <VerifyNote />
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

/** How a receiver checks that a delivery came from here (Standard Webhooks). */
function VerifyNote() {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        How to verify a delivery
      </Text>
      <List size="sm" spacing={2}>
        <List.Item>
          Each event is a POST with the <Code>webhook-id</Code>, <Code>webhook-timestamp</Code> and{' '}
          <Code>webhook-signature</Code> headers (Standard Webhooks).
        </List.Item>
        <List.Item>
          The signature is <Code>v1,</Code> followed by the base64 HMAC-SHA256 of{' '}
          <Code>{'{webhook-id}.{webhook-timestamp}.{body}'}</Code>, keyed with the base64-decoded part of the
          secret after <Code>whsec_</Code>. A header may carry several signatures, separated by spaces.
        </List.Item>
        <List.Item>
          Refuse old timestamps (more than 5 minutes), and treat a <Code>webhook-id</Code> seen before as a
          repeat: retries and replays keep the same one. A Standard Webhooks library does all of this.
        </List.Item>
      </List>
    </Stack>
  );
}
