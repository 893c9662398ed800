import type { Faker } from '@faker-js/faker';
import { sql } from 'drizzle-orm';
import type { ProfileFields } from '@partnergraph/shared/contracts/marketplace';
import type { Queryable } from '../db/client';
import type { DemoDealPartner } from './demo-deals';
import {
  createConnectionRecord,
  createIntegrationRecord,
  createProfileRecord,
  createSolutionRecord,
} from './factories';
import { partnerDescription, profilePitch } from './demo-texts';

const DAY = 86_400_000;

/** What each kind of partner typically offers, for believable profiles. */
const servicesByType: Record<string, string[]> = {
  reseller: ['Licensing', 'Procurement', 'Pre-sales consulting', 'Renewals management'],
  distributor: ['Distribution', 'Channel financing', 'Logistics', 'Partner enablement'],
  msp: ['Managed backup', 'Managed SIEM', '24/7 monitoring', 'Help desk', 'Patch management'],
  system_integrator: ['Implementation', 'Cloud migration', 'Data integration', 'Custom development'],
  isv: ['Connector development', 'Analytics add-ons', 'Compliance reporting'],
  technology_partner: ['API integration', 'Identity federation', 'Edge appliances'],
  referral_partner: ['Introductions', 'Market research', 'Vendor selection advice'],
  community_influencer: ['Training', 'Webinars', 'Technical content', 'Certification prep'],
};
const neighbours: Record<string, string[]> = {
  US: ['CA', 'MX'],
  GB: ['IE', 'NL'],
  DE: ['AT', 'CH', 'NL'],
  FR: ['BE', 'CH', 'ES'],
  CA: ['US'],
  AU: ['NZ'],
  NL: ['BE', 'DE'],
  SE: ['NO', 'DK', 'FI'],
  ES: ['PT', 'FR'],
  IT: ['CH'],
  JP: ['KR'],
  SG: ['MY', 'ID'],
  IN: ['AE'],
  BR: ['AR'],
  MX: ['US'],
  ZA: ['NA', 'BW'],
  AE: ['SA', 'QA'],
  PL: ['CZ', 'DE'],
};
const industries = ['51', '52', '54', '62', '31-33', '44-45', '48-49', '61', '92', '22'];
const languagesOf: Record<string, string[]> = {
  US: ['en', 'es'],
  GB: ['en'],
  DE: ['de', 'en'],
  FR: ['fr', 'en'],
  CA: ['en', 'fr'],
  ES: ['es', 'en'],
  IT: ['it', 'en'],
  JP: ['ja', 'en'],
  BR: ['pt'],
  MX: ['es'],
  NL: ['nl', 'en'],
  SE: ['sv', 'en'],
  PL: ['pl', 'en'],
};

/**
 * The marketplace around the demo partners: published profiles (a few left
 * in draft), connections of every kind and state, integration listings with
 * installed customers taken from won deals, and joint solutions.
 */
