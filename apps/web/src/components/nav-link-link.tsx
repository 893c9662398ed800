import { NavLink, type NavLinkProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

// Apart from links.tsx, which the first page loads: NavLink brings the accordion's chevron and the collapse
// with it, and only the signed-in shell's navigation uses it.
function NavLinkBase(props: NavLinkProps & ComponentPropsWithRef<'a'>) {
  return <NavLink component="a" {...props} />;
}
export const NavLinkLink = createLink(NavLinkBase);
