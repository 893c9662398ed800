import type { z } from 'zod';
import {
  rebateParams,
  spiffParams,
  type addRuleVersionBody,
  type createRuleBody,
  type IncentiveRule,
  type runRebateBody,
} from '@partnergraph/shared/contracts/funds';
import { formatMinor } from '@partnergraph/shared/contracts/money';
import type { Db, Queryable } from '../../db/client';
import { assertVersion, runChange, type ChangeRecorder, type Tx } from '../../db/transaction';
import type { Ctx } from '../../lib/actor';
import { invalid, notFound, unprocessable } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { sourcedRevenueByPartner } from '../deals/deals.metrics';
import { findDealRecord } from '../deals/deals.repository';
import { involvementsOf } from '../deals/deal-involvements.repository';
import { findReferralRecord } from '../deals/referrals.repository';
import { findTierNamesAt } from '../programs/benefits';
import { quarterBounds, rebate, referralFee, spiff, versionInForce } from './incentive-rules';
import {
  findRuleById,
  findRules,
  findVersionsOfRules,
  insertRule,
  insertRuleVersion,
  touchRule,
  type RuleRow,
  type RuleVersionRow,
} from './incentives.repository';
import { findEntriesOfDeal, findEntriesOfRulePeriod, findLastPaidDateOfRule } from './ledger.repository';
import { bookEntry, entryDtos, today } from './ledger.service';

function ruleDto(rule: RuleRow, versions: RuleVersionRow[]): IncentiveRule {
  return {
    id: rule.id,
    name: rule.name,
    kind: rule.kind,
    active: rule.active,
    versions: versions.map((v) => ({
      id: v.id,
      effectiveFrom: v.effectiveFrom,
      params: v.params,
      createdAt: v.createdAt.toISOString(),
    })),
    version: rule.version,
    createdAt: rule.createdAt.toISOString(),
  };
}

async function loadRule(q: Queryable, id: string) {
  const rule = await findRuleById(q, id);
  if (!rule) throw notFound('incentive rule');
  return ruleDto(rule, (await findVersionsOfRules(q, [rule.id])).get(rule.id)!);
}

export async function listRules(db: Db) {
  const rules = await findRules(db);
  const versions = await findVersionsOfRules(
    db,
    rules.map((r) => r.id),
  );
  return { items: rules.map((r) => ruleDto(r, versions.get(r.id)!)) };
}

export const getRule = (db: Db, id: string) => loadRule(db, id);

export async function createRule(db: Db, ctx: Ctx, input: z.output<typeof createRuleBody>) {
  return runChange(db, ctx, async (tx, record) => {
    const rule = await insertRule(tx, { id: newId(), name: input.name, kind: input.params.kind });
    await insertRuleVersion(tx, {
      id: newId(),
      ruleId: rule.id,
      effectiveFrom: input.effectiveFrom,
      params: input.params,
      createdByUserId: ctx.actor.userId,
    });
    record.audit({
      action: 'incentive_rule.created',
      entityType: 'incentive_rule',
      entityId: rule.id,
      after: input,
    });
    return loadRule(tx, rule.id);
  });
}

/**
 * A new version from a date. Versions are never edited, so past accruals replay exactly; and a version
 * may not take effect on or before a period already paid under the rule, which it would rewrite.
 */
export async function addRuleVersion(
  db: Db,
  ctx: Ctx,
  id: string,
  input: z.output<typeof addRuleVersionBody>,
) {
  return runChange(db, ctx, async (tx, record) => {
    const rule = await findRuleById(tx, id, true);
    if (!rule) throw notFound('incentive rule');
    assertVersion(rule, input.version);
    if (input.params.kind !== rule.kind) {
      throw invalid([{ path: 'body.params.kind', message: `This rule is a ${rule.kind}` }]);
    }
    const lastPaid = await findLastPaidDateOfRule(tx, rule.id);
    if (lastPaid && input.effectiveFrom <= lastPaid) {
      throw unprocessable(
        `A version from ${input.effectiveFrom} would rewrite a paid period: accruals under this rule were paid up to ${lastPaid}; start it after that date`,
      );
    }
    const versions = (await findVersionsOfRules(tx, [rule.id])).get(rule.id)!;
    if (versions.some((v) => v.effectiveFrom === input.effectiveFrom)) {
      throw invalid([{ path: 'body.effectiveFrom', message: 'A version already takes effect on this date' }]);
    }
    await insertRuleVersion(tx, {
      id: newId(),
      ruleId: rule.id,
      effectiveFrom: input.effectiveFrom,
      params: input.params,
      createdByUserId: ctx.actor.userId,
    });
    await touchRule(tx, rule.id);
    record.audit({
      action: 'incentive_rule.versioned',
      entityType: 'incentive_rule',
      entityId: rule.id,
      after: { effectiveFrom: input.effectiveFrom, params: input.params },
    });
    return loadRule(tx, rule.id);
  });
}

/**
 * What a deal earns when it is won: the referrer's fee (fixed at conversion) and the sourcing partner's
 * SPIFFs. Called by the deals service inside the transaction that closes the deal; a deal won again
 * after a reopening earns again, since its earlier entries were reversed or clawed back.
 */
