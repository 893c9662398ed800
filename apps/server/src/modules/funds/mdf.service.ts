import type { z } from 'zod';
import type {
  allocateBody,
  Allocation,
  Budget,
  createBudgetBody,
  createFundRequestBody,
  decideBody,
  FundRequest,
  fundRequestQuery,
  rejectBody,
  tagDealBody,
  tagLeadBody,
} from '@partnergraph/shared/contracts/funds';
import { formatMinor } from '@partnergraph/shared/contracts/money';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import { isVendor, type Actor, type Ctx } from '../../lib/actor';
import { forbidden, invalid, notFound, unprocessable } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { percentOf } from '../../lib/money';
import { sourcedRevenueByPartner } from '../deals/deals.metrics';
import { findVisibleDeal } from '../deals/deals.repository';
import { findVisibleLead } from '../leads/leads.repository';
import { findOrganizationsByIds, findPartnerOrganization } from '../organizations/organizations.repository';
import { findOrganizationsAtTier } from '../programs/benefits';
import { findProgramById } from '../programs/programs.repository';
import { partnerNames } from './ledger.service';
import { activityReturnOf } from './mdf-return';
import {
  findAllocation,
  findAllocations,
  findBudgetById,
  findBudgetRecord,
  findBudgets,
  findBudgetsByIds,
  findBudgetUse,
  findDrawn,
  findPendingRequested,
  findRequestById,
  findRequests,
  insertBudget,
  insertRequest,
  tagDeal,
  tagLead,
  updateRequest,
  upsertAllocation,
  type AllocationRow,
  type BudgetRow,
  type RequestRow,
} from './mdf.repository';

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// --- Budgets ---

async function budgetDtos(q: Queryable, rows: BudgetRow[]): Promise<Budget[]> {
  const use = await findBudgetUse(
    q,
    rows.map((b) => b.id),
  );
  return rows.map((b) => ({
    id: b.id,
    name: b.name,
    fund: b.fund,
    programId: b.programId,
    tierName: b.tierName,
    region: b.region,
    periodStart: b.periodStart,
    periodEnd: b.periodEnd,
    currency: b.currency,
    amount: b.amount,
    ...use.get(b.id)!,
    secondApprovalAbove: b.secondApprovalAbove,
    claimDays: b.claimDays,
    version: b.version,
    createdAt: b.createdAt.toISOString(),
  }));
}

export async function listBudgets(db: Db, ctx: Ctx) {
  return { items: await budgetDtos(db, await findBudgets(db, ctx.actor)) };
}

export async function getBudget(db: Db, ctx: Ctx, id: string) {
  const row = await findBudgetById(db, ctx.actor, id);
  if (!row) throw notFound('budget');
  return (await budgetDtos(db, [row]))[0]!;
}

export async function createBudget(db: Db, ctx: Ctx, input: z.output<typeof createBudgetBody>) {
  return runChange(db, ctx, async (tx, record) => {
    if (input.programId && !(await findProgramById(tx, ctx.actor, input.programId))) {
      throw invalid([{ path: 'body.programId', message: 'No such program' }]);
    }
    const row = await insertBudget(tx, {
      id: newId(),
      name: input.name,
      fund: input.fund,
      programId: input.programId ?? null,
      tierName: input.tierName ?? null,
      region: input.region ?? null,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      currency: input.currency,
      amount: input.amount,
      secondApprovalAbove: input.secondApprovalAbove ?? null,
      claimDays: input.claimDays,
    });
    record.audit({
      action: 'fund_budget.created',
      entityType: 'fund_budget',
      entityId: row.id,
      after: input,
    });
    return (await budgetDtos(tx, [row]))[0]!;
  });
}

// --- Allocations ---

