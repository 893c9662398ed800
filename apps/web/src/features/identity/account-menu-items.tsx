import { Menu, type MenuItemProps } from '@mantine/core';
import { IconApi, IconDevices, IconShieldLock } from '@tabler/icons-react';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

// Apart from account-links.tsx, which the navigation imports: the menu (and its floating layer) loads
// only when the user menu is first opened.
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
