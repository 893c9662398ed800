import type { LeadFilters } from '../../api/leads';
import { useCan } from '../auth/session';
import { NotAllowedPage } from '../errors/not-allowed-page';
import { LeadPage } from './lead-page';
import { LeadRulesPage } from './lead-rules-page';
import { LeadsPage } from './leads-page';

// The screens behind the lead routes, each with the check its route needs, from the permission matrix.

export function LeadsRoutePage(props: { filters: LeadFilters; onFiltersChange: (f: LeadFilters) => void }) {
  const canRead = useCan('leads:read');
  if (!canRead) return <NotAllowedPage what="leads" />;
  return <LeadsPage {...props} />;
}

export function LeadRoutePage({ leadId }: { leadId: string }) {
  const canRead = useCan('leads:read');
  if (!canRead) return <NotAllowedPage what="leads" />;
  return <LeadPage key={leadId} leadId={leadId} />;
}

export function LeadRulesRoutePage() {
  const canRead = useCan('lead-rules:read');
  if (!canRead) return <NotAllowedPage what="lead routing rules" />;
  return <LeadRulesPage />;
}