export async function loadDemoMarketplace(
  q: Queryable,
  faker: Faker,
  partners: DemoDealPartner[],
  now = new Date(),
) {
  const active = partners.filter((p) => p.status === 'active');
  const [northwind, contoso] = partners;
  const published: DemoDealPartner[] = [];
  for (const [i, p] of active.entries()) {
    const services = [
      ...new Set(
        p.types.flatMap((t) => faker.helpers.arrayElements(servicesByType[t] ?? [], { min: 2, max: 3 })),
      ),
    ];
    if (p === contoso) services.push('Managed SIEM');
    const countries = [
      p.country,
      ...faker.helpers.arrayElements(neighbours[p.country] ?? [], { min: 0, max: 2 }),
    ];
    const slug = p.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const fields: Partial<ProfileFields> = {
      description: `${partnerDescription(faker, p.facts)} ${profilePitch(faker, p.facts)}`,
      website: `https://www.${slug}.example`,
      services: [...new Set(services)],
      specializations: faker.helpers.arrayElements(
        ['Healthcare', 'Public sector', 'Retail', 'Banking', 'Manufacturing', 'SMB', 'Enterprise'],
        { min: 1, max: 3 },
      ),
      industries: [...new Set([p.industry, ...faker.helpers.arrayElements(industries, { min: 0, max: 2 })])],
      countries: [...new Set(countries)],
      certifications:
        faker.helpers.maybe(
          () => [{ name: 'Certified Implementation Partner', issuer: 'Acme Software', year: 2025 }],
          { probability: 0.4 },
        ) ?? [],
      integrations: faker.helpers.arrayElements(
        ['Microsoft 365', 'Salesforce', 'ServiceNow', 'Slack', 'AWS', 'Azure'],
        { min: 0, max: 2 },
      ),
      caseStudies:
        faker.helpers.maybe(
          () => [
            {
              title: `${faker.helpers.arrayElement(services)} for ${faker.company.name()}`,
              customer: faker.company.name(),
              summary: `Rolled out in ${faker.number.int({ min: 3, max: 12 })} weeks; ${faker.number.int({ min: 20, max: 60 })}% less time spent on ${faker.helpers.arrayElement(['incidents', 'reporting', 'onboarding', 'restores'])}.`,
            },
          ],
          { probability: 0.6 },
        ) ?? [],
      languages: languagesOf[p.country] ?? ['en'],
      contactEmail: `partners@${slug}.example`,
    };
    // Most profiles are published; a few partners are still working on theirs.
    const draftOnly = i > 1 && i % 9 === 4;
    await createProfileRecord(q, p.id, {
      status: draftOnly ? 'draft' : 'published',
      fields,
      // Published once the partner was in, and touched up since.
      publishedAt: new Date(
        Math.max(
          (p.since ?? p.createdAt).getTime() + 7 * DAY,
          now.getTime() - faker.number.int({ min: 5, max: 300 }) * DAY,
        ),
      ),
    });
    if (!draftOnly) published.push(p);
  }

  // Connections: a web with a few hubs, so the graph has structure to find.
  const kinds = ['referral', 'co_sell', 'implementation', 'technology_integration', 'resale'] as const;
  const seen = new Set<string>();
  const connect = async (
    a: DemoDealPartner,
    b: DemoDealPartner,
    kind: (typeof kinds)[number],
    status: 'requested' | 'active' | 'ended' | 'declined',
    terms = {},
  ) => {
    const key = [a.id, b.id].sort().join(kind);
    if (a.id === b.id || seen.has(key)) return;
    seen.add(key);
    // Asked once both were in the program: never before the later of the two enrolled.
    const earliest = Math.max((a.since ?? a.createdAt).getTime(), (b.since ?? b.createdAt).getTime());
    const createdAt = new Date(
      Math.max(
        earliest + DAY,
        now.getTime() - faker.number.int({ min: status === 'requested' ? 1 : 40, max: 420 }) * DAY,
      ),
    );
    await createConnectionRecord(q, {
      requesterOrgId: a.id,
      recipientOrgId: b.id,
      kind,
      status,
      terms,
      createdAt,
      message: faker.helpers.arrayElement([
        'Our customers keep asking for what you do.',
        'Shall we work the same accounts together?',
        'We would like to refer our customers to you.',
      ]),
    });
  };
  // Along the partners' circles (see weaveCircles in demo.ts), with a few hubs reaching further.
  const social = published.filter((p) => !p.loner);
  const hubs = faker.helpers.arrayElements(social, Math.min(4, social.length));
  for (let i = 0; i < 70 && social.length > 1; i++) {
    const a = i % 5 === 0 ? faker.helpers.arrayElement(hubs) : faker.helpers.arrayElement(social);
    const circle = social.filter((o) => a.circle?.includes(o.id));
    const b =
      i % 5 === 0 || circle.length === 0
        ? faker.helpers.arrayElement(social)
        : faker.helpers.arrayElement(circle);
    const kind = faker.helpers.arrayElement(kinds);
    const status = faker.helpers.weightedArrayElement([
      { weight: 14, value: 'active' as const },
      { weight: 2, value: 'requested' as const },
      { weight: 2, value: 'ended' as const },
      { weight: 1, value: 'declined' as const },
    ]);
    await connect(
      a,
      b,
      kind,
      status,
      kind === 'referral' ? { referralFeePct: faker.helpers.arrayElement([5, 10, 15]) } : {},
    );
  }
  if (northwind && contoso) {
    await connect(northwind, contoso, 'referral', 'active', {
      referralFeePct: 15,
      notes: 'Paid within 30 days of the customer paying',
    });
    const asker = published.find((p) => p !== northwind && p !== contoso && p.types.includes('isv'));
    if (asker) await connect(asker, northwind, 'technology_integration', 'requested');
  }

  // Integration listings by ISVs and technology partners, installed at customers who bought.
  const builders = published.filter((p) => p.types.some((t) => t === 'isv' || t === 'technology_partner'));
  const wonDomains = (
    await q.execute<{ domain: string; name: string }>(sql`
      select distinct customer_root_domain as domain, customer_name as name from deals
      where status = 'won' and customer_root_domain is not null order by customer_root_domain limit 60`)
  ).rows;
  const categories = [
    'Security',
    'Analytics',
    'Identity',
    'Collaboration',
    'Backup and recovery',
    'Monitoring',
  ];
  for (const [i, b] of builders.entries()) {
    const category = categories[i % categories.length]!;
    await createIntegrationRecord(q, {
      organizationId: b.id,
      name: `${b.name.split(' ')[0]} ${category} Connector`,
      category,
      description: `Connects the product with ${b.name}'s ${category.toLowerCase()} platform: events flow both ways, set up in minutes.`,
      status: i === 0 ? 'submitted' : i % 5 === 4 ? 'draft' : 'published',
      editions: faker.helpers.arrayElements(['Standard', 'Enterprise', 'Cloud'], { min: 1, max: 2 }),
      installs:
        i === 0 || i % 5 === 4
          ? []
          : faker.helpers
              .arrayElements(wonDomains, { min: 2, max: 8 })
              .map((d) => ({ customerDomain: d.domain, customerName: d.name })),
    });
  }

  // Joint solutions: one published, one waiting for Northwind's acceptance.
  const isv = builders[1] ?? builders[0];
  if (isv && contoso) {
    await createSolutionRecord(q, {
      createdByOrgId: contoso.id,
      name: 'Managed Secure Backup',
      description: `${contoso.name} runs it, ${isv.name} secures it: backup with threat detection, one contract.`,
      members: [
        { organizationId: contoso.id, role: 'Managed service' },
        { organizationId: isv.id, role: 'Security add-on' },
      ],
    });
  }
  if (isv && northwind) {
    await createSolutionRecord(q, {
      createdByOrgId: isv.id,
      name: 'Retail Analytics in a Box',
      description: `${isv.name}'s analytics with ${northwind.name}'s licensing and rollout for retail chains.`,
      members: [
        { organizationId: isv.id, role: 'Analytics software' },
        { organizationId: northwind.id, role: 'Reseller and rollout', accepted: false },
      ],
    });
  }
}