async function allocationDtos(q: Queryable, rows: AllocationRow[]): Promise<Allocation[]> {
  const budgets = await findBudgetsByIds(
    q,
    rows.map((r) => r.budgetId),
  );
  const names = await partnerNames(
    q,
    rows.map((r) => r.partnerId),
  );
  const drawn = await findDrawn(q, rows);
  return rows.map((a) => {
    const b = budgets.get(a.budgetId)!;
    return {
      id: a.id,
      budgetId: a.budgetId,
      budgetName: b.name,
      fund: b.fund,
      periodStart: b.periodStart,
      periodEnd: b.periodEnd,
      partnerId: a.partnerId,
      partnerName: names.get(a.partnerId) ?? '',
      method: a.method,
      basis: a.basis,
      amount: a.amount,
      currency: b.currency,
      available: a.amount - (drawn.get(`${a.budgetId}|${a.partnerId}`) ?? 0),
      createdAt: a.createdAt.toISOString(),
    };
  });
}

export async function listAllocations(db: Db, ctx: Ctx, f: { budgetId?: string; partnerId?: string }) {
  return { items: await allocationDtos(db, await findAllocations(db, ctx.actor, f)) };
}

/**
 * Allocates a budget: by hand to one partner, a fixed amount to every active partner at the budget's
 * tier (in its region), or a percent of each such partner's sourced revenue over a trailing window. The
 * total may not exceed the budget; an existing allocation is replaced, never below what it has drawn.
 */
export async function allocate(db: Db, ctx: Ctx, budgetId: string, input: z.output<typeof allocateBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const budget = await findBudgetById(tx, ctx.actor, budgetId, true);
    if (!budget) throw notFound('budget');
    let plan: { partnerId: string; amount: number; basis: string }[];
    if (input.method === 'manual') {
      const partner = await findPartnerOrganization(tx, input.partnerId);
      if (!partner) throw invalid([{ path: 'body.partnerId', message: 'No such partner' }]);
      plan = [{ partnerId: partner.id, amount: input.amount, basis: `Set by ${ctx.actor.name}` }];
    } else {
      const eligible = await eligiblePartners(tx, budget);
      if (!eligible.length)
        throw unprocessable('No active partner is eligible for this budget (its tier and region)');
      if (input.method === 'fixed_per_tier') {
        plan = eligible.map((p) => ({
          partnerId: p,
          amount: input.amount,
          basis: `${formatMinor(input.amount, budget.currency)} per ${budget.tierName ?? 'eligible'} partner`,
        }));
      } else {
        const to = addDays(budget.periodStart, 0);
        const from = addDays(to, -input.trailingDays);
        const { currency, byPartner } = await sourcedRevenueByPartner(tx, from, to);
        if (currency !== budget.currency) {
          throw unprocessable(
            `Revenue is measured in the reporting currency (${currency}); this budget is in ${budget.currency}`,
          );
        }
        plan = eligible.map((p) => {
          const revenue = byPartner.get(p)?.revenue ?? 0;
          return {
            partnerId: p,
            amount: percentOf(revenue, input.percent),
            basis: `${input.percent}% of ${formatMinor(revenue, currency)} sourced revenue won ${from} to ${to} (exclusive)`,
          };
        });
      }
    }
    const existing = await findAllocations(tx, ctx.actor, { budgetId: budget.id });
    const drawn = await findDrawn(
      tx,
      plan.map((p) => ({ budgetId: budget.id, partnerId: p.partnerId })),
    );
    for (const p of plan) {
      const used = drawn.get(`${budget.id}|${p.partnerId}`) ?? 0;
      if (p.amount < used) {
        throw unprocessable(
          `A partner has already drawn ${formatMinor(used, budget.currency)}: its allocation cannot go below that`,
        );
      }
    }
    const replaced = new Set(plan.map((p) => p.partnerId));
    const total =
      existing.filter((a) => !replaced.has(a.partnerId)).reduce((s, a) => s + a.amount, 0) +
      plan.reduce((s, p) => s + p.amount, 0);
    if (total > budget.amount) {
      throw unprocessable(
        `Allocations would total ${formatMinor(total, budget.currency)}, over the budget of ${formatMinor(budget.amount, budget.currency)}`,
      );
    }
    const saved: AllocationRow[] = [];
    for (const p of plan) {
      saved.push(
        await upsertAllocation(tx, {
          id: newId(),
          budgetId: budget.id,
          partnerId: p.partnerId,
          method: input.method,
          basis: p.basis,
          amount: p.amount,
        }),
      );
    }
    record.audit({
      action: 'fund_allocation.set',
      entityType: 'fund_budget',
      entityId: budget.id,
      after: {
        method: input.method,
        allocations: plan.map((p) => ({ partnerId: p.partnerId, amount: p.amount })),
      },
    });
    return { items: await allocationDtos(tx, saved) };
  });
}

