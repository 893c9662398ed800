import { can } from '@partnergraph/shared/permissions';
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from '../../routes/root';
import { NotAllowedPage } from '../errors/not-allowed-page';
import { parseAuditSearch } from './audit-search';
import { useWhileHere } from '../../routes/while-here';

const AuditLogPage = lazyRouteComponent(() => import('./audit-log-page'), 'AuditLogPage');

export const auditLogRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'audit-log',
  validateSearch: parseAuditSearch,
  component: function AuditLogRoute() {
    const { session } = auditLogRoute.useRouteContext();
    const search = auditLogRoute.useSearch();
    const navigate = auditLogRoute.useNavigate();
    const whileHere = useWhileHere();
    if (!can(session.user.role, 'audit:read')) return <NotAllowedPage what="the audit log" />;
    return (
      <AuditLogPage
        filters={search}
        onFiltersChange={(next) => whileHere(() => navigate({ search: next, replace: true }))}
      />
    );
  },
});
