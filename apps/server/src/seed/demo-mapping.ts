import type { Queryable } from '../db/client';
import { findDealsForCrmSync } from '../modules/deals/deals.repository';
import {
  createPopulationRecord,
  createResultRecord,
  createRunRecord,
  vendorPartnershipRecord,
} from '../modules/mapping/mapping.records';

/**
 * Account mapping in the demo: the vendor's customers (won deals) and open opportunities (open deals),
 * Northwind opted in with its own customers (kept in its browser, so only their count is here) and one
 * finished run whose counts fill the matrix. Overlapping accounts appear once someone runs it again.
 */
export async function loadDemoMapping(q: Queryable, vendorId: string, northwindId: string) {
  const fromDeals = async (statuses: Parameters<typeof findDealsForCrmSync>[1]) => {
    const byDomain = new Map<string, { name: string; domains: string[]; fields: Record<string, string> }>();
    for (const d of await findDealsForCrmSync(q, statuses)) {
      if (!d.customerRootDomain || byDomain.has(d.customerRootDomain)) continue;
      byDomain.set(d.customerRootDomain, {
        name: d.customerName,
        domains: [d.customerRootDomain],
        fields: { country: d.country, ...(d.industry ? { industry: d.industry } : {}) },
      });
    }
    return [...byDomain.values()];
  };
  const customers = await createPopulationRecord(q, {
    organizationId: vendorId,
    name: 'Customers',
    kind: 'customers',
    source: 'won_deals',
    defaultLevel: 'counts',
    sharedFields: ['name', 'industry', 'country'],
    accounts: await fromDeals(['won']),
  });
  const open = await createPopulationRecord(q, {
    organizationId: vendorId,
    name: 'Open opportunities',
    kind: 'open_opportunities',
    source: 'open_deals',
    defaultLevel: 'counts',
    sharedFields: ['name'],
    accounts: await fromDeals(['registered', 'approved']),
  });
  const partnership = await vendorPartnershipRecord(q, vendorId, northwindId);
  const theirs = await createPopulationRecord(q, {
    organizationId: northwindId,
    name: 'Northwind customers',
    kind: 'customers',
    source: 'browser',
    defaultLevel: 'counts',
    sharedFields: ['name'],
    accountCount: 340,
  });
  const run = await createRunRecord(q, {
    partnershipId: partnership.id,
    initiatorOrgId: northwindId,
    status: 'finished',
    finishedAt: new Date('2026-09-28T10:00:00Z'),
  });
  await createResultRecord(q, {
    runId: run.id,
    initiatorPopulationId: theirs.id,
    responderPopulationId: customers.id,
    count: Math.min(12, customers.accountCount),
  });
  await createResultRecord(q, {
    runId: run.id,
    initiatorPopulationId: theirs.id,
    responderPopulationId: open.id,
    count: Math.min(2, open.accountCount),
  });
}
