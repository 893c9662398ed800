import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';

// One loader for every screen of this file: the first page's script lists a lazy module's files once per
// import() written, not once per module.
const routePages = () => import('./route-pages');

const AnnouncementRoutePage = lazyRouteComponent(routePages, 'AnnouncementRoutePage');
const AnnouncementsRoutePage = lazyRouteComponent(routePages, 'AnnouncementsRoutePage');
const EventRoutePage = lazyRouteComponent(routePages, 'EventRoutePage');
const EventsRoutePage = lazyRouteComponent(routePages, 'EventsRoutePage');
const MemberRoutePage = lazyRouteComponent(routePages, 'MemberRoutePage');
const MembersRoutePage = lazyRouteComponent(routePages, 'MembersRoutePage');
const ModerationRoutePage = lazyRouteComponent(routePages, 'ModerationRoutePage');
const PostRoutePage = lazyRouteComponent(routePages, 'PostRoutePage');
const SpaceRoutePage = lazyRouteComponent(routePages, 'SpaceRoutePage');
const SpacesRoutePage = lazyRouteComponent(routePages, 'SpacesRoutePage');

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
