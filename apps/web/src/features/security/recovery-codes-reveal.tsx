import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconLifebuoy } from '@tabler/icons-react';
import { CopyableCode } from '../../components/copyable-code';

/** New recovery codes, shown this once: the server keeps only their hashes. */
export function RecoveryCodesReveal({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  return (
    <section aria-label="New recovery codes">
      <Alert color="green" icon={<IconLifebuoy />} title="Save your recovery codes">
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            Keep these somewhere safe (a password manager, or printed). Each code signs you in once if you
            lose your phone or passkeys. You will not see them again.
          </Text>
          <List size="sm" ff="monospace" aria-label="Your recovery codes">
            {codes.map((code) => (
              <List.Item key={code}>{code}</List.Item>
            ))}
          </List>
          <CopyableCode
            value={codes.join('\n')}
            label="All recovery codes"
            copyLabel="Copy the recovery codes"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              I have saved them
            </Button>
          </Group>
        </Stack>
      </Alert>
    </section>
  );
}