async function eligiblePartners(q: Queryable, budget: BudgetRow) {
  if (!budget.tierName) throw unprocessable('This budget names no tier: allocate it by hand');
  const ids = await findOrganizationsAtTier(q, budget.tierName, budget.programId);
  const orgs = await findOrganizationsByIds(q, ids);
  if (!budget.region) return orgs.filter((o) => o.kind === 'partner').map((o) => o.id);
  const full = await Promise.all(orgs.map((o) => findPartnerOrganization(q, o.id)));
  return full.filter((o) => o && o.country === budget.region).map((o) => o!.id);
}

// --- Requests ---

export async function requestDtos(q: Queryable, rows: RequestRow[]): Promise<FundRequest[]> {
  const budgets = await findBudgetsByIds(
    q,
    rows.map((r) => r.budgetId),
  );
  const names = await partnerNames(
    q,
    rows.map((r) => r.partnerId),
  );
  return rows.map((r) => ({
    id: r.id,
    budgetId: r.budgetId,
    budgetName: budgets.get(r.budgetId)?.name ?? '',
    partnerId: r.partnerId,
    partnerName: names.get(r.partnerId) ?? '',
    activityType: r.activityType,
    title: r.title,
    plan: r.plan,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    expectedLeads: r.expectedLeads,
    expectedPipeline: r.expectedPipeline,
    amount: r.amount,
    currency: r.currency,
    status: r.status,
    approvals: r.approvals,
    approvalsNeeded: r.approvalsNeeded,
    reserved: r.reserved,
    released: r.released,
    claimDeadline: r.claimDeadline,
    decisionReason: r.decisionReason,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function listRequests(db: Db, ctx: Ctx, f: z.output<typeof fundRequestQuery>) {
  return { items: await requestDtos(db, await findRequests(db, ctx.actor, f)) };
}

export async function getRequest(db: Db, ctx: Ctx, id: string) {
  const row = await findRequestById(db, ctx.actor, id);
  if (!row) throw notFound('fund request');
  return (await requestDtos(db, [row]))[0]!;
}

/** A partner asks for funds from a budget it holds an allocation in, within what is still available. */
export async function createRequest(db: Db, ctx: Ctx, input: z.output<typeof createFundRequestBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const allocation = await findAllocation(tx, input.budgetId, ctx.actor.orgId, true);
    const budget = allocation ? await findBudgetRecord(tx, input.budgetId) : undefined;
    if (!allocation || !budget) {
      throw invalid([
        { path: 'body.budgetId', message: 'Your organization has no allocation in this budget' },
      ]);
    }
    if (input.currency !== budget.currency) {
      throw invalid([{ path: 'body.currency', message: `This budget is in ${budget.currency}` }]);
    }
    if (input.startsOn < budget.periodStart || input.startsOn > budget.periodEnd) {
      throw invalid([
        {
          path: 'body.startsOn',
          message: `The activity starts within the budget's period (${budget.periodStart} to ${budget.periodEnd})`,
        },
      ]);
    }
    const drawn = (await findDrawn(tx, [allocation])).get(`${budget.id}|${ctx.actor.orgId}`) ?? 0;
    const pending = await findPendingRequested(tx, budget.id, ctx.actor.orgId);
    const available = allocation.amount - drawn - pending;
    if (input.amount > available) {
      throw unprocessable(
        `The request of ${formatMinor(input.amount, budget.currency)} is over your available allocation of ${formatMinor(Math.max(available, 0), budget.currency)} (allocated ${formatMinor(allocation.amount, budget.currency)}, drawn ${formatMinor(drawn, budget.currency)}, awaiting approval ${formatMinor(pending, budget.currency)})`,
      );
    }
    const row = await insertRequest(tx, {
      id: newId(),
      budgetId: budget.id,
      partnerId: ctx.actor.orgId,
      requestedByUserId: ctx.actor.userId,
      activityType: input.activityType,
      title: input.title,
      plan: input.plan,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      expectedLeads: input.expectedLeads,
      expectedPipeline: input.expectedPipeline,
      amount: input.amount,
      currency: input.currency,
      status: 'submitted',
      approvalsNeeded:
        budget.secondApprovalAbove !== null && input.amount > budget.secondApprovalAbove ? 2 : 1,
    });
    record.audit({
      action: 'fund_request.submitted',
      entityType: 'fund_request',
      entityId: row.id,
      after: input,
    });
    record.event({
      type: 'fund_request.submitted',
      entityType: 'fund_request',
      entityId: row.id,
      organizationIds: [row.partnerId],
      payload: { id: row.id, amount: row.amount, currency: row.currency },
    });
    return (await requestDtos(tx, [row]))[0]!;
  });
}

/** Vendor admins review every partner's funds; a channel manager those of the partners assigned to them. */
export async function mayReviewPartner(q: Queryable, actor: Actor, partnerId: string) {
  if (!isVendor(actor)) return false;
  if (actor.role === 'admin') return true;
  if (actor.role !== 'channel_manager') return false;
  const [org] = await findOrganizationsByIds(q, [partnerId]);
  return org?.channelManagerId === actor.userId;
}

/**
 * One approval step. The last step reserves the amount against the partner's allocation (checked
 * again: others may have drawn since) and sets the claim deadline; a request above the budget's
 * second-approval mark needs a second approver, a vendor admin other than the first.
 */
export async function approveRequest(db: Db, ctx: Ctx, id: string, input: z.output<typeof decideBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const row = await findRequestById(tx, ctx.actor, id, true);
    if (!row) throw notFound('fund request');
    if (!(await mayReviewPartner(tx, ctx.actor, row.partnerId))) {
      throw forbidden("Only the partner's channel manager or a vendor admin reviews its requests");
    }
    assertVersion(row, input.version);
    if (row.status !== 'submitted') throw unprocessable(`This request is ${row.status}`);
    if (row.approvals.some((a) => a.userId === ctx.actor.userId)) {
      throw unprocessable('You approved this request already: its second approval is someone else’s');
    }
    if (row.approvals.length === 1 && ctx.actor.role !== 'admin') {
      throw forbidden('The second approval of a request this large is a vendor admin’s');
    }
    const approvals = [
      ...row.approvals,
      { userId: ctx.actor.userId, name: ctx.actor.name, at: new Date().toISOString() },
    ];
    let set: Partial<RequestRow> = { approvals };
    if (approvals.length >= row.approvalsNeeded) {
      const budget = (await findBudgetRecord(tx, row.budgetId, true))!;
      const allocation = await findAllocation(tx, row.budgetId, row.partnerId, true);
      const drawn = (await findDrawn(tx, [row])).get(`${row.budgetId}|${row.partnerId}`) ?? 0;
      if (!allocation || row.amount > allocation.amount - drawn) {
        throw unprocessable(
          `Approving would reserve ${formatMinor(row.amount, row.currency)}, over the partner's available allocation of ${formatMinor(Math.max((allocation?.amount ?? 0) - drawn, 0), row.currency)}`,
        );
      }
      set = {
        ...set,
        status: 'approved',
        reserved: row.amount,
        claimDeadline: addDays(row.endsOn, budget.claimDays),
      };
    }
    const updated = await updateRequest(tx, row.id, set);
    const final = updated.status === 'approved';
    record.audit({
      action: final ? 'fund_request.approved' : 'fund_request.approval_step',
      entityType: 'fund_request',
      entityId: row.id,
      before: { status: row.status, approvals: row.approvals.length },
      after: {
        status: updated.status,
        approvals: approvals.length,
        reserved: updated.reserved,
        claimDeadline: updated.claimDeadline,
      },
    });
    if (final) {
      record.event({
        type: 'fund_request.approved',
        entityType: 'fund_request',
        entityId: row.id,
        organizationIds: [row.partnerId],
        payload: { id: row.id, reserved: updated.reserved, claimDeadline: updated.claimDeadline },
      });
    }
    return (await requestDtos(tx, [updated]))[0]!;
  });
}

