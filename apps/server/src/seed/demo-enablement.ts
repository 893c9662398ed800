import type { Config } from '../config';
import type { Queryable } from '../db/client';
import type { SecretBox } from '../lib/secrets';
import {
  createAssetRecord,
  createCertificationRecord,
  createCertificationTypeRecord,
  createCollectionRecord,
  createCompletionRecord,
  createCourseRecord,
  createPathRecord,
} from '../modules/enablement/enablement.records';
import { findActivePartnerAdmins, findUserByEmail } from '../modules/identity/identity.repository';
import { findCurrentTiers, findPublishedPrograms } from '../modules/programs/programs.repository';

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The enablement a newcomer finds: a library by segment (a Gold-only deck among them), a sales course
 * with a quiz in a path that certifies, and the certified people that Northwind (Gold) and Fabrikam
 * (Silver) need for the reseller ladder's "certified users ≥ 2".
 */
export async function loadDemoEnablement(
  q: Queryable,
  deps: { secrets: SecretBox; config: Pick<Config, 'PUBLIC_URL'> },
  now = new Date(),
) {
  const programs = await findPublishedPrograms(q);
  const reseller = programs.find((p) => p.name === 'Reseller Program');
  if (!reseller) throw new Error('The demo programs must be loaded before enablement');
  const gold = (await findCurrentTiers(q, [reseller])).get(reseller.id)!.find((t) => t.code === 'gold')!;
  const vendorAdmin = await findUserByEmail(q, 'cm@example.com');
  const owner = vendorAdmin?.id ?? null;

  const playbooks = await createCollectionRecord(q, {
    name: 'Sales playbooks',
    description: 'Decks, battlecards and guides for every partner.',
  });
  const goldCollection = await createCollectionRecord(q, {
    name: 'Gold reseller resources',
    description: 'For Gold resellers only.',
    segment: { tierIds: [gold.id] },
  });
  await createAssetRecord(q, {
    kind: 'rich_text',
    title: 'Gold reseller sales deck',
    description: 'The enterprise pitch, with the Gold pricing and references.',
    body: '# Winning enterprise deals\n\n1. Lead with the outcome.\n2. Bring a reference.\n3. Register the deal early: **120 days** of protection at Gold.',
    collectionId: goldCollection.id,
    segment: { tierIds: [gold.id] },
    ownerUserId: owner,
    reviewOn: day(new Date(now.getTime() + 60 * DAY)),
    publishedAt: new Date(now.getTime() - 5 * DAY),
  });
  const battlecard = await createAssetRecord(q, {
    kind: 'link',
    title: 'Competitive battlecard',
    description: 'How we win against the three usual alternatives.',
    url: 'https://www.example.com/battlecard',
    collectionId: playbooks.id,
    ownerUserId: owner,
    reviewOn: day(new Date(now.getTime() + 30 * DAY)),
    publishedAt: new Date(now.getTime() - 12 * DAY),
  });
  await createAssetRecord(q, {
    kind: 'rich_text',
    title: 'Pricing guide 2026',
    description: 'List prices, discounts by tier and how to quote.',
    body: '## Discounts by tier\n\n| Tier | Discount |\n| --- | --- |\n| Registered | 10% |\n| Silver | 20% |\n| Gold | 30% |',
    collectionId: playbooks.id,
    ownerUserId: owner,
    expiresOn: day(new Date(now.getTime() + 120 * DAY)),
    publishedAt: new Date(now.getTime() - 40 * DAY),
  });
  await createAssetRecord(q, {
    kind: 'link',
    title: 'Reseller onboarding webinar (recording)',
    url: 'https://www.example.com/webinars/onboarding',
    segment: { partnerTypes: ['reseller', 'distributor'] },
    ownerUserId: owner,
    publishedAt: new Date(now.getTime() - 90 * DAY),
  });

  const salesPro = await createCertificationTypeRecord(q, {
    code: 'sales-pro',
    name: 'Certified Sales Professional',
    description: 'Sells the platform: discovery, the pitch, pricing and deal registration.',
    validityMonths: 24,
  });
  await createCertificationTypeRecord(q, {
    code: 'tech-specialist',
    name: 'Certified Technical Specialist',
    description: 'Deploys and integrates the platform.',
    validityMonths: 12,
  });
  const selling = await createCourseRecord(q, {
    title: 'Selling PartnerGraph',
    description: 'The pitch, the pricing and registering your deals, in three short lessons and a quiz.',
    passingScore: 80,
    // Written a year and a half ago, before anyone took it.
    createdAt: new Date(now.getTime() - 540 * DAY),
    lessons: [
      {
        title: 'The outcome first',
        body: 'Customers buy outcomes. Open with the result the customer wants.',
      },
      {
        title: 'The battlecard',
        body: 'Know the three usual alternatives and how we win.',
        assetId: battlecard.id,
      },
      {
        title: 'Register early',
        body: 'A registered deal is protected: register it as soon as it is qualified.',
      },
    ],
    questions: [
      {
        prompt: 'What do you open a pitch with?',
        options: ['The feature list', 'The outcome the customer wants', 'The price'],
        correctOption: 1,
      },
      {
        prompt: 'When do you register a deal?',
        options: ['As soon as it is qualified', 'After it is won', 'Never'],
        correctOption: 0,
      },
      {
        prompt: 'What does a Gold reseller get on a registered deal?',
        options: ['60 days of protection', '120 days of protection'],
        correctOption: 1,
      },
    ],
  });
  await createPathRecord(q, {
    title: 'Sales certification',
    courseIds: [selling.id],
    certificationTypeId: salesPro.id,
  });

  // The people the reseller ladder counts: two at Northwind (Gold), two at Fabrikam (Silver).
  const certify = async (email: string, daysAgo: number) => {
    const user = await findUserByEmail(q, email);
    if (!user) return;
    const completedAt = new Date(now.getTime() - daysAgo * DAY);
    await createCompletionRecord(q, {
      courseId: selling.id,
      userId: user.id,
      organizationId: user.organizationId,
      completedAt,
      score: 100,
    });
    await createCertificationRecord(q, deps, {
      typeId: salesPro.id,
      user: { id: user.id, name: user.name, email: user.email, organizationId: user.organizationId },
      issuedOn: day(completedAt),
      source: 'path',
    });
  };
  for (const email of ['user@northwind.example', 'user@fabrikam.example', 'admin@fabrikam.example'])
    await certify(email, 60);
  const northwind = await findUserByEmail(q, 'user@northwind.example');
  const [northwindAdmin] = northwind ? await findActivePartnerAdmins(q, northwind.organizationId) : [];
  if (northwindAdmin) await certify(northwindAdmin.to, 200);
}
