import type { Queryable } from '../db/client';
import {
  insertAllocationRecord,
  insertBudgetRecord,
  insertClaimRecord,
  insertEntryRecord,
  insertRequestRecord,
} from '../modules/funds/funds.records';

/**
 * A quarter of MDF for the two named demo partners: a Gold budget, their allocations, a request waiting
 * for review, an approved one to claim, a claim approved in part and in the ledger, and a referral fee
 * accrued, so every funds screen has something to show.
 */
export async function loadDemoFunds(
  q: Queryable,
  partners: { northwind: string; contoso: string },
  reviewer: { id: string; name: string },
) {
  const budget = await insertBudgetRecord(q, {
    name: 'Q4 2026 MDF — Gold resellers',
    fund: 'MDF',
    tierName: 'Gold',
    periodStart: '2026-10-01',
    periodEnd: '2026-12-31',
    currency: 'USD',
    amount: 10_000_000,
    secondApprovalAbove: 1_000_000,
    claimDays: 60,
    // Set up ahead of the quarter; each request before its approval, each claim after its request.
    createdAt: new Date('2026-09-10T09:00:00Z'),
  });
  for (const partnerId of [partners.northwind, partners.contoso]) {
    await insertAllocationRecord(q, {
      budgetId: budget.id,
      partnerId,
      method: 'manual',
      basis: 'Set by the channel team for Q4',
      amount: 2_000_000,
      createdAt: new Date('2026-09-12T09:00:00Z'),
    });
  }
  await insertRequestRecord(q, {
    budgetId: budget.id,
    partnerId: partners.contoso,
    activityType: 'event',
    title: 'London cloud migration breakfast',
    plan: 'Breakfast briefing for 30 IT directors, with a migration assessment offer.',
    startsOn: '2026-11-18',
    endsOn: '2026-11-18',
    expectedLeads: 30,
    expectedPipeline: 15_000_000,
    amount: 300_000,
    currency: 'USD',
    status: 'submitted',
    createdAt: new Date('2026-10-28T14:00:00Z'),
  });
  await insertRequestRecord(q, {
    budgetId: budget.id,
    partnerId: partners.northwind,
    activityType: 'webinar',
    title: 'Backup for MSPs webinar',
    plan: 'Two sessions with a live restore demo.',
    startsOn: '2026-11-05',
    endsOn: '2026-11-06',
    expectedLeads: 40,
    expectedPipeline: 20_000_000,
    amount: 500_000,
    currency: 'USD',
    status: 'approved',
    approvals: [{ userId: reviewer.id, name: reviewer.name, at: '2026-10-12T10:00:00.000Z' }],
    reserved: 500_000,
    claimDeadline: '2027-01-05',
    createdAt: new Date('2026-10-08T11:00:00Z'),
  });
  const done = await insertRequestRecord(q, {
    budgetId: budget.id,
    partnerId: partners.northwind,
    activityType: 'digital_campaign',
    title: 'October search campaign',
    startsOn: '2026-10-01',
    endsOn: '2026-10-31',
    amount: 500_000,
    currency: 'USD',
    status: 'closed',
    approvals: [{ userId: reviewer.id, name: reviewer.name, at: '2026-09-25T10:00:00.000Z' }],
    released: 100_000,
    claimDeadline: '2026-12-30',
    createdAt: new Date('2026-09-20T10:00:00Z'),
  });
  const claim = await insertClaimRecord(q, {
    requestId: done.id,
    partnerId: partners.northwind,
    amount: 500_000,
    approvedAmount: 400_000,
    currency: 'USD',
    status: 'partially_approved',
    note: 'Search ads invoices for October',
    reviewNote: 'Brand terms are not MDF-eligible',
    submittedAt: new Date('2026-11-03T09:00:00Z'),
    reviewedAt: new Date('2026-11-06T15:00:00Z'),
  });
  await insertEntryRecord(q, {
    partnerId: partners.northwind,
    source: 'mdf_claim',
    amount: 400_000,
    currency: 'USD',
    occurredOn: '2026-11-06',
    explanation:
      'MDF claim for “October search campaign”: $5,000.00 claimed, $4,000.00 approved (Brand terms are not MDF-eligible)',
    state: 'approved',
    postedOn: '2026-11-06',
    claimId: claim.id,
  });
  await insertEntryRecord(q, {
    partnerId: partners.contoso,
    source: 'referral_fee',
    amount: 150_000,
    currency: 'USD',
    occurredOn: '2026-09-20',
    explanation: 'Referral fee: 5% of $30,000.00 won with Tailspin Toys = $1,500.00 (fixed at conversion)',
    state: 'paid',
    postedOn: '2026-09-20',
  });
}
