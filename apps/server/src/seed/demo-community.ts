import { Faker, en } from '@faker-js/faker';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { newId } from '../lib/ids';
import { users } from '../modules/identity/identity.tables';
import { organizations } from '../modules/organizations/organizations.tables';
import {
  agreements,
  agreementVersions,
  attestations,
  enrollments,
  programs,
  programTiers,
  tierHistory,
} from '../modules/programs/programs.tables';
import {
  addReactionRecord,
  addSpaceMember,
  createAnnouncementRecord,
  createCommentRecord,
  createEventRecord,
  createMemberProfileRecord,
  createNotificationRecord,
  createPostRecord,
  createReportRecord,
  createRsvpRecord,
  createSpaceRecord,
  markAnnouncementReadRecord,
} from './community-factories';
import {
  acceptAgreementRecord,
  backdateMembers,
  createEnrollmentRecord,
  createPartnerOrganization,
  createUser,
} from './factories';

const DAY = 86_400_000;
const utcHourFor: Record<string, number> = {
  'America/New_York': 18,
  'America/Chicago': 19,
  'Europe/Berlin': 15,
  'Europe/London': 16,
  'Europe/Paris': 15,
  'Asia/Singapore': 7,
  UTC: 15,
};

interface Person {
  id: string;
  name: string;
  email: string;
  orgId: string;
  orgName: string;
  kind: 'vendor' | 'partner';
  types: string[];
  country: string | null;
  joined: Date;
}

// What partners actually talk about: each topic is a title and a body with
// placeholders for a customer, a product area and a colleague.
const topics: Record<string, { title: string; body: string }[]> = {
  general: [
    {
      title: 'Who has done a {area} rollout for a hospital group?',
      body: 'We are bidding on a **{area}** project for a regional hospital group ({customer}). Has anyone delivered something similar? Happy to bring you in as a co-sell partner.',
    },
    {
      title: 'Looking for a partner in {country}',
      body: 'A customer of ours is expanding into {country} and needs local implementation support for {area}. Referral fee per the usual program terms. Reply here or message me.',
    },
    {
      title: 'Lessons learned from our first {area} deployment',
      body: 'Three things we wish we had known:\n\n1. Size the pilot small — 50 seats, not 500.\n2. Get the security review started in week one.\n3. Register the deal early; protection saved us when a second partner showed up.\n\nWhat would you add?',
    },
    {
      title: 'Deal registration: how long does approval take for you?',
      body: 'Our last three registrations were approved within a day. Is that typical? Curious how others plan around it.',
    },
    {
      title: 'Pricing question on the {area} bundle',
      body: 'Does the partner discount apply to the {area} add-on when it is sold with a new subscription, or only on renewals?',
    },
    {
      title: 'Joint webinar idea: {area} for mid-market',
      body: 'We are planning a webinar on {area} for mid-market IT leaders next quarter. Any ISV or MSP here want to co-present? We bring the audience, you bring the demo.',
    },
  ],
  msp: [
    {
      title: 'Monitoring stack for {area} — what do you run?',
      body: 'We are standardising our NOC tooling. Which integrations do you use for {area} alerting, and how do you bill for it?',
    },
    {
      title: 'Per-seat vs per-device pricing for managed {area}',
      body: 'We moved from per-device to per-seat last year. Margins went up, but two customers pushed back. How do you price it?',
    },
    {
      title: 'Runbook template for onboarding a new managed customer',
      body: 'Sharing our 30-day onboarding runbook (attached). Steal what helps; improvements welcome.',
    },
  ],
  gold: [
    {
      title: 'Q{quarter} pipeline review: what is working',
      body: 'Our sourced pipeline is up this quarter, mostly from {area}. Partner-to-partner referrals now make a third of it. What are you seeing?',
    },
    {
      title: 'MDF ideas that actually produced pipeline',
      body: 'Field events with a customer speaker beat every webinar we ran. Interested in pooling MDF for a joint event in {country}?',
    },
  ],
  builders: [
    {
      title: 'API rate limits when syncing {area} data',
      body: 'We hit rate limits syncing large tenants. Batching by 500 and backing off on 429 fixed it. Anyone found a better pattern?',
    },
    {
      title: 'Listing our {area} connector: review feedback',
      body: 'Our integration listing came back with two comments from the review. Sharing them here in case it saves someone a cycle.',
    },
    {
      title: 'Webhook signatures: verifying in Go and Python',
      body: 'Snippets for verifying the Standard Webhooks signatures in our connector. `webhook-id`, `webhook-timestamp`, then HMAC over both and the body.',
    },
  ],
  emea: [
    {
      title: 'Public sector tenders in {country}',
      body: 'A public sector tender for {area} opens next month in {country}. We need a local partner with the right certifications. Interested?',
    },
    {
      title: 'Data residency questions from {country} customers',
      body: 'Customers in {country} keep asking where data is stored. Does anyone have a one-page answer the vendor approved?',
    },
  ],
  design: [
    {
      title: 'Early feedback on the new partner portal',
      body: 'First impressions after a week: the referral inbox is great; the deal form needs a way to add a second partner. Details below.',
    },
  ],
};

