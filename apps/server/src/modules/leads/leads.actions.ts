import type { z } from 'zod';
import type {
  assignLeadBody,
  bulkLeadBody,
  closeLeadBody,
  convertLeadBody,
  declineLeadBody,
  referLeadBody,
} from '@partnergraph/shared/contracts/leads';
import type { Db } from '../../db/client';
import { assertVersion, runChange, type ChangeRecorder, type Tx } from '../../db/transaction';
import { isVendor, type Ctx } from '../../lib/actor';
import { AppError, conflict, forbidden, invalid, unprocessable } from '../../lib/errors';
import { isId } from '../../lib/ids';
import { customerKey } from '../deals/customer-key';
import { protectRoutedDeal } from '../deals/deal-review.service';
import { findVisibleDeal, toDealDtos } from '../deals/deals.repository';
import { insertDeal } from '../deals/deals.service';
import { DEFAULT_DEADLINE_HOURS, endCurrent, loadPartnerFacts, offer, routeLead } from './leads.assign';
import { tellAssigned, tellVendor, tellWithdrawn } from './leads.notify';
import { findAssignment, findLeadRecord, setLeadFields, type LeadRow } from './leads.repository';
import { getLead, loadVisibleLead, type Mail } from './leads.service';

const dayTime = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * A partner's change of the lead it holds, locked, at the version it read. A
 * partner the lead left reads "withdrawn" and may not act on it: 409, as the
 * issue asks, since its answer came too late rather than from the wrong place.
 */
async function partnerChange<T>(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  apply: (tx: Tx, record: ChangeRecorder, lead: LeadRow) => Promise<T>,
) {
  return runChange(db, ctx, async (tx, record) => {
    const lead = await loadVisibleLead(tx, ctx.actor, id, true);
    if (isVendor(ctx.actor)) throw forbidden('The partner a lead is assigned to answers it');
    if (lead.assignedOrgId !== ctx.actor.orgId) {
      throw conflict('This lead was withdrawn from your organization: it is no longer yours to answer');
    }
    assertVersion(lead, version);
    return apply(tx, record, lead);
  });
}

function leadEvent(
  record: ChangeRecorder,
  lead: LeadRow,
  type: string,
  orgIds: string[],
  after: Record<string, unknown>,
  before?: Record<string, unknown>,
) {
  record.audit({
    action: type,
    entityType: 'lead',
    entityId: lead.id,
    before: before ?? { status: lead.status },
    after,
  });
  record.event({
    type,
    entityType: 'lead',
    entityId: lead.id,
    organizationIds: orgIds,
    payload: { id: lead.id, ...after },
  });
}

async function waitingOffer(tx: Tx, lead: LeadRow, now: Date) {
  if (lead.status !== 'offered') {
    throw unprocessable(`This lead is already ${lead.status}`);
  }
  const current = await findAssignment(tx, lead.currentAssignmentId);
  if (!current || current.outcome !== 'waiting') throw conflict('This offer has ended');
  if (current.deadlineAt && current.deadlineAt <= now) {
    throw conflict(
      `The deadline to accept this lead passed at ${dayTime(current.deadlineAt)}: it goes to another partner`,
    );
  }
  return current;
}

export async function acceptLead(db: Db, ctx: Ctx, mail: Mail, id: string, version: number) {
  const now = new Date();
  await partnerChange(db, ctx, id, version, async (tx, record, lead) => {
    const offered = await waitingOffer(tx, lead, now);
    await endCurrent(tx, lead, 'accepted', now, null, ctx.actor.userId);
    await setLeadFields(tx, lead.id, { status: 'accepted', acceptedAt: now });
    leadEvent(record, lead, 'lead.accepted', [ctx.actor.orgId], {
      status: 'accepted',
      organizationId: ctx.actor.orgId,
      hoursToAccept: Math.round(((now.getTime() - offered.assignedAt.getTime()) / 3_600_000) * 100) / 100,
    });
  });
  await tellVendor(db, mail, id, ctx.actor.orgId, 'accepted');
  return getLead(db, ctx, id);
}

/** Declined with a reason: the lead goes to the next eligible partner (never one that already had it). */
export async function declineLead(
  db: Db,
  ctx: Ctx,
  mail: Mail,
  id: string,
  input: z.output<typeof declineLeadBody>,
) {
  const now = new Date();
  await partnerChange(db, ctx, id, input.version, async (tx, record, lead) => {
    if (lead.status !== 'offered' && lead.status !== 'accepted') {
      throw unprocessable(`This lead is already ${lead.status}`);
    }
    await endCurrent(tx, lead, 'declined', now, input.reason, ctx.actor.userId);
    leadEvent(record, lead, 'lead.declined', [ctx.actor.orgId], {
      status: 'declined',
      organizationId: ctx.actor.orgId,
      reason: input.reason,
    });
    await routeLead(tx, record, lead, now);
  });
  await tellVendor(db, mail, id, ctx.actor.orgId, 'declined');
  await tellAssigned(db, mail, id);
  // The partner that declined reads the lead as left: what it answers is the "declined on" view.
  return getLead(db, ctx, id);
}

