import { Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconLogout, IconMail } from '@tabler/icons-react';
import { useRef } from 'react';
import { useLogout } from '../../api/auth';
import { usePressOnMount } from '../../components/press-on-mount';
import { roleLabels } from '../../components/roles';
import { ChangePasswordModal } from '../auth/change-password-modal';
import { useSession } from '../auth/session';
import { AccountMenuItems } from '../identity/account-menu-items';
import { EmailPreferencesModal } from '../identity/email-preferences-modal';
import { UserMenuTrigger } from './user-menu-trigger';

/**
 * The user menu itself, loaded by the first press of the header's button (user-menu.tsx). Its button
 * replaces the one pressed, so the press is passed on to it once it is there: focus moves to it and the menu
 * opens (and gives focus back to it when it closes) as if the menu had been there all along.
 */
export function UserMenuDropdown() {
  const { user } = useSession();
  const logout = useLogout();
  const target = useRef<HTMLButtonElement>(null);
  const [passwordOpen, passwordModal] = useDisclosure(false);
  const [emailOpen, emailModal] = useDisclosure(false);
  usePressOnMount(target);

  return (
    <>
      <Menu position="bottom-end" width={240} withinPortal>
        <Menu.Target>
          <UserMenuTrigger ref={target} />
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {user.email}
            <br />
            {roleLabels[user.role]}
          </Menu.Label>
          <AccountMenuItems />
          <Menu.Item leftSection={<IconMail size={16} />} onClick={emailModal.open}>
            Email preferences
          </Menu.Item>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={passwordModal.open}>
            Change password
          </Menu.Item>
          <Menu.Item
            leftSection={<IconLogout size={16} />}
            onClick={() => logout.mutate()}
            disabled={logout.isPending}
          >
            Sign out
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpen} onClose={passwordModal.close} />
      <EmailPreferencesModal opened={emailOpen} onClose={emailModal.close} />
    </>
  );
}
