import type { Faker } from '@faker-js/faker';
import type { DealStatus, InvolvementRole } from '@partnergraph/shared/contracts/deals';
import type { Queryable } from '../db/client';
import { normalizeCompanyName } from '../modules/organizations/company-identity';
import { bestBenefit } from '../modules/programs/benefits';
import { dealNote, demoProducts, type PartnerFacts } from './demo-texts';
import { createDealRecord, createFxRateRecord, createReferralRecord, type DealInput } from './factories';

const DAY = 86_400_000;

/**
 * Customers as generated names give them, each a company of its own: a name
 * or domain met before (faker repeats surnames) gets a number, so no two
 * partners end up holding one customer under protection, which approval forbids.
 */
function customerNames() {
  const used = new Set<string>();
  return (generated: string) => {
    const key = normalizeCompanyName(generated).replace(/ /g, '');
    const slug = generated
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '')
      .slice(0, 20);
    for (let k = 1; ; k++) {
      const n = k === 1 ? '' : String(k);
      const name = k === 1 ? generated : `${generated} ${n}`;
      const domain = `${slug}${n}.com`;
      if (used.has(`name:${key}${n}`) || used.has(`domain:${domain}`)) continue;
      used.add(`name:${key}${n}`);
      used.add(`domain:${domain}`);
      return { name, domain };
    }
  };
}

export interface DemoDealPartner {
  id: string;
  name: string;
  types: string[];
  status: string;
  country: string;
  adminId: string;
  createdAt: Date;
  /** Its first enrollment: from then on it registers and joins deals. Null while it has none. */
  since: Date | null;
  industry: string;
  facts: PartnerFacts;
  /** The partners it regularly works with (ids). */
  circle?: string[];
  /** Works with the vendor only, never with another partner. */
  loner?: boolean;
}

/** The currency a partner in each country usually quotes in. */
const currencyOf: Record<string, string> = {
  US: 'USD',
  GB: 'GBP',
  DE: 'EUR',
  FR: 'EUR',
  NL: 'EUR',
  ES: 'EUR',
  IT: 'EUR',
  CA: 'CAD',
  AU: 'AUD',
  JP: 'JPY',
  SE: 'SEK',
};
/** USD per unit around the demo's year; each month drifts a little from these. */
const baseRates: Record<string, number> = {
  EUR: 1.08,
  GBP: 1.27,
  CAD: 0.73,
  AUD: 0.66,
  JPY: 0.0067,
  SEK: 0.095,
};
const industries = ['51', '52', '54', '62', '31-33', '44-45', '48-49', '61', '92', '22'];

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Two years of commercial history up to `now`, so that the overview's twelve months always have the
 * twelve before them: monthly FX rates, deals at every stage (half of them recorded by the vendor's own
 * sales team, some with several partners), partner-to-partner and partner-to-vendor referrals, many
 * converted into deals and won, and a few look-alike registrations for the conflict queue.
 *
 * The mix is tuned so that the figures the analytics overview shows sit where a real mid-size
 * vendor's would (test/demo-truth.test.ts asserts the ranges):
 * - Ecosystem share of won revenue 40–80%: Canalys puts about 70% of IT spend through partners;
 *   SaaS vendors with a partner program report partner-touched revenue of roughly a third to two
 *   thirds (partner-ecosystem surveys by Crossbeam and Partnership Leaders). A vendor with its own
 *   direct team in its three home markets sits in the middle.
 * - Partner-sourced deals 25–70% of won deals: direct deals are fewer but larger.
 * - Won deals with two or more partners 8–35%: co-selling is common but not the norm.
 * - Referral acceptance 55–90% and conversion 15–45%: referred deals close better than cold
 *   pipeline (typically 20–30% win rates for qualified B2B opportunities, higher when referred).
 * - Participation 35–85% and graph density 2–15%: partner networks are sparse and clustered (each
 *   partner works with a handful of others; many work with the vendor alone), see weaveCircles.
 * - Network revenue share 10–40%: the multi-partner and referral deals' part of ecosystem revenue.
 */
