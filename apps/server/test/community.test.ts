import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { auditLog } from '../src/modules/audit/audit.tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEnrollmentRecord,
  createProfileRecord,
  createPartnerOrganization,
  createProgramRecord,
  createUser,
} from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
let admin: Session,
  cm: Session,
  aAdmin: Session,
  aUser: Session,
  bAdmin: Session,
  bUser: Session,
  cUser: Session;
let gold: string, silver: string;
let cUserId: string;

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  const db = t.database.db;
  // A is a Gold reseller; B a Silver ISV; C a Silver reseller.
  const reseller = await createProgramRecord(db, {
    name: 'Resell',
    eligibleTypes: ['reseller', 'msp'],
    tiers: [
      { code: 'silver', name: 'Silver' },
      { code: 'gold', name: 'Gold' },
    ],
  });
  const tech = await createProgramRecord(db, {
    name: 'Build',
    eligibleTypes: ['isv'],
    tiers: [
      { code: 'silver', name: 'Silver' },
      { code: 'gold', name: 'Gold' },
    ],
  });
  gold = reseller.tiers[1]!.id;
  silver = reseller.tiers[0]!.id;
  await createEnrollmentRecord(db, {
    organizationId: e.partnerA.id,
    programId: reseller.program.id,
    tierId: gold,
  });
  await createEnrollmentRecord(db, {
    organizationId: e.partnerB.id,
    programId: tech.program.id,
    tierId: tech.tiers[0]!.id,
  });
  const partnerC = await createPartnerOrganization(db, {
    name: 'Cobalt Resale',
    types: ['reseller'],
    country: 'GB',
  });
  await createEnrollmentRecord(db, {
    organizationId: partnerC.id,
    programId: reseller.program.id,
    tierId: silver,
  });
  const c = await createUser(db, {
    organizationId: partnerC.id,
    role: 'partner_user',
    email: `c-${Math.random().toString(36).slice(2, 8)}@cobalt.test`,
    name: 'Cleo Cobalt',
  });
  cUserId = c.id;
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  cm = await signIn(t.app, e.cm.email, PASSWORD);
  aAdmin = await signIn(t.app, e.aAdmin.email, PASSWORD);
  aUser = await signIn(t.app, e.aUser.email, PASSWORD);
  bAdmin = await signIn(t.app, e.bAdmin.email, PASSWORD);
  bUser = await signIn(t.app, e.bUser.email, PASSWORD);
  cUser = await signIn(t.app, c.email, PASSWORD);
});
afterAll(() => t?.close());

const ok = (res: LightMyRequestResponse, code = 200) => {
  expect(res.statusCode, res.body).toBe(code);
  return res.json();
};
/** One field of every item on a page. */
const pick = (page: { items: Record<string, unknown>[] }, key: string) => page.items.map((i) => i[key]);
const mention = (u: { id: string; name: string }) => `@[${u.name}](user:${u.id})`;

