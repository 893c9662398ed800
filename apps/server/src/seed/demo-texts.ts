import type { Faker } from '@faker-js/faker';

// The demo's words: what a partner of each type in each industry would write about itself. Filler text
// (lorem ipsum, generated catch-phrases) reads as a toy the moment a prospect looks at a profile, so every
// text the demo shows is made here from templates, with the seeded RNG choosing among them.

/** Cities a partner in each demo country is plausibly based in. */
const citiesOf: Record<string, string[]> = {
  US: ['Chicago', 'Austin', 'Denver', 'Atlanta', 'Boston', 'Seattle', 'Columbus', 'Phoenix'],
  GB: ['London', 'Manchester', 'Leeds', 'Bristol', 'Edinburgh'],
  DE: ['Munich', 'Hamburg', 'Cologne', 'Frankfurt', 'Stuttgart'],
  FR: ['Paris', 'Lyon', 'Toulouse', 'Nantes'],
  CA: ['Toronto', 'Vancouver', 'Montreal', 'Calgary'],
  AU: ['Sydney', 'Melbourne', 'Brisbane'],
  NL: ['Amsterdam', 'Utrecht', 'Rotterdam'],
  SE: ['Stockholm', 'Gothenburg', 'Malmö'],
  ES: ['Madrid', 'Barcelona', 'Valencia'],
  IT: ['Milan', 'Turin', 'Bologna'],
  JP: ['Tokyo', 'Osaka', 'Nagoya'],
  SG: ['Singapore'],
  IN: ['Bengaluru', 'Pune', 'Hyderabad'],
  BR: ['São Paulo', 'Curitiba', 'Porto Alegre'],
  MX: ['Mexico City', 'Monterrey', 'Guadalajara'],
  ZA: ['Johannesburg', 'Cape Town'],
  AE: ['Dubai', 'Abu Dhabi'],
  PL: ['Warsaw', 'Kraków', 'Wrocław'],
};

/** The NAICS sectors the demo uses, as a person says them. */
export const industryWords: Record<string, { firms: string; sector: string }> = {
  '51': { firms: 'software and media', sector: 'software' },
  '52': { firms: 'financial services', sector: 'finance' },
  '54': { firms: 'professional services', sector: 'professional services' },
  '62': { firms: 'healthcare', sector: 'healthcare' },
  '31-33': { firms: 'manufacturing', sector: 'manufacturing' },
  '44-45': { firms: 'retail', sector: 'retail' },
  '48-49': { firms: 'logistics', sector: 'logistics' },
  '61': { firms: 'education', sector: 'education' },
  '92': { firms: 'public sector', sector: 'the public sector' },
  '22': { firms: 'utility', sector: 'utilities' },
};

export const demoProducts = ['Backup Pro', 'Cloud Vault', 'Edge Sync', 'Identity Shield', 'Analytics Suite'];

export interface PartnerFacts {
  name: string;
  types: string[];
  country: string;
  city: string;
  industry: string;
  product: string;
  /** The year the partner was founded. */
  founded: number;
  staff: number;
  customers: number;
}

/** One partner's facts: the numbers its texts quote, chosen once so they agree everywhere. */
export function partnerFacts(
  faker: Faker,
  p: { name: string; types: string[]; country: string },
  industries: string[],
): PartnerFacts {
  return {
    name: p.name,
    types: p.types,
    country: p.country,
    city: faker.helpers.arrayElement(citiesOf[p.country] ?? ['its capital']),
    industry: faker.helpers.arrayElement(industries),
    product: faker.helpers.arrayElement(demoProducts),
    founded: faker.number.int({ min: 1994, max: 2019 }),
    staff: faker.helpers.arrayElement([12, 18, 25, 40, 60, 85, 120, 240]),
    customers: faker.helpers.arrayElement([35, 60, 90, 140, 210, 400]),
  };
}

type Template = (f: PartnerFacts, ind: { firms: string; sector: string }) => string;

