import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { LoadingState } from '../../components/query-state';
import { useCan } from '../auth/session';
import { NotAllowedPage } from '../errors/not-allowed-page';

// The community's screens load on demand, like the dashboards: the composer, feeds and forms stay
// out of the first page's bundle. Each route checks the permission its API needs.
const load = <P extends object>(factory: () => Promise<ComponentType<P>>) =>
  lazy(() => factory().then((component) => ({ default: component })));

const SpacesPage = load(() => import('./spaces-page').then((m) => m.SpacesPage));
const SpacePage = load(() => import('./space-page').then((m) => m.SpacePage));
const PostPage = load(() => import('./post-page').then((m) => m.PostPage));
const AnnouncementsPage = load(() => import('./announcements-page').then((m) => m.AnnouncementsPage));
const AnnouncementPage = load(() => import('./announcements-page').then((m) => m.AnnouncementPage));
const EventsPage = load(() => import('./events-page').then((m) => m.EventsPage));
const EventPage = load(() => import('./event-page').then((m) => m.EventPage));
const MembersPage = load(() => import('./members-page').then((m) => m.MembersPage));
const MemberPage = load(() => import('./members-page').then((m) => m.MemberPage));
const ModerationPage = load(() => import('./moderation-page').then((m) => m.ModerationPage));

function Community({ children }: { children: ReactNode }) {
  const allowed = useCan('community:read');
  if (!allowed) return <NotAllowedPage what="the community" />;
  return <Suspense fallback={<LoadingState label="Loading…" />}>{children}</Suspense>;
}

export const SpacesRoutePage = () => (
  <Community>
    <SpacesPage />
  </Community>
);
export const SpaceRoutePage = ({ spaceId }: { spaceId: string }) => (
  <Community>
    <SpacePage key={spaceId} spaceId={spaceId} />
  </Community>
);
export const PostRoutePage = ({ postId }: { postId: string }) => (
  <Community>
    <PostPage key={postId} postId={postId} />
  </Community>
);
export const AnnouncementsRoutePage = () => (
  <Community>
    <AnnouncementsPage />
  </Community>
);
export const AnnouncementRoutePage = ({ announcementId }: { announcementId: string }) => (
  <Community>
    <AnnouncementPage key={announcementId} announcementId={announcementId} />
  </Community>
);
export const EventsRoutePage = () => (
  <Community>
    <EventsPage />
  </Community>
);
export const EventRoutePage = ({ eventId }: { eventId: string }) => (
  <Community>
    <EventPage key={eventId} eventId={eventId} />
  </Community>
);
export const MembersRoutePage = () => (
  <Community>
    <MembersPage />
  </Community>
);
export const MemberRoutePage = ({ memberId }: { memberId: string }) => (
  <Community>
    <MemberPage key={memberId} memberId={memberId} />
  </Community>
);
export const ModerationRoutePage = () => (
  <Community>
    <ModerationPage />
  </Community>
);
