import type { z } from 'zod';
import type { activityReturnSchema } from '@partnergraph/shared/contracts/funds';
import type { Queryable } from '../../db/client';
import { findDealRecord } from '../deals/deals.repository';
import { findClaimsOfRequest, findTaggedDealIds, type RequestRow } from './mdf.repository';

/**
 * A funded activity's return over the deals tagged to it (docs/METRICS.md, "MDF return"): pipeline is
 * the open deals' amounts, won revenue the won deals' final amounts, each in the request's currency
 * (deals in another currency are counted, not summed); the cost is the approved claim, else what is
 * reserved; cost per opportunity divides it by the tagged deals.
 */
export async function activityReturnOf(
  q: Queryable,
  row: RequestRow,
): Promise<z.output<typeof activityReturnSchema>> {
  const dealIds = await findTaggedDealIds(q, row.id);
  const deals = (await Promise.all(dealIds.map((id) => findDealRecord(q, id)))).filter(
    (d) => d !== undefined,
  );
  const same = deals.filter((d) => d.currency === row.currency);
  const pipeline = same
    .filter((d) => d.status === 'registered' || d.status === 'approved')
    .reduce((s, d) => s + d.amount, 0);
  const wonRevenue = same.filter((d) => d.status === 'won').reduce((s, d) => s + d.amount, 0);
  const claims = await findClaimsOfRequest(q, row.id);
  const approved = claims.find((c) => c.status === 'approved' || c.status === 'partially_approved');
  const cost = approved ? (approved.approvedAmount ?? 0) : row.reserved;
  return {
    requestId: row.id,
    cost,
    currency: row.currency,
    deals: deals.length,
    pipeline,
    wonRevenue,
    costPerOpportunity: deals.length
      ? { value: Math.round(cost / deals.length) }
      : { value: null, reason: 'No deal is tagged to this activity' },
    dealIds,
  };
}