const replies = [
  'We did exactly this last year — happy to share what we learned.',
  'Interested. Sending you a connection request now.',
  'Same experience here. The pilot size is the key.',
  'Could you share the slides afterwards?',
  'We can cover {country}. Let us talk this week.',
  'Thanks, this is really useful.',
  'Our approvals took two days on average.',
  '+1, we would join a joint webinar.',
  'Have you tried the {area} integration from the marketplace? It saved us weeks.',
  'Count us in for the event.',
];

const areas = [
  'backup',
  'identity',
  'endpoint security',
  'data analytics',
  'SIEM',
  'cloud migration',
  'collaboration',
  'ERP integration',
];
const expertise = [
  'Kubernetes',
  'Healthcare',
  'Public sector',
  'SIEM',
  'Backup',
  'Identity',
  'Azure',
  'AWS',
  'Retail',
  'Manufacturing',
  'Pre-sales',
  'Licensing',
];
const headlines = [
  'Solutions architect',
  'Partner account manager',
  'Pre-sales engineer',
  'Head of alliances',
  'Managed services lead',
  'Integration engineer',
  'Sales director',
];

/**
 * The demo's community: six months of discussion in open, segment and private
 * spaces, announcements to segments, events past and upcoming, a directory.
 * Dates are relative to `now`, so the engagement score's trailing 90 days and
 * "upcoming" always have something in them. Also makes Northwind a Gold
 * reseller and adds Fabrikam Software (an ISV and Silver reseller), the two
 * sides of the "Gold resellers only" announcement.
 */
