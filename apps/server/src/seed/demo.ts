import { Faker, en } from '@faker-js/faker';
import type { Queryable } from '../db/client';
import { createPartnerOrganization, createUser } from './factories';

const partnerTypeCodes = [
  'reseller',
  'distributor',
  'msp',
  'system_integrator',
  'isv',
  'technology_partner',
  'referral_partner',
  'community_influencer',
];
// Weighted toward the markets a mid-size vendor usually starts with.
const countries = [
  'US',
  'US',
  'US',
  'GB',
  'GB',
  'DE',
  'DE',
  'FR',
  'CA',
  'AU',
  'NL',
  'SE',
  'ES',
  'IT',
  'JP',
  'SG',
  'IN',
  'BR',
  'MX',
  'ZA',
  'AE',
  'PL',
];
const suffixes = [
  'Systems',
  'Solutions',
  'Consulting',
  'Cloud',
  'Networks',
  'Digital',
  'Partners',
  'Labs',
  'Group',
  'Technologies',
];

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export interface DemoSignIn {
  email: string;
  role: string;
  organization: string;
}

/**
 * A small, deterministic demo ecosystem: the same seed always yields the same
 * partners and people, so screenshots, docs and browser tests can name them.
 */
export async function loadDemoEcosystem(
  q: Queryable,
  vendor: { id: string; name: string },
  opts: { partners?: number; seed?: number } = {},
): Promise<DemoSignIn[]> {
  const faker = new Faker({ locale: [en] });
  faker.seed(opts.seed ?? 2026);
  const refDate = new Date('2026-10-01T00:00:00Z');

  const cm1 = await createUser(q, {
    organizationId: vendor.id,
    role: 'channel_manager',
    email: 'cm@example.com',
    name: 'Casey Morgan',
  });
  const cm2 = await createUser(q, {
    organizationId: vendor.id,
    role: 'channel_manager',
    email: 'cm2@example.com',
    name: 'Jordan Lee',
  });
  await createUser(q, {
    organizationId: vendor.id,
    role: 'analyst',
    email: 'analyst@example.com',
    name: 'Avery Patel',
  });

  const fixed = [
    {
      name: 'Northwind Systems',
      domain: 'northwind.example',
      country: 'US',
      types: ['reseller', 'msp'],
      manager: cm1.id,
    },
    {
      name: 'Contoso Cloud Services',
      domain: 'contoso.example',
      country: 'GB',
      types: ['msp', 'system_integrator'],
      manager: cm1.id,
    },
  ];
  const usedNames = new Set(fixed.map((f) => f.name));
  const total = opts.partners ?? 60;
  const specs = [...fixed];
  for (let i = specs.length; i < total; i++) {
    let name: string;
    do {
      name = `${faker.company.name().split(/[ ,-]/)[0]} ${faker.helpers.arrayElement(suffixes)}`;
    } while (usedNames.has(name));
    usedNames.add(name);
    const primary = partnerTypeCodes[i % partnerTypeCodes.length]!;
    const secondary = faker.helpers.maybe(() => faker.helpers.arrayElement(partnerTypeCodes), {
      probability: 0.35,
    });
    specs.push({
      name,
      domain: `${slug(name)}.example`,
      country: faker.helpers.arrayElement(countries),
      types: secondary && secondary !== primary ? [primary, secondary] : [primary],
      manager: faker.helpers.arrayElement([cm1.id, cm2.id, cm1.id, null] as (string | null)[]) ?? cm2.id,
    });
  }

  for (const [i, spec] of specs.entries()) {
    const status =
      i < 2
        ? 'active'
        : faker.helpers.weightedArrayElement([
            { weight: 8, value: 'active' as const },
            { weight: 1, value: 'applicant' as const },
            { weight: 1, value: 'suspended' as const },
          ]);
    const org = await createPartnerOrganization(q, {
      name: spec.name,
      website: `https://www.${spec.domain}`,
      country: spec.country,
      types: spec.types,
      status,
      description: faker.company.catchPhrase() + '. ' + faker.lorem.sentence(),
      channelManagerId: spec.manager,
      createdAt: faker.date.between({ from: '2024-06-01T00:00:00Z', to: refDate }),
    });
    await createUser(q, {
      organizationId: org.id,
      role: 'partner_admin',
      email: `admin@${spec.domain}`,
      name: faker.person.fullName(),
    });
    const teammates = i < 2 ? 1 : faker.number.int({ min: 0, max: 2 });
    for (let t = 0; t < teammates; t++) {
      const first = faker.person.firstName();
      const last = faker.person.lastName();
      const email =
        i < 2 && t === 0 ? `user@${spec.domain}` : `${slug(first)}.${slug(last)}${t}@${spec.domain}`;
      await createUser(q, { organizationId: org.id, role: 'partner_user', email, name: `${first} ${last}` });
    }
  }

  return [
    { email: 'cm@example.com', role: 'channel_manager', organization: vendor.name },
    { email: 'analyst@example.com', role: 'analyst', organization: vendor.name },
    { email: 'admin@northwind.example', role: 'partner_admin', organization: 'Northwind Systems' },
    { email: 'user@northwind.example', role: 'partner_user', organization: 'Northwind Systems' },
    { email: 'admin@contoso.example', role: 'partner_admin', organization: 'Contoso Cloud Services' },
  ];
}
