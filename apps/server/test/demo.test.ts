import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config';
import { findCurrentTiers } from '../src/modules/programs/programs.repository';
import { validateTiers } from '../src/modules/programs/programs.service';
import { programs as programsTable } from '../src/modules/programs/programs.tables';
import { bootstrap } from '../src/seed/bootstrap';
import { as, signIn, startTestApp, type TestApp } from './app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await bootstrap(
    t.database.db,
    loadConfig({ ADMIN_PASSWORD: 'demo-admin-password', LOG_LEVEL: 'silent', DATA_DIR: os.tmpdir() }),
  );
});
afterAll(() => t?.close());

const count = async (query: ReturnType<typeof sql>) =>
  Number((await t.database.db.execute<{ n: string }>(query)).rows[0]!.n);

describe('the demo ecosystem', () => {
  it('ships no tier that cannot be reached: every ladder passes the checks a saved program does', async () => {
    const programs = await t.database.db.select().from(programsTable);
    const ladders = await findCurrentTiers(t.database.db, programs);
    expect(ladders.size).toBe(3);
    for (const program of programs) {
      const tiers = ladders.get(program.id) ?? [];
      expect(tiers.length, program.name).toBeGreaterThan(1);
      // Among others: a rule over a metric nothing records (certified users) could never be met.
      expect(validateTiers(tiers, 'USD'), program.name).toEqual([]);
    }
  });

  it('is a living ecosystem across every partner type, with programs a newcomer can explore', async () => {
    // 60 generated partners and Fabrikam Software, the community's Silver ISV.
    expect(await count(sql`select count(*) as n from organizations where kind = 'partner'`)).toBe(61);
    expect(
      await count(
        sql`select count(distinct type_code) as n from organization_partner_types where is_primary`,
      ),
    ).toBe(8);
    expect(
      await count(sql`select count(distinct country) as n from organizations where kind = 'partner'`),
    ).toBeGreaterThan(10);
    expect(
      await count(sql`select count(*) as n from programs where status = 'published' and description <> ''`),
    ).toBe(3);
    expect(await count(sql`select count(*) as n from enrollments where status = 'active'`)).toBeGreaterThan(
      30,
    );
    expect(
      await count(sql`select count(*) as n from enrollments where status = 'pending_agreement'`),
    ).toBeGreaterThan(0);
    expect(await count(sql`select count(*) as n from applications where status = 'submitted'`)).toBe(4);
    expect(
      await count(sql`select count(*) as n from applications where jsonb_array_length(duplicates) > 0`),
    ).toBeGreaterThanOrEqual(1);
  });

  it('routes its leads through three rules, each with its explanation', async () => {
    expect(await count(sql`select count(*) as n from lead_rules`)).toBe(3);
    expect(await count(sql`select count(*) as n from leads`)).toBe(12);
    // North America and Europe find partners; the rest wait for the channel team, with the reason.
    expect(await count(sql`select count(*) as n from leads where status = 'offered'`)).toBeGreaterThan(5);
    expect(
      await count(
        sql`select count(*) as n from lead_assignments where explanation->>'summary' like 'Rule _ “%” matched;%'`,
      ),
    ).toBe(await count(sql`select count(*) as n from lead_assignments`));
    expect(
      await count(
        sql`select count(*) as n from leads where status = 'unassigned' and last_routing is not null`,
      ),
    ).toBe(await count(sql`select count(*) as n from leads where status = 'unassigned'`));
  });

  it('signs in with the printed demo accounts and shows each its own world', async () => {
    const admin = await signIn(t.app, 'admin@example.com', 'demo-admin-password');
    expect((await as(t.app, admin).get('/api/v1/partners?limit=200')).json().items).toHaveLength(61);
    const northwind = await signIn(t.app, 'user@northwind.example', 'partnergraph-demo');
    const own = (await as(t.app, northwind).get('/api/v1/partners')).json().items;
    expect(own.map((p: { name: string }) => p.name)).toEqual(['Northwind Systems']);
    const enrollments = (await as(t.app, northwind).get('/api/v1/enrollments')).json().items;
    expect(enrollments.map((e: { program: { name: string } }) => e.program.name)).toContain(
      'Reseller Program',
    );
  });

  it('carries two years of deals and referrals, with a conflict waiting for the channel manager', async () => {
    for (const status of ['registered', 'approved', 'won', 'lost', 'expired', 'rejected']) {
      expect(
        await count(sql`select count(*) as n from deals where status = ${status}`),
        status,
      ).toBeGreaterThan(0);
    }
    expect(
      await count(
        sql`select count(*) as n from deals where status = 'won' and close_date > current_date - 365`,
      ),
    ).toBeGreaterThan(50);
    expect(await count(sql`select count(distinct currency) as n from deals`)).toBeGreaterThan(3);
    expect(
      await count(sql`select count(*) as n from deals where referral_id is not null and status = 'won'`),
    ).toBeGreaterThan(5);
    expect(
      await count(
        sql`select count(*) as n from (select deal_id from deal_involvements group by deal_id having count(*) > 1) x`,
      ),
    ).toBeGreaterThan(20);
    // Every deal converts at its date: no figure is missing a rate.
    expect(
      await count(sql`select count(*) as n from deals d where currency <> 'USD' and not exists (
        select 1 from fx_rates r where r.currency = d.currency and r.effective_date <= coalesce(d.close_date, current_date))`),
    ).toBe(0);

    const cm = await signIn(t.app, 'cm@example.com', 'partnergraph-demo');
    const queue = (await as(t.app, cm).get('/api/v1/deals?status=registered&mine=true&limit=200')).json()
      .items;
    const tailspin = queue.find((d: { customer: { name: string } }) => d.customer.name === 'Tailspin Toys');
    expect(tailspin.registeredBy.name).toBe('Northwind Systems');
    const conflicts = (await as(t.app, cm).get(`/api/v1/deals/${tailspin.id}/conflicts`)).json().items;
    expect(conflicts[0].deal.registeredBy.name).toBe('Contoso Cloud Services');
    // Protection is exclusive: the waiting look-alike is refused until an admin overrides with a reason…
    expect(conflicts[0]).toMatchObject({ strong: true, blocking: true });
    const refused = await as(t.app, cm).post(`/api/v1/deals/${tailspin.id}/approve`, {
      version: tailspin.version,
    });
    expect(refused.statusCode).toBe(409);
    // …and no customer is protected for two partners at once (same registrable domain or normalized name).
    expect(
      await count(sql`select count(*) as n from deals a join deals b
        on a.id < b.id and a.registered_by_org_id <> b.registered_by_org_id
          and (a.customer_root_domain = b.customer_root_domain
            or replace(a.customer_name_key, ' ', '') = replace(b.customer_name_key, ' ', ''))
        where a.status = 'approved' and b.status = 'approved'
          and a.protection_expires_at > now() and b.protection_expires_at > now()`),
    ).toBe(0);
    const northwind = await signIn(t.app, 'user@northwind.example', 'partnergraph-demo');
    const counterparts = (await as(t.app, northwind).get('/api/v1/referrals/counterparts')).json().items;
    expect(counterparts.map((c: { name: string }) => c.name)).toContain('Contoso Cloud Services');
  });

  it('has funds to work with: a Gold budget, a request to review, a claim to make, and a ledger that balances', async () => {
    const cm = await signIn(t.app, 'cm@example.com', 'partnergraph-demo');
    const queue = (await as(t.app, cm).get('/api/v1/fund-requests?status=submitted')).json().items;
    expect(queue.map((r: { title: string }) => r.title)).toContain('London cloud migration breakfast');
    const northwind = await signIn(t.app, 'admin@northwind.example', 'partnergraph-demo');
    const [allocation] = (await as(t.app, northwind).get('/api/v1/fund-allocations')).json().items;
    // $20,000 allocated, $5,000 reserved for the webinar, $4,000 spent on the campaign.
    expect(allocation).toMatchObject({ amount: 2_000_000, available: 1_100_000 });
    const requests = (await as(t.app, northwind).get('/api/v1/fund-requests?status=approved')).json().items;
    expect(requests).toMatchObject([{ title: 'Backup for MSPs webinar', claimDeadline: '2027-01-05' }]);
    const summary = (await as(t.app, cm).get('/api/v1/ledger/summary')).json();
    expect(summary.trialBalance.reduce((s: number, b: { balance: number }) => s + b.balance, 0)).toBe(0);
    expect(summary.balances).toHaveLength(2);
  });

  it('has a marketplace to explore: published profiles, connections, integrations and a joint solution', async () => {
    expect(
      await count(sql`select count(*) as n from partner_profiles where status = 'published'`),
    ).toBeGreaterThan(30);
    expect(await count(sql`select count(*) as n from connections where status = 'active'`)).toBeGreaterThan(
      30,
    );
    expect(
      await count(sql`select count(*) as n from integration_listings where status = 'published'`),
    ).toBeGreaterThan(3);
    expect(await count(sql`select count(*) as n from integration_installs`)).toBeGreaterThan(5);
    expect(await count(sql`select count(*) as n from solutions where status = 'published'`)).toBe(1);
    const northwind = await signIn(t.app, 'user@northwind.example', 'partnergraph-demo');
    const found = (await as(t.app, northwind).get('/api/v1/marketplace/search?q=managd%20siem')).json();
    expect(found.items.map((i: { name: string }) => i.name)).toContain('Contoso Cloud Services');
    const incoming = (await as(t.app, northwind).get('/api/v1/connections?box=incoming')).json().items;
    expect(incoming.length).toBeGreaterThan(0);
    const recs = (await as(t.app, northwind).get('/api/v1/recommendations')).json().items;
    expect(recs.length).toBeGreaterThan(3);
  });

  it('has a community with months of discussion, events past and upcoming, and segment announcements', async () => {
    expect(await count(sql`select count(*) as n from spaces`)).toBe(6);
    expect(await count(sql`select count(*) as n from posts`)).toBeGreaterThan(50);
    expect(await count(sql`select count(*) as n from comments`)).toBeGreaterThan(80);
    expect(
      await count(sql`select count(distinct date_trunc('month', created_at)) as n from posts`),
    ).toBeGreaterThanOrEqual(5);
    const northwind = await signIn(t.app, 'user@northwind.example', 'partnergraph-demo');
    const fabrikam = await signIn(t.app, 'user@fabrikam.example', 'partnergraph-demo');
    const upcoming = (await as(t.app, northwind).get('/api/v1/events?when=upcoming')).json().items;
    const past = (await as(t.app, northwind).get('/api/v1/events?when=past')).json().items;
    expect(upcoming.length).toBeGreaterThanOrEqual(3);
    expect(past.length).toBeGreaterThanOrEqual(3);
    const titles = async (s: typeof northwind) =>
      (await as(t.app, s).get('/api/v1/announcements')).json().items.map((a: { title: string }) => a.title);
    // Northwind is a Gold reseller; Fabrikam an ISV and Silver reseller.
    expect(await titles(northwind)).toContain('Gold reseller advisory board: nominations open');
    expect(await titles(fabrikam)).not.toContain('Gold reseller advisory board: nominations open');
    const spaces = async (s: typeof northwind) =>
      (await as(t.app, s).get('/api/v1/spaces')).json().items.map((x: { name: string }) => x.name);
    expect(await spaces(northwind)).toContain('Reseller Gold Council');
    expect(await spaces(fabrikam)).not.toContain('Reseller Gold Council');
    expect(await spaces(fabrikam)).toContain('Integration Builders');
    const general = (await as(t.app, northwind).get('/api/v1/spaces?q=General')).json().items[0];
    expect(general.postCount).toBeGreaterThan(30);
    expect(general.memberCount).toBeGreaterThan(10);
    // The directory and the engagement score have something to show.
    expect((await as(t.app, fabrikam).get('/api/v1/members?limit=5')).json().items.length).toBeGreaterThan(0);
    const scorecard = (
      await as(t.app, northwind).get(
        `/api/v1/analytics/partners/${(await as(t.app, northwind).get('/api/v1/partners')).json().items[0].id}/scorecard`,
      )
    ).json();
    const posts = scorecard.engagement.activities.find((a: { kind: string }) => a.kind === 'post');
    expect(posts.measured).toBe(true);
  });

  it('shows enterprise identity set up, without sending any demo sign-in to an IdP it cannot reach', async () => {
    const admin = await signIn(t.app, 'admin@example.com', 'demo-admin-password');
    const connections = (await as(t.app, admin).get('/api/v1/sso/connections')).json().items;
    expect(connections).toEqual([
      expect.objectContaining({
        name: 'Contoso Entra ID',
        organizationName: 'Contoso Cloud Services',
        status: 'pending_approval',
      }),
    ]);
    const northwind = await signIn(t.app, 'admin@northwind.example', 'partnergraph-demo');
    const tokens = (await as(t.app, northwind).get('/api/v1/scim/tokens')).json().items;
    expect(tokens.map((x: { name: string }) => x.name)).toEqual(['Microsoft Entra ID']);
    // Contoso's domain is not proven yet: its people sign in with their passwords.
    const discover = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sso/discover',
      payload: { email: 'admin@contoso.example' },
    });
    expect(discover.json()).toMatchObject({ sso: false });
    expect((await signIn(t.app, 'admin@contoso.example', 'partnergraph-demo')).csrfToken).toBeTruthy();
  });

  it('has a library by segment, a course to take and the certified people the reseller ladder counts', async () => {
    const northwind = await signIn(t.app, 'user@northwind.example', 'partnergraph-demo');
    const fabrikam = await signIn(t.app, 'user@fabrikam.example', 'partnergraph-demo');
    const titles = async (s: typeof northwind) =>
      (await as(t.app, s).get('/api/v1/content/assets')).json().items.map((a: { title: string }) => a.title);
    expect(await titles(northwind)).toContain('Gold reseller sales deck');
    expect(await titles(fabrikam)).not.toContain('Gold reseller sales deck');
    expect(await titles(fabrikam)).toContain('Competitive battlecard');
    const courses = (await as(t.app, fabrikam).get('/api/v1/courses')).json().items;
    expect(courses.map((c: { title: string }) => c.title)).toContain('Selling PartnerGraph');
    const certs = (await as(t.app, fabrikam).get('/api/v1/certifications?status=valid')).json().items;
    expect(certs).toHaveLength(2);
    const badge = await t.app.inject({ method: 'GET', url: `/api/v1/certifications/verify/${certs[0].id}` });
    expect(badge.json().status).toBe('valid');
    // Fabrikam's Silver rests on its two certified people, measured now.
    const enrollment = (await as(t.app, fabrikam).get('/api/v1/enrollments'))
      .json()
      .items.find((x: { program: { name: string } }) => x.program.name === 'Reseller Program');
    expect(enrollment.tier.name).toBe('Silver');
    const admin = await signIn(t.app, 'admin@fabrikam.example', 'partnergraph-demo');
    const evaluated = (await as(t.app, admin).post(`/api/v1/enrollments/${enrollment.id}/evaluate`)).json();
    const silver = evaluated.tiers.find((x: { code: string }) => x.code === 'silver');
    expect(silver.rules.map((r: { reason: string }) => r.reason)).toContain(
      'Met: certified users is 2, needs ≥ 2',
    );
  });

  it('does nothing on a database that already has a vendor', async () => {
    const again = await bootstrap(t.database.db, loadConfig({ LOG_LEVEL: 'silent' }));
    expect(again.created).toBe(false);
    expect(await count(sql`select count(*) as n from organizations where kind = 'vendor'`)).toBe(1);
  });
});