export async function loadDemoCommunity(q: Queryable, opts: { now?: Date; seed?: number } = {}) {
  const faker = new Faker({ locale: [en] });
  faker.seed(opts.seed ?? 4242);
  const now = opts.now ?? new Date();
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  const { goldTier, fabrikam } = await segmentPartners(q, now);

  const people: Person[] = (
    await q
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        orgId: organizations.id,
        orgName: organizations.name,
        kind: organizations.kind,
        country: organizations.country,
        joined: users.createdAt,
      })
      .from(users)
      .innerJoin(organizations, eq(organizations.id, users.organizationId))
      .where(and(eq(users.status, 'active'), inArray(organizations.status, ['active'])))
      .orderBy(users.email)
  ).map((p) => ({ ...p, types: [] as string[] }));
  const typeRows = await q.execute<{ organization_id: string; type_code: string }>(
    // Read once: types decide who is in which segment space.
    sql`select organization_id, type_code from organization_partner_types`,
  );
  for (const r of typeRows.rows) {
    for (const p of people) if (p.orgId === r.organization_id) p.types.push(r.type_code);
  }
  const partners = people.filter((p) => p.kind === 'partner');
  const staff = people.filter((p) => p.kind === 'vendor');
  const cm = staff.find((s) => s.name === 'Casey Morgan') ?? staff[0]!;
  const northwindAdmin = people.find((p) => p.email === 'admin@northwind.example')!;
  const fill = (text: string) =>
    text
      .replaceAll('{area}', faker.helpers.arrayElement(areas))
      .replaceAll('{customer}', `${faker.location.city()} Health`)
      .replaceAll(
        '{country}',
        faker.helpers.arrayElement(['Germany', 'France', 'the UK', 'Spain', 'Brazil', 'Japan']),
      )
      .replaceAll('{quarter}', String(1 + Math.floor(now.getUTCMonth() / 3)));
  const mention = (p: Person) => `@[${p.name}](user:${p.id})`;

  const emea = [
    'DE',
    'GB',
    'FR',
    'NL',
    'ES',
    'IT',
    'SE',
    'PL',
    'IE',
    'BE',
    'CH',
    'AT',
    'DK',
    'NO',
    'FI',
    'PT',
  ];
  const spaceSpecs = [
    {
      key: 'general',
      name: 'General',
      description: 'Introductions, questions and news for every partner in the ecosystem.',
      visibility: 'open' as const,
      members: (_: Person) => faker.number.int(9) < 7,
      posts: 36,
    },
    {
      key: 'msp',
      name: 'MSP Practice',
      description: 'Managed service providers: tooling, pricing and operations.',
      visibility: 'segment' as const,
      segment: { partnerTypes: ['msp'] },
      members: (p: Person) => p.types.includes('msp') && faker.number.int(9) < 6,
      posts: 12,
    },
    {
      key: 'gold',
      name: 'Reseller Gold Council',
      description: 'For Gold resellers: pipeline reviews, MDF and the partner advisory board.',
      visibility: 'segment' as const,
      segment: { partnerTypes: ['reseller'], tierIds: [goldTier.id] },
      members: (p: Person) => p.orgName === 'Northwind Systems',
      posts: 6,
    },
    {
      key: 'builders',
      name: 'Integration Builders',
      description: 'ISVs and technology partners building on the platform.',
      visibility: 'segment' as const,
      segment: { partnerTypes: ['isv', 'technology_partner'] },
      members: (p: Person) =>
        p.types.some((t) => t === 'isv' || t === 'technology_partner') && faker.number.int(9) < 6,
      posts: 12,
    },
    {
      key: 'emea',
      name: 'EMEA Partners',
      description: 'Partners in Europe, the Middle East and Africa.',
      visibility: 'segment' as const,
      segment: { countries: emea },
      members: (p: Person) => emea.includes(p.country ?? '') && faker.number.int(9) < 6,
      posts: 10,
    },
    {
      key: 'design',
      name: 'Launch Design Partners',
      description: 'A private group trying new features before launch. By invitation.',
      visibility: 'private' as const,
      members: (p: Person) => p.orgName === 'Northwind Systems' || p.orgName === 'Contoso Cloud Services',
      posts: 4,
    },
  ];

  let general: { id: string } | undefined;
  let firstPost: { id: string; spaceId: string } | undefined;
  for (const spec of spaceSpecs) {
    const space = await createSpaceRecord(q, {
      name: spec.name,
      description: spec.description,
      visibility: spec.visibility,
      ...('segment' in spec ? { segment: spec.segment } : {}),
      createdAt: ago(740),
    });
    if (spec.key === 'general') general = space;
    const members = partners.filter((p) => spec.members(p));
    // Each person joins the space some time after their own account exists; the vendor's staff at its start.
    const joinedSpace = new Map<string, Date>([[cm.id, ago(740)]]);
    for (const m of members) {
      const since = Math.min(720, Math.floor((now.getTime() - m.joined.getTime()) / DAY) - 1);
      const joinedAt = ago(faker.number.int({ min: Math.min(20, since), max: since }));
      joinedSpace.set(m.id, joinedAt);
      await addSpaceMember(q, {
        spaceId: space.id,
        userId: m.id,
        role: spec.key === 'general' && m.id === northwindAdmin.id ? 'moderator' : 'member',
        joinedAt,
      });
    }
    const joinedOf = (p: Person) => joinedSpace.get(p.id) ?? ago(740);
    if (members.length === 0) continue;
    const authors = [...members, cm];
    if (spec.key === 'general') {
      await createPostRecord(q, {
        spaceId: space.id,
        authorUserId: cm.id,
        authorOrgId: cm.orgId,
        title: 'Welcome to the partner community',
        body:
          'This is the place to **find each other**, ask questions and share what works.\n\n- Introduce yourself and what you sell\n- Ask for a partner in a market you do not cover\n- Keep customer names out of public threads\n\nModerators: the channel team and ' +
          mention(northwindAdmin) +
          '.',
        createdAt: ago(735),
        pinned: true,
      });
    }
    const bank = topics[spec.key]!;
    for (let i = 0; i < spec.posts; i++) {
      const author = faker.helpers.arrayElement(authors);
      const topic = faker.helpers.arrayElement(bank);
      // Spread over two years and busier lately, as the ecosystem grew; never before the author joined.
      const drawn = ago(Math.floor(720 * Math.pow(faker.number.float({ min: 0.02, max: 1 }), 2)));
      const at = new Date(Math.max(drawn.getTime(), joinedOf(author).getTime() + DAY));
      const other = faker.helpers.arrayElement(members);
      const withMention = other.id !== author.id && faker.number.int(4) === 0;
      const post = await createPostRecord(q, {
        spaceId: space.id,
        authorUserId: author.id,
        authorOrgId: author.orgId,
        title: fill(topic.title),
        body: fill(topic.body) + (withMention ? `\n\n${mention(other)}, any thoughts?` : ''),
        createdAt: at,
      });
      firstPost ??= { id: post.id, spaceId: space.id };
      const count = faker.helpers.weightedArrayElement([
        { weight: 2, value: 0 },
        { weight: 4, value: faker.number.int({ min: 1, max: 3 }) },
        { weight: 2, value: faker.number.int({ min: 4, max: 7 }) },
      ]);
      const thread: string[] = [];
      let t = at.getTime();
      for (let c = 0; c < count; c++) {
        t += faker.number.int({ min: 20, max: 60 * 30 }) * 60_000;
        if (t > now.getTime()) break;
        const who = faker.helpers.arrayElement(authors.filter((x) => joinedOf(x).getTime() < t));
        if (!who) continue;
        const comment = await createCommentRecord(q, {
          postId: post.id,
          authorUserId: who.id,
          authorOrgId: who.orgId,
          body: fill(faker.helpers.arrayElement(replies)),
          parentId: thread.length && faker.number.int(2) === 0 ? faker.helpers.arrayElement(thread) : null,
          createdAt: new Date(t),
        });
        thread.push(comment.id);
      }
      for (const fan of faker.helpers.arrayElements(members, { min: 0, max: Math.min(6, members.length) })) {
        await addReactionRecord(q, {
          targetType: 'post',
          targetId: post.id,
          userId: fan.id,
          kind: faker.helpers.arrayElement(['like', 'like', 'insightful', 'thanks', 'celebrate'] as const),
        });
      }
    }
  }

  // One open report, so the moderation queue has something in it.
  const reporter = partners.find((p) => p.orgName === 'Contoso Cloud Services');
  if (firstPost && reporter) {
    await createReportRecord(q, {
      spaceId: firstPost.spaceId,
      postId: firstPost.id,
      reporterUserId: reporter.id,
      reason: 'Names a customer in a public thread',
    });
  }

  // --- Announcements ---
  const announcementSpecs = [
    {
      title: 'New partner program year starts',
      body: 'The new program year brings **higher referral fees** and a simpler deal registration form. Details in the program guide.',
      segment: null,
      days: 120,
    },
    {
      title: 'MSP pricing update',
      body: 'From next quarter, the managed services SKU is billed monthly per seat. Existing contracts are unchanged until renewal.',
      segment: { partnerTypes: ['msp'] },
      days: 60,
    },
    {
      title: 'EMEA partner summit in Amsterdam',
      body: 'Two days of roadmap, workshops and partner-to-partner matchmaking. Registration opens next week.',
      segment: { countries: emea },
      days: 30,
    },
    {
      title: 'Gold reseller advisory board: nominations open',
      body: 'As a Gold reseller you can nominate one person for the advisory board. Reply to your channel manager by the end of the month.',
      segment: { partnerTypes: ['reseller'], tierIds: [goldTier.id] },
      days: 5,
    },
  ];
  for (const a of announcementSpecs) {
    const row = await createAnnouncementRecord(q, {
      title: a.title,
      body: a.body,
      segment: a.segment,
      authorUserId: cm.id,
      publishedAt: ago(a.days),
    });
    // Older ones were mostly read; the newest waits for most people.
    for (const p of partners) {
      if (faker.number.float() < (a.days > 20 ? 0.6 : 0.1) && p.orgName !== 'Northwind Systems') {
        await markAnnouncementReadRecord(q, row.id, p.id, ago(a.days - 1));
      }
    }
  }

  // --- Events ---
  const eventSpecs = [
    {
      title: 'Quarterly roadmap webinar',
      about:
        'What shipped this quarter, what comes next, and the partner-facing changes to pricing and deal registration.',
      kind: 'webinar' as const,
      days: -75,
      tz: 'America/New_York',
      capacity: null,
    },
    {
      title: 'Partner meetup Berlin',
      about:
        'An evening with partners from the DACH region: two customer stories, then time to find partners for the accounts you cannot cover alone.',
      kind: 'meetup' as const,
      days: -40,
      tz: 'Europe/Berlin',
      capacity: 40,
      location: 'Factory Berlin, Rheinsberger Str. 76',
    },
    {
      title: 'Selling the security bundle',
      about:
        'A hands-on session for sellers: who buys the security bundle, the three questions that qualify a deal, and how to price it against a point product.',
      kind: 'workshop' as const,
      days: -12,
      tz: 'Europe/London',
      capacity: 25,
    },
    { title: 'Integration office hours', kind: 'webinar' as const, days: -3, tz: 'UTC', capacity: null },
    {
      title: 'Partner meetup London',
      about:
        'Partners in the UK meet the channel team: a short roadmap update and a round of introductions between resellers, MSPs and integrators.',
      kind: 'meetup' as const,
      days: 9,
      tz: 'Europe/London',
      capacity: 3,
      location: 'Second Home, 68 Hanbury St',
    },
    {
      title: 'Roadmap webinar: next quarter',
      about:
        "The product team walks through next quarter's releases and what they mean for your customers' renewals.",
      kind: 'webinar' as const,
      days: 16,
      tz: 'America/Chicago',
      capacity: null,
    },
    {
      title: 'Deal registration masterclass',
      about:
        'Register deals that get approved the first time: what the channel team checks, how conflicts are decided, and how protection is extended.',
      kind: 'workshop' as const,
      days: 23,
      tz: 'Asia/Singapore',
      capacity: 30,
    },
    {
      title: 'MSP pricing Q&A',
      about:
        'The new monthly per-seat billing for managed services, explained with worked examples; the pricing team answers your questions.',
      kind: 'webinar' as const,
      days: 30,
      tz: 'Europe/Paris',
      capacity: null,
      segment: { partnerTypes: ['msp'] },
    },
  ];
  for (const ev of eventSpecs) {
    const startsAt = new Date(Math.floor((now.getTime() + ev.days * DAY) / 3600_000) * 3600_000);
    // An afternoon where the event is held (the zones' usual offsets; close enough for a demo).
    startsAt.setUTCHours(utcHourFor[ev.tz] ?? 15, 0, 0, 0);
    const row = await createEventRecord(q, {
      title: ev.title,
      description: `${ev.about} ${ev.kind === 'meetup' ? 'Drinks and demos afterwards; seats are limited.' : 'Bring your questions; the session is recorded for those who cannot make it.'}`,
      kind: ev.kind,
      startsAt,
      minutes: ev.kind === 'meetup' ? 180 : 60,
      timeZone: ev.tz,
      location: ev.location ?? '',
      joinUrl: ev.kind === 'meetup' ? null : `https://meet.example.com/${newId().slice(-8)}`,
      capacity: ev.capacity,
      segment: ev.segment ?? null,
      createdAt: ago(Math.max(ev.days < 0 ? -ev.days + 20 : 20, 20)),
    });
    const eligible = ev.segment ? partners.filter((p) => p.types.includes('msp')) : partners;
    // Northwind's user stays free for the small London meetup: a demo RSVP shows the seat count change.
    const pool = eligible.filter((p) => !(ev.capacity === 3 && p.orgName === 'Northwind Systems'));
    const answering = faker.helpers.arrayElements(pool, {
      min: 0,
      max: Math.min(ev.capacity ?? 18, 18, pool.length),
    });
    for (const [i, p] of answering.entries()) {
      const full = ev.capacity !== null && i >= ev.capacity;
      await createRsvpRecord(q, {
        eventId: row.id,
        userId: p.id,
        organizationId: p.orgId,
        status: full ? 'waitlisted' : 'going',
        attendedAt: ev.days < 0 && !full && faker.number.int(4) > 0 ? startsAt : null,
        requestedAt: new Date(startsAt.getTime() - (20 - i) * DAY),
      });
    }
  }

  // --- The directory ---
  for (const p of partners) {
    const listed =
      p.orgName === 'Northwind Systems' || p.orgName === 'Contoso Cloud Services' || faker.number.int(9) < 4;
    if (!listed) continue;
    await createMemberProfileRecord(q, {
      userId: p.id,
      headline: faker.helpers.arrayElement(headlines),
      bio: `${faker.number.int({ min: 3, max: 20 })} years in partner sales and delivery at ${p.orgName}; works with partners across ${p.country ?? 'several countries'}.`,
      expertise: faker.helpers.arrayElements(expertise, { min: 1, max: 4 }),
    });
  }

  // A couple of unread notices for Northwind's user, so the bell has something to show.
  const northwindUser = people.find((p) => p.email === 'user@northwind.example');
  if (northwindUser && general) {
    await createNotificationRecord(q, {
      userId: northwindUser.id,
      kind: 'space',
      title: 'Welcome: you are a member of the General space',
      link: `/community/spaces/${general.id}`,
      createdAt: ago(2),
    });
  }
  return { fabrikam };
}

