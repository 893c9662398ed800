import { Menu, type MenuItemProps } from '@mantine/core';
import { can } from '@partnergraph/shared/permissions';
import { IconApi, IconDevices, IconShieldLock, IconUsers } from '@tabler/icons-react';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';
import { NavLinkLink } from '../../components/nav-link-link';
import { useSession } from '../auth/session';

function MenuItemBase(props: MenuItemProps & ComponentPropsWithRef<'a'>) {
  return <Menu.Item component="a" {...props} />;
}
const MenuItemLink = createLink(MenuItemBase);

/** The user menu's entries for the person's own account: every role has them. */
export function AccountMenuItems() {
  return (
    <>
      <MenuItemLink to="/account/security" leftSection={<IconShieldLock size={16} />}>
        Security
      </MenuItemLink>
      <MenuItemLink to="/account/sessions" leftSection={<IconDevices size={16} />}>
        Sessions
      </MenuItemLink>
      <MenuItemLink to="/account/tokens" leftSection={<IconApi size={16} />}>
        API tokens
      </MenuItemLink>
    </>
  );
}

/** "Team" in the main navigation, for the roles that manage users or invitations. */
export function TeamNavLink({ onNavigate }: { onNavigate: () => void }) {
  const { user } = useSession();
  if (!can(user.role, 'users:manage') && !can(user.role, 'invitations:manage')) return null;
  return (
    <NavLinkLink
      to="/team"
      label="Team"
      leftSection={<IconUsers size={18} />}
      activeProps={{ active: true, 'aria-current': 'page' }}
      onClick={onNavigate}
    />
  );
}
