import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizations } from '../src/modules/organizations/organizations.tables';
import {
  createConnectionRecord,
  createDealRecord,
  createEnrollmentRecord,
  createPartnerOrganization,
  createProfileRecord,
  createProgramRecord,
  createUser,
} from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
let admin: Session, cm: Session, aAdmin: Session, aUser: Session, bAdmin: Session, bUser: Session;

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  cm = await signIn(t.app, e.cm.email, PASSWORD);
  aAdmin = await signIn(t.app, e.aAdmin.email, PASSWORD);
  aUser = await signIn(t.app, e.aUser.email, PASSWORD);
  bAdmin = await signIn(t.app, e.bAdmin.email, PASSWORD);
  bUser = await signIn(t.app, e.bUser.email, PASSWORD);
});
afterAll(() => t?.close());

const search = async (s: Session | null, query: string) => {
  const res = s
    ? await as(t.app, s).get(`/api/v1/marketplace/search?${query}`)
    : await t.app.inject({ method: 'GET', url: `/api/v1/public/partners?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const ids = (r: { items: { organizationId: string }[] }) => r.items.map((i) => i.organizationId);

describe('the marketplace path', () => {
  it('B publishes a profile; A finds it by a misspelled service in a country facet and asks for a referral partnership; B accepts', async () => {
    const me = (await as(t.app, bAdmin).get(`/api/v1/profiles/${e.partnerB.id}`)).json();
    expect(me).toMatchObject({ status: 'draft', version: 1, published: null });
    const edited = await as(t.app, bAdmin).patch(`/api/v1/profiles/${e.partnerB.id}`, {
      version: 1,
      description: 'Security software for managed service providers and their customers.',
      services: ['Managed SIEM', 'Threat hunting'],
      industries: ['51', '62'],
      countries: ['fr', 'BE'],
      languages: ['fr', 'en'],
      caseStudies: [{ title: 'SOC for a hospital group', summary: 'Detection in minutes, not days.' }],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().draft.countries).toEqual(['FR', 'BE']);
    // Not yet published: no other partner can read it, and search does not find it.
    expect((await as(t.app, aUser).get(`/api/v1/profiles/${e.partnerB.id}`)).statusCode).toBe(404);
    expect(ids(await search(aUser, 'q=siem'))).not.toContain(e.partnerB.id);

    const published = await as(t.app, bAdmin).post(`/api/v1/profiles/${e.partnerB.id}/publish`, {
      version: 2,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', hasUnpublishedChanges: false });

    // A misspelled service, narrowed by a country facet.
    const found = await search(aUser, 'q=managd%20siem&country=FR');
    expect(ids(found)).toEqual([e.partnerB.id]);
    expect(found.items[0]).toMatchObject({
      name: e.partnerB.name,
      services: ['Managed SIEM', 'Threat hunting'],
      partnerTypes: ['isv'],
    });
    expect(found.facets.country).toEqual(
      expect.arrayContaining([
        { value: 'FR', label: 'France', count: 1 },
        { value: 'BE', label: 'Belgium', count: 1 },
      ]),
    );
    expect(found.facets.industry).toContainEqual({ value: '51', label: 'Information', count: 1 });
    expect(ids(await search(aUser, 'q=managd%20siem&country=DE'))).toEqual([]);
    // Stemming: a plural finds the singular; the snippet marks the words, from the published description.
    const stemmed = await search(aUser, 'q=providers');
    expect(stemmed.items[0].snippet).toContain('«providers»');

    const asked = await as(t.app, aUser).post('/api/v1/connections', {
      organizationId: e.partnerB.id,
      kind: 'referral',
      message: 'We meet your kind of customer every week.',
      terms: { referralFeePct: 12 },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const connection = asked.json();
    expect(connection).toMatchObject({
      status: 'requested',
      direction: 'outgoing',
      terms: { referralFeePct: 12 },
    });
    // The other side is told, by e-mail to its partner admins.
    expect(
      t.mailer.sent.some((m) => m.to === e.bAdmin.email && m.subject.includes('referral partnership')),
    ).toBe(true);

    // Refused: a second open request of the kind, a request to yourself, and acting on someone else's request.
    const again = await as(t.app, aUser).post('/api/v1/connections', {
      organizationId: e.partnerB.id,
      kind: 'referral',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('already asked');
    const mirror = await as(t.app, bUser).post('/api/v1/connections', {
      organizationId: e.partnerA.id,
      kind: 'referral',
    });
    expect(mirror.statusCode).toBe(400); // A has no published profile: not in the marketplace
    const self = await as(t.app, aUser).post('/api/v1/connections', {
      organizationId: e.partnerA.id,
      kind: 'co_sell',
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0].path).toBe('body.organizationId');
    expect(
      (await as(t.app, aUser).post(`/api/v1/connections/${connection.id}/accept`, { version: 1 })).statusCode,
    ).toBe(403);

    const inbox = (await as(t.app, bUser).get('/api/v1/connections?box=incoming')).json().items;
    expect(inbox.map((c: { id: string }) => c.id)).toEqual([connection.id]);
    const accepted = await as(t.app, bUser).post(`/api/v1/connections/${connection.id}/accept`, {
      version: 1,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'active', direction: 'incoming' });
    expect(t.mailer.sent.some((m) => m.to === e.aAdmin.email && m.subject.includes('accepted'))).toBe(true);
    expect(
      (await as(t.app, bUser).post(`/api/v1/connections/${connection.id}/decline`, { version: 2 }))
        .statusCode,
    ).toBe(422);
    // The vendor sees it; a third partner does not.
    expect((await as(t.app, cm).get(`/api/v1/connections/${connection.id}`)).statusCode).toBe(200);

    // A referral sent under the connection earns the connection's fee, not a tier benefit.
    const { program, tiers } = await createProgramRecord(t.database.db, {
      tiers: [{ code: 'm', name: 'Member', benefits: [{ kind: 'referral_fee_pct', value: 20 }] }],
    });
    await createEnrollmentRecord(t.database.db, {
      organizationId: e.partnerA.id,
      programId: program.id,
      tierId: tiers[0]!.id,
    });
    const referral = (
      await as(t.app, aUser).post('/api/v1/referrals', {
        recipientOrganizationId: e.partnerB.id,
        connectionId: connection.id,
        companyName: 'Hospital Group',
        country: 'FR',
        contactName: 'Dr Who',
        contactEmail: 'who@hospital.example',
        need: 'A 24/7 SOC',
      })
    ).json();
    expect(referral.connectionId).toBe(connection.id);
    await as(t.app, bUser).post(`/api/v1/referrals/${referral.id}/accept`, { version: 1 });
    const { deal } = (
      await as(t.app, bUser).post(`/api/v1/referrals/${referral.id}/convert`, {
        version: 2,
        amount: 1_000_000,
        currency: 'USD',
        expectedCloseDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      })
    ).json();
    await as(t.app, admin).post(`/api/v1/deals/${deal.id}/approve`, { version: deal.version });
    await as(t.app, bUser).post(`/api/v1/deals/${deal.id}/close`, {
      version: deal.version + 1,
      outcome: 'won',
      amount: 1_000_000,
      closeDate: new Date().toISOString().slice(0, 10),
    });
    const fee = (await as(t.app, aUser).get(`/api/v1/referrals/${referral.id}`)).json().fee;
    expect(fee).toMatchObject({ percent: '12', basis: 'The terms of your connection', amount: 120_000 });

    // Ending: either party; then the pair may connect again.
    const ended = await as(t.app, aUser).post(`/api/v1/connections/${connection.id}/end`, {
      version: 2,
      reason: 'Merged teams',
    });
    expect(ended.json()).toMatchObject({
      status: 'ended',
      endReason: 'Merged teams',
      endedBy: { id: e.partnerA.id },
    });
    // The vendor's ecosystem-wide boxes: requests awaiting an answer anywhere.
    const pending = (await as(t.app, cm).get('/api/v1/connections?box=incoming&limit=200')).json().items;
    expect(pending.every((c: { status: string }) => c.status === 'requested')).toBe(true);
  });

  it('never lets a draft field reach search, snippets, facets or the locator', async () => {
    const org = await createPartnerOrganization(t.database.db, {
      name: 'Draftwell Consulting',
      types: ['system_integrator'],
    });
    await createProfileRecord(t.database.db, org.id, {
      status: 'published',
      fields: {
        description: 'Cloud migration for retailers across Europe.',
        services: ['Cloud migration'],
        countries: ['NL'],
      },
      draft: {
        description: 'Secret plan: zebrafish farming.',
        services: ['Zebrafish'],
        countries: ['NL', 'JP'],
        industries: ['11'],
      },
    });
    for (const s of [aUser, null] as const) {
      expect(ids(await search(s, 'q=zebrafish'))).toEqual([]);
      const all = await search(s, 'q=migration');
      expect(ids(all)).toContain(org.id);
      const card = all.items.find((i: { organizationId: string }) => i.organizationId === org.id);
      expect(JSON.stringify(card)).not.toContain('ebrafish');
      const facets = (await search(s, 'limit=1')).facets;
      expect(facets.service.map((f: { value: string }) => f.value)).not.toContain('Zebrafish');
      expect(facets.country.map((f: { value: string }) => f.value)).not.toContain('JP');
      expect(facets.industry.map((f: { value: string }) => f.value)).not.toContain('11');
    }
    const other = (await as(t.app, aUser).get(`/api/v1/profiles/${org.id}`)).json();
    expect(other.draft).toBeNull();
    expect(JSON.stringify(other)).not.toContain('ebrafish');
    const page = (await t.app.inject({ method: 'GET', url: `/api/v1/public/partners/${org.id}` })).json();
    expect(page.profile.services).toEqual(['Cloud migration']);
    // The vendor reads the draft.
    expect((await as(t.app, admin).get(`/api/v1/profiles/${org.id}`)).json().draft.services).toEqual([
      'Zebrafish',
    ]);
  });

  it('ranks by relevance blended with the tier marketplace boost, and pages with a cursor', async () => {
    const { program, tiers } = await createProgramRecord(t.database.db, {
      tiers: [
        {
          code: 'gold',
          name: 'Gold',
          benefits: [
            { kind: 'marketplace_boost', value: 2 },
            { kind: 'badge', text: 'Gold reseller' },
          ],
        },
      ],
    });
    const plain = await createPartnerOrganization(t.database.db, { name: 'Plain Backup Co' });
    const boosted = await createPartnerOrganization(t.database.db, { name: 'Boosted Backup Co' });
    await createEnrollmentRecord(t.database.db, {
      organizationId: boosted.id,
      programId: program.id,
      tierId: tiers[0]!.id,
    });
    for (const org of [plain, boosted]) {
      await createProfileRecord(t.database.db, org.id, {
        fields: {
          description: 'Tape-free backup for everyone.',
          services: ['Offsite backup'],
          countries: ['SE'],
        },
      });
    }
    const res = await search(aUser, 'q=offsite%20backup&country=SE');
    expect(ids(res)).toEqual([boosted.id, plain.id]);
    expect(res.items[0].badges).toEqual(['Gold reseller']);
    expect(res.facets.badge).toContainEqual({ value: 'Gold reseller', label: 'Gold reseller', count: 1 });
    const first = await search(aUser, 'q=offsite%20backup&country=SE&limit=1');
    expect(ids(first)).toEqual([boosted.id]);
    const second = await search(aUser, `q=offsite%20backup&country=SE&limit=1&cursor=${first.nextCursor}`);
    expect(ids(second)).toEqual([plain.id]);
    expect(second.nextCursor).toBeNull();
    expect((await as(t.app, aUser).get('/api/v1/marketplace/search?cursor=forged')).statusCode).toBe(400);
  });

  it('pages the unfiltered listing in boost order, counting the whole marketplace', async () => {
    const first = await search(aUser, 'limit=2');
    // The second read comes from the landing path (counts kept, page from the index).
    const again = await search(aUser, 'limit=2');
    expect(again.total).toBe(first.total);
    expect(ids(again)).toEqual(ids(first));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { organizationId: string; score: number }[]; nextCursor: string | null } =
        await search(aUser, `limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(first.total);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('counts each facet under every filter but its own', async () => {
    const specs = [
      ['Facet One', 'msp', 'PT', '61'],
      ['Facet Two', 'isv', 'PT', '61'],
      ['Facet Three', 'isv', 'IE', '61'],
      ['Facet Four', 'msp', 'IE', '92'],
    ] as const;
    for (const [name, type, country, industry] of specs) {
      const org = await createPartnerOrganization(t.database.db, { name, types: [type] });
      await createProfileRecord(t.database.db, org.id, {
        fields: {
          description: 'Facet fixture.',
          countries: [country],
          industries: [industry],
          services: ['Facet fixture'],
        },
      });
    }
    const res = await search(aUser, 'q=facet%20fixture&country=PT&type=isv');
    expect(res.items.map((i: { name: string }) => i.name)).toEqual(['Facet Two']);
    expect(res.total).toBe(1);
    // Countries under type=isv: PT 1, IE 1. Types under country=PT: msp 1, isv 1. Industries under both: 61 1.
    expect(res.facets.country).toEqual([
      { value: 'IE', label: 'Ireland', count: 1 },
      { value: 'PT', label: 'Portugal', count: 1 },
    ]);
    expect(res.facets.type.map((f: { value: string; count: number }) => [f.value, f.count])).toEqual([
      ['isv', 1],
      ['msp', 1],
    ]);
    expect(res.facets.industry).toEqual([{ value: '61', label: 'Educational Services', count: 1 }]);
  });

  it("leaves a suspended partner's profile out of results, totals and facet counts, the unfiltered listing's too", async () => {
    const org = await createPartnerOrganization(t.database.db, { name: 'Quokka Works', types: ['msp'] });
    await createProfileRecord(t.database.db, org.id, {
      fields: {
        description: 'Quokka habitat care.',
        countries: ['NZ'],
        industries: ['61'],
        services: ['Quokka habitat care'],
      },
    });
    const listing = await search(aUser, 'limit=1');
    expect(listing.facets.country).toContainEqual({ value: 'NZ', label: 'New Zealand', count: 1 });
    expect(ids(await search(aUser, 'q=quokka'))).toEqual([org.id]);
    expect(ids(await search(aUser, 'q=qokka'))).toEqual([org.id]);
    expect(ids(await search(null, 'q=quokka&country=NZ'))).toEqual([org.id]);

    await t.database.db
      .update(organizations)
      .set({ status: 'suspended' })
      .where(eq(organizations.id, org.id));
    const counted = (r: { facets: Record<string, { value: string }[]> }) =>
      Object.values(r.facets).flatMap((f) => f.map((v) => v.value));
    for (const [who, query] of [
      [aUser, 'q=quokka'],
      [aUser, 'q=qokka'],
      [aUser, 'country=NZ'],
      [null, 'q=quokka&country=NZ'],
    ] as const) {
      const r = await search(who, query);
      expect(r.items, query).toEqual([]);
      expect(r.total, query).toBe(0);
      expect(counted(r), query).not.toContain('NZ');
      expect(counted(r), query).not.toContain('Quokka habitat care');
    }
    // The unfiltered listing's whole-marketplace counts drop it at once, whatever wrote the status.
    const after = await search(aUser, 'limit=1');
    expect(after.total).toBe(listing.total - 1);
    expect(counted(after)).not.toContain('NZ');
  });

  it('counts a partner out of the unfiltered listing the moment it is suspended, and back in when reinstated', async () => {
    const org = await createPartnerOrganization(t.database.db, { name: 'Wombat Wiring', types: ['isv'] });
    await createProfileRecord(t.database.db, org.id, {
      fields: { description: 'Wombat burrow wiring.', countries: ['AU'], services: ['Burrow wiring'] },
    });
    const listing = await search(null, 'limit=1');
    const country = (r: { facets: { country: { value: string; count: number }[] } }) =>
      r.facets.country.find((c) => c.value === 'AU')?.count ?? 0;
    const change = async (verb: 'suspend' | 'activate') => {
      const { version } = (await as(t.app, admin).get(`/api/v1/partners/${org.id}`)).json();
      const res = await as(t.app, admin).post(`/api/v1/partners/${org.id}/${verb}`, {
        version,
        reason: 'Unpaid invoices',
      });
      expect(res.statusCode, res.body).toBe(200);
    };

    await change('suspend');
    const suspended = await search(null, 'limit=1');
    expect(suspended.total).toBe(listing.total - 1);
    expect(country(suspended)).toBe(country(listing) - 1);
    expect(suspended.facets.service.map((f: { value: string }) => f.value)).not.toContain('Burrow wiring');
    // A lone filter's own facet counts the whole listing too.
    expect(country(await search(null, 'country=AU'))).toBe(country(listing) - 1);

    await change('activate');
    const back = await search(null, 'limit=1');
    expect(back.total).toBe(listing.total);
    expect(back.facets).toEqual(listing.facets);
  });

  it("gives the unfiltered listing's counts exactly as counted from the listed profiles after publishing, withdrawing, editing and suspending", async () => {
    const live = async () => {
      const rows = (
        await t.database.db.execute<{ facet: string; value: string; count: number }>(sql`
          with listed as (
            select p.* from partner_profiles p join organizations o on o.id = p.organization_id
            where p.status = 'published' and o.status = 'active')
          select f.facet, f.value, count(*)::int as count from listed l
          cross join lateral (
            select 'type' as facet, v as value from unnest(l.types) v
            union all select 'country', v from unnest(l.countries) v
            union all select 'industry', v from unnest(l.industries) v
            union all select 'service', v from unnest(l.services) v
            union all select 'badge', v from unnest(l.badges) v
            union all select 'certification', v from unnest(l.certifications) v) f
          group by f.facet, f.value
          union all select 'total', '', count(*)::int from listed`)
      ).rows;
      return Object.fromEntries(rows.map((r) => [`${r.facet}:${r.value}`, r.count]));
    };
    const shown = async () => {
      const r = await search(aUser, 'limit=1');
      const out: Record<string, number> = { 'total:': r.total };
      for (const [facet, values] of Object.entries(
        r.facets as Record<string, { value: string; count: number }[]>,
      ))
        for (const v of values) out[`${facet}:${v.value}`] = v.count;
      return out;
    };

    const orgs = await Promise.all(
      ['Numbat Networks', 'Bilby Backup', 'Dingo Data'].map((name) =>
        createPartnerOrganization(t.database.db, { name, types: ['msp', 'reseller'] }),
      ),
    );
    for (const [i, org] of orgs.entries()) {
      await createProfileRecord(t.database.db, org.id, {
        fields: {
          description: 'Outback services.',
          countries: ['AU', ['NZ', 'FJ', 'AU'][i]!],
          industries: ['51'],
          services: ['Outback backup', `Outback service ${i}`],
        },
      });
    }
    expect(await shown()).toEqual(await live());

    // Withdrawn (an upsert), edited as a draft (nothing listed changes), suspended in SQL.
    await createProfileRecord(t.database.db, orgs[0]!.id, { status: 'unpublished' });
    await t.database.db.execute(
      sql`update partner_profiles set draft = draft || '{"description": "Draft only."}' where organization_id = ${orgs[1]!.id}`,
    );
    await t.database.db
      .update(organizations)
      .set({ status: 'suspended' })
      .where(eq(organizations.id, orgs[2]!.id));
    expect(await shown()).toEqual(await live());

    // Deleted with its organization (the profile goes by cascade).
    await t.database.db.delete(organizations).where(eq(organizations.id, orgs[1]!.id));
    expect(await shown()).toEqual(await live());
  });

  it('lets only a partner admin edit its own profile, and refuses bad fields by name', async () => {
    // An edit changes only the fields it names.
    const before = (await as(t.app, bAdmin).get(`/api/v1/profiles/${e.partnerB.id}`)).json();
    const patched = await as(t.app, bAdmin).patch(`/api/v1/profiles/${e.partnerB.id}`, {
      version: before.version,
      languages: ['fr'],
    });
    expect(patched.json().draft).toEqual({ ...before.draft, languages: ['fr'] });
    expect(
      (await as(t.app, aUser).patch(`/api/v1/profiles/${e.partnerA.id}`, { version: 1, description: 'x' }))
        .statusCode,
    ).toBe(403);
    // B's profile is published: A's admin may read it but not change it.
    expect(
      (await as(t.app, aAdmin).post(`/api/v1/profiles/${e.partnerB.id}/unpublish`, { version: 3 }))
        .statusCode,
    ).toBe(403);
    for (const [body, field] of [
      [{ countries: ['XX'] }, 'countries'],
      [{ industries: ['99'] }, 'industries'],
      [{ languages: ['zz'] }, 'languages'],
      [{ website: 'javascript:alert(1)' }, 'website'],
      [{ services: ['Backup', 'backup'] }, 'services'],
      [{ status: 'published' }, ''],
    ] as const) {
      const res = await as(t.app, aAdmin).patch(`/api/v1/profiles/${e.partnerA.id}`, { version: 1, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      if (field) expect(JSON.stringify(res.json().errors)).toContain(field);
    }
    const early = await as(t.app, aAdmin).post(`/api/v1/profiles/${e.partnerA.id}/publish`, { version: 1 });
    expect(early.statusCode).toBe(422);
    expect(early.json().detail).toContain('Describe your company');
  });
});

describe('the public locator', () => {
  it('finds a partner without sign-in and turns a contact request into a lead in its inbox', async () => {
    const res = await search(null, 'q=siem');
    expect(ids(res)).toContain(e.partnerB.id);
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/partners/${e.partnerB.id}/contact`,
      remoteAddress: '203.0.113.7',
      payload: {
        name: 'Casey Customer',
        email: 'casey@bigretail.com',
        company: 'Big Retail',
        message: 'We need a SOC for 40 stores.',
      },
    });
    expect(sent.statusCode, sent.body).toBe(202);
    const leads = (await as(t.app, bUser).get('/api/v1/referrals?box=inbox&source=locator')).json().items;
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({
      source: 'locator',
      referrer: null,
      company: { name: 'Big Retail', domain: 'bigretail.com' },
      need: 'We need a SOC for 40 stores.',
    });
    expect(t.mailer.sent.some((m) => m.to === e.bAdmin.email && m.subject.includes('Big Retail'))).toBe(true);

    // A bot filling the hidden field is told the same and stores nothing.
    const bot = await t.app.inject({
      method: 'POST',
      url: `/api/v1/public/partners/${e.partnerB.id}/contact`,
      remoteAddress: '203.0.113.8',
      payload: {
        name: 'Spam Bot',
        email: 'bot@spam.example',
        company: 'Spam',
        message: 'Buy cheap things now!!!',
        homepage: 'http://spam.example',
      },
    });
    expect(bot.statusCode).toBe(202);
    expect(
      (await as(t.app, bUser).get('/api/v1/referrals?box=inbox&source=locator')).json().items,
    ).toHaveLength(1);
    // Unpublished partners have no public page.
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/public/partners/${e.partnerA.id}` })).statusCode,
    ).toBe(404);
  });

  it('answers 429 with Retry-After under abuse', async () => {
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 65; i++) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/public/partners?q=backup',
        remoteAddress: '198.51.100.9',
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) retryAfter = res.headers['retry-after'] as string;
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    // Another address is unaffected.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/public/partners', remoteAddress: '198.51.100.10' }))
        .statusCode,
    ).toBe(200);
  });
});

