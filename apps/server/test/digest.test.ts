import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailMessage } from '../src/lib/mail';
import { auditLog } from '../src/modules/audit/audit.tables';
import { users } from '../src/modules/identity/identity.tables';
import { sendDailyDigests } from '../src/modules/mail/digest.service';
import { hideOneTimeLinks } from '../src/modules/mail/mail.visibility';
import {
  createApplicationRecord,
  createConnectionRecord,
  createDealRecord,
  createPartnerOrganization,
  createProgramRecord,
  createReferralRecord,
  createUser,
} from '../src/seed/factories';
import { createNotificationRecord } from '../src/seed/community-factories';
import { as, signIn, startTestApp, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

const DAY = 86_400_000;
const site = { url: 'https://partners.example.test' };

let t: TestApp;
let e: Ecosystem;
let cUser: Awaited<ReturnType<typeof createUser>>;
let gone: Awaited<ReturnType<typeof createUser>>;
let quiet: Awaited<ReturnType<typeof createUser>>;
/** 09:00 UTC today: after the hour digests go out from. */
const day1 = new Date(new Date().setUTCHours(9, 0, 0, 0));
const day2 = new Date(day1.getTime() + DAY);
const day3 = new Date(day2.getTime() + DAY);

const run = (now: Date) => sendDailyDigests(t.database.db, { mailer: t.mailer, site }, { now });

/** What one run sends, by recipient. */
async function digestsOf(now: Date) {
  const before = t.mailer.sent.length;
  const result = await run(now);
  const sent = new Map<string, MailMessage>(t.mailer.sent.slice(before).map((m) => [m.to, m]));
  return { result, sent };
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  e = await buildEcosystem(db);
  // Partner C has people but nothing waiting.
  const partnerC = await createPartnerOrganization(db, { name: 'Gamma Quiet' });
  cUser = await createUser(db, { organizationId: partnerC.id, role: 'partner_user' });
  gone = await createUser(db, { organizationId: e.partnerA.id, role: 'partner_user', status: 'deactivated' });
  quiet = await createUser(db, { organizationId: e.partnerA.id, role: 'partner_admin' });
  await db.update(users).set({ emailDigest: false }).where(eq(users.id, quiet.id));

  // Vendor staff's work.
  const { program } = await createProgramRecord(db, { status: 'published' });
  await createApplicationRecord(db, { programIds: [program.id], companyName: 'Omega Applicant' });
  await createDealRecord(db, { registeredByOrgId: e.partnerA.id, customerName: 'Initech Alpha Deal' });
  await createDealRecord(db, { registeredByOrgId: e.partnerB.id, customerName: 'Hooli Beta Deal' });
  await createReferralRecord(db, {
    referrerOrgId: e.partnerB.id,
    recipientOrgId: e.vendor.id,
    toVendor: true,
    companyName: 'Vendor Prospect Ltd',
  });
  // Already answered: waits for no one.
  await createReferralRecord(db, {
    referrerOrgId: e.partnerB.id,
    recipientOrgId: e.vendor.id,
    toVendor: true,
    companyName: 'Answered Prospect',
    status: 'accepted',
  });

  // Partner A's: a referral from B.
  await createReferralRecord(db, {
    referrerOrgId: e.partnerB.id,
    recipientOrgId: e.partnerA.id,
    companyName: 'Referred To Alpha Inc',
  });
  // Partner B's: A asks for a connection; a deal whose protection ends in 10 days.
  await createConnectionRecord(db, {
    requesterOrgId: e.partnerA.id,
    recipientOrgId: e.partnerB.id,
    status: 'requested',
    kind: 'co_sell',
  });
  await createDealRecord(db, {
    registeredByOrgId: e.partnerB.id,
    customerName: 'Expiring Beta Customer',
    status: 'approved',
    createdAt: new Date(day1.getTime() - 81 * DAY),
    approvedAt: new Date(day1.getTime() - 80 * DAY),
    protectionDays: 90,
  });
  // A's protection runs 30 more days: not yet worth a line.
  await createDealRecord(db, {
    registeredByOrgId: e.partnerA.id,
    customerName: 'Safe Alpha Customer',
    status: 'approved',
    createdAt: new Date(day1.getTime() - 61 * DAY),
    approvedAt: new Date(day1.getTime() - 60 * DAY),
    protectionDays: 90,
  });
});
afterAll(() => t?.close());