/** Two or three ways each type of partner describes itself. */
const about: Record<string, Template[]> = {
  reseller: [
    (f, i) =>
      `${f.name} is a value-added reseller in ${f.city} with ${f.staff} people, selling and renewing ${f.product} for ${f.customers} ${i.firms} customers since ${f.founded}.`,
    (f, i) =>
      `Founded in ${f.founded}, ${f.name} resells the platform to ${i.firms} firms around ${f.city} and handles licensing, quoting and renewals for them.`,
  ],
  distributor: [
    (f) =>
      `${f.name} is a ${f.city}-based distributor serving ${f.customers} resellers and MSPs with licensing, channel financing and enablement.`,
    (f, i) =>
      `A distributor since ${f.founded}, ${f.name} brings ${f.product} to regional resellers who serve ${i.firms} customers, with pre-sales help and 30-day terms.`,
  ],
  msp: [
    (f, i) =>
      `${f.name} is a managed service provider in ${f.city} running ${f.product} for ${f.customers} mid-sized ${i.firms} firms, with a 24/7 service desk of ${f.staff} engineers.`,
    (f, i) =>
      `Since ${f.founded}, ${f.name} has looked after the IT of ${i.firms} companies around ${f.city}: backup, monitoring and patching as a monthly service.`,
  ],
  system_integrator: [
    (f, i) =>
      `${f.name} is a systems integrator in ${f.city}; its ${f.staff} consultants plan and run ${f.product} roll-outs and data migrations for ${i.firms} organizations.`,
    (f, i) =>
      `${f.name} designs, integrates and supports the platform in ${i.sector}, from the first assessment to the hand-over to the customer's own team.`,
  ],
  isv: [
    (f, i) =>
      `${f.name} builds software for ${i.firms} companies and ships a certified connector to ${f.product}, used by ${f.customers} shared customers.`,
    (f, i) =>
      `An independent software vendor from ${f.city}, ${f.name} makes the ${i.sector} add-ons that extend the platform's reporting and workflows.`,
  ],
  technology_partner: [
    (f) =>
      `${f.name} makes infrastructure that works with ${f.product} out of the box; joint customers deploy both with one guide.`,
    (f, i) =>
      `${f.name} integrates its identity and networking products with the platform for ${i.firms} customers who need both under one contract.`,
  ],
  referral_partner: [
    (f, i) =>
      `${f.name} advises ${i.firms} companies in ${f.city} on choosing software and introduces them to the partners who deliver it.`,
    (f, i) =>
      `Independent consultants in ${f.city} since ${f.founded}: ${f.name} helps ${i.firms} firms pick vendors and refers them to implementation partners.`,
  ],
  community_influencer: [
    (f) =>
      `${f.name} runs training courses, a podcast and a newsletter read by IT operations people; it refers teams that need hands-on help to partners it trusts.`,
    (f, i) =>
      `From ${f.city}, ${f.name} teaches ${i.sector} IT teams how to run ${f.product} well, online and at user groups.`,
  ],
};

/** The organization's description, written for its primary type and industry. */
export function partnerDescription(faker: Faker, f: PartnerFacts): string {
  const ind = industryWords[f.industry] ?? industryWords['54']!;
  const primary = faker.helpers.arrayElement(about[f.types[0]!] ?? about.reseller!)(f, ind);
  const second = f.types[1] && f.types[1] !== f.types[0] ? about[f.types[1]] : undefined;
  if (!second) return primary;
  const also: Record<string, string> = {
    reseller: 'It also resells the product.',
    distributor: 'It also distributes the product to smaller resellers.',
    msp: 'It also runs the product as a managed service.',
    system_integrator: 'It also runs implementation projects.',
    isv: 'It also builds its own add-ons.',
    technology_partner: 'It also maintains a technology integration.',
    referral_partner: 'It also refers customers it cannot serve itself.',
    community_influencer: 'It also trains and writes for the community.',
  };
  return `${primary} ${also[f.types[1]!] ?? ''}`.trim();
}

/** The second sentence of a marketplace profile: what a customer gets from this kind of partner. */
export function profilePitch(faker: Faker, f: PartnerFacts): string {
  const ind = industryWords[f.industry] ?? industryWords['54']!;
  const pitches: Record<string, string[]> = {
    reseller: [
      `Quotes within a day and renewals handled before they lapse.`,
      `Local pre-sales engineers who know ${ind.sector}.`,
    ],
    distributor: [`Same-day licence fulfilment and a partner desk for resellers.`],
    msp: [
      `Fixed monthly pricing, restores tested every quarter.`,
      `One service desk for backup, monitoring and patching.`,
    ],
    system_integrator: [
      `Fixed-scope migrations, typically live in ${faker.number.int({ min: 4, max: 12 })} weeks.`,
      `Certified consultants and a documented hand-over.`,
    ],
    isv: [`Installs from the marketplace in minutes; support from the people who wrote it.`],
    technology_partner: [`Tested with every release; one support path for joint customers.`],
    referral_partner: [`An unbiased short-list and an introduction to the right delivery partner.`],
    community_influencer: [`Courses, office hours and certification preparation for your team.`],
  };
  return faker.helpers.arrayElement(pitches[f.types[0]!] ?? pitches.reseller!);
}

/** A note a partner writes when registering a deal. */
export function dealNote(faker: Faker, d: { industry: string; products: string[] }): string {
  const ind = industryWords[d.industry] ?? industryWords['54']!;
  const product = d.products[0] ?? demoProducts[0]!;
  const notes = [
    `Replacing their current backup vendor at renewal; ${product} is on the short-list.`,
    `IT director asked for a proposal after our ${ind.sector} round-table.`,
    `Budget approved for this fiscal year; security review in progress.`,
    `Expanding from a pilot of ${faker.number.int({ min: 20, max: 80 })} seats to the whole company.`,
    `Procurement wants three quotes; we are the incumbent for their network.`,
    `Audit finding on ${ind.sector} data retention drives the timeline.`,
    `Consolidating two tools after a merger; decision expected this quarter.`,
  ];
  return faker.helpers.arrayElement(notes);
}

/** What an applicant writes in the application form's message. */
export function applicationMessage(type: string, country: string): string {
  const where =
    { US: 'the US Midwest', DE: 'the DACH region', JP: 'Japan', GB: 'the UK' }[country] ?? country;
  const byType: Record<string, string> = {
    system_integrator: `We run data-platform projects in ${where} and want to add your product to our migration offering. Two of our consultants are ready to certify.`,
    referral_partner: `We advise mid-sized companies in ${where} on software selection and would like to refer the ones that fit your product.`,
    isv: `We build workflow software for manufacturers in ${where} and have a working prototype of a connector; we would like to validate it.`,
    reseller: `We have resold infrastructure software in ${where} for twelve years and have customers asking for your product.`,
  };
  return byType[type] ?? byType.reseller!;
}
