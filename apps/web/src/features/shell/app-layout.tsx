import { Burger, Group, Text, useMantineTheme } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
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
import { AppNotifications } from '../../app/deferred-notifications';

/**
 * The signed-in frame: header, navigation by organization kind and role, and the current screen.
 *
 * Laid out by its own stylesheet rather than Mantine's AppShell: a fixed header, a fixed navigation column
 * (a drawer under the `sm` breakpoint, opened by the burger) and the screen beside them are a few CSS rules,
 * where AppShell brings its resizable sections and scroll-lock layer (~12 KB gzip) to every screen.
 */
export function AppLayout() {
  const { data: session } = useQuery(meQueryOptions);
  const [navOpen, { toggle, close: closeNav }] = useDisclosure(false);
  // On a phone the navigation is a closed drawer: its ~25 links are rendered once it is first opened, not
  // with the first screen (their render is a good part of the first paint's work on a slow phone).
  const { breakpoints } = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${breakpoints.sm})`, true, { getInitialValueInEffect: false });
  const [navWanted, setNavWanted] = useState(false);
  const toggleNav = () => {
    setNavWanted(true);
    toggle();
  };

  // The session ended while a screen was open: sign-out, or a 401 from any call. No way back is
  // remembered, since the next person to sign in here may not be the one who left.
  if (!session) return <Navigate to="/login" replace />;

  return (
    <SessionContext value={session}>
      {/* Toasts are shown by signed-in screens only: their store comes with the frame, not the sign-in page. */}
      <AppNotifications />
      <a href="#main-content" className={classes.skipLink}>
        Skip to main content
      </a>
      {/* right-scroll-bar-position: while a dialog locks the page's scrolling, the fixed header keeps its
          width (react-remove-scroll, which Mantine's dialogs use, pads elements with this class). */}
      <header className={`${classes.header} right-scroll-bar-position`}>
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
      </header>
      <nav className={classes.navbar} data-open={navOpen || undefined} aria-label="Main navigation">
        {/* With the community section the list outgrows short screens: it scrolls on its own. */}
        {(wide || navWanted) && (
          <div className={classes.navScroll}>
            <MainNav onNavigate={closeNav} />
          </div>
        )}
      </nav>
      <main className={classes.main} id="main-content" tabIndex={-1}>
        <InsideMainLandmark>
          <UnreadAnnouncementBanner />
          <Outlet />
        </InsideMainLandmark>
      </main>
    </SessionContext>
  );
}