describe('spaces, posts and threads', () => {
  it('a partner joins an open space, posts, is mentioned and replies; each step notifies the right person', async () => {
    const space = ok(
      await as(t.app, admin).post('/api/v1/spaces', {
        name: 'General',
        description: 'Everyone',
        visibility: 'open',
      }),
      201,
    );
    expect(space).toMatchObject({ visibility: 'open', membership: null, canPost: true, canModerate: true });
    // Not joined yet: A reads the space but may not post.
    const before = ok(await as(t.app, aUser).get(`/api/v1/spaces/${space.id}`));
    expect(before).toMatchObject({ canPost: false, membership: null });
    const refused = await as(t.app, aUser).post(`/api/v1/spaces/${space.id}/posts`, {
      title: 'Hi',
      body: 'Hello',
    });
    expect(refused.statusCode).toBe(403);

    const joined = ok(await as(t.app, aUser).post(`/api/v1/spaces/${space.id}/join`));
    expect(joined).toMatchObject({
      canPost: true,
      membership: { role: 'member', status: 'active' },
      memberCount: 1,
    });
    // Mentions name and notify only people listed in the member directory: B opts in.
    ok(await as(t.app, bUser).put('/api/v1/me/member-profile', { listed: true }));
    const post = ok(
      await as(t.app, aUser).post(`/api/v1/spaces/${space.id}/posts`, {
        title: 'Who covers healthcare in France?',
        body: `Looking for an ISV partner. ${mention(e.bUser)}, is that you?`,
        attachments: [{ title: 'Brief', url: 'https://example.com/brief.pdf' }],
      }),
      201,
    );
    expect(post.html).toContain(`href="/community/members/${e.bUser.id}"`);
    expect(post.html).toContain('@' + e.bUser.name);

    // B was mentioned: a notification with the unread count, linking to the post.
    const inbox = ok(await as(t.app, bUser).get('/api/v1/notifications'));
    expect(inbox.unreadCount).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: 'mention', link: `/community/posts/${post.id}` });
    // The e-mail went too (mentions are on by default).
    expect(t.mailer.sent.some((m) => m.to === e.bUser.email && m.subject.includes('mentioned you'))).toBe(
      true,
    );

    // B joins and replies; A (the post author) is told.
    ok(await as(t.app, bUser).post(`/api/v1/spaces/${space.id}/join`));
    const comment = ok(
      await as(t.app, bUser).post(`/api/v1/posts/${post.id}/comments`, { body: 'Yes — we do hospitals.' }),
      201,
    );
    const reply = ok(
      await as(t.app, aUser).post(`/api/v1/posts/${post.id}/comments`, {
        body: 'Great, let us talk.',
        parentId: comment.id,
      }),
      201,
    );
    expect(reply.parentId).toBe(comment.id);
    const aInbox = ok(await as(t.app, aUser).get('/api/v1/notifications?unread=true'));
    expect(pick(aInbox, 'kind')).toEqual(['comment']);
    const bInbox = ok(await as(t.app, bUser).get('/api/v1/notifications'));
    expect(pick(bInbox, 'kind')).toEqual(['reply', 'mention']);
    ok(await as(t.app, bUser).post('/api/v1/notifications/read-all'));
    expect(ok(await as(t.app, bUser).get('/api/v1/notifications/unread-count'))).toEqual({ unread: 0 });

    const thread = ok(await as(t.app, aUser).get(`/api/v1/posts/${post.id}/comments`));
    expect(thread.items.map((c: { id: string; parentId: string | null }) => [c.id, c.parentId])).toEqual([
      [comment.id, null],
      [reply.id, comment.id],
    ]);
    expect(ok(await as(t.app, aUser).get(`/api/v1/posts/${post.id}`)).commentCount).toBe(2);
    // Pages follow one another in order, in threads as in the bell.
    const first = ok(await as(t.app, aUser).get(`/api/v1/posts/${post.id}/comments?limit=1`));
    const next = ok(
      await as(t.app, aUser).get(`/api/v1/posts/${post.id}/comments?limit=1&cursor=${first.nextCursor}`),
    );
    expect([...pick(first, 'id'), ...pick(next, 'id')]).toEqual([comment.id, reply.id]);
    expect(next.nextCursor).toBeNull();
    const bell = ok(await as(t.app, bUser).get('/api/v1/notifications?limit=1'));
    const bell2 = ok(await as(t.app, bUser).get(`/api/v1/notifications?limit=1&cursor=${bell.nextCursor}`));
    expect([...pick(bell, 'kind'), ...pick(bell2, 'kind')]).toEqual(['reply', 'mention']);

    // Reactions: once per kind, counted, "mine" for the reactor.
    ok(await as(t.app, bUser).post(`/api/v1/posts/${post.id}/reactions`, { kind: 'like' }));
    const liked = ok(await as(t.app, bUser).post(`/api/v1/posts/${post.id}/reactions`, { kind: 'like' }));
    expect(liked.reactions).toEqual([{ kind: 'like', count: 1, mine: true }]);
    expect(ok(await as(t.app, aUser).get(`/api/v1/posts/${post.id}`)).reactions).toEqual([
      { kind: 'like', count: 1, mine: false },
    ]);

    // Editing keeps history; only the author edits.
    const edited = ok(
      await as(t.app, aUser).patch(`/api/v1/posts/${post.id}`, {
        version: post.version,
        body: 'Looking for an ISV.',
      }),
    );
    expect(edited).toMatchObject({ edited: true, body: 'Looking for an ISV.' });
    expect(
      (await as(t.app, bUser).patch(`/api/v1/posts/${post.id}`, { version: 2, body: 'x' })).statusCode,
    ).toBe(403);
    const stale = await as(t.app, aUser).patch(`/api/v1/posts/${post.id}`, { version: 1, body: 'again' });
    expect(stale.statusCode).toBe(409);
    const revisions = ok(await as(t.app, bUser).get(`/api/v1/posts/${post.id}/revisions`));
    expect(pick(revisions, 'body')).toEqual([post.body]);

    // The feed: pinned first, then by activity.
    const second = ok(
      await as(t.app, bUser).post(`/api/v1/spaces/${space.id}/posts`, {
        title: 'Second',
        body: 'Later post',
      }),
      201,
    );
    expect(ok(await as(t.app, aUser).get(`/api/v1/spaces/${space.id}`))).toMatchObject({
      postCount: 2,
      memberCount: 2,
    });
    let feed = ok(await as(t.app, aUser).get(`/api/v1/spaces/${space.id}/posts`));
    expect(pick(feed, 'id')).toEqual([second.id, post.id]);
    ok(await as(t.app, cm).post(`/api/v1/posts/${post.id}/pin`));
    feed = ok(await as(t.app, aUser).get(`/api/v1/spaces/${space.id}/posts?limit=1`));
    expect(pick(feed, 'id')).toEqual([post.id]);
    const page2 = ok(
      await as(t.app, aUser).get(
        `/api/v1/spaces/${space.id}/posts?limit=1&cursor=${(feed as unknown as { nextCursor: string }).nextCursor}`,
      ),
    );
    expect(pick(page2, 'id')).toEqual([second.id]);
    // Search finds by words.
    const found = ok(await as(t.app, aUser).get(`/api/v1/spaces/${space.id}/posts?q=later`));
    expect(pick(found, 'id')).toEqual([second.id]);
  });

  it('Markdown is rendered safely: script, javascript: links and raw HTML never reach the page', async () => {
    const space = ok(
      await as(t.app, admin).post('/api/v1/spaces', { name: 'Safety', visibility: 'open' }),
      201,
    );
    ok(await as(t.app, aUser).post(`/api/v1/spaces/${space.id}/join`));
    const post = ok(
      await as(t.app, aUser).post(`/api/v1/spaces/${space.id}/posts`, {
        title: 'Tricks',
        body: '<script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(2)> [ok](https://example.com) **bold**',
      }),
      201,
    );
    // Typed HTML stays visible text; no element, attribute or link that could run survives.
    expect(post.html).not.toMatch(/<script|<img|href="javascript:|<[^>]*onerror/i);
    expect(post.html).toContain('&lt;script&gt;');
    expect(post.html).toContain('<strong>bold</strong>');
    expect(post.html).toContain('href="https://example.com" rel="nofollow noopener noreferrer"');
    // The preview is the same renderer.
    const preview = ok(await as(t.app, aUser).post('/api/v1/community/preview', { body: '<b>x</b> _y_' }));
    expect(preview.html).toBe('<p>&lt;b&gt;x&lt;/b&gt; <em>y</em></p>\n');
    // Oversized, empty and NUL bodies are refused, naming the field; nothing is stored.
    const big = await as(t.app, aUser).post(`/api/v1/spaces/${space.id}/posts`, {
      title: 'Big',
      body: 'x'.repeat(20_001),
    });
    expect(big.statusCode).toBe(400);
    expect(big.json().errors[0].path).toBe('body.body');
    const nul = await as(t.app, aUser).post(`/api/v1/spaces/${space.id}/posts`, {
      title: 'Nul',
      body: 'a\u0000b',
    });
    expect(nul.statusCode).toBe(400);
    const extra = await as(t.app, aUser).post(`/api/v1/spaces/${space.id}/posts`, {
      title: 'X',
      body: 'y',
      authorOrgId: e.partnerB.id,
    });
    expect(extra.statusCode).toBe(400);
    const feed = ok(await as(t.app, aUser).get(`/api/v1/spaces/${space.id}/posts`));
    expect(feed.items).toHaveLength(1);
    // Deleted: gone for its author (404), still there for moderators, whose second delete records nothing.
    expect((await as(t.app, aUser).delete(`/api/v1/posts/${post.id}`)).statusCode).toBe(204);
    expect((await as(t.app, aUser).delete(`/api/v1/posts/${post.id}`)).statusCode).toBe(404);
    expect((await as(t.app, admin).delete(`/api/v1/posts/${post.id}`)).statusCode).toBe(204);
    const deletions = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'post.deleted'), eq(auditLog.entityId, post.id)));
    expect(deletions).toHaveLength(1);
    expect(ok(await as(t.app, aUser).get(`/api/v1/spaces/${space.id}/posts`)).items).toHaveLength(0);
  });

  it('posting is rate limited per person with Retry-After', async () => {
    const space = ok(
      await as(t.app, admin).post('/api/v1/spaces', { name: 'Busy', visibility: 'open' }),
      201,
    );
    ok(await as(t.app, bAdmin).post(`/api/v1/spaces/${space.id}/join`));
    for (let i = 0; i < 10; i++) {
      ok(
        await as(t.app, bAdmin).post(`/api/v1/spaces/${space.id}/posts`, { title: `P${i}`, body: 'text' }),
        201,
      );
    }
    const limited = await as(t.app, bAdmin).post(`/api/v1/spaces/${space.id}/posts`, {
      title: 'P10',
      body: 'text',
    });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const feed = ok(await as(t.app, bAdmin).get(`/api/v1/spaces/${space.id}/posts?limit=50`));
    expect(feed.items).toHaveLength(10);
  });

  it('segment and private spaces: outsiders get 404 for the space, its posts and its comments', async () => {
    const golds = ok(
      await as(t.app, admin).post('/api/v1/spaces', {
        name: 'Gold council',
        visibility: 'segment',
        segment: { partnerTypes: ['reseller'], tierIds: [gold] },
      }),
      201,
    );
    expect(golds.segment.label).toMatch(/^Reseller.* · Resell: Gold$/);
    ok(await as(t.app, aUser).post(`/api/v1/spaces/${golds.id}/join`));
    const post = ok(
      await as(t.app, aUser).post(`/api/v1/spaces/${golds.id}/posts`, {
        title: 'Gold only',
        body: 'Secret plans',
      }),
      201,
    );
    const comment = ok(
      await as(t.app, aUser).post(`/api/v1/posts/${post.id}/comments`, { body: 'More' }),
      201,
    );
    for (const s of [bUser, cUser]) {
      expect((await as(t.app, s).get(`/api/v1/spaces/${golds.id}`)).statusCode).toBe(404);
      expect((await as(t.app, s).get(`/api/v1/spaces/${golds.id}/posts`)).statusCode).toBe(404);
      expect((await as(t.app, s).post(`/api/v1/spaces/${golds.id}/join`)).statusCode).toBe(404);
      expect(
        (await as(t.app, s).post(`/api/v1/spaces/${golds.id}/posts`, { title: 'x', body: 'y' })).statusCode,
      ).toBe(404);
      expect((await as(t.app, s).get(`/api/v1/posts/${post.id}`)).statusCode).toBe(404);
      expect((await as(t.app, s).post(`/api/v1/posts/${post.id}/comments`, { body: 'x' })).statusCode).toBe(
        404,
      );
      expect((await as(t.app, s).get(`/api/v1/comments/${comment.id}/revisions`)).statusCode).toBe(404);
      const list = ok(await as(t.app, s).get('/api/v1/spaces?limit=200'));
      expect(pick(list, 'id')).not.toContain(golds.id);
    }
    // A mention of someone outside the segment stays plain text and tells no one.
    const m = ok(
      await as(t.app, aUser).post(`/api/v1/posts/${post.id}/comments`, { body: `Hi ${mention(e.bUser)}` }),
      201,
    );
    expect(m.html).not.toContain('href=');
    const bNotes = ok(await as(t.app, bUser).get('/api/v1/notifications'));
    expect(bNotes.items.some((n: { link: string }) => n.link.includes(post.id))).toBe(false);

    // Private: only the invited read it; an invitation is accepted by joining.
    const priv = ok(
      await as(t.app, cm).post('/api/v1/spaces', { name: 'Design partners', visibility: 'private' }),
      201,
    );
    expect((await as(t.app, bUser).get(`/api/v1/spaces/${priv.id}`)).statusCode).toBe(404);
    // The invite picker: the vendor finds anyone not yet in the space.
    const candidates = ok(
      await as(t.app, cm).get(`/api/v1/spaces/${priv.id}/invitable?q=${encodeURIComponent(e.bUser.name)}`),
    );
    expect(pick(candidates, 'id')).toContain(e.bUser.id);
    ok(await as(t.app, cm).post(`/api/v1/spaces/${priv.id}/members`, { userIds: [e.bUser.id] }));
    const invited = ok(await as(t.app, bUser).get(`/api/v1/spaces/${priv.id}`));
    expect(invited.membership).toEqual({ role: 'member', status: 'invited' });
    expect(ok(await as(t.app, bUser).post(`/api/v1/spaces/${priv.id}/join`)).canPost).toBe(true);
    expect((await as(t.app, aUser).get(`/api/v1/spaces/${priv.id}`)).statusCode).toBe(404);
    // Members are no longer candidates; a plain member may not use the picker.
    expect(pick(ok(await as(t.app, cm).get(`/api/v1/spaces/${priv.id}/invitable`)), 'id')).not.toContain(
      e.bUser.id,
    );
    expect((await as(t.app, bUser).get(`/api/v1/spaces/${priv.id}/invitable`)).statusCode).toBe(403);
    // A partner moderator finds its colleagues and directory-listed people only.
    ok(
      await as(t.app, cm).put(`/api/v1/spaces/${priv.id}/members/${e.bUser.id}/role`, { role: 'moderator' }),
    );
    const seen = pick(ok(await as(t.app, bUser).get(`/api/v1/spaces/${priv.id}/invitable`)), 'id');
    expect(seen).toContain(e.bAdmin.id);
    expect(seen).not.toContain(cUserId);
    // A segment space cannot be widened by an invitation.
    const widen = await as(t.app, cm).post(`/api/v1/spaces/${golds.id}/members`, { userIds: [e.bUser.id] });
    expect(widen.statusCode).toBe(400);
    expect(widen.json().errors[0].path).toBe('body.userIds.0');
    // Partners do not create spaces.
    expect(
      (await as(t.app, aAdmin).post('/api/v1/spaces', { name: 'Mine', visibility: 'open' })).statusCode,
    ).toBe(403);
  });
});