export async function accrueForWonDeal(tx: Tx, record: ChangeRecorder, dealId: string) {
  const deal = await findDealRecord(tx, dealId);
  if (!deal || deal.status !== 'won' || !deal.closeDate) return;
  const existing = await findEntriesOfDeal(tx, dealId);
  const settled = new Set(existing.filter((e) => e.reversesEntryId).map((e) => e.reversesEntryId!));
  const live = existing.filter(
    (e) => e.state !== 'reversed' && e.source !== 'clawback' && !settled.has(e.id),
  );
  if (deal.referralId && !live.some((e) => e.source === 'referral_fee')) {
    const referral = await findReferralRecord(tx, deal.referralId);
    if (referral?.referrerOrgId && referral.feePercent && Number(referral.feePercent) > 0) {
      const fee = referralFee(deal, { percent: referral.feePercent, basis: referral.feeBasis });
      if (fee.amount > 0) {
        await bookEntry(tx, record, {
          partnerId: referral.referrerOrgId,
          source: 'referral_fee',
          amount: fee.amount,
          currency: deal.currency,
          occurredOn: deal.closeDate,
          explanation: fee.explanation,
          dealId: deal.id,
        });
      }
    }
  }
  const sourced = (await involvementsOf(tx, [deal.id])).find(
    (i) => i.involvement.role === 'sourced' && i.involvement.status === 'confirmed',
  );
  if (!sourced) return;
  const rules = (await findRules(tx, 'spiff')).filter((r) => r.active);
  const versions = await findVersionsOfRules(
    tx,
    rules.map((r) => r.id),
  );
  for (const rule of rules) {
    if (live.some((e) => e.ruleId === rule.id)) continue;
    const v = versionInForce(versions.get(rule.id)!, deal.closeDate);
    if (!v) continue;
    const params = spiffParams.parse(v.params);
    const earned = spiff(params, { ...deal, closeDate: deal.closeDate });
    if (!earned) continue;
    await bookEntry(tx, record, {
      partnerId: sourced.involvement.organizationId,
      source: 'spiff',
      amount: earned.amount,
      currency: params.currency,
      occurredOn: deal.closeDate,
      explanation: `${rule.name}: ${earned.explanation}`,
      ruleId: rule.id,
      ruleVersionId: v.id,
      dealId: deal.id,
    });
  }
}

/**
 * Accrues a rebate rule for one ended quarter: each partner's rebate under the version in force on the
 * quarter's last day. Run again (a late deal, a reopened one), it books only the difference from what
 * was accrued before, as an adjustment with its own explanation.
 */
export async function runRebate(db: Db, ctx: Ctx, id: string, input: z.output<typeof runRebateBody>) {
  const { from, to, last } = quarterBounds(input.quarter);
  if (to > today())
    throw unprocessable(`${input.quarter} has not ended: a quarter is rebated once it is over`);
  return runChange(db, ctx, async (tx, record) => {
    const rule = await findRuleById(tx, id, true);
    if (!rule) throw notFound('incentive rule');
    if (rule.kind !== 'rebate') throw unprocessable(`This rule is a ${rule.kind}, not a rebate`);
    const v = versionInForce((await findVersionsOfRules(tx, [rule.id])).get(rule.id)!, last);
    if (!v) throw unprocessable(`No version of this rule was in force on ${last}`);
    const params = rebateParams.parse(v.params);
    const { currency, byPartner } = await sourcedRevenueByPartner(tx, from, to);
    const before = await findEntriesOfRulePeriod(tx, rule.id, input.quarter);
    // Revenue, thresholds and the rebate are in the reporting currency (deals converted at their close
    // dates' rates). Had the quarter been rebated in another one before, the difference would add
    // amounts of two currencies: refused rather than paid twice.
    const other = before.find((e) => e.currency !== currency && e.state !== 'reversed');
    if (other) {
      throw unprocessable(
        `${input.quarter} was rebated in ${other.currency} under this rule, and the reporting currency is now ${currency}; reverse those entries (or set the reporting currency back) before running it again`,
      );
    }
    const partners = new Set([...byPartner.keys(), ...before.map((e) => e.partnerId)]);
    const booked = [];
    for (const partnerId of [...partners].sort()) {
      const revenue = byPartner.get(partnerId)?.revenue ?? 0;
      // The tier it held when the quarter ended, not now: a later promotion must not rewrite the quarter.
      const tiers = await findTierNamesAt(tx, partnerId, new Date(`${to}T00:00:00Z`));
      const computed = rebate(params, tiers, revenue, currency, input.quarter);
      const prior = before
        .filter((e) => e.partnerId === partnerId && e.state !== 'reversed')
        .reduce((s, e) => s + e.amount, 0);
      const diff = computed.amount - prior;
      if (diff === 0) continue;
      booked.push(
        await bookEntry(tx, record, {
          partnerId,
          source: 'rebate',
          amount: diff,
          currency,
          occurredOn: last,
          explanation: `${rule.name}: ${computed.explanation}${prior ? ` (less ${formatMinor(prior, currency)} accrued before)` : ''}`,
          ruleId: rule.id,
          ruleVersionId: v.id,
          period: input.quarter,
        }),
      );
    }
    record.audit({
      action: 'incentive_rule.rebate_run',
      entityType: 'incentive_rule',
      entityId: rule.id,
      after: { quarter: input.quarter, entries: booked.length },
    });
    return { quarter: input.quarter, entries: await entryDtos(tx, booked) };
  });
}
