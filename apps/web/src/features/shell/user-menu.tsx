import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconKey, IconLogout, IconMail } from '@tabler/icons-react';
import { useLogout } from '../../api/auth';
import { roleLabels } from '../../components/roles';
import { ChangePasswordModal } from '../auth/change-password-modal';
import { useSession } from '../auth/session';
import { AccountMenuItems } from '../identity/account-links';
import { EmailPreferencesModal } from '../identity/email-preferences-modal';
import classes from './user-menu.module.css';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

export function UserMenu() {
  const { user } = useSession();
  const logout = useLogout();
  const [passwordOpen, passwordModal] = useDisclosure(false);
  const [emailOpen, emailModal] = useDisclosure(false);

  return (
    <>
      <Menu position="bottom-end" width={240} withinPortal>
        <Menu.Target>
          <UnstyledButton aria-label={`User menu for ${user.name}`}>
            <Group gap="xs" wrap="nowrap">
              <Avatar color="indigo" radius="xl" size="sm" aria-hidden>
                <span className={classes.initials} data-initials={initials(user.name)} />
              </Avatar>
              <Text size="sm" fw={500} visibleFrom="sm">
                {user.name}
              </Text>
              <IconChevronDown size={14} />
            </Group>
          </UnstyledButton>
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