describe('moderation', () => {
  it('report → queue → hide; lock; suspend; the trail records every step', async () => {
    const space = ok(
      await as(t.app, admin).post('/api/v1/spaces', { name: 'Moderated', visibility: 'open' }),
      201,
    );
    for (const s of [aUser, bUser, cUser]) ok(await as(t.app, s).post(`/api/v1/spaces/${space.id}/join`));
    // A becomes a moderator (vendor decision).
    ok(
      await as(t.app, admin).put(`/api/v1/spaces/${space.id}/members/${e.aUser.id}/role`, {
        role: 'moderator',
      }),
    );
    const post = ok(
      await as(t.app, cUser).post(`/api/v1/spaces/${space.id}/posts`, { title: 'Buy now', body: 'spam' }),
      201,
    );
    const report = ok(
      await as(t.app, bUser).post('/api/v1/reports', {
        targetType: 'post',
        targetId: post.id,
        reason: 'Spam',
      }),
      201,
    );
    expect(report).toMatchObject({ status: 'open', targetAuthor: { id: cUserId } });
    expect(
      (
        await as(t.app, bUser).post('/api/v1/reports', {
          targetType: 'post',
          targetId: post.id,
          reason: 'Again',
        })
      ).statusCode,
    ).toBe(409);
    // The queue: the space's moderator and vendor staff see it; a plain member does not.
    const queue = ok(await as(t.app, aUser).get('/api/v1/reports?status=open'));
    expect(pick(queue, 'id')).toContain(report.id);
    expect(ok(await as(t.app, bUser).get('/api/v1/reports')).items).toHaveLength(0);
    expect((await as(t.app, bUser).post(`/api/v1/posts/${post.id}/hide`, { reason: 'x' })).statusCode).toBe(
      403,
    );

    const hidden = ok(await as(t.app, aUser).post(`/api/v1/posts/${post.id}/hide`, { reason: 'Spam' }));
    expect(hidden.hidden).toBe(true);
    // Hidden: gone for members, still there for its author (with the reason) and moderators.
    expect((await as(t.app, bUser).get(`/api/v1/posts/${post.id}`)).statusCode).toBe(404);
    expect(ok(await as(t.app, cUser).get(`/api/v1/posts/${post.id}`)).hiddenReason).toBe('Spam');
    const cNotes = ok(await as(t.app, cUser).get('/api/v1/notifications'));
    expect(cNotes.items[0]?.kind).toBe('moderation');
    ok(
      await as(t.app, aUser).post(`/api/v1/reports/${report.id}/resolve`, {
        outcome: 'resolved',
        note: 'Hidden',
      }),
    );

    // Lock: no new comments from members.
    const talk = ok(
      await as(t.app, bUser).post(`/api/v1/spaces/${space.id}/posts`, { title: 'Heated', body: 'x' }),
      201,
    );
    ok(await as(t.app, aUser).post(`/api/v1/posts/${talk.id}/lock`));
    expect(
      (await as(t.app, cUser).post(`/api/v1/posts/${talk.id}/comments`, { body: 'more' })).statusCode,
    ).toBe(422);

    // Suspend C: still reads, no longer posts; leaving does not lift it.
    ok(
      await as(t.app, aUser).post(`/api/v1/spaces/${space.id}/members/${cUserId}/suspend`, {
        reason: 'Spam',
      }),
    );
    expect(ok(await as(t.app, cUser).get(`/api/v1/spaces/${space.id}`)).canPost).toBe(false);
    expect(
      (await as(t.app, cUser).post(`/api/v1/spaces/${space.id}/posts`, { title: 'x', body: 'y' })).statusCode,
    ).toBe(403);
    expect((await as(t.app, cUser).post(`/api/v1/spaces/${space.id}/leave`)).statusCode).toBe(422);
    // Only moderators read the trail.
    expect((await as(t.app, bUser).get(`/api/v1/spaces/${space.id}/moderation`)).statusCode).toBe(403);
    const trail = ok(await as(t.app, aUser).get(`/api/v1/spaces/${space.id}/moderation`));
    expect(pick(trail, 'action').reverse()).toEqual([
      'member.made_moderator',
      'post.hidden',
      'report.resolved',
      'post.locked',
      'member.suspended',
    ]);
  });
});

