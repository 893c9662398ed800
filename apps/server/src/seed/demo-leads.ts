import type { Faker } from '@faker-js/faker';
import type { Db, Queryable } from '../db/client';
import type { ChangeRecorder, Tx } from '../db/transaction';
import { insertLeadRuleRecord } from '../modules/leads/leads.records';
import { insertNewLead } from '../modules/leads/leads.service';

/**
 * Three routing rules and a dozen leads routed by them through the real
 * engine, so the queue, the inbox and each lead's explanation show on a fresh
 * start. Written as history (no audit entries), like the demo's deals.
 */
export async function loadDemoLeads(q: Queryable, faker: Faker) {
  // Routing locks and reads within one transaction; the seed's own, as a savepoint when it has one.
  await (q as Db).transaction((tx) => seedLeads(tx, faker));
}

async function seedLeads(tx: Tx, faker: Faker) {
  await insertLeadRuleRecord(tx, {
    name: 'North America: managed services and resellers',
    position: 1,
    match: { countries: ['US', 'CA'] },
    partners: { types: ['reseller', 'msp'], maxOpenLeads: 10 },
    tierWeights: { Gold: 3, Silver: 2 },
    deadlineHours: 48,
  });
  await insertLeadRuleRecord(tx, {
    name: 'Europe: best record first',
    position: 2,
    match: { countries: ['GB', 'DE', 'FR', 'NL', 'ES', 'IT', 'SE'] },
    strategy: 'score',
    deadlineHours: 72,
  });
  await insertLeadRuleRecord(tx, {
    name: 'Everywhere else: the channel team decides',
    position: 3,
    strategy: 'by_hand',
  });
  const quiet: ChangeRecorder = { audit: () => undefined, event: () => undefined };
  const countries = ['US', 'US', 'US', 'CA', 'GB', 'DE', 'FR', 'NL', 'US', 'GB', 'BR', 'JP'];
  for (const [i, country] of countries.entries()) {
    const company = faker.company.name();
    const domain = `${company
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}.com`;
    await insertNewLead(
      tx,
      quiet,
      {
        source: i % 4 === 3 ? 'locator' : 'vendor',
        companyName: company,
        companyDomain: domain,
        country,
        industry: faker.helpers.arrayElement(['51', '52', '54', '62']),
        size: faker.helpers.arrayElement(['51-200', '201-1000', '1001-5000'] as const),
        contactName: faker.person.fullName(),
        contactEmail: `${faker.person.firstName().toLowerCase()}@${domain}`,
        need: faker.helpers.arrayElement([
          'Wants managed backups for 40 offices',
          'Needs a partner to migrate 300 seats before year end',
          'Looking for an integrator for the analytics rollout',
        ]),
        products: [faker.helpers.arrayElement(['Backup Pro', 'Analytics Suite', 'Secure Gateway'])],
        estimatedAmount: faker.number.int({ min: 20, max: 400 }) * 100_000,
        estimatedCurrency: 'USD',
      },
      { route: true, userId: null },
    );
  }
}
