import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute, rootRoute } from '../../routes/root';

const LibraryPage = lazyRouteComponent(() => import('./library-page'), 'LibraryPage');
const AssetPage = lazyRouteComponent(() => import('./asset-page'), 'AssetPage');
const CollectionPage = lazyRouteComponent(() => import('./collection-page'), 'CollectionPage');
const CoursesPage = lazyRouteComponent(() => import('./courses-page'), 'CoursesPage');
const CoursePage = lazyRouteComponent(() => import('./course-page'), 'CoursePage');
const CertificationsPage = lazyRouteComponent(() => import('./certifications-page'), 'CertificationsPage');
const BadgePage = lazyRouteComponent(() => import('./badge-page'), 'BadgePage');

// Enablement: the content library, courses and certifications, loaded on demand; a badge's public page.
export const libraryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'enablement/library',
  component: LibraryPage,
});

export const assetRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'enablement/library/$assetId',
  component: function AssetRoute() {
    return <AssetPage assetId={assetRoute.useParams().assetId} />;
  },
});

export const collectionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'enablement/library/collections/$collectionId',
  component: function CollectionRoute() {
    return <CollectionPage collectionId={collectionRoute.useParams().collectionId} />;
  },
});

export const coursesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'enablement/courses',
  component: CoursesPage,
});

export const courseRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'enablement/courses/$courseId',
  component: function CourseRoute() {
    return <CoursePage courseId={courseRoute.useParams().courseId} />;
  },
});

export const certificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'enablement/certifications',
  component: CertificationsPage,
});

/** Public: anyone with the link verifies a badge, signed in or not. */
export const badgeRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/badges/$badgeId',
  component: function BadgeRoute() {
    return <BadgePage badgeId={badgeRoute.useParams().badgeId} />;
  },
});
