import { AppShell, Burger, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet } from '@tanstack/react-router';
import { meQueryOptions } from '../../api/auth';
import { SessionContext } from '../auth/session';
import { UnreadAnnouncementBanner } from '../community/unread-announcements';
import { NotificationBell } from '../notifications/notification-bell';
import { MainNav } from './main-nav';
import classes from './app-layout.module.css';
import { UserMenu } from './user-menu';
import { BrandMark } from '../brand/brand-mark';
import { InsideMainLandmark } from '../../components/landmarks';

/** The signed-in frame: header, navigation by organization kind and role, and the current screen. */
export function AppLayout() {
  const { data: session } = useQuery(meQueryOptions);
  const [navOpen, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);

  // The session ended while a screen was open: sign-out, or a 401 from any call. No way back is
  // remembered, since the next person to sign in here may not be the one who left.
  if (!session) return <Navigate to="/login" replace />;

  return (
    <SessionContext value={session}>
      <a href="#main-content" className={classes.skipLink}>
        Skip to main content
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={navOpen}
                onClick={toggleNav}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpen ? 'Close navigation' : 'Open navigation'}
              />
              <BrandMark />
              <Text c="dimmed" visibleFrom="xs" aria-label="Organization">
                {session.organization.name}
              </Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <NotificationBell />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" aria-label="Main navigation">
          {/* With the community section the list outgrows short screens: it scrolls on its own. */}
          <AppShell.Section grow component={ScrollArea} type="auto">
            <MainNav onNavigate={closeNav} />
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main id="main-content" tabIndex={-1}>
          <InsideMainLandmark>
            <UnreadAnnouncementBanner />
            <Outlet />
          </InsideMainLandmark>
        </AppShell.Main>
      </AppShell>
    </SessionContext>
  );
}
