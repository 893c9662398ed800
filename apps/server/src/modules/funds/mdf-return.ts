import type { z } from 'zod';
import type { activityReturnSchema } from '@partnergraph/shared/contracts/funds';
import type { Queryable } from '../../db/client';
import { crossConvertMinor } from '../../lib/money';
import { findDealRecord } from '../deals/deals.repository';
import { rateInForce, readSettings } from '../settings/settings.service';
import { findLeadRecord } from '../leads/leads.repository';
import { findClaimsOfRequest, findTaggedDealIds, findTaggedLeadIds, type RequestRow } from './mdf.repository';

/**
 * A funded activity's return over the leads and deals tagged to it (metrics.md, "MDF return"): its leads
 * are those tagged; its opportunities the deals tagged and the deals tagged leads became. Pipeline is
 * the approved deals among them (approved at some time, whatever they became since) at their
 * registration amounts, each at the rate in force on its approval date; won revenue the won deals'
 * final amounts at their close dates' rates; each in the request's currency. Amounts of different
 * currencies are never added as they are: a deal in another currency is converted through the
 * project's rate source (rates into the reporting currency); one with no rate in force on a date it
 * needs is counted among the deals, named in `notConverted` and left out of the sums. The cost is the
 * approved claim, else what is reserved; cost per opportunity divides it by the tagged deals.
 */
export async function activityReturnOf(
  q: Queryable,
  row: RequestRow,
  today = new Date().toISOString().slice(0, 10),
): Promise<z.output<typeof activityReturnSchema>> {
  const leadIds = await findTaggedLeadIds(q, row.id);
  const leads = (await Promise.all(leadIds.map((id) => findLeadRecord(q, id)))).filter(
    (l) => l !== undefined,
  );
  // A tagged lead that became a deal brings that deal in, once, even if the deal is tagged as well.
  const dealIds = [
    ...new Set([
      ...(await findTaggedDealIds(q, row.id)),
      ...leads.flatMap((l) => (l.dealId ? [l.dealId] : [])),
    ]),
  ];
  const deals = (await Promise.all(dealIds.map((id) => findDealRecord(q, id)))).filter(
    (d) => d !== undefined,
  );
  const { reportingCurrency } = await readSettings(q);
  /** A deal's amount in the request's currency on a date, or null when a rate is missing. */
  const inRequestCurrency = async (amount: number, currency: string, on: string) => {
    if (currency === row.currency) return amount;
    const [from, to] = await Promise.all([
      rateInForce(q, currency, reportingCurrency, on),
      rateInForce(q, row.currency, reportingCurrency, on),
    ]);
    return from && to ? crossConvertMinor(amount, currency, from.rate, row.currency, to.rate) : null;
  };
  let pipeline = 0;
  let wonRevenue = 0;
  const notConverted: string[] = [];
  for (const d of deals) {
    const registered = d.approvedAt
      ? await inRequestCurrency(
          d.registeredAmount ?? d.amount,
          d.currency,
          d.approvedAt.toISOString().slice(0, 10),
        )
      : 0;
    const won = d.status === 'won' ? await inRequestCurrency(d.amount, d.currency, d.closeDate ?? today) : 0;
    if (registered === null || won === null) notConverted.push(d.id);
    else {
      pipeline += registered;
      wonRevenue += won;
    }
  }
  const claims = await findClaimsOfRequest(q, row.id);
  const approved = claims.find((c) => c.status === 'approved' || c.status === 'partially_approved');
  const cost = approved ? (approved.approvedAmount ?? 0) : row.reserved;
  return {
    requestId: row.id,
    cost,
    currency: row.currency,
    leads: leadIds.length,
    deals: deals.length,
    pipeline,
    wonRevenue,
    notConverted,
    costPerOpportunity: deals.length
      ? { value: Math.round(cost / deals.length) }
      : { value: null, reason: 'No deal is tagged to this activity' },
    dealIds,
    leadIds,
  };
}
