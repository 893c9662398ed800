import { Alert, Button, Group, Modal, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useUpdateMe } from '../../api/auth';
import { errorMessage } from '../../api/client';
import { useSession } from '../auth/session';

interface Props {
  opened: boolean;
  onClose: () => void;
}

/** The person's own email preferences, from the user menu; the digest's unsubscribe link turns off the same switch. */
export function EmailPreferencesModal({ opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Email preferences" centered>
      {opened && <EmailPreferences onDone={onClose} />}
    </Modal>
  );
}

function EmailPreferences({ onDone }: { onDone: () => void }) {
  const { user } = useSession();
  const update = useUpdateMe();
  // While the change is saved, the switch already shows it rather than flicking back.
  const checked = update.isPending ? (update.variables.emailDigest ?? user.emailDigest) : user.emailDigest;

  return (
    <Stack>
      {update.isError && (
        <Alert color="red" role="alert" title="The preference was not saved">
          {errorMessage(update.error)}
        </Alert>
      )}
      <Switch
        label="Daily digest"
        description="One email a day, in the morning (UTC), with what waits for you: applications and deals to review, referrals and connection requests to answer, deals whose protection ends within 14 days. It comes only on days when something waits."
        checked={checked}
        disabled={update.isPending}
        onChange={(event) =>
          update.mutate(
            { emailDigest: event.currentTarget.checked },
            {
              onSuccess: (me) =>
                notifications.show({
                  color: 'green',
                  message: me.user.emailDigest ? 'The daily digest is on.' : 'The daily digest is off.',
                }),
            },
          )
        }
      />
      <Text size="sm" c="dimmed">
        Emails about your account, such as a password change, and notices to partner administrators always
        come.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Close
        </Button>
      </Group>
    </Stack>
  );
}
