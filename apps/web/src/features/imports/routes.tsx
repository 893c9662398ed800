import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';
import { parseImportSearch, parseNewImportSearch } from './import-search';
import { useWhileHere } from '../../routes/while-here';

// One loader for every screen of this file: the first page's script lists a lazy module's files once per
// import() written, not once per module.
const routePages = () => import('./route-pages');

const ImportRoutePage = lazyRouteComponent(routePages, 'ImportRoutePage');
const ImportsRoutePage = lazyRouteComponent(routePages, 'ImportsRoutePage');
const NewImportRoutePage = lazyRouteComponent(routePages, 'NewImportRoutePage');

// CSV imports: the vendor admin's, under the settings. The import's id is in the URL and its state on
// the server, so a reload shows where it is; new is matched before $importId.
export const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/imports',
  component: ImportsRoutePage,
});

export const newImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/imports/new',
  validateSearch: parseNewImportSearch,
  component: function NewImportRoute() {
    const navigate = newImportRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <NewImportRoutePage
        search={newImportRoute.useSearch()}
        onSearchChange={(next) => whileHere(() => navigate({ search: next, replace: true }))}
      />
    );
  },
});

export const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'settings/imports/$importId',
  validateSearch: parseImportSearch,
  component: function ImportRoute() {
    const navigate = importRoute.useNavigate();
    const whileHere = useWhileHere();
    return (
      <ImportRoutePage
        importId={importRoute.useParams().importId}
        search={importRoute.useSearch()}
        onSearchChange={(next) => whileHere(() => navigate({ search: next }))}
      />
    );
  },
});
