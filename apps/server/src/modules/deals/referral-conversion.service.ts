import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { convertReferralBody } from '@partnergraph/shared/contracts/deals';
import type { Db, Queryable } from '../../db/client';
import type { Ctx } from '../../lib/actor';
import { invalid } from '../../lib/errors';
import { isIndustry } from '../../lib/industries';
import { referralConvertedEmail } from '../mail/templates';
import { findConnectionById } from '../marketplace/connections.service';
import { bestBenefit } from '../programs/benefits';
import { customerKey } from './customer-key';
import { findVisibleDeal, toDealDtos } from './deals.repository';
import { insertDeal } from './deals.service';
import { dealInvolvements, referrals } from './deals.tables';
import type { ReferralRow } from './referrals.repository';
import { getReferral, parties, respond, statusRule, tell, type Mail } from './referrals.service';

/**
 * The fee the referrer earns if the deal is won, fixed when the referral
 * becomes a deal (metrics.md): the terms of the connection it was sent under,
 * else the best referral-fee benefit among the referrer's active
 * enrollments, else none.
 */
async function referralFee(q: Queryable, r: ReferralRow): Promise<{ percent: string; basis: string }> {
  if (!r.referrerOrgId) return { percent: '0', basis: 'A public locator lead earns no referral fee' };
  if (r.connectionId) {
    const c = await findConnectionById(q, r.connectionId);
    if (c?.terms.referralFeePct !== undefined) {
      return { percent: String(c.terms.referralFeePct), basis: 'The terms of your connection' };
    }
  }
  const benefit = await bestBenefit(q, r.referrerOrgId, 'referral_fee_pct');
  if (benefit)
    return { percent: String(benefit.value), basis: `Referral fee benefit of the ${benefit.source}` };
  return { percent: '0', basis: 'No referral-fee benefit in the referrer’s active tiers' };
}

export async function convertReferral(
  db: Db,
  ctx: Ctx,
  mail: Mail,
  id: string,
  input: z.output<typeof convertReferralBody>,
) {
  if (input.industry && !isIndustry(input.industry)) {
    throw invalid([
      { path: 'body.industry', message: 'Unknown NAICS sector code (see /reference/industries)' },
    ]);
  }
  if (input.expectedCloseDate < new Date().toISOString().slice(0, 10)) {
    throw invalid([
      { path: 'body.expectedCloseDate', message: 'An expected close date cannot be in the past' },
    ]);
  }
  const dealId = await respond(db, ctx, id, input.version, async (tx, record, r) => {
    statusRule(r, 'accepted');
    const country = input.country ?? r.country;
    if (!country)
      throw invalid([
        { path: 'body.country', message: 'The referral names no country: give the customer’s' },
      ]);
    const newDealId = await insertDeal(tx, record, ctx.actor, {
      key: customerKey(r.companyName, r.companyDomain, 'companyDomain'),
      country,
      industry: input.industry ?? r.industry,
      amount: input.amount,
      currency: input.currency,
      products: input.products,
      expectedCloseDate: input.expectedCloseDate,
      stage: null,
      notes: input.notes,
      referralId: r.id,
    });
    if (r.referrerOrgId) {
      const now = new Date();
      await tx.insert(dealInvolvements).values({
        dealId: newDealId,
        organizationId: r.referrerOrgId,
        role: 'referred',
        status: 'confirmed',
        involvedAt: r.createdAt,
        confirmedAt: now,
      });
    }
    const fee = await referralFee(tx, r);
    await tx
      .update(referrals)
      .set({
        status: 'converted',
        convertedAt: new Date(),
        feePercent: fee.percent,
        feeBasis: fee.basis,
        version: sql`${referrals.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(referrals.id, r.id));
    const after = { status: 'converted', dealId: newDealId, feePercent: fee.percent };
    record.audit({
      action: 'referral.converted',
      entityType: 'referral',
      entityId: r.id,
      before: { status: r.status },
      after,
    });
    record.event({
      type: 'referral.converted',
      entityType: 'referral',
      entityId: r.id,
      organizationIds: parties(r),
      payload: { id: r.id, ...after },
    });
    return newDealId;
  });
  const referral = await getReferral(db, ctx, id);
  await tell(db, ctx, mail, id, referral.referrer, (organizationName, site) =>
    referralConvertedEmail(
      {
        organizationName,
        referralId: id,
        companyName: referral.company.name,
        recipientName: referral.recipient.name,
      },
      site,
    ),
  );
  const loaded = await findVisibleDeal(db, ctx.actor, dealId);
  return { referral, deal: (await toDealDtos(db, ctx.actor, [loaded!]))[0]! };
}