export async function loadDemoDeals(
  q: Queryable,
  faker: Faker,
  vendor: { id: string },
  partners: DemoDealPartner[],
  now = new Date(),
) {
  const today = new Date(`${isoDate(now)}T00:00:00Z`);
  // A little over two years: the previous period's first months also have deals created before them that close in them.
  const HISTORY_DAYS = 800;
  // Monthly rates back to the oldest close date, so every deal of the two years converts.
  for (const [currency, base] of Object.entries(baseRates)) {
    for (let m = 28; m >= 0; m--) {
      const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - m, 1));
      const drift = 1 + faker.number.float({ min: -0.03, max: 0.03 });
      await createFxRateRecord(q, {
        currency,
        rate: (base * drift).toFixed(currency === 'JPY' ? 6 : 4),
        effectiveDate: isoDate(d),
      });
    }
  }

  const active = partners.filter((p) => p.status === 'active');
  const byId = new Map(partners.map((p) => [p.id, p]));
  /** Enrolled by `at`: only then does a partner register, join or refer deals. */
  const enrolledBy = (p: DemoDealPartner, at: Date) => p.since !== null && p.since <= at;
  const sellers = active.filter((p) =>
    p.types.some((t) => ['reseller', 'msp', 'system_integrator', 'distributor'].includes(t)),
  );
  const isHelper = (p: DemoDealPartner) =>
    p.types.some((t) => ['isv', 'technology_partner', 'system_integrator', 'msp'].includes(t));
  const referrers = active.filter(
    (p) =>
      !p.loner &&
      p.types.some((t) =>
        ['referral_partner', 'community_influencer', 'reseller', 'system_integrator'].includes(t),
      ),
  );
  const circleOf = (p: DemoDealPartner) =>
    (p.circle ?? []).map((id) => byId.get(id)!).filter((o) => o.status === 'active');
  const [northwind, contoso] = partners;

  const named = customerNames();
  const customer = () => named(faker.company.name());

  /**
   * A day of the last two years, drawn with the business's shape: volume grows about 45% a year
   * (the ecosystem is young), the last quarter of the year is the busiest and the summer the quietest.
   */
  const seasonal = [0.9, 0.95, 1.1, 1, 1, 1.05, 0.8, 0.75, 1, 1.1, 1.2, 1.3];
  const dealDay = (): Date => {
    for (;;) {
      const ago = faker.number.int({ min: 0, max: HISTORY_DAYS - 1 });
      const at = new Date(today.getTime() - ago * DAY - faker.number.int({ min: 0, max: 86_000 }) * 1000);
      const weight = Math.pow(1.45, -ago / 365) * seasonal[at.getUTCMonth()]!;
      if (faker.number.float() * 1.3 <= weight) return at;
    }
  };

  /** The status a deal created `ageDays` ago has most likely reached. */
  const statusFor = (ageDays: number): DealStatus =>
    ageDays > 120
      ? faker.helpers.weightedArrayElement([
          { weight: 45, value: 'won' as const },
          { weight: 28, value: 'lost' as const },
          { weight: 10, value: 'expired' as const },
          { weight: 5, value: 'rejected' as const },
          // Sales cycles run three to five months: a deal older than eight is rarely still open.
          { weight: ageDays > 240 ? 2 : 25, value: 'approved' as const },
        ])
      : ageDays > 30
        ? faker.helpers.weightedArrayElement([
            { weight: 22, value: 'won' as const },
            { weight: 10, value: 'lost' as const },
            { weight: 55, value: 'approved' as const },
            { weight: 5, value: 'rejected' as const },
            { weight: 2, value: 'registered' as const },
          ])
        : faker.helpers.weightedArrayElement([
            // The channel team decides within days: only this week's registrations are still waiting.
            { weight: ageDays < 7 ? 40 : 4, value: 'registered' as const },
            { weight: 55, value: 'approved' as const },
            { weight: 5, value: 'rejected' as const },
          ]);
  /** A referred deal arrives warm: it is won more often than a cold one. */
  const referredStatusFor = (ageDays: number): DealStatus =>
    ageDays > 60
      ? faker.helpers.weightedArrayElement([
          { weight: 62, value: 'won' as const },
          { weight: 24, value: 'lost' as const },
          { weight: 4, value: 'expired' as const },
          { weight: ageDays > 365 ? 2 : 10, value: 'approved' as const },
        ])
      : statusFor(ageDays);

  const lifecycle = (createdAt: Date, status: DealStatus): Partial<DealInput> => {
    const ageDays = Math.floor((today.getTime() - createdAt.getTime()) / DAY);
    const approvedAt = new Date(createdAt.getTime() + faker.number.int({ min: 1, max: 4 }) * DAY);
    const protectionDays =
      ageDays > 200 && status === 'approved' ? 365 : faker.helpers.arrayElement([60, 90, 120]);
    const closeAfter = faker.number.int({ min: 20, max: Math.max(21, Math.min(ageDays - 2, 150)) });
    const closeDate = isoDate(
      new Date(Math.min(createdAt.getTime() + closeAfter * DAY, today.getTime() - DAY)),
    );
    return {
      status,
      approvedAt,
      // Still-approved old deals were extended; expired ones ran out.
      protectionDays:
        status === 'expired'
          ? Math.min(60, Math.max(1, ageDays - 10))
          : Math.max(protectionDays, ageDays + 15),
      ...(status === 'won' || status === 'lost' ? { closeDate } : {}),
    };
  };

  const amountIn = (currency: string, scale = 1) => {
    const usd = faker.helpers.weightedArrayElement([
      { weight: 5, value: faker.number.int({ min: 5_000, max: 40_000 }) },
      { weight: 4, value: faker.number.int({ min: 40_000, max: 150_000 }) },
      { weight: 1, value: faker.number.int({ min: 150_000, max: 500_000 }) },
    ]);
    const major = Math.round((usd * scale) / (baseRates[currency] ?? 1) / 10) * 10;
    return currency === 'JPY' ? major : major * 100;
  };

  // --- Deals registered by partners, and by the vendor's direct team ---
  for (let i = 0; i < 620; i++) {
    const createdAt = dealDay();
    const ageDays = Math.floor((today.getTime() - createdAt.getTime()) / DAY);
    const eligible = sellers.filter((p) => enrolledBy(p, createdAt));
    const vendorRecorded = i % 2 === 0 || eligible.length === 0;
    const registrant = vendorRecorded ? null : faker.helpers.arrayElement(eligible);
    const country = registrant?.country ?? faker.helpers.arrayElement(['US', 'US', 'GB', 'DE', 'FR', 'CA']);
    const currency = currencyOf[country] ?? 'USD';
    const status = vendorRecorded
      ? faker.helpers.arrayElement<DealStatus>(
          ageDays > 60 ? ['won', 'lost', 'won', 'lost', ageDays > 365 ? 'lost' : 'approved'] : ['approved'],
        )
      : statusFor(ageDays);
    const c = customer();
    const involvements: { organizationId: string; role: InvolvementRole; involvedAt: Date }[] = registrant
      ? [{ organizationId: registrant.id, role: 'sourced', involvedAt: createdAt }]
      : [];
    // Partners join a deal from the registrant's regular circle; the direct team brings in one partner now and then.
    if (status !== 'rejected' && faker.number.float() < (vendorRecorded ? 0.25 : 0.3)) {
      const joinedAt = new Date(createdAt.getTime() + faker.number.int({ min: 2, max: 20 }) * DAY);
      const pool = (registrant ? circleOf(registrant) : active.filter((h) => !h.loner && isHelper(h))).filter(
        (h) => isHelper(h) && enrolledBy(h, joinedAt) && h.id !== registrant?.id,
      );
      const extra = faker.helpers.arrayElements(pool, registrant ? { min: 1, max: 2 } : 1);
      for (const h of extra) {
        const role: InvolvementRole = h.types.some((t) => t === 'isv' || t === 'technology_partner')
          ? 'integration'
          : faker.helpers.arrayElement(['co_sell', 'implementation', 'influenced'] as const);
        involvements.push({ organizationId: h.id, role, involvedAt: joinedAt });
      }
    }
    const industry =
      registrant && faker.number.float() < 0.6 ? registrant.industry : faker.helpers.arrayElement(industries);
    const dealProducts = faker.helpers.arrayElements(demoProducts, { min: 1, max: 2 });
    await createDealRecord(q, {
      registeredByOrgId: registrant?.id ?? vendor.id,
      registeredByUserId: registrant?.adminId ?? null,
      vendorRecorded,
      customerName: c.name,
      customerDomain: c.domain,
      country,
      industry,
      // The direct team works the larger accounts.
      amount: amountIn(currency, vendorRecorded ? 1.8 : 1),
      currency,
      products: dealProducts,
      stage:
        status === 'approved'
          ? faker.helpers.arrayElement(['discovery', 'proposal', 'negotiation', 'commit'] as const)
          : null,
      notes:
        registrant && faker.number.float() < 0.6 ? dealNote(faker, { industry, products: dealProducts }) : '',
      createdAt,
      involvements,
      ...lifecycle(createdAt, status),
    });
  }

  // --- Referrals: partner to partner within the referrer's circle, and partner to vendor ---
  for (let i = 0; i < 200; i++) {
    const createdAt = dealDay();
    const ageDays = Math.floor((today.getTime() - createdAt.getTime()) / DAY);
    const eligible = referrers.filter((p) => enrolledBy(p, createdAt));
    if (eligible.length === 0) continue;
    const referrer = faker.helpers.arrayElement(eligible);
    const circle = circleOf(referrer).filter(
      (s) => sellers.includes(s) && enrolledBy(s, createdAt) && s.id !== referrer.id,
    );
    const toVendor = i % 4 === 0 || circle.length === 0;
    const recipient = toVendor ? null : faker.helpers.arrayElement(circle);
    const status =
      ageDays < 7
        ? 'submitted'
        : faker.helpers.weightedArrayElement([
            { weight: 45, value: 'converted' as const },
            { weight: 20, value: 'rejected' as const },
            { weight: 12, value: 'accepted' as const },
            { weight: ageDays < 30 ? 20 : 3, value: 'submitted' as const },
          ]);
    await demoReferral(q, faker, {
      referrer,
      recipient,
      vendorId: vendor.id,
      createdAt,
      status,
      today,
      currency: currencyOf[recipient?.country ?? 'US'] ?? 'USD',
      amount: (cur: string) => amountIn(cur),
      dealStatus: () => referredStatusFor(Math.max(0, ageDays - 5)),
      lifecycle,
      customer: named,
    });
  }

  // --- Named history the browser tests and the README walk through ---
  if (northwind && contoso) {
    const week = (n: number) => new Date(today.getTime() - n * 7 * DAY);
    const nwContoso = {
      today,
      vendorId: vendor.id,
      lifecycle,
      amount: amountIn,
      dealStatus: () => 'won' as DealStatus,
      customer: named,
    };
    await demoReferral(q, faker, {
      ...nwContoso,
      referrer: northwind,
      recipient: contoso,
      createdAt: week(20),
      status: 'converted',
      currency: 'GBP',
    });
    await demoReferral(q, faker, {
      ...nwContoso,
      referrer: contoso,
      recipient: northwind,
      createdAt: week(12),
      status: 'converted',
      currency: 'USD',
      dealStatus: () => 'approved',
    });
    await demoReferral(q, faker, {
      ...nwContoso,
      referrer: contoso,
      recipient: northwind,
      createdAt: week(0),
      status: 'submitted',
      currency: 'USD',
    });
    // A protected registration by Contoso and a look-alike by Northwind awaiting review: a conflict for cm@example.com.
    await createDealRecord(q, {
      registeredByOrgId: contoso.id,
      registeredByUserId: contoso.adminId,
      customerName: 'Tailspin Toys Ltd',
      customerDomain: 'tailspintoys.com',
      country: 'GB',
      industry: '44-45',
      amount: 4_800_000,
      currency: 'GBP',
      status: 'approved',
      createdAt: week(3),
      approvedAt: week(3),
      protectionDays: 90,
      stage: 'proposal',
    });
    await createDealRecord(q, {
      registeredByOrgId: northwind.id,
      registeredByUserId: northwind.adminId,
      customerName: 'Tailspin Toys',
      customerDomain: 'https://www.tailspintoys.com',
      country: 'US',
      industry: '44-45',
      amount: 6_500_000,
      currency: 'USD',
      status: 'registered',
      createdAt: new Date(today.getTime() - DAY),
      notes: 'Met their CIO at a trade show',
    });
    await createDealRecord(q, {
      registeredByOrgId: northwind.id,
      registeredByUserId: northwind.adminId,
      customerName: 'Fabrikam Inc',
      customerDomain: 'fabrikam.com',
      country: 'US',
      industry: '51',
      amount: 12_000_000,
      currency: 'USD',
      status: 'approved',
      createdAt: week(2),
      approvedAt: week(2),
      protectionDays: 90,
      stage: 'negotiation',
    });
  }
}