describe('the daily digest', () => {
  it('waits for the morning: a run before the hour sends nothing', async () => {
    const early = new Date(day1);
    early.setUTCHours(5);
    const { result, sent } = await digestsOf(early);
    expect(result.candidates).toBe(0);
    expect(sent.size).toBe(0);
  });

  it('tells each person what waits for them, as they may see it', async () => {
    const { result, sent } = await digestsOf(day1);
    expect([...sent.keys()].sort()).toEqual(
      [e.admin, e.cm, e.aAdmin, e.aUser, e.bAdmin, e.bUser].map((u) => u.email).sort(),
    );
    expect(result.sent).toBe(6);

    const admin = sent.get(e.admin.email)!;
    expect(admin.subject).toBe(
      'Waiting for you: 1 partner application, 2 deal registrations, 1 referral to the vendor',
    );
    for (const s of ['Omega Applicant', 'Initech Alpha Deal', 'Hooli Beta Deal', 'Vendor Prospect Ltd']) {
      expect(admin.text).toContain(s);
    }
    expect(admin.text).not.toContain('Answered Prospect');

    // A channel manager: the deals of the partners assigned to them only.
    const cm = sent.get(e.cm.email)!;
    expect(cm.text).toContain('Initech Alpha Deal');
    expect(cm.text).not.toContain('Hooli Beta Deal');
    expect(cm.subject).toContain('1 deal registration,');

    // A partner: its own inbox and deals, never the other's.
    for (const u of [e.aAdmin, e.aUser]) {
      const m = sent.get(u.email)!;
      expect(m.subject).toBe('Waiting for you: 1 referral');
      expect(m.text).toContain('Referred To Alpha Inc');
      expect(m.text).not.toMatch(/Expiring Beta|Safe Alpha|connection request/);
    }
    for (const u of [e.bAdmin, e.bUser]) {
      const m = sent.get(u.email)!;
      expect(m.subject).toBe('Waiting for you: 1 connection request, 1 deal losing protection soon');
      expect(m.text).toContain(e.partnerA.name);
      expect(m.text).toContain('co-sell relationship');
      expect(m.text).toContain('Expiring Beta Customer');
      expect(m.text).not.toContain('Referred To Alpha Inc');
    }

    // Every link is absolute and the HTML escapes what it names.
    expect(sent.get(e.bUser.email)!.text).toContain(`${site.url}/connections/`);
    expect(admin.html).toContain(`href="${site.url}/deals/review"`);

    // The analyst, partner C, a deactivated user and one who turned it off: nothing.
    for (const u of [e.analyst, cUser, gone, quiet]) expect(sent.has(u.email), u.email).toBe(false);

    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'digest.sent'), eq(auditLog.entityId, e.cm.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({
      day: day1.toISOString().slice(0, 10),
      dealsToReview: 1,
      applications: 1,
    });
  });

  it('sends at most one a day: a second run, or two at once, send nothing more', async () => {
    const again = await digestsOf(new Date(day1.getTime() + 3 * 3600_000));
    expect(again.sent.size).toBe(0);
    // Those already told are not even read again; partner C and the analyst, with nothing yet, are.
    expect(again.result).toMatchObject({ candidates: 2, nothingWaiting: 2, sent: 0 });

    // Two server processes on the next day: each person still gets one.
    const before = t.mailer.sent.length;
    const results = await Promise.all([run(day2), run(day2)]);
    const recipients = t.mailer.sent.slice(before).map((m) => m.to);
    expect(recipients.length).toBe(6);
    expect(new Set(recipients).size).toBe(6);
    expect(results[0]!.sent + results[1]!.sent).toBe(6);
  });

  it('turns off with the link in the email, and the next day skips that person', async () => {
    const mail = [...t.mailer.sent].reverse().find((m) => m.to === e.aUser.email)!;
    const link = mail.text.match(/Unsubscribe: (\S+)/)![1]!;
    expect(link.startsWith(`${site.url}/api/v1/unsubscribe?token=`)).toBe(true);
    expect(mail.html).toContain(`href="${link}"`);
    // The outbox page keeps the message without the recipient's token.
    expect(hideOneTimeLinks(mail.text)).not.toContain(link);

    const path = link.slice(site.url.length);
    const page = await t.app.inject({ method: 'GET', url: path, headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('You will no longer receive the daily digest');
    // Clicking twice is harmless, and a client that is not a browser gets JSON.
    const json = await t.app.inject({ method: 'GET', url: path });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ emailDigest: false });

    const [row] = await t.database.db
      .select({ emailDigest: users.emailDigest })
      .from(users)
      .where(eq(users.id, e.aUser.id));
    expect(row!.emailDigest).toBe(false);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.digest_unsubscribed'), eq(auditLog.entityId, e.aUser.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(e.aUser.id);

    const { sent } = await digestsOf(day3);
    expect(sent.has(e.aUser.email)).toBe(false);
    expect(sent.has(e.aAdmin.email)).toBe(true);
  });

  it('refuses a forged or altered token with problem+json, and changes nothing', async () => {
    const mail = [...t.mailer.sent].reverse().find((m) => m.to === e.bUser.email)!;
    const token = decodeURIComponent(mail.text.match(/unsubscribe\?token=(\S+)/)![1]!);
    const [id, mac] = token.split('.');
    const forged = [
      `${id}.${mac!.slice(0, -2)}xx`,
      // bUser's signature on another user's id.
      `${e.bAdmin.id}.${mac}`,
      `${id}`,
      'not-a-token',
      `${id}.${'A'.repeat(43)}`,
    ];
    for (const bad of forged) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/v1/unsubscribe?token=${encodeURIComponent(bad)}`,
        headers: { accept: 'text/html' },
      });
      expect(res.statusCode, bad).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].path).toBe('querystring.token');
    }
    const rows = await t.database.db.select({ emailDigest: users.emailDigest }).from(users);
    expect(rows.filter((r) => !r.emailDigest)).toHaveLength(2);
  });

  it('lets people see and change it on their own account', async () => {
    const s = await signIn(t.app, e.aUser.email, PASSWORD);
    expect((await as(t.app, s).get('/api/v1/me')).json().user.emailDigest).toBe(false);
    const on = await as(t.app, s).patch('/api/v1/me', { emailDigest: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json().user.emailDigest).toBe(true);
    expect(on.json().csrfToken).toBe(s.csrfToken);
    // Setting what is already set records nothing; an unknown field is refused.
    await as(t.app, s).patch('/api/v1/me', { emailDigest: true });
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.preferences_updated'), eq(auditLog.entityId, e.aUser.id)));
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after).toEqual({ emailDigest: true });
    expect((await as(t.app, s).patch('/api/v1/me', { role: 'admin' })).statusCode).toBe(400);
    // The sign-in answer carries it too, as the web app keeps that as the session.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: e.aUser.email, password: PASSWORD },
    });
    expect(login.json().user.emailDigest).toBe(true);
  });

  it("lists the community's unread notices, and only unread ones", async () => {
    const day4 = new Date(day3.getTime() + DAY);
    const db = t.database.db;
    await createNotificationRecord(db, {
      userId: e.analyst.id,
      title: 'Ada mentioned you in “Roadmap”',
      link: '/community/posts/x',
    });
    await createNotificationRecord(db, { userId: e.analyst.id, title: 'Already seen', read: true });
    const { sent } = await digestsOf(day4);
    const m = sent.get(e.analyst.email)!;
    expect(m.subject).toBe('Waiting for you: 1 unread notification');
    expect(m.text).toContain('Ada mentioned you in “Roadmap”');
    expect(m.text).toContain(`${site.url}/community/posts/x`);
    expect(m.text).not.toContain('Already seen');
  });
});
