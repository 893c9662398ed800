// Two people acting on one record at the same moment: exactly one wins, the
// other is told (409 for a stale version; for the last event seat the
// module's rule is the waitlist), and exactly one audit entry records the
// change. Requests go out together with Promise.all; on PGlite (one
// connection) they serialize, on PostgreSQL they race for the row lock. The
// outcome asserted is the same on both.
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.tables';
import { deals } from '../src/modules/deals/deals.tables';
import { createEventRecord } from '../src/seed/community-factories';
import {
  createConnectionRecord,
  createDealRecord,
  createPartnerOrganization,
  createReferralRecord,
  createUser,
} from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
});
afterAll(() => t?.close());

const audits = (action: string, entityId: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)));

/** One winner (2xx) and one loser answering `loser` as problem+json. */
function oneWins(
  results: { statusCode: number; headers: Record<string, unknown>; body: string }[],
  loser: number,
) {
  const codes = results.map((r) => r.statusCode).sort();
  expect(codes, results.map((r) => r.body.slice(0, 200)).join('\n')).toEqual(
    [results.find((r) => r.statusCode < 300)?.statusCode ?? 200, loser].sort(),
  );
  expect(codes.filter((c) => c < 300)).toHaveLength(1);
  const lost = results.find((r) => r.statusCode === loser)!;
  expect(String(lost.headers['content-type'])).toContain('application/problem+json');
}

async function sessionsOf(email: string, n: number): Promise<Session[]> {
  const out: Session[] = [];
  for (let i = 0; i < n; i++) out.push(await signIn(t.app, email, PASSWORD));
  return out;
}

describe('at the same moment', () => {
  it('two reviewers approving one deal: one approves, the other gets 409, one audit entry', async () => {
    for (let round = 0; round < 3; round++) {
      const deal = await createDealRecord(t.database.db, {
        registeredByOrgId: e.partnerA.id,
        registeredByUserId: e.aUser.id,
        customerName: `Race Corp ${round}`,
      });
      const [admin] = await sessionsOf(e.admin.email, 1);
      const [cm] = await sessionsOf(e.cm.email, 1);
      const results = await Promise.all(
        [admin!, cm!].map((s) =>
          as(t.app, s).post(`/api/v1/deals/${deal.id}/approve`, { version: deal.version }),
        ),
      );
      oneWins(results, 409);
      expect(await audits('deal.approved', deal.id)).toHaveLength(1);
      const [row] = await t.database.db.select().from(deals).where(eq(deals.id, deal.id));
      expect(row).toMatchObject({ status: 'approved', version: deal.version + 1 });
    }
  });

  it('two acceptances of one connection: one accepts, the other gets 409, one audit entry', async () => {
    for (let round = 0; round < 3; round++) {
      const c = await createConnectionRecord(t.database.db, {
        // One open connection per pair and kind: a new requester each round.
        requesterOrgId: (await createPartnerOrganization(t.database.db, { types: ['isv'] })).id,
        recipientOrgId: e.partnerA.id,
        kind: 'co_sell',
        status: 'requested',
      });
      const two = await sessionsOf(e.aAdmin.email, 2);
      const results = await Promise.all(
        two.map((s) => as(t.app, s).post(`/api/v1/connections/${c.id}/accept`, { version: c.version })),
      );
      oneWins(results, 409);
      expect(await audits('connection.accepted', c.id)).toHaveLength(1);
    }
  });

  it('two conversions of one referral: one deal is created, the other gets 409, one audit entry', async () => {
    for (let round = 0; round < 3; round++) {
      const company = `Converted Prospect ${round} ${Math.random().toString(36).slice(2, 7)}`;
      const r = await createReferralRecord(t.database.db, {
        referrerOrgId: e.partnerB.id,
        recipientOrgId: e.partnerA.id,
        companyName: company,
        status: 'accepted',
      });
      const two = await sessionsOf(e.aAdmin.email, 2);
      const body = { version: r.version, amount: 500_000, currency: 'USD', expectedCloseDate: '2031-06-30' };
      const results = await Promise.all(
        two.map((s) => as(t.app, s).post(`/api/v1/referrals/${r.id}/convert`, body)),
      );
      oneWins(results, 409);
      expect(await audits('referral.converted', r.id)).toHaveLength(1);
      expect(
        await t.database.db
          .select()
          .from(deals)
          .where(like(deals.customerName, `${company}%`)),
      ).toHaveLength(1);
    }
  });

  it('two RSVPs for the last seat: one goes, the other is waitlisted (the module’s rule), one seat audit entry', async () => {
    for (let round = 0; round < 3; round++) {
      const event = await createEventRecord(t.database.db, {
        title: `Small workshop ${round}`,
        kind: 'workshop',
        startsAt: new Date(Date.now() + 10 * 86_400_000),
        capacity: 1,
      });
      const people = await Promise.all(
        [0, 1].map(() => createUser(t.database.db, { organizationId: e.partnerA.id, role: 'partner_user' })),
      );
      const sessions = [
        await signIn(t.app, people[0]!.email, PASSWORD),
        await signIn(t.app, people[1]!.email, PASSWORD),
      ];
      const results = await Promise.all(
        sessions.map((s) => as(t.app, s).post(`/api/v1/events/${event.id}/rsvp`, { status: 'going' })),
      );
      for (const r of results) expect(r.statusCode, r.body).toBe(200);
      const mine = results.map((r) => r.json().myRsvp?.status ?? r.json().rsvp?.status ?? r.json().status);
      expect(mine.sort(), JSON.stringify(results.map((r) => r.json()))).toEqual(['going', 'waitlisted']);
      expect(await audits('event.rsvp_going', event.id)).toHaveLength(1);
      expect(await audits('event.rsvp_waitlisted', event.id)).toHaveLength(1);
      const seen = await as(t.app, sessions[0]!).get(`/api/v1/events/${event.id}`);
      expect(seen.json()).toMatchObject({ capacity: 1, going: 1, waitlisted: 1 });
    }
  });
});
