import { Alert, Button, Divider, Group, Stack, Switch, Text } from '@mantine/core';
import { notificationKinds } from '@partnergraph/shared/community-codes';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/client';
import { notificationSettingsQueryOptions, useUpdateNotificationSettings } from '../../api/notifications';
import { ErrorAlert, LoadingState } from '../../components/query-state';
import { notificationKindCopy } from './labels';

/**
 * Which notifications also come by email, and the daily digest. Every notification shows under the
 * bell whatever is chosen here; the digest's unsubscribe link turns off the same digest switch.
 */
export function NotificationSettingsForm({ onDone }: { onDone?: () => void }) {
  const settings = useQuery(notificationSettingsQueryOptions);
  const update = useUpdateNotificationSettings();
  if (settings.isPending) return <LoadingState label="Loading your preferences…" />;
  if (settings.isError)
    return <ErrorAlert error={settings.error} title="Your preferences could not be loaded" />;
  // While a change is saved, its switch already shows it rather than flicking back.
  const pending = update.isPending ? update.variables : undefined;
  const shown = {
    email: { ...settings.data.email, ...(pending?.email ?? {}) },
    digest: pending?.digest ?? settings.data.digest,
  };

  return (
    <Stack>
      {update.isError && (
        <Alert color="red" role="alert" title="The preference was not saved">
          {errorMessage(update.error)}
        </Alert>
      )}
      <Switch
        label="Daily digest"
        description="One email a day, in the morning (UTC), with what waits for you: applications and deals to review, referrals and connection requests to answer, deals whose protection ends soon, and unread notifications. It comes only on days when something waits."
        checked={shown.digest}
        disabled={update.isPending}
        onChange={(e) => update.mutate({ digest: e.currentTarget.checked })}
      />
      <Divider label="Also email me right away for" labelPosition="left" />
      <Stack gap="xs" role="group" aria-label="Email me right away for">
        {notificationKinds.map((kind) => (
          <Switch
            key={kind}
            label={notificationKindCopy(kind).label}
            description={notificationKindCopy(kind).hint || undefined}
            checked={shown.email[kind] ?? false}
            disabled={update.isPending}
            onChange={(e) => update.mutate({ email: { [kind]: e.currentTarget.checked } })}
          />
        ))}
      </Stack>
      <Text size="sm" c="dimmed">
        Every notification also shows under the bell. Emails about your account, such as a password change,
        and notices to partner administrators always come.
      </Text>
      {onDone && (
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Close
          </Button>
        </Group>
      )}
    </Stack>
  );
}
