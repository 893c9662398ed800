import type { LeadRulePartners, RoutingExplanation } from '@partnergraph/shared/contracts/leads';
import type { Queryable } from '../../db/client';
import type { ChangeRecorder, Tx } from '../../db/transaction';
import { newId } from '../../lib/ids';
import { certifiedPeopleByType } from '../enablement/enablement.public';
import { findRoutablePartners } from '../marketplace/routing-partners';
import { findActiveTierNames } from '../programs/programs.repository';
import {
  findAssignmentsOf,
  findLeadRecords,
  findRules,
  insertAssignment,
  setAssignmentOutcome,
  setLeadFields,
  type AssignmentRow,
  type LeadRow,
  type LeadRuleRow,
} from './leads.repository';
import { route, type PartnerFacts, type RoutingDecision, type RoutingRule } from './routing';

const HOUR = 3_600_000;
/** A lead assigned by hand or referred on, with no rule to set its deadline. */
export const DEFAULT_DEADLINE_HOURS = 48;

export const toRoutingRule = (r: LeadRuleRow): RoutingRule => ({
  id: r.id,
  name: r.name,
  position: r.position,
  enabled: r.enabled,
  match: r.match,
  // Rules saved before the certification criterion existed have none.
  partners: { ...r.partners, certifications: (r.partners as Partial<LeadRulePartners>).certifications ?? [] },
  strategy: r.strategy,
  tierWeights: r.tierWeights,
  deadlineHours: r.deadlineHours,
});

/** What routing knows of every partner a lead could go to (or of the named ones). */
export async function loadPartnerFacts(q: Queryable, onlyIds?: string[]): Promise<PartnerFacts[]> {
  const partners = await findRoutablePartners(q, onlyIds);
  const ids = partners.map((p) => p.organizationId);
  const [tiers, records, certified] = await Promise.all([
    findActiveTierNames(q, ids),
    findLeadRecords(q, ids),
    certifiedPeopleByType(q, ids),
  ]);
  return partners.map((p) => {
    const r = records.get(p.organizationId)!;
    return {
      organizationId: p.organizationId,
      name: p.name,
      types: p.types,
      tiers: tiers.get(p.organizationId) ?? [],
      specializations: p.specializations,
      countries: p.countries,
      openLeads: r.open,
      acceptanceRate: r.decided ? r.accepted / r.decided : null,
      conversionRate: r.accepted ? r.converted / r.accepted : null,
      assignedByRule: r.byRule,
      certified: Object.fromEntries(
        (certified.get(p.organizationId) ?? []).map((c) => [c.code.toLowerCase(), c.people]),
      ),
    };
  });
}

export type Outcome = Exclude<AssignmentRow['outcome'], 'waiting'>;

/** Ends the lead's current offer or holding, if any, with how it ended. */
export async function endCurrent(
  tx: Tx,
  lead: LeadRow,
  outcome: Outcome,
  now: Date,
  reason: string | null,
  userId: string | null,
) {
  if (!lead.currentAssignmentId) return;
  await setAssignmentOutcome(tx, lead.currentAssignmentId, {
    outcome,
    outcomeAt: now,
    reason,
    decidedByUserId: userId,
  });
}

/** Offers the lead to a partner: the assignment with its explanation and deadline, audited, and its event. */
export async function offer(
  tx: Tx,
  record: ChangeRecorder,
  lead: LeadRow,
  to: { organizationId: string; name: string },
  how: {
    method: AssignmentRow['method'];
    ruleId: string | null;
    deadlineHours: number;
    explanation: RoutingExplanation;
  },
  now: Date,
) {
  const id = newId();
  const deadlineAt = new Date(now.getTime() + how.deadlineHours * HOUR);
  await insertAssignment(tx, {
    id,
    leadId: lead.id,
    organizationId: to.organizationId,
    ruleId: how.ruleId,
    method: how.method,
    explanation: how.explanation,
    assignedAt: now,
    deadlineAt,
    outcome: 'waiting',
  });
  await setLeadFields(tx, lead.id, {
    status: 'offered',
    assignedOrgId: to.organizationId,
    currentAssignmentId: id,
    acceptedAt: null,
    lastRouting: null,
  });
  const after = {
    organizationId: to.organizationId,
    method: how.method,
    ruleId: how.ruleId,
    deadlineAt: deadlineAt.toISOString(),
    summary: how.explanation.summary,
  };
  record.audit({ action: 'lead.assigned', entityType: 'lead', entityId: lead.id, after });
  record.event({
    type: 'lead.assigned',
    entityType: 'lead',
    entityId: lead.id,
    organizationIds: [to.organizationId],
    // The partner's copy of the event: company, need and value, no contact (leads.visibility.ts).
    payload: {
      id: lead.id,
      organizationId: to.organizationId,
      companyName: lead.companyName,
      need: lead.need,
      estimatedAmount: lead.estimatedAmount,
      estimatedCurrency: lead.estimatedCurrency,
      deadlineAt: deadlineAt.toISOString(),
    },
  });
  return { assignmentId: id, deadlineAt };
}

/**
 * Routes a lead through the rules, leaving out every partner that already had
 * it: offered to the partner the rules pick, or back to the vendor's queue
 * with the explanation of why nobody was picked.
 */
export async function routeLead(
  tx: Tx,
  record: ChangeRecorder,
  lead: LeadRow,
  now: Date,
  opts: { excludeHolders?: boolean } = {},
): Promise<RoutingDecision> {
  const rules = (await findRules(tx)).map(toRoutingRule);
  const facts = await loadPartnerFacts(tx);
  const exclude =
    opts.excludeHolders === false
      ? new Set<string>()
      : new Set((await findAssignmentsOf(tx, [lead.id])).map((a) => a.organizationId));
  const decision = route(
    { country: lead.country, industry: lead.industry, size: lead.size, products: lead.products },
    rules,
    facts,
    exclude,
  );
  if (decision.chosen && decision.rule) {
    await offer(
      tx,
      record,
      lead,
      decision.chosen,
      {
        method: 'rule',
        ruleId: decision.rule.id,
        deadlineHours: decision.rule.deadlineHours,
        explanation: decision.explanation,
      },
      now,
    );
  } else {
    await setLeadFields(tx, lead.id, {
      status: 'unassigned',
      assignedOrgId: null,
      currentAssignmentId: null,
      acceptedAt: null,
      lastRouting: decision.explanation,
    });
    record.audit({
      action: 'lead.queued',
      entityType: 'lead',
      entityId: lead.id,
      after: { status: 'unassigned', summary: decision.explanation.summary },
    });
  }
  return decision;
}
