import { Divider, Text } from '@mantine/core';
import {
  IconAddressBook,
  IconCalendarEvent,
  IconMessages,
  IconShieldCheck,
  IconSpeakerphone,
} from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { spacesQueryOptions } from '../../api/community';
import { NavLinkLink } from '../../components/nav-link-link';
import { useCan, useSession } from '../auth/session';

const active = { active: true, 'aria-current': 'page' } as const;

/** The community section of the main navigation; the moderation queue for vendor staff and space moderators. */
export function CommunityNavLinks({ onNavigate }: { onNavigate: () => void }) {
  const canRead = useCan('community:read');
  const { organization } = useSession();
  const vendor = organization.kind === 'vendor';
  // A partner sees the queue only while they moderate a space they joined.
  const joined = useInfiniteQuery({
    ...spacesQueryOptions({ joined: 'true' }),
    enabled: canRead && !vendor,
    staleTime: 5 * 60_000,
    select: (data) => data.pages.some((p) => p.items.some((s) => s.membership?.role === 'moderator')),
  });
  if (!canRead) return null;
  const moderates = vendor || joined.data === true;
  return (
    <>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={2} aria-hidden>
        Community
      </Text>
      <NavLinkLink
        to="/community/spaces"
        label="Spaces"
        leftSection={<IconMessages size={18} />}
        activeProps={active}
        onClick={onNavigate}
      />
      <NavLinkLink
        to="/community/announcements"
        label="Announcements"
        leftSection={<IconSpeakerphone size={18} />}
        activeProps={active}
        onClick={onNavigate}
      />
      <NavLinkLink
        to="/community/events"
        label="Events"
        leftSection={<IconCalendarEvent size={18} />}
        activeProps={active}
        onClick={onNavigate}
      />
      <NavLinkLink
        to="/community/members"
        label="Member directory"
        leftSection={<IconAddressBook size={18} />}
        activeProps={active}
        onClick={onNavigate}
      />
      {moderates && (
        <NavLinkLink
          to="/community/moderation"
          label="Moderation queue"
          leftSection={<IconShieldCheck size={18} />}
          activeProps={active}
          onClick={onNavigate}
        />
      )}
      <Divider my={6} />
    </>
  );
}
