// FX rates, deals and referrals.
import type { Queryable } from '../../db/client';
import { newId } from '../../lib/ids';
import {
  dealRecordValues,
  insertDealRecord,
  insertReferralRecord,
  referralRecordValues,
  type DealRecordInput,
  type ReferralRecordInput,
} from '../../modules/deals/deals.records';
import { fxRates } from '../../modules/settings/settings.tables';
import { unique } from './names';

export async function createFxRateRecord(
  q: Queryable,
  input: { currency: string; rate: string; effectiveDate: string; reportingCurrency?: string },
) {
  const [row] = await q
    .insert(fxRates)
    .values({
      id: newId(),
      currency: input.currency,
      reportingCurrency: input.reportingCurrency ?? 'USD',
      rate: input.rate,
      effectiveDate: input.effectiveDate,
    })
    .returning();
  return row!;
}

export type DealInput = Omit<DealRecordInput, 'customerName'> & { customerName?: string };

/** A deal at any point of its life, with its own dates: what the demo and tests need. */
export async function createDealRecord(q: Queryable, input: DealInput) {
  return insertDealRecord(
    q,
    dealRecordValues({ ...input, customerName: input.customerName ?? `Customer ${unique()}` }),
  );
}

export type ReferralInput = Omit<ReferralRecordInput, 'companyName'> & { companyName?: string };

export async function createReferralRecord(q: Queryable, input: ReferralInput) {
  return insertReferralRecord(
    q,
    referralRecordValues({ ...input, companyName: input.companyName ?? `Prospect ${unique()}` }),
  );
}
