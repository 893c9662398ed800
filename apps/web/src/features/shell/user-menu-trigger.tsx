import { Avatar, Group, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import type { ComponentPropsWithRef } from 'react';
import { useSession } from '../auth/session';
import classes from './user-menu.module.css';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');

/**
 * The user menu's button, the same in the header before the menu's code has loaded and once it has: the
 * menu's target adds its own handlers and state to it.
 */
export function UserMenuTrigger(props: ComponentPropsWithRef<'button'>) {
  const { user } = useSession();
  return (
    <UnstyledButton aria-label={`User menu for ${user.name}`} {...props}>
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
  );
}
