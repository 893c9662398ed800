import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';

const FxRatesRoutePage = lazyRouteComponent(() => import('./route-pages'), 'FxRatesRoutePage');
const SettingsRoutePage = lazyRouteComponent(() => import('./route-pages'), 'SettingsRoutePage');

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