/**
 * An accepted lead becomes a deal registration through the deals service:
 * registered by the partner as `sourced`, conflict-checked, and protected at
 * once because the vendor routed it (unless another partner protects the customer: 409).
 */
export async function convertLead(
  db: Db,
  ctx: Ctx,
  mail: Mail,
  id: string,
  input: z.output<typeof convertLeadBody>,
) {
  if (input.expectedCloseDate < new Date().toISOString().slice(0, 10)) {
    throw invalid([
      { path: 'body.expectedCloseDate', message: 'An expected close date cannot be in the past' },
    ]);
  }
  const dealId = await partnerChange(db, ctx, id, input.version, async (tx, record, lead) => {
    if (lead.status === 'offered') throw unprocessable('Accept the lead before converting it');
    if (lead.status !== 'accepted') throw unprocessable(`This lead is already ${lead.status}`);
    const newDealId = await insertDeal(tx, record, ctx.actor, {
      key: customerKey(lead.companyName, lead.companyDomain, 'companyDomain'),
      country: lead.country,
      industry: lead.industry,
      amount: input.amount,
      currency: input.currency,
      products: input.products.length ? input.products : lead.products,
      expectedCloseDate: input.expectedCloseDate,
      stage: null,
      notes: input.notes,
    });
    await protectRoutedDeal(tx, record, newDealId, lead.id);
    await setLeadFields(tx, lead.id, { status: 'converted', dealId: newDealId, convertedAt: new Date() });
    leadEvent(record, lead, 'lead.converted', [ctx.actor.orgId], { status: 'converted', dealId: newDealId });
    return newDealId;
  });
  await tellVendor(db, mail, id, ctx.actor.orgId, 'converted into a deal');
  const deal = await findVisibleDeal(db, ctx.actor, dealId);
  return { lead: await getLead(db, ctx, id), deal: (await toDealDtos(db, ctx.actor, [deal!]))[0]! };
}

/** A routable partner (published, active), named by the caller: anything else is refused naming the field. */
async function routablePartner(tx: Tx, organizationId: string) {
  const [facts] = isId(organizationId) ? await loadPartnerFacts(tx, [organizationId]) : [];
  if (!facts) {
    throw invalid([
      { path: 'body.organizationId', message: 'Not an active partner with a published profile' },
    ]);
  }
  return facts;
}

/** The partner holding an accepted lead refers it on to another partner, who must accept it in turn. */
export async function referLead(
  db: Db,
  ctx: Ctx,
  mail: Mail,
  id: string,
  input: z.output<typeof referLeadBody>,
) {
  const now = new Date();
  await partnerChange(db, ctx, id, input.version, async (tx, record, lead) => {
    if (lead.status !== 'accepted') throw unprocessable('Accept the lead before referring it on');
    if (input.organizationId === ctx.actor.orgId) {
      throw invalid([
        { path: 'body.organizationId', message: 'Refer the lead to another partner, not your own' },
      ]);
    }
    const to = await routablePartner(tx, input.organizationId);
    const from = await findAssignment(tx, lead.currentAssignmentId);
    await endCurrent(tx, lead, 'referred', now, input.note, ctx.actor.userId);
    await offer(
      tx,
      record,
      lead,
      to,
      {
        method: 'referred',
        ruleId: null,
        deadlineHours: from?.deadlineAt
          ? Math.max(1, Math.round((from.deadlineAt.getTime() - from.assignedAt.getTime()) / 3_600_000))
          : DEFAULT_DEADLINE_HOURS,
        explanation: {
          summary: `Referred on by ${from ? ((await loadPartnerFacts(tx, [ctx.actor.orgId]))[0]?.name ?? 'the partner that held it') : 'a partner'}: ${input.note}`,
          rule: null,
          strategy: 'referred',
          skippedRules: [],
          candidates: [],
          chosen: {
            organizationId: to.organizationId,
            name: to.name,
            why: 'chosen by the partner that held the lead',
          },
        },
      },
      now,
    );
    leadEvent(record, lead, 'lead.referred', [ctx.actor.orgId, to.organizationId], {
      from: ctx.actor.orgId,
      to: to.organizationId,
    });
  });
  await tellVendor(db, mail, id, ctx.actor.orgId, 'referred on');
  await tellAssigned(db, mail, id);
  return getLead(db, ctx, id);
}

// --- The vendor's queue ---

async function vendorChange<T>(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number | null,
  apply: (tx: Tx, record: ChangeRecorder, lead: LeadRow) => Promise<T>,
) {
  return runChange(db, ctx, async (tx, record) => {
    const lead = await loadVisibleLead(tx, ctx.actor, id, true);
    if (!isVendor(ctx.actor)) throw forbidden('The vendor’s staff assign and close leads');
    if (version !== null) assertVersion(lead, version);
    return apply(tx, record, lead);
  });
}