describe('recommendations', () => {
  it('explain themselves, count shared connections without naming them, and leave out existing connections', async () => {
    const me = await createPartnerOrganization(t.database.db, {
      name: 'Me Reseller',
      types: ['reseller'],
      country: 'DE',
    });
    const meAdmin = await createUser(t.database.db, {
      organizationId: me.id,
      role: 'partner_admin',
      email: 'admin@me-reseller.test',
      name: 'Mia Me',
    });
    await createProfileRecord(t.database.db, me.id, {
      fields: { countries: ['DE', 'AT'], industries: ['51'], services: ['Licensing'] },
    });
    const friend = await createPartnerOrganization(t.database.db, { name: 'Friend MSP', types: ['msp'] });
    const friendOfFriend = await createPartnerOrganization(t.database.db, {
      name: 'Candidate ISV',
      types: ['isv'],
    });
    const stranger = await createPartnerOrganization(t.database.db, {
      name: 'Unrelated Reseller',
      types: ['reseller'],
      country: 'JP',
    });
    const connected = await createPartnerOrganization(t.database.db, {
      name: 'Already Connected',
      types: ['isv'],
    });
    for (const [org, countries] of [
      [friend, ['DE']],
      [friendOfFriend, ['DE', 'AT']],
      [stranger, ['JP']],
      [connected, ['DE']],
    ] as const) {
      await createProfileRecord(t.database.db, org.id, {
        fields: { countries: [...countries], industries: ['51'], services: ['Threat hunting'] },
      });
    }
    await createConnectionRecord(t.database.db, { requesterOrgId: me.id, recipientOrgId: friend.id });
    await createConnectionRecord(t.database.db, {
      requesterOrgId: friend.id,
      recipientOrgId: friendOfFriend.id,
    });
    await createConnectionRecord(t.database.db, {
      requesterOrgId: me.id,
      recipientOrgId: connected.id,
      status: 'requested',
    });
    const s = await signIn(t.app, meAdmin.email, PASSWORD);
    const recs = (await as(t.app, s).get('/api/v1/recommendations')).json().items as {
      organizationId: string;
      reasons: string[];
    }[];
    const byId = new Map(recs.map((r) => [r.organizationId, r]));
    expect(byId.has(me.id)).toBe(false);
    expect(byId.has(friend.id)).toBe(false);
    expect(byId.has(connected.id)).toBe(false);
    const top = recs[0]!;
    expect(top.organizationId).toBe(friendOfFriend.id);
    expect(top.reasons).toEqual([
      'An independent software vendor, which complements a reseller / value-added reseller',
      'Serves 2 countries you serve: Germany, Austria',
      'Works in an industry you serve: Information',
      'Offers services you do not: Threat hunting',
      'Works with one of your partners',
    ]);
    // Counting is fine; naming a connection the caller is not party to is not.
    expect(JSON.stringify(recs)).not.toContain('Friend MSP');
    const strangerRec = byId.get(stranger.id);
    expect(strangerRec?.reasons ?? []).not.toContain('Works with one of your partners');
    // The vendor meets no one in the marketplace: without account-mapping overlaps it has no recommendation.
    const vendorRecs = await as(t.app, admin).get('/api/v1/recommendations');
    expect(vendorRecs.statusCode).toBe(200);
    expect(vendorRecs.json().items).toEqual([]);
  });
});

