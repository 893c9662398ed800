import { and, eq, sql } from 'drizzle-orm';
import type { Lead } from '@partnergraph/shared/contracts/leads';
import { isVendor, type Actor } from '../../lib/actor';
import { leads, type leadAssignments } from './leads.tables';

/** Whose eyes a view is for: the vendor's staff, or the users of one partner organization. */
export type Viewer = Pick<Actor, 'orgKind' | 'orgId'>;

/**
 * Leads an actor may see (issue 22): the vendor's staff every lead; a partner
 * the leads assigned to it now, and, as a bare "withdrawn on <date>", those it
 * once held and left (declined, taken back at its deadline, reassigned).
 */
export function visibleLeads(actor: Actor) {
  if (isVendor(actor)) return undefined;
  return sql`(${leads.assignedOrgId} = ${actor.orgId} or exists (select 1 from lead_assignments a
    where a.lead_id = ${leads.id} and a.organization_id = ${actor.orgId}))`;
}

/** The partner's inbox: leads assigned to it now. */
export const heldBy = (orgId: string) => eq(leads.assignedOrgId, orgId);

/** Leads the partner held once and no longer does. */
export function leftBy(orgId: string) {
  return and(
    sql`${leads.assignedOrgId} is distinct from ${orgId}`,
    sql`exists (select 1 from lead_assignments a where a.lead_id = ${leads.id} and a.organization_id = ${orgId})`,
  );
}

type LeadRow = typeof leads.$inferSelect;
type AssignmentRow = typeof leadAssignments.$inferSelect;

/**
 * How much of a lead a viewer reads: the vendor all of it; the partner holding
 * it the company, need and value while it is offered, and the contact once it
 * accepted; a partner it left nothing but when it left.
 */
export function leadView(viewer: Viewer, lead: Pick<LeadRow, 'assignedOrgId' | 'status'>): Lead['view'] {
  if (viewer.orgKind === 'vendor') return 'full';
  if (lead.assignedOrgId !== viewer.orgId) return 'left';
  return lead.status === 'offered' ? 'offer' : 'full';
}

/**
 * The one redaction of a lead: the API, notifications, webhooks and exports
 * all pass through it. `history` is every assignment of the lead, `names`
 * the organizations' names by id.
 */
export function redactLead(
  viewer: Viewer,
  row: LeadRow,
  history: AssignmentRow[],
  names: ReadonlyMap<string, string>,
): Lead {
  const view = leadView(viewer, row);
  if (view === 'left') {
    const mine = history
      .filter((a) => a.organizationId === viewer.orgId && a.outcomeAt)
      .sort((a, b) => b.outcomeAt!.getTime() - a.outcomeAt!.getTime())[0];
    const leftAs = mine?.outcome === 'declined' || mine?.outcome === 'referred' ? mine.outcome : 'withdrawn';
    return {
      id: row.id,
      view,
      status: null,
      source: null,
      company: null,
      contact: null,
      need: null,
      products: [],
      estimatedAmount: null,
      estimatedCurrency: null,
      assignedTo: null,
      assignedAt: null,
      deadlineAt: null,
      acceptedAt: null,
      dealId: null,
      duplicates: [],
      leftAt: mine?.outcomeAt?.toISOString() ?? null,
      leftAs,
      history: [],
      closedReason: null,
      routing: null,
      version: row.version,
      createdAt: null,
    };
  }
  const vendor = viewer.orgKind === 'vendor';
  const current = history.find((a) => a.id === row.currentAssignmentId) ?? null;
  const shownHistory = vendor ? history : current ? [current] : [];
  return {
    id: row.id,
    view,
    status: row.status,
    source: row.source,
    company: {
      name: row.companyName,
      domain: row.companyDomain,
      country: row.country,
      industry: row.industry,
      size: row.size,
    },
    contact:
      view === 'full' ? { name: row.contactName, email: row.contactEmail, phone: row.contactPhone } : null,
    need: row.need,
    products: row.products,
    estimatedAmount: row.estimatedAmount,
    estimatedCurrency: row.estimatedCurrency,
    assignedTo: row.assignedOrgId
      ? { id: row.assignedOrgId, name: names.get(row.assignedOrgId) ?? '' }
      : null,
    assignedAt: current?.assignedAt.toISOString() ?? null,
    deadlineAt: current?.outcome === 'waiting' ? (current.deadlineAt?.toISOString() ?? null) : null,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    dealId: row.dealId,
    // Other leads and deals are the vendor's to weigh: a partner does not learn of rivals' records.
    duplicates: vendor ? row.duplicates : [],
    leftAt: null,
    leftAs: null,
    history: shownHistory
      .sort((a, b) => a.assignedAt.getTime() - b.assignedAt.getTime())
      .map((a) => ({
        id: a.id,
        organization: { id: a.organizationId, name: names.get(a.organizationId) ?? '' },
        method: a.method,
        assignedAt: a.assignedAt.toISOString(),
        deadlineAt: a.deadlineAt?.toISOString() ?? null,
        outcome: a.outcome,
        outcomeAt: a.outcomeAt?.toISOString() ?? null,
        reason: a.reason,
        // The partner learns why the lead came to it, not how its rivals fared.
        explanation: vendor ? a.explanation : { ...a.explanation, candidates: [], skippedRules: [] },
      })),
    closedReason: vendor ? row.closedReason : null,
    routing: vendor ? row.lastRouting : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}
