import { useCan } from '../auth/session';
import { NotAllowedPage } from '../errors/not-allowed-page';
import { ConnectionPage } from './connection-page';
import { ConnectionsPage } from './connections-page';
import { IntegrationPage } from './integration-page';
import { IntegrationsPage } from './integrations-page';
import { RecommendationsPage } from './recommendations-page';
import type { ConnectionSearch, IntegrationSearch, SolutionTab } from './search';
import { SolutionPage } from './solution-page';
import { SolutionsPage } from './solutions-page';

// The screens behind the connection, integration, solution and recommendation routes, each with
// the check its route needs, from the same permission matrix the server's gate reads.

export function ConnectionsRoutePage(props: {
  search: ConnectionSearch;
  onSearchChange: (search: ConnectionSearch) => void;
}) {
  const canRead = useCan('marketplace:read');
  if (!canRead) return <NotAllowedPage what="connections" />;
  return <ConnectionsPage {...props} />;
}

export function ConnectionRoutePage({ connectionId }: { connectionId: string }) {
  const canRead = useCan('marketplace:read');
  if (!canRead) return <NotAllowedPage what="connections" />;
  // A new id, a new page: nothing of the last connection's dialogs carries over.
  return <ConnectionPage key={connectionId} connectionId={connectionId} />;
}

export function IntegrationsRoutePage(props: {
  search: IntegrationSearch;
  onSearchChange: (search: IntegrationSearch) => void;
}) {
  const canRead = useCan('marketplace:read');
  if (!canRead) return <NotAllowedPage what="integrations" />;
  return <IntegrationsPage {...props} />;
}

export function IntegrationRoutePage({ integrationId }: { integrationId: string }) {
  const canRead = useCan('marketplace:read');
  if (!canRead) return <NotAllowedPage what="integrations" />;
  return <IntegrationPage key={integrationId} integrationId={integrationId} />;
}

export function SolutionsRoutePage(props: {
  tab?: SolutionTab;
  onTabChange: (tab: SolutionTab | undefined) => void;
}) {
  const canRead = useCan('marketplace:read');
  if (!canRead) return <NotAllowedPage what="joint solutions" />;
  return <SolutionsPage {...props} />;
}

export function SolutionRoutePage({ solutionId }: { solutionId: string }) {
  const canRead = useCan('marketplace:read');
  if (!canRead) return <NotAllowedPage what="joint solutions" />;
  return <SolutionPage key={solutionId} solutionId={solutionId} />;
}

/** Recommendations are for partners: the vendor's staff have no organization of their own to match. */
export function RecommendationsRoutePage() {
  const canRead = useCan('recommendations:read');
  if (!canRead) return <NotAllowedPage what="recommendations" />;
  return <RecommendationsPage />;
}