/** Reassigns an open lead: to a partner by hand, or through the rules again (leaving out its current holder). */
async function assignInTx(
  tx: Tx,
  record: ChangeRecorder,
  ctx: Ctx,
  lead: LeadRow,
  input: {
    organizationId?: string | undefined;
    deadlineHours?: number | undefined;
    note?: string | undefined;
  },
  now: Date,
) {
  if (lead.status === 'converted' || lead.status === 'closed') {
    throw unprocessable(`This lead is ${lead.status}: it is not assigned again`);
  }
  const previous = lead.assignedOrgId;
  if (input.organizationId) {
    const to = await routablePartner(tx, input.organizationId);
    await endCurrent(tx, lead, 'reassigned', now, input.note ?? null, ctx.actor.userId);
    await offer(
      tx,
      record,
      lead,
      to,
      {
        method: 'by_hand',
        ruleId: null,
        deadlineHours: input.deadlineHours ?? DEFAULT_DEADLINE_HOURS,
        explanation: {
          summary: `Assigned by hand by ${ctx.actor.name}${input.note ? `: ${input.note}` : ''}`,
          rule: null,
          strategy: 'by_hand',
          skippedRules: [],
          candidates: [],
          chosen: { organizationId: to.organizationId, name: to.name, why: 'chosen by the vendor' },
        },
      },
      now,
    );
  } else {
    await endCurrent(tx, lead, 'reassigned', now, input.note ?? null, ctx.actor.userId);
    await routeLead(tx, record, lead, now);
  }
  return previous;
}

export async function assignLead(
  db: Db,
  ctx: Ctx,
  mail: Mail,
  id: string,
  input: z.output<typeof assignLeadBody>,
) {
  const now = new Date();
  const previous = await vendorChange(db, ctx, id, input.version, (tx, record, lead) =>
    assignInTx(tx, record, ctx, lead, input, now),
  );
  const after = await findLeadRecord(db, id);
  if (previous && previous !== after?.assignedOrgId)
    await tellWithdrawn(db, mail, previous, id, now, 'the vendor reassigned it');
  await tellAssigned(db, mail, id);
  return getLead(db, ctx, id);
}

async function closeInTx(tx: Tx, record: ChangeRecorder, ctx: Ctx, lead: LeadRow, reason: string, now: Date) {
  if (lead.status === 'converted' || lead.status === 'closed')
    throw unprocessable(`This lead is already ${lead.status}`);
  const held = lead.status === 'offered' || lead.status === 'accepted';
  if (held) await endCurrent(tx, lead, 'reassigned', now, reason, ctx.actor.userId);
  await setLeadFields(tx, lead.id, {
    status: 'closed',
    closedReason: reason,
    assignedOrgId: null,
    currentAssignmentId: null,
  });
  leadEvent(record, lead, 'lead.closed', lead.assignedOrgId ? [lead.assignedOrgId] : [], {
    status: 'closed',
  });
  return held ? lead.assignedOrgId : null;
}

export async function closeLead(
  db: Db,
  ctx: Ctx,
  mail: Mail,
  id: string,
  input: z.output<typeof closeLeadBody>,
) {
  const now = new Date();
  const previous = await vendorChange(db, ctx, id, input.version, (tx, record, lead) =>
    closeInTx(tx, record, ctx, lead, input.reason, now),
  );
  if (previous) await tellWithdrawn(db, mail, previous, id, now, 'the vendor closed it');
  return getLead(db, ctx, id);
}

/** Bulk actions: each lead in its own transaction, so one refusal does not undo the others; each result says why. */
export async function bulkLeads(db: Db, ctx: Ctx, mail: Mail, input: z.output<typeof bulkLeadBody>) {
  if (input.action === 'assign' && !input.organizationId) {
    throw invalid([{ path: 'body.organizationId', message: 'Name the partner to assign the leads to' }]);
  }
  if (input.action === 'close' && !input.reason?.trim()) {
    throw invalid([{ path: 'body.reason', message: 'Give the reason the leads are closed' }]);
  }
  const items = [];
  for (const leadId of [...new Set(input.leadIds)]) {
    const now = new Date();
    try {
      const previous = await vendorChange(db, ctx, leadId, null, (tx, record, lead) =>
        input.action === 'close'
          ? closeInTx(tx, record, ctx, lead, input.reason!, now)
          : assignInTx(
              tx,
              record,
              ctx,
              lead,
              { organizationId: input.action === 'assign' ? input.organizationId : undefined },
              now,
            ),
      );
      const after = await findLeadRecord(db, leadId);
      if (previous && previous !== after?.assignedOrgId)
        await tellWithdrawn(db, mail, previous, leadId, now, 'the vendor reassigned it');
      if (input.action !== 'close') await tellAssigned(db, mail, leadId);
      items.push({ leadId, ok: true, status: after?.status ?? null, error: null });
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      const field = err.extra.errors?.[0]?.message;
      items.push({ leadId, ok: false, status: null, error: field ?? err.detail ?? err.title });
    }
  }
  return { items };
}
