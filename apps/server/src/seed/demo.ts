import { Faker, en } from '@faker-js/faker';
import type { Queryable } from '../db/client';
import { eq } from 'drizzle-orm';
import { findDuplicates } from '../modules/programs/applications.service';
import {
  agreements,
  agreementVersions,
  applications,
  attestations,
  programs as programsTable,
} from '../modules/programs/programs.tables';
import { organizations } from '../modules/organizations/organizations.tables';
import { applicationMessage, partnerDescription, partnerFacts } from './demo-texts';
import {
  acceptAgreementRecord,
  createAgreementRecord,
  createApplicationRecord,
  createEnrollmentRecord,
  createPartnerOrganization,
  createProgramRecord,
  backdateMembers,
  createUser,
} from './factories';
import { loadDemoLeads } from './demo-leads';
import { loadDemoDeals, type DemoDealPartner } from './demo-deals';
import { loadDemoMapping } from './demo-mapping';
import { loadDemoMarketplace } from './demo-marketplace';
import { loadDemoFunds } from './demo-funds';
import { loadDemoCommunity } from './demo-community';
import { loadDemoIdentity } from './demo-identity';
import { loadDemoEnablement } from './demo-enablement';
import type { Config } from '../config';
import type { SecretBox } from '../lib/secrets';
import { settings } from '../modules/settings/settings.tables';

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

const DAY = 86_400_000;
/** The sectors the demo's partners and customers work in (NAICS codes). */
const industries = ['51', '52', '54', '62', '31-33', '44-45', '48-49', '61', '92', '22'];

/** Where a partner does business: partners mostly work with partners in their own region. */
const regionOf = (country: string) =>
  ['US', 'CA', 'MX', 'BR'].includes(country)
    ? 'americas'
    : ['AU', 'JP', 'SG', 'IN'].includes(country)
      ? 'apac'
      : 'emea';

/**
 * Who works with whom. A real partner network is sparse and clustered: most partners have a few
 * regular partners in their own region, a quarter work alone with the vendor, and the named demo
 * partners (Northwind and Contoso) work with each other. Deals, referrals and connections are drawn
 * along these circles, which is what keeps the graph's density and participation believable.
 */
