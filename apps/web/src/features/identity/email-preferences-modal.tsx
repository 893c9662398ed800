import { Modal } from '@mantine/core';
import { NotificationSettingsForm } from '../notifications/notification-settings';

interface Props {
  opened: boolean;
  onClose: () => void;
}

/**
 * The person's own email preferences, from the user menu: the daily digest (its unsubscribe link
 * turns off the same switch) and which notifications also come by email, the same form as on the
 * notifications page.
 */
export function EmailPreferencesModal({ opened, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Email preferences" centered size="lg">
      {opened && <NotificationSettingsForm onDone={onClose} />}
    </Modal>
  );
}
