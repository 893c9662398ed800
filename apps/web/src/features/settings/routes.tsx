import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';

// One loader for every screen of this file: the first page's script lists a lazy module's files once per
// import() written, not once per module.
const routePages = () => import('./route-pages');

const FxRatesRoutePage = lazyRouteComponent(routePages, 'FxRatesRoutePage');
const SettingsRoutePage = lazyRouteComponent(routePages, 'SettingsRoutePage');

// Settings and FX rates: the vendor's.
export const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings',
  component: SettingsRoutePage,
});

export const fxRatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/fx-rates',
  component: FxRatesRoutePage,
});
