import type { z } from 'zod';
import type { attributionModel, InvolvementRole } from '@partnergraph/shared/contracts/deals';
import { evenSplit } from '../../lib/money';

export interface CreditInput {
  organizationId: string;
  role: InvolvementRole;
  involvedAt: Date;
}

/**
 * Per-partner credit on a won deal (metrics.md): the sourced partner gets the
 * whole amount as sourced credit; the whole amount is also shared as influence
 * credit among the partners with any other role — evenly (largest remainder,
 * ties to the lower partner id), or all of it to the first or the last involved
 * (by involvement date, then partner id).
 */
export function attribute(amount: number, involved: CreditInput[], model: z.output<typeof attributionModel>) {
  const credits = new Map(involved.map((i) => [i.organizationId, { sourced: 0, influence: 0 }]));
  const sourced = involved.find((i) => i.role === 'sourced');
  if (sourced) credits.get(sourced.organizationId)!.sourced = amount;
  const influencers = involved.filter((i) => i.role !== 'sourced');
  if (influencers.length) {
    if (model === 'even') {
      const byId = [...influencers].sort((a, b) => (a.organizationId < b.organizationId ? -1 : 1));
      evenSplit(amount, byId.length).forEach(
        (share, k) => (credits.get(byId[k]!.organizationId)!.influence = share),
      );
    } else {
      const byTime = [...influencers].sort(
        (a, b) =>
          a.involvedAt.getTime() - b.involvedAt.getTime() || (a.organizationId < b.organizationId ? -1 : 1),
      );
      const chosen = model === 'first_touch' ? byTime[0]! : byTime[byTime.length - 1]!;
      credits.get(chosen.organizationId)!.influence = amount;
    }
  }
  return credits;
}
