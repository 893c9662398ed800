import { eq } from 'drizzle-orm';
import type { LeadRuleMatch, LeadRulePartners } from '@partnergraph/shared/contracts/leads';
import type { leadSources, LeadStatus } from '@partnergraph/shared/lead-codes';
import type { Queryable } from '../../db/client';
import { newId } from '../../lib/ids';
import { customerKey } from '../deals/customer-key';
import { leadAssignments, leadRules, leads } from './leads.tables';

// The rows of a lead at a given point of its life, written as they are, with
// their own dates and no rules or audit: the demo and the tests' factories
// (like deals.records.ts). Live leads go through leads.service.ts.

export interface LeadRecordInput {
  companyName: string;
  companyDomain?: string | null;
  country?: string;
  industry?: string | null;
  need?: string;
  products?: string[];
  estimatedAmount?: number | null;
  estimatedCurrency?: string | null;
  source?: (typeof leadSources)[number];
  status?: LeadStatus;
  /** The partner holding it (offered, accepted or converted). */
  assignedOrgId?: string | null;
  assignedAt?: Date;
  deadlineHours?: number;
  acceptedAt?: Date | null;
  dealId?: string | null;
  createdAt?: Date;
}

export async function insertLeadRecord(q: Queryable, input: LeadRecordInput) {
  const key = customerKey(input.companyName, input.companyDomain ?? null, 'companyDomain');
  const status = input.status ?? (input.assignedOrgId ? 'offered' : 'unassigned');
  const createdAt = input.createdAt ?? new Date();
  const id = newId();
  const assignmentId = input.assignedOrgId ? newId() : null;
  const assignedAt = input.assignedAt ?? createdAt;
  await q.insert(leads).values({
    id,
    source: input.source ?? 'vendor',
    companyName: key.name,
    companyNameKey: key.nameKey,
    companyDomain: key.domain,
    companyRootDomain: key.root,
    country: input.country ?? 'DE',
    industry: input.industry ?? null,
    contactName: 'Casey Contact',
    contactEmail: `casey@${key.domain ?? 'example.com'}`,
    need: input.need ?? 'Looking for a partner to run the rollout',
    products: input.products ?? [],
    estimatedAmount: input.estimatedAmount ?? null,
    estimatedCurrency: input.estimatedCurrency ?? null,
    status,
    assignedOrgId: input.assignedOrgId ?? null,
    currentAssignmentId: assignmentId,
    acceptedAt: status === 'accepted' || status === 'converted' ? (input.acceptedAt ?? assignedAt) : null,
    dealId: input.dealId ?? null,
    convertedAt: status === 'converted' ? (input.acceptedAt ?? assignedAt) : null,
    createdAt,
    updatedAt: createdAt,
  });
  if (assignmentId && input.assignedOrgId) {
    const accepted = status === 'accepted' || status === 'converted';
    await q.insert(leadAssignments).values({
      id: assignmentId,
      leadId: id,
      organizationId: input.assignedOrgId,
      method: 'by_hand',
      explanation: {
        summary: 'Recorded as it was (history brought in, not routed here)',
        rule: null,
        strategy: 'by_hand',
        skippedRules: [],
        candidates: [],
        chosen: null,
      },
      assignedAt,
      deadlineAt: new Date(assignedAt.getTime() + (input.deadlineHours ?? 48) * 3_600_000),
      outcome: accepted ? 'accepted' : 'waiting',
      outcomeAt: accepted ? (input.acceptedAt ?? assignedAt) : null,
    });
  }
  const [row] = await q.select().from(leads).where(eq(leads.id, id));
  return row!;
}

/** A routing rule as stored, at the end of the order unless a position is given (the demo and the tests). */
export async function insertLeadRuleRecord(
  q: Queryable,
  input: Pick<typeof leadRules.$inferInsert, 'name' | 'position'> &
    Partial<Pick<typeof leadRules.$inferInsert, 'strategy' | 'tierWeights' | 'deadlineHours' | 'enabled'>> & {
      match?: Partial<LeadRuleMatch>;
      partners?: Partial<LeadRulePartners>;
    },
) {
  const id = newId();
  await q.insert(leadRules).values({
    id,
    name: input.name,
    position: input.position,
    enabled: input.enabled ?? true,
    match: { countries: [], industries: [], products: [], sizes: [], ...input.match },
    partners: {
      types: [],
      tiers: [],
      specializations: [],
      servesLeadCountry: true,
      maxOpenLeads: null,
      minAcceptanceRate: null,
      minConversionRate: null,
      certifications: [],
      ...input.partners,
    },
    strategy: input.strategy ?? 'round_robin',
    tierWeights: input.tierWeights ?? {},
    deadlineHours: input.deadlineHours ?? 48,
  });
  const [row] = await q.select().from(leadRules).where(eq(leadRules.id, id));
  return row!;
}
