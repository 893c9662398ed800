// Lead codes without Zod, so the web app can import them cheaply (see codes.ts).

/**
 * unassigned: in the vendor's queue (no eligible partner, a "by hand" rule, or taken back with nowhere to go);
 * offered: waiting for the assigned partner to accept before its deadline; accepted: the partner works it;
 * converted: it became a deal registration; closed: the vendor closed it without a deal.
 */
export const leadStatuses = ['unassigned', 'offered', 'accepted', 'converted', 'closed'] as const;
export type LeadStatus = (typeof leadStatuses)[number];

export const leadSources = ['vendor', 'locator', 'import', 'api', 'crm'] as const;

/** round_robin: weighted by tier; score: the best acceptance and conversion record; by_hand: the vendor picks. */
export const leadRoutingStrategies = ['round_robin', 'score', 'by_hand'] as const;

export const companySizes = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5001+'] as const;