interface ReferralSpec {
  referrer: DemoDealPartner;
  recipient: DemoDealPartner | null;
  vendorId: string;
  createdAt: Date;
  status: 'submitted' | 'accepted' | 'rejected' | 'converted';
  today: Date;
  currency: string;
  amount: (currency: string) => number;
  dealStatus: () => DealStatus;
  lifecycle: (createdAt: Date, status: DealStatus) => Partial<DealInput>;
  /** Makes a generated company name one no other demo customer has. */
  customer: (generated: string) => { name: string; domain: string };
}

/** A referral and, when converted, its deal: the recipient sourced, the referrer referred. */
async function demoReferral(q: Queryable, faker: Faker, s: ReferralSpec) {
  const { name, domain } = s.customer(faker.company.name());
  const decidedAt = new Date(s.createdAt.getTime() + faker.number.int({ min: 1, max: 5 }) * DAY);
  const fee = s.status === 'converted' ? await bestBenefit(q, s.referrer.id, 'referral_fee_pct') : null;
  const referral = await createReferralRecord(q, {
    referrerOrgId: s.referrer.id,
    referrerUserId: s.referrer.adminId,
    recipientOrgId: s.recipient?.id ?? s.vendorId,
    toVendor: !s.recipient,
    companyName: name,
    companyDomain: domain,
    country: s.recipient?.country ?? 'US',
    industry: faker.helpers.arrayElement(industries),
    need: faker.helpers.arrayElement([
      'Wants to move backups off tape before the audit',
      'Needs identity management for 400 staff',
      'Looking for a managed cloud migration partner',
      'Asked for analytics on their retail data',
      'Expanding into a new region and needs local support',
    ]),
    estimatedAmount: s.amount(s.currency),
    estimatedCurrency: s.currency,
    status: s.status,
    createdAt: s.createdAt,
    decidedAt,
    feePercent: fee ? String(fee.value) : '0',
    feeBasis: fee
      ? `Referral fee benefit of the ${fee.source}`
      : 'No referral-fee benefit in the referrer’s active tiers',
  });
  if (s.status !== 'converted') return;
  const dealCreated = new Date(decidedAt.getTime() + DAY);
  if (dealCreated > s.today) return;
  const status = s.dealStatus();
  const registrant = s.recipient;
  await createDealRecord(q, {
    registeredByOrgId: registrant?.id ?? s.vendorId,
    registeredByUserId: registrant?.adminId ?? null,
    vendorRecorded: !registrant,
    customerName: name,
    customerDomain: domain,
    country: registrant?.country ?? 'US',
    amount: s.amount(s.currency),
    currency: s.currency,
    products: faker.helpers.arrayElements(demoProducts, { min: 1, max: 2 }),
    createdAt: dealCreated,
    referralId: referral.id,
    involvements: [
      ...(registrant
        ? [{ organizationId: registrant.id, role: 'sourced' as const, involvedAt: dealCreated }]
        : []),
      { organizationId: s.referrer.id, role: 'referred' as const, involvedAt: s.createdAt },
    ],
    ...s.lifecycle(
      dealCreated,
      registrant ? status : status === 'registered' || status === 'rejected' ? 'approved' : status,
    ),
  });
}