export async function rejectRequest(db: Db, ctx: Ctx, id: string, input: z.output<typeof rejectBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const row = await findRequestById(tx, ctx.actor, id, true);
    if (!row) throw notFound('fund request');
    if (!(await mayReviewPartner(tx, ctx.actor, row.partnerId))) {
      throw forbidden("Only the partner's channel manager or a vendor admin reviews its requests");
    }
    assertVersion(row, input.version);
    if (row.status !== 'submitted') throw unprocessable(`This request is ${row.status}`);
    const updated = await updateRequest(tx, row.id, { status: 'rejected', decisionReason: input.reason });
    record.audit({
      action: 'fund_request.rejected',
      entityType: 'fund_request',
      entityId: row.id,
      after: { reason: input.reason },
    });
    record.event({
      type: 'fund_request.rejected',
      entityType: 'fund_request',
      entityId: row.id,
      organizationIds: [row.partnerId],
      payload: { id: row.id, reason: input.reason },
    });
    return (await requestDtos(tx, [updated]))[0]!;
  });
}

/** The partner tags one of its deals to a funded activity, so the activity's return counts it. */
export async function tagDealToRequest(db: Db, ctx: Ctx, id: string, input: z.output<typeof tagDealBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const row = await findRequestById(tx, ctx.actor, id, true);
    if (!row) throw notFound('fund request');
    if (row.partnerId !== ctx.actor.orgId)
      throw forbidden('The partner that ran the activity tags its deals');
    if (row.status === 'submitted' || row.status === 'rejected') {
      throw unprocessable('Deals are tagged to an approved activity');
    }
    const deal = await findVisibleDeal(tx, ctx.actor, input.dealId);
    if (!deal || deal.deal.registeredByOrgId !== row.partnerId) {
      throw invalid([{ path: 'body.dealId', message: 'Not a deal your organization registered' }]);
    }
    await tagDeal(tx, row.id, deal.deal.id);
    record.audit({
      action: 'fund_request.deal_tagged',
      entityType: 'fund_request',
      entityId: row.id,
      after: { dealId: deal.deal.id },
    });
    return activityReturnOf(tx, row);
  });
}