function weaveCircles(faker: Faker, partners: DemoPartner[]) {
  const active = partners.filter((p) => p.status === 'active');
  for (const [i, p] of active.entries()) p.loner = i >= 2 && i % 4 === 3;
  const social = active.filter((p) => !p.loner);
  for (const p of social) {
    const near = social.filter((o) => o !== p && regionOf(o.country) === regionOf(p.country));
    const circle = new Set(p.circle ?? []);
    for (const o of faker.helpers.arrayElements(near, { min: 2, max: 3 })) {
      circle.add(o.id);
      // A working relationship goes both ways.
      o.circle = [...new Set([...(o.circle ?? []), p.id])];
    }
    p.circle = [...circle];
  }
  const [northwind, contoso] = partners;
  if (northwind && contoso) {
    northwind.circle = [...new Set([...(northwind.circle ?? []), contoso.id])];
    contoso.circle = [...new Set([...(contoso.circle ?? []), northwind.id])];
  }
}

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
  opts: {
    partners?: number;
    seed?: number;
    badges?: { secrets: SecretBox; config: Pick<Config, 'PUBLIC_URL'> };
  } = {},
): Promise<DemoSignIn[]> {
  const faker = new Faker({ locale: [en] });
  faker.seed(opts.seed ?? 2026);
  // Every date is relative to today, so the demo always has two full years behind it: the overview
  // compares the last twelve months with the twelve before. The program launched a little earlier.
  const now = new Date();
  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
  const launch = daysAgo(840);
  await q
    .update(organizations)
    .set({ createdAt: daysAgo(1500) })
    .where(eq(organizations.id, vendor.id));

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
      joined: 820,
    },
    {
      name: 'Contoso Cloud Services',
      domain: 'contoso.example',
      country: 'GB',
      types: ['msp', 'system_integrator'],
      manager: cm1.id,
      joined: 790,
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
      // Most partners joined in the program's first year, and new ones keep arriving (the square root
      // leans the draw toward the early days); the newest joined two months ago.
      joined: 60 + Math.floor(740 * Math.sqrt(faker.number.float())),
    });
  }

  const partners: DemoPartner[] = [];
  for (const [i, spec] of specs.entries()) {
    const facts = partnerFacts(faker, spec, industries);
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
      description: partnerDescription(faker, facts),
      channelManagerId: spec.manager,
      createdAt: daysAgo(spec.joined),
    });
    const admin = await createUser(q, {
      organizationId: org.id,
      role: 'partner_admin',
      email: `admin@${spec.domain}`,
      name: faker.person.fullName(),
    });
    partners.push({
      id: org.id,
      name: spec.name,
      types: spec.types,
      status,
      country: spec.country,
      adminId: admin.id,
      createdAt: org.createdAt,
      since: null,
      industry: facts.industry,
      facts,
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

  // People joined with their organization (the vendor's staff long before the partners).
  await backdateMembers(q);

  await loadDemoPrograms(q, faker, partners, launch);
  weaveCircles(faker, partners);
  await loadDemoDeals(q, faker, vendor, partners, now);
  await loadDemoMarketplace(q, faker, partners, now);
  // After the marketplace: leads route to published profiles only.
  await loadDemoLeads(q, faker);
  await loadDemoMapping(q, vendor.id, partners[0]!.id);
  // Its own random sequence: adding community content never changes the partners and deals above.
  await loadDemoCommunity(q);
  await loadDemoIdentity(q, { northwind: partners[0]!, contoso: partners[1]! });
  // Certifications are signed as badges: only with the server's secrets key at hand.
  if (opts.badges) await loadDemoEnablement(q, opts.badges);
  await loadDemoFunds(
    q,
    { northwind: partners[0]!.id, contoso: partners[1]!.id },
    { id: cm1.id, name: 'Casey Morgan' },
  );
  // The vendor's own sales team covers three markets in three industries: the coverage multiplier's base.
  await q
    .update(settings)
    .set({
      directCoverage: ['DE', 'GB', 'US'].flatMap((country) =>
        ['51', '52', '54'].map((industry) => ({ country, industry })),
      ),
    })
    .where(eq(settings.id, 1));

  return [
    { email: 'cm@example.com', role: 'channel_manager', organization: vendor.name },
    { email: 'analyst@example.com', role: 'analyst', organization: vendor.name },
    { email: 'admin@northwind.example', role: 'partner_admin', organization: 'Northwind Systems' },
    { email: 'user@northwind.example', role: 'partner_user', organization: 'Northwind Systems' },
    { email: 'admin@contoso.example', role: 'partner_admin', organization: 'Contoso Cloud Services' },
    { email: 'user@fabrikam.example', role: 'partner_user', organization: 'Fabrikam Software' },
  ];
}

type DemoPartner = DemoDealPartner;

/**
 * Three programs with tiers, agreements and checklists; the demo partners
 * enrolled where their types fit (most have accepted their agreements, some
 * are still pending), a few attested tiers, and applications waiting for review.
 */
async function loadDemoPrograms(q: Queryable, faker: Faker, partners: DemoPartner[], launch: Date) {
  const texts = {
    reseller:
      "# Reseller Agreement\n\n1. **Appointment.** The vendor appoints the partner as a non-exclusive reseller in its territory.\n2. **Pricing.** The partner buys at the discount of its tier.\n3. **Deal registration.** Registered and approved deals are protected for the days of the partner's tier.\n4. **Term.** One year, renewed automatically.",
    technology_partner:
      "# Technology Partner Agreement\n\n1. **Integration.** The partner builds and maintains an integration with the vendor's product.\n2. **Trademarks.** Each party may name the other as a technology partner.\n3. **Support.** Each party supports its own product.",
    referral:
      "# Referral Agreement\n\n1. **Referrals.** The partner introduces prospects; the vendor or another partner sells.\n2. **Fees.** A referral fee of the partner's tier is paid on won deals.\n3. **Conduct.** No spam, no misrepresentation.",
    nda: "# Mutual Non-Disclosure Agreement\n\nEach party keeps the other's confidential information confidential for three years.",
  } as const;
  const ag: Record<string, Awaited<ReturnType<typeof createAgreementRecord>>> = {};
  for (const [type, body] of Object.entries(texts)) {
    const name = {
      reseller: 'Reseller Agreement',
      technology_partner: 'Technology Partner Agreement',
      referral: 'Referral Agreement',
      nda: 'Mutual NDA',
    }[type]!;
    ag[type] = await createAgreementRecord(q, { type: type as keyof typeof texts, name, body });
  }
  const onboarding = (agreement: string) => [
    { key: 'agreement', kind: 'accept_agreement' as const, title: `Accept the ${agreement}` },
    { key: 'profile', kind: 'complete_profile' as const, title: 'Complete your company profile' },
    { key: 'team', kind: 'invite_teammate' as const, title: 'Invite a teammate' },
    { key: 'kickoff', kind: 'custom' as const, title: 'Attend the partner kick-off call' },
  ];
  const programsSpec = [
    {
      name: 'Reseller Program',
      description: 'For partners who resell, distribute or manage the product for their customers.',
      eligibleTypes: ['reseller', 'distributor', 'msp', 'system_integrator'],
      tracks: ['Sell', 'Service'],
      requiredAgreementTypes: ['reseller'],
      checklist: onboarding('Reseller Agreement'),
      tiers: [
        {
          code: 'registered',
          name: 'Registered',
          benefits: [
            { kind: 'discount_pct' as const, value: 10 },
            { kind: 'deal_protection_days' as const, value: 60 },
          ],
        },
        {
          code: 'silver',
          name: 'Silver',
          requirements: [
            { metric: 'won_deals' as const, threshold: 5 },
            { metric: 'certified_users' as const, threshold: 2 },
          ],
          benefits: [
            { kind: 'discount_pct' as const, value: 20 },
            { kind: 'deal_protection_days' as const, value: 90 },
            { kind: 'badge' as const, text: 'Silver reseller' },
          ],
        },
        {
          code: 'gold',
          name: 'Gold',
          requirements: [
            { metric: 'won_deals' as const, threshold: 20 },
            { metric: 'sourced_revenue' as const, threshold: 50_000_000 },
            { metric: 'manual_attestation' as const, threshold: 1, label: 'Annual business plan agreed' },
          ],
          benefits: [
            { kind: 'discount_pct' as const, value: 30 },
            { kind: 'deal_protection_days' as const, value: 120 },
            { kind: 'mdf_allowance' as const, value: 2_500_000, currency: 'USD', period: 'quarter' as const },
            { kind: 'marketplace_boost' as const, value: 1.5 },
            { kind: 'badge' as const, text: 'Gold reseller' },
          ],
        },
      ],
    },
    {
      name: 'Technology Alliance',
      description: 'For ISVs and technology partners who integrate with the product.',
      eligibleTypes: ['isv', 'technology_partner'],
      tracks: ['Build'],
      requiredAgreementTypes: ['technology_partner', 'nda'],
      checklist: onboarding('Technology Partner Agreement'),
      tiers: [
        {
          code: 'registered',
          name: 'Registered',
          benefits: [{ kind: 'custom' as const, text: 'Sandbox environment' }],
        },
        {
          code: 'validated',
          name: 'Validated',
          requirements: [
            { metric: 'manual_attestation' as const, threshold: 1, label: 'Integration validated' },
          ],
          benefits: [
            { kind: 'badge' as const, text: 'Validated integration' },
            { kind: 'marketplace_boost' as const, value: 1.2 },
          ],
        },
        {
          code: 'premier',
          name: 'Premier',
          requirements: [
            { metric: 'manual_attestation' as const, threshold: 1, label: 'Integration validated' },
            { metric: 'active_connections' as const, threshold: 5 },
          ],
          benefits: [
            { kind: 'badge' as const, text: 'Premier technology partner' },
            { kind: 'marketplace_boost' as const, value: 1.5 },
            { kind: 'mdf_allowance' as const, value: 1_000_000, currency: 'USD', period: 'quarter' as const },
          ],
        },
      ],
    },
    {
      name: 'Referral Program',
      description: 'For partners and influencers who refer prospects to the vendor and to other partners.',
      eligibleTypes: ['referral_partner', 'community_influencer', 'reseller', 'system_integrator'],
      tracks: [],
      requiredAgreementTypes: ['referral'],
      checklist: onboarding('Referral Agreement').filter((c) => c.kind !== 'invite_teammate'),
      tiers: [
        { code: 'member', name: 'Member', benefits: [{ kind: 'referral_fee_pct' as const, value: 10 }] },
        {
          code: 'advocate',
          name: 'Advocate',
          requirements: [{ metric: 'converted_referrals_sent' as const, threshold: 3 }],
          benefits: [
            { kind: 'referral_fee_pct' as const, value: 15 },
            { kind: 'badge' as const, text: 'Advocate' },
          ],
        },
      ],
    },
  ];
  const programs = [];
  for (const spec of programsSpec) programs.push({ spec, ...(await createProgramRecord(q, spec)) });
  // The programs and their agreements were published at launch, before anyone enrolled or signed.
  await q.update(programsTable).set({ createdAt: launch, updatedAt: launch, publishedAt: launch });
  await q.update(agreements).set({ createdAt: launch });
  await q.update(agreementVersions).set({ publishedAt: launch });

  for (const p of partners.filter((x) => x.status === 'active' || x.status === 'suspended')) {
    for (const { spec, program, tiers } of programs) {
      if (!p.types.some((t) => spec.eligibleTypes.includes(t))) continue;
      // The referral program is a second program for resellers and SIs only now and then.
      if (
        spec.name === 'Referral Program' &&
        !p.types.some((t) => ['referral_partner', 'community_influencer'].includes(t)) &&
        faker.number.int(3) > 0
      )
        continue;
      // The two named partners are fully onboarded: their screens show what a settled partner sees.
      const accepted = partners.indexOf(p) < 2 || faker.number.int(9) > 1;
      // Approved a few days to a few weeks after the partner signed up; the agreement signed on the way.
      const enrolledAt = new Date(p.createdAt.getTime() + faker.number.int({ min: 3, max: 40 }) * DAY);
      if (accepted) {
        for (const type of spec.requiredAgreementTypes) {
          const a = ag[type]!;
          await acceptAgreementRecord(q, {
            agreementId: a.agreement.id,
            versionId: a.version.id,
            organizationId: p.id,
            userId: p.adminId,
            contentHash: a.version.contentHash,
            acceptedAt: new Date(enrolledAt.getTime() - faker.number.int({ min: 1, max: 48 }) * 3600_000),
          });
        }
      }
      let tier = tiers[0]!;
      if (spec.name === 'Technology Alliance' && faker.number.int(2) > 0) {
        await q
          .insert(attestations)
          .values({ organizationId: p.id, label: 'Integration validated', at: enrolledAt })
          .onConflictDoNothing();
        tier = tiers[1]!;
      }
      await createEnrollmentRecord(q, {
        organizationId: p.id,
        programId: program.id,
        tierId: tier.id,
        status: p.status === 'suspended' ? 'suspended' : accepted ? 'active' : 'pending_agreement',
        createdAt: enrolledAt,
      });
      if (!p.since || enrolledAt < p.since) p.since = enrolledAt;
    }
  }

  const applicants = [
    { companyName: 'Helios Data Partners', country: 'DE', partnerTypes: ['system_integrator'], program: 0 },
    { companyName: 'Brightline Referral Co', country: 'US', partnerTypes: ['referral_partner'], program: 2 },
    { companyName: 'Kumo Integrations KK', country: 'JP', partnerTypes: ['isv'], program: 1 },
    // Looks like an existing partner: the review queue flags it.
    { companyName: `${partners[0]!.name} Inc.`, country: 'US', partnerTypes: ['reseller'], program: 0 },
  ];
  for (const a of applicants) {
    const first = faker.person.firstName();
    const domain = `${a.companyName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/-$/, '')}.example`;
    const row = await createApplicationRecord(q, {
      companyName: a.companyName,
      website: `https://${domain}`,
      country: a.country,
      partnerTypes: a.partnerTypes,
      programIds: [programs[a.program]!.program.id],
      contactName: `${first} ${faker.person.lastName()}`,
      contactEmail: `${first.toLowerCase()}@${domain}`,
      message: applicationMessage(a.partnerTypes[0]!, a.country),
    });
    const duplicates = await findDuplicates(q, {
      companyName: row.companyName,
      domain: row.domain,
      excludeApplicationId: row.id,
    });
    if (duplicates.length)
      await q.update(applications).set({ duplicates }).where(eq(applications.id, row.id));
  }
}