describe('integrations and joint solutions', () => {
  it('an ISV lists an integration, the vendor publishes it, installs are counted and listed only to the vendor and the owner', async () => {
    const created = await as(t.app, bAdmin).post('/api/v1/integrations', {
      name: 'Beta SIEM Connector',
      category: 'Security',
      description: 'Streams alerts from the product into the SIEM.',
      documentationUrl: 'https://docs.beta.example/siem',
      editions: ['Enterprise'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const listing = created.json();
    expect(
      (
        await as(t.app, aAdmin).post('/api/v1/integrations', {
          name: 'Nope',
          category: 'Security',
          description: 'Resellers do not list integrations.',
        })
      ).statusCode,
    ).toBe(403);
    // A draft is the owner's: others do not see it.
    expect((await as(t.app, aUser).get(`/api/v1/integrations/${listing.id}`)).statusCode).toBe(404);
    const submitted = await as(t.app, bAdmin).post(`/api/v1/integrations/${listing.id}/submit`, {
      version: 1,
    });
    expect(submitted.json().status).toBe('submitted');
    expect(
      (await as(t.app, cm).post(`/api/v1/integrations/${listing.id}/reject`, { version: 2 })).statusCode,
    ).toBe(400);
    // B is nobody's assignment: the channel manager may not publish it; the admin does.
    expect(
      (await as(t.app, cm).post(`/api/v1/integrations/${listing.id}/publish`, { version: 2 })).statusCode,
    ).toBe(403);
    const live = await as(t.app, admin).post(`/api/v1/integrations/${listing.id}/publish`, { version: 2 });
    expect(live.json()).toMatchObject({ status: 'published', installCount: 0 });
    await as(t.app, bAdmin).post(`/api/v1/integrations/${listing.id}/installs`, {
      customerDomain: 'https://shop.bigretail.com',
      customerName: 'Big Retail',
    });
    await as(t.app, admin).post(`/api/v1/integrations/${listing.id}/installs`, {
      customerDomain: 'bigretail.com',
    });
    const seen = (await as(t.app, aUser).get(`/api/v1/integrations/${listing.id}`)).json();
    expect(seen.installCount).toBe(1);
    expect((await as(t.app, aUser).get(`/api/v1/integrations/${listing.id}/installs`)).statusCode).toBe(403);
    expect((await as(t.app, admin).get(`/api/v1/integrations/${listing.id}/installs`)).json().items).toEqual([
      { customerDomain: 'bigretail.com', customerName: null, installedAt: expect.any(String) },
    ]);
  });

  it('publishes a joint solution once every member accepts', async () => {
    await createProfileRecord(t.database.db, e.partnerA.id, { fields: { countries: ['DE'] } });
    const proposed = await as(t.app, bAdmin).post('/api/v1/solutions', {
      name: 'Secure Resale Bundle',
      description: 'SIEM software with licensing and rollout.',
      role: 'Software',
      members: [{ organizationId: e.partnerA.id, role: 'Reseller' }],
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const s = proposed.json();
    expect(s.status).toBe('pending');
    const other = await createPartnerOrganization(t.database.db);
    const otherAdmin = await createUser(t.database.db, {
      organizationId: other.id,
      role: 'partner_admin',
      email: 'admin@other-sol.test',
      name: 'Otto',
    });
    const os = await signIn(t.app, otherAdmin.email, PASSWORD);
    expect((await as(t.app, os).get(`/api/v1/solutions/${s.id}`)).statusCode).toBe(404);
    expect(
      (await as(t.app, bAdmin).post(`/api/v1/solutions/${s.id}/accept`, { version: 1 })).statusCode,
    ).toBe(422);
    const done = await as(t.app, aAdmin).post(`/api/v1/solutions/${s.id}/accept`, { version: 1 });
    expect(done.json()).toMatchObject({ status: 'published' });
    expect((await as(t.app, os).get(`/api/v1/solutions/${s.id}`)).statusCode).toBe(200);
    // A member that is no longer active drops out of what other partners read; the vendor still sees it.
    await t.database.db
      .update(organizations)
      .set({ status: 'suspended' })
      .where(eq(organizations.id, e.partnerA.id));
    const seen = (await as(t.app, os).get(`/api/v1/solutions/${s.id}`)).json();
    expect(seen.members.map((m: { organization: { id: string } }) => m.organization.id)).toEqual([
      e.partnerB.id,
    ]);
    expect((await as(t.app, admin).get(`/api/v1/solutions/${s.id}`)).json().members).toHaveLength(2);
    await t.database.db
      .update(organizations)
      .set({ status: 'active' })
      .where(eq(organizations.id, e.partnerA.id));
    const bad = await as(t.app, bAdmin).post('/api/v1/solutions', {
      name: 'Lonely',
      description: 'Nobody else is in the marketplace.',
      role: 'Software',
      members: [{ organizationId: other.id, role: 'Ghost' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.members.0.organizationId');
  });

  it('counts active connections for the tier engine', async () => {
    const org = await createPartnerOrganization(t.database.db);
    const { program, tiers } = await createProgramRecord(t.database.db, {
      tiers: [
        { code: 'a', name: 'A' },
        { code: 'b', name: 'B', requirements: [{ metric: 'active_connections', threshold: 2 }] },
      ],
    });
    const enrollment = await createEnrollmentRecord(t.database.db, {
      organizationId: org.id,
      programId: program.id,
      tierId: tiers[0]!.id,
    });
    for (const status of ['active', 'active', 'ended'] as const) {
      await createConnectionRecord(t.database.db, {
        requesterOrgId: org.id,
        recipientOrgId: (await createPartnerOrganization(t.database.db)).id,
        status,
      });
    }
    await createDealRecord(t.database.db, { registeredByOrgId: org.id });
    const evaluated = (await as(t.app, admin).post(`/api/v1/enrollments/${enrollment.id}/evaluate`)).json();
    expect(evaluated.qualifiedTier.name).toBe('B');
  });
});