/** Northwind becomes a Gold reseller; Fabrikam Software joins as an ISV and Silver reseller. */
async function segmentPartners(q: Queryable, now: Date) {
  const [reseller] = await q.select().from(programs).where(eq(programs.name, 'Reseller Program'));
  const [tech] = await q.select().from(programs).where(eq(programs.name, 'Technology Alliance'));
  if (!reseller || !tech) throw new Error('The demo programs must be loaded before the community');
  const tiers = await q
    .select()
    .from(programTiers)
    .where(inArray(programTiers.programId, [reseller.id, tech.id]));
  const tier = (programId: string, code: string) =>
    tiers.find((t) => t.programId === programId && t.code === code)!;
  const goldTier = tier(reseller.id, 'gold');
  const [northwind] = await q.select().from(organizations).where(eq(organizations.name, 'Northwind Systems'));
  const [enrollment] = await q
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.organizationId, northwind!.id), eq(enrollments.programId, reseller.id)));
  if (enrollment) {
    await q
      .insert(attestations)
      .values({
        organizationId: northwind!.id,
        label: 'Annual business plan agreed',
        at: new Date(now.getTime() - 46 * DAY),
      })
      .onConflictDoNothing();
    await q
      .update(enrollments)
      .set({ tierId: goldTier.id, status: 'active' })
      .where(eq(enrollments.id, enrollment.id));
    await q.insert(tierHistory).values({
      id: newId(),
      enrollmentId: enrollment.id,
      kind: 'manual',
      fromTierId: enrollment.tierId,
      toTierId: goldTier.id,
      reason: 'Annual business plan agreed; promoted by the channel team',
      at: new Date(now.getTime() - 45 * DAY),
    });
  }
  const fabrikam = await createPartnerOrganization(q, {
    name: 'Fabrikam Software',
    website: 'https://www.fabrikam.example',
    country: 'DE',
    types: ['isv', 'reseller'],
    status: 'active',
    description: 'Workflow software for manufacturers, resold with the platform in the DACH region.',
    createdAt: new Date(now.getTime() - 300 * DAY),
  });
  await createUser(q, {
    organizationId: fabrikam.id,
    role: 'partner_admin',
    email: 'admin@fabrikam.example',
    name: 'Lena Vogel',
  });
  await createUser(q, {
    organizationId: fabrikam.id,
    role: 'partner_user',
    email: 'user@fabrikam.example',
    name: 'Jonas Richter',
  });
  // Fabrikam's people joined with it, and it signed what both programs require before enrolling.
  await backdateMembers(q);
  const [fabrikamAdmin] = await q.select().from(users).where(eq(users.email, 'admin@fabrikam.example'));
  const required = [...new Set([...reseller.requiredAgreementTypes, ...tech.requiredAgreementTypes])];
  for (const type of required) {
    const [agreement] = await q
      .select()
      .from(agreements)
      .where(eq(agreements.type, type as 'nda'));
    const [version] = agreement
      ? await q.select().from(agreementVersions).where(eq(agreementVersions.agreementId, agreement.id))
      : [];
    if (!agreement || !version) continue;
    await acceptAgreementRecord(q, {
      agreementId: agreement.id,
      versionId: version.id,
      organizationId: fabrikam.id,
      userId: fabrikamAdmin!.id,
      contentHash: version.contentHash,
      acceptedAt: new Date(now.getTime() - 281 * DAY),
    });
  }
  await createEnrollmentRecord(q, {
    organizationId: fabrikam.id,
    programId: reseller.id,
    tierId: tier(reseller.id, 'silver').id,
    createdAt: new Date(now.getTime() - 280 * DAY),
  });
  await createEnrollmentRecord(q, {
    organizationId: fabrikam.id,
    programId: tech.id,
    tierId: tier(tech.id, 'validated').id,
    createdAt: new Date(now.getTime() - 280 * DAY),
  });
  return { goldTier, fabrikam };
}
