import type { ConnectionKind, ConnectionStatus } from '../../api/connections';
import { searchOneOf, searchText } from '../../components/search-params';
// The lists from the shared codes, not labels.ts: this parser loads with the app (see deals/deal-search.ts).
import {
  connectionKinds as connectionKindList,
  connectionStatuses as connectionStatusList,
} from '@partnergraph/shared/codes';

// The list screens keep their tab and filters in the URL, so a filtered list can be bookmarked and shared.

export const connectionTabs = ['incoming', 'outgoing', 'active', 'all', 'requested'] as const;
export type ConnectionTab = (typeof connectionTabs)[number];

export interface ConnectionSearch {
  tab?: ConnectionTab;
  kind?: ConnectionKind;
  status?: ConnectionStatus;
  /** Vendor staff: one partner's connections. */
  partner?: string;
}

const idLike = (value: string | undefined) => (value && /^[\w-]{1,64}$/.test(value) ? value : undefined);

export function parseConnectionSearch(search: Record<string, unknown>): ConnectionSearch {
  return {
    tab: searchOneOf(connectionTabs, search.tab),
    kind: searchOneOf(connectionKindList, search.kind),
    status: searchOneOf(connectionStatusList, search.status),
    partner: idLike(searchText(search.partner)),
  };
}

export const integrationTabs = ['catalog', 'mine', 'review', 'all'] as const;
export type IntegrationTab = (typeof integrationTabs)[number];

export interface IntegrationSearch {
  tab?: IntegrationTab;
  category?: string;
  q?: string;
}

export function parseIntegrationSearch(search: Record<string, unknown>): IntegrationSearch {
  return {
    tab: searchOneOf(integrationTabs, search.tab),
    category: searchText(search.category)?.slice(0, 80),
    q: searchText(search.q)?.slice(0, 200),
  };
}

export const solutionTabs = ['published', 'pending'] as const;
export type SolutionTab = (typeof solutionTabs)[number];

export function parseSolutionSearch(search: Record<string, unknown>): { tab?: SolutionTab } {
  return { tab: searchOneOf(solutionTabs, search.tab) };
}
