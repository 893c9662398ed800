import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';

const MappingRoutePage = lazyRouteComponent(() => import('./route-pages'), 'MappingRoutePage');

// Account mapping: populations, levels per partner, runs in the browser, overlaps.
export const mappingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'mapping',
  component: MappingRoutePage,
});
