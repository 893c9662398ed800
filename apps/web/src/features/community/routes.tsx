import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';

const AnnouncementRoutePage = lazyRouteComponent(() => import('./route-pages'), 'AnnouncementRoutePage');
const AnnouncementsRoutePage = lazyRouteComponent(() => import('./route-pages'), 'AnnouncementsRoutePage');
const EventRoutePage = lazyRouteComponent(() => import('./route-pages'), 'EventRoutePage');
const EventsRoutePage = lazyRouteComponent(() => import('./route-pages'), 'EventsRoutePage');
const MemberRoutePage = lazyRouteComponent(() => import('./route-pages'), 'MemberRoutePage');
const MembersRoutePage = lazyRouteComponent(() => import('./route-pages'), 'MembersRoutePage');
const ModerationRoutePage = lazyRouteComponent(() => import('./route-pages'), 'ModerationRoutePage');
const PostRoutePage = lazyRouteComponent(() => import('./route-pages'), 'PostRoutePage');
const SpaceRoutePage = lazyRouteComponent(() => import('./route-pages'), 'SpaceRoutePage');
const SpacesRoutePage = lazyRouteComponent(() => import('./route-pages'), 'SpacesRoutePage');

// The community, loaded on demand.
export const communityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community',
  beforeLoad: () => {
    throw redirect({ to: '/community/spaces' });
  },
});

export const spacesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/spaces',
  component: SpacesRoutePage,
});

export const spaceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/spaces/$spaceId',
  component: function SpaceRoute() {
    return <SpaceRoutePage spaceId={spaceRoute.useParams().spaceId} />;
  },
});

export const postRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/posts/$postId',
  component: function PostRoute() {
    return <PostRoutePage postId={postRoute.useParams().postId} />;
  },
});

export const announcementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/announcements',
  component: AnnouncementsRoutePage,
});

export const announcementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/announcements/$announcementId',
  component: function AnnouncementRoute() {
    return <AnnouncementRoutePage announcementId={announcementRoute.useParams().announcementId} />;
  },
});

export const eventsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/events',
  component: EventsRoutePage,
});

export const eventRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/events/$eventId',
  component: function EventRoute() {
    return <EventRoutePage eventId={eventRoute.useParams().eventId} />;
  },
});

export const membersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/members',
  component: MembersRoutePage,
});

export const memberRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/members/$memberId',
  component: function MemberRoute() {
    return <MemberRoutePage memberId={memberRoute.useParams().memberId} />;
  },
});

export const moderationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'community/moderation',
  component: ModerationRoutePage,
});