/**
 * The partner tags a lead it holds (accepted, or converted into a deal) to its funded activity: the
 * lead counts in the activity's return, and so does the deal it became.
 */
export async function tagLeadToRequest(db: Db, ctx: Ctx, id: string, input: z.output<typeof tagLeadBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const row = await findRequestById(tx, ctx.actor, id, true);
    if (!row) throw notFound('fund request');
    if (row.partnerId !== ctx.actor.orgId)
      throw forbidden('The partner that ran the activity tags its leads');
    if (row.status === 'submitted' || row.status === 'rejected') {
      throw unprocessable('Leads are tagged to an approved activity');
    }
    const lead = await findVisibleLead(tx, ctx.actor, input.leadId);
    if (!lead || lead.assignedOrgId !== row.partnerId) {
      throw invalid([{ path: 'body.leadId', message: 'Not a lead your organization holds' }]);
    }
    if (lead.status !== 'accepted' && lead.status !== 'converted') {
      throw invalid([{ path: 'body.leadId', message: 'Accept the lead before tagging it to an activity' }]);
    }
    await tagLead(tx, row.id, lead.id);
    record.audit({
      action: 'fund_request.lead_tagged',
      entityType: 'fund_request',
      entityId: row.id,
      after: { leadId: lead.id },
    });
    return activityReturnOf(tx, row);
  });
}

export async function activityReturn(db: Db, ctx: Ctx, id: string) {
  const row = await findRequestById(db, ctx.actor, id);
  if (!row) throw notFound('fund request');
  return activityReturnOf(db, row);
}
