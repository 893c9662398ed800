import { Anchor, type AnchorProps, Button, type ButtonProps } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import type { MouseEvent, ReactNode } from 'react';

// Links to screens other parts of the app own (a marketplace profile, the referral form with a
// connection): real <a href> elements that navigate inside the app on a plain click, and open a new
// tab on a modified one, without depending on how those routes are typed.

function useInAppClick(href: string) {
  const router = useRouter();
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void router.navigate({ href });
  };
}

export function PathAnchor({
  href,
  children,
  ...props
}: AnchorProps & { href: string; children: ReactNode; 'aria-label'?: string }) {
  const onClick = useInAppClick(href);
  return (
    <Anchor href={href} onClick={onClick} {...props}>
      {children}
    </Anchor>
  );
}

export function PathButton({
  href,
  children,
  ...props
}: ButtonProps & { href: string; children: ReactNode }) {
  const onClick = useInAppClick(href);
  return (
    <Button component="a" href={href} onClick={onClick} {...props}>
      {children}
    </Button>
  );
}

/** A partner's marketplace profile (its published face). */
export const profilePath = (organizationId: string) => `/marketplace/${encodeURIComponent(organizationId)}`;

/** The referral form, with the recipient and the connection the referral is sent under. */
export const referUnderConnectionPath = (organizationId: string, connectionId: string) =>
  `/referrals/new?${new URLSearchParams({ to: organizationId, connection: connectionId }).toString()}`;

/** A link to an organization's marketplace profile. */
export function ProfileLink({ org, fw }: { org: { id: string; name: string }; fw?: AnchorProps['fw'] }) {
  return (
    <PathAnchor href={profilePath(org.id)} fw={fw} size="sm">
      {org.name}
    </PathAnchor>
  );
}