describe('announcements', () => {
  it('go to Gold resellers only: a Silver ISV and a Silver reseller never see them; receipts count readers', async () => {
    const a = ok(
      await as(t.app, cm).post('/api/v1/announcements', {
        title: 'Gold partner summit',
        body: 'Save the date.',
        segment: { partnerTypes: ['reseller'], tierIds: [gold] },
      }),
      201,
    );
    expect(a.receipts).toEqual({ audience: 2, read: 0 });
    const aList = ok(await as(t.app, aUser).get('/api/v1/announcements?unread=true'));
    expect(pick(aList, 'id')).toContain(a.id);
    for (const s of [bUser, bAdmin, cUser]) {
      const list = ok(await as(t.app, s).get('/api/v1/announcements'));
      expect(pick(list, 'id')).not.toContain(a.id);
      expect((await as(t.app, s).get(`/api/v1/announcements/${a.id}`)).statusCode).toBe(404);
      const notes = ok(await as(t.app, s).get('/api/v1/notifications'));
      expect(notes.items.filter((n: { kind: string }) => n.kind === 'announcement')).toHaveLength(0);
    }
    ok(await as(t.app, aUser).post(`/api/v1/announcements/${a.id}/read`));
    ok(await as(t.app, aUser).post(`/api/v1/announcements/${a.id}/read`));
    expect(ok(await as(t.app, cm).get(`/api/v1/announcements/${a.id}`)).receipts).toEqual({
      audience: 2,
      read: 1,
    });
    const receipts = ok(await as(t.app, cm).get(`/api/v1/announcements/${a.id}/receipts`));
    expect(receipts.items.map((r: { user: { id: string } }) => r.user.id)).toEqual([e.aUser.id]);
    expect((await as(t.app, aUser).post('/api/v1/announcements', { title: 'x', body: 'y' })).statusCode).toBe(
      403,
    );
    // By country: France only reaches B (FR); the vendor sees it with its audience.
    const fr = ok(
      await as(t.app, cm).post('/api/v1/announcements', {
        title: 'Salon',
        body: 'Paris',
        segment: { countries: ['fr'] },
      }),
      201,
    );
    expect(fr.receipts).toEqual({ audience: 2, read: 0 });
    expect(ok(await as(t.app, bUser).get(`/api/v1/announcements/${fr.id}`)).segment.label).toBe('FR');
    expect((await as(t.app, aUser).get(`/api/v1/announcements/${fr.id}`)).statusCode).toBe(404);
    const bad = await as(t.app, cm).post('/api/v1/announcements', {
      title: 'x',
      body: 'y',
      segment: { tierIds: ['01900000-0000-7000-8000-000000000000'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.segment.tierIds.0');
  });
});

describe('events', () => {
  it('RSVP with capacity and waitlist; a freed seat goes to the first waiting; .ics; attendance counts as engagement', async () => {
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const ev = ok(
      await as(t.app, cm).post('/api/v1/events', {
        title: 'Q3 roadmap webinar',
        kind: 'webinar',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
        timeZone: 'Europe/Berlin',
        joinUrl: 'https://meet.example.com/q3',
        capacity: 1,
      }),
      201,
    );
    const going = ok(await as(t.app, aUser).post(`/api/v1/events/${ev.id}/rsvp`, { status: 'going' }));
    expect(going).toMatchObject({
      going: 1,
      myRsvp: { status: 'going' },
      joinUrl: 'https://meet.example.com/q3',
    });
    const waiting = ok(await as(t.app, bUser).post(`/api/v1/events/${ev.id}/rsvp`, { status: 'going' }));
    expect(waiting).toMatchObject({
      going: 1,
      waitlisted: 1,
      myRsvp: { status: 'waitlisted', waitlistPosition: 1 },
      joinUrl: null,
    });
    ok(await as(t.app, cUser).post(`/api/v1/events/${ev.id}/rsvp`, { status: 'going' }));
    ok(await as(t.app, aUser).post(`/api/v1/events/${ev.id}/rsvp`, { status: 'cancelled' }));
    const promoted = ok(await as(t.app, bUser).get(`/api/v1/events/${ev.id}`));
    expect(promoted.myRsvp).toMatchObject({ status: 'going' });
    expect(ok(await as(t.app, cUser).get(`/api/v1/events/${ev.id}`)).myRsvp).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
    const notes = ok(await as(t.app, bUser).get('/api/v1/notifications'));
    expect(notes.items[0]).toMatchObject({ kind: 'event' });

    const ics = await as(t.app, bUser).get(`/api/v1/events/${ev.id}/ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.headers['content-disposition']).toContain('Q3-roadmap-webinar.ics');
    expect(ics.body).toContain('BEGIN:VCALENDAR');
    expect(ics.body).toContain('SUMMARY:Q3 roadmap webinar');
    const stamp = startsAt.toISOString().replace(/[-:]/g, '').slice(0, 13);
    expect(ics.body).toContain(`DTSTART:${stamp}`);

    // Attendance only after the start; then it counts for engagement (5 points).
    const early = await as(t.app, cm).post(`/api/v1/events/${ev.id}/attendance`, { userIds: [e.bUser.id] });
    expect(early.statusCode).toBe(422);
    const past = ok(
      await as(t.app, cm).post('/api/v1/events', {
        title: 'Meetup Berlin',
        kind: 'meetup',
        startsAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 3600_000).toISOString(),
        timeZone: 'Europe/Berlin',
        location: 'Berlin',
      }),
      201,
    );
    ok(await as(t.app, bUser).post(`/api/v1/events/${past.id}/rsvp`, { status: 'going' }));
    const before = ok(await as(t.app, bUser).get(`/api/v1/analytics/partners/${e.partnerB.id}/scorecard`));
    const attendedBefore = before.engagement.activities.find(
      (x: { kind: string }) => x.kind === 'eventAttended',
    )!;
    const marked = await as(t.app, cm).post(`/api/v1/events/${past.id}/attendance`, {
      userIds: [e.bUser.id, e.aUser.id],
    });
    expect(marked.statusCode).toBe(400);
    expect(marked.json().errors[0].path).toBe('body.userIds.1');
    ok(await as(t.app, cm).post(`/api/v1/events/${past.id}/attendance`, { userIds: [e.bUser.id] }));
    const after = ok(await as(t.app, bUser).get(`/api/v1/analytics/partners/${e.partnerB.id}/scorecard`));
    const attended = after.engagement.activities.find((x: { kind: string }) => x.kind === 'eventAttended')!;
    expect(attended).toMatchObject({ measured: true, count: attendedBefore.count + 1 });
    const posts = after.engagement.activities.find((x: { kind: string }) => x.kind === 'post')!;
    expect(posts.measured).toBe(true);

    const badZone = await as(t.app, cm).post('/api/v1/events', {
      title: 'x',
      kind: 'webinar',
      startsAt: startsAt.toISOString(),
      endsAt: startsAt.toISOString(),
      timeZone: 'Mars/Olympus',
    });
    expect(badZone.statusCode).toBe(400);
    expect(
      badZone
        .json()
        .errors.map((x: { path: string }) => x.path)
        .sort(),
    ).toEqual(['body.endsAt', 'body.timeZone']);
  });
});

describe('member directory', () => {
  it('lists those who opted in, searchable by expertise, country and type; introduce me notifies both', async () => {
    ok(
      await as(t.app, bUser).put('/api/v1/me/member-profile', {
        listed: true,
        headline: 'Solutions architect',
        expertise: ['Kubernetes', 'Healthcare'],
      }),
    );
    ok(await as(t.app, cUser).put('/api/v1/me/member-profile', { listed: false, expertise: ['Kubernetes'] }));
    const found = ok(await as(t.app, aUser).get('/api/v1/members?expertise=kubernetes'));
    expect(pick(found, 'id')).toEqual([e.bUser.id]);
    expect(found.items[0]!.organization).toMatchObject({ country: 'FR', partnerTypes: ['isv'] });
    expect(ok(await as(t.app, aUser).get('/api/v1/members?country=DE')).items).toHaveLength(0);
    expect(ok(await as(t.app, aUser).get('/api/v1/members?partnerType=isv&q=architect')).items).toHaveLength(
      1,
    );
    expect((await as(t.app, aUser).get(`/api/v1/members/${cUserId}`)).statusCode).toBe(404);

    ok(
      await as(t.app, aUser).post(`/api/v1/members/${e.bUser.id}/introduce`, {
        message: 'Healthcare deal in Lyon',
      }),
    );
    const bNotes = ok(await as(t.app, bUser).get('/api/v1/notifications'));
    expect(bNotes.items[0]).toMatchObject({ kind: 'introduction', link: `/community/members/${e.aUser.id}` });
    const aNotes = ok(await as(t.app, aUser).get('/api/v1/notifications'));
    expect(aNotes.items[0]).toMatchObject({ kind: 'introduction', link: `/community/members/${e.bUser.id}` });
    expect(
      (await as(t.app, aUser).post(`/api/v1/members/${cUserId}/introduce`, { message: 'hi' })).statusCode,
    ).toBe(404);
  });

  it('notification settings: e-mail per kind is honoured, and connection requests reach the bell', async () => {
    const settings = ok(
      await as(t.app, aUser).put('/api/v1/notifications/settings', { email: { introduction: false } }),
    );
    expect(settings.email).toMatchObject({ introduction: false, mention: true });
    const sentBefore = t.mailer.sent.filter((m) => m.to === e.aUser.email).length;
    ok(await as(t.app, bUser).post(`/api/v1/members/${e.bUser.id}/introduce`, { message: 'self' }), 400);
    ok(await as(t.app, bUser).put('/api/v1/me/member-profile', { listed: true }));
    ok(await as(t.app, aUser).put('/api/v1/me/member-profile', { listed: true }));
    ok(await as(t.app, bUser).post(`/api/v1/members/${e.aUser.id}/introduce`, { message: 'Hello A' }));
    expect(t.mailer.sent.filter((m) => m.to === e.aUser.email).length).toBe(sentBefore);
    const bad = await as(t.app, aUser).put('/api/v1/notifications/settings', { email: { nonsense: true } });
    expect(bad.statusCode).toBe(400);
  });

  it('a connection request reaches every user of the partner in the bell, and e-mail only where wanted', async () => {
    await createProfileRecord(t.database.db, e.partnerB.id, { status: 'published' });
    ok(await as(t.app, bAdmin).put('/api/v1/notifications/settings', { email: { connection: false } }));
    const mailsBefore = t.mailer.sent.filter((m) => m.to === e.bAdmin.email).length;
    const c = ok(
      await as(t.app, aAdmin).post('/api/v1/connections', { organizationId: e.partnerB.id, kind: 'co_sell' }),
      201,
    );
    for (const s of [bAdmin, bUser]) {
      const notes = ok(await as(t.app, s).get('/api/v1/notifications?unread=true'));
      expect(notes.items[0]).toMatchObject({ kind: 'connection', link: `/connections/${c.id}` });
    }
    expect(t.mailer.sent.filter((m) => m.to === e.bAdmin.email).length).toBe(mailsBefore);
    // A's side hears of the answer.
    ok(await as(t.app, bUser).post(`/api/v1/connections/${c.id}/accept`, { version: c.version }));
    const aNotes = ok(await as(t.app, aUser).get('/api/v1/notifications?unread=true'));
    expect(aNotes.items[0]).toMatchObject({ kind: 'connection', link: `/connections/${c.id}` });
  });
});
