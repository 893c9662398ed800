// Every community picker of people and the endpoint that acts on its choice
// (issue #18): an id the picker would not offer the actor answers exactly as
// an id that does not exist, and the answer names no one new. Each pair is
// walked with the same probes, as a partner moderator and as vendor staff.
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { managerRoles } from '@partnergraph/shared/permissions';
import { newId } from '../src/lib/ids';
import { organizations } from '../src/modules/organizations/organizations.tables';
import { createMemberProfileRecord } from '../src/seed/community-factories';
import { createPartnerOrganization, createUser } from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
let admin: Session, cm: Session, aUser: Session, bUser: Session;

interface Probe {
  label: string;
  id: string;
  name: string;
}
const probes: Probe[] = [];
/** Both actors' spaces: a partner moderator (A's user) and a channel manager. */
const spaces: Record<'moderator' | 'vendor', string> = { moderator: '', vendor: '' };

const ok = (res: LightMyRequestResponse, code = 200) => {
  expect(res.statusCode, res.body).toBe(code);
  return res.json();
};
const ids = (page: { items: { id?: string; user?: { id: string }; author?: { id: string } | null }[] }) =>
  page.items.map((i) => i.id ?? i.user?.id ?? i.author?.id);

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  const db = t.database.db;
  const tag = Math.random().toString(36).slice(2, 7);
  const c = await createPartnerOrganization(db, { name: `Cobalt ${tag}`, types: ['reseller'] });
  const gone = await createPartnerOrganization(db, { name: `Gone ${tag}`, types: ['reseller'] });
  await db.update(organizations).set({ status: 'terminated' }).where(eq(organizations.id, gone.id));
  const person = async (
    label: string,
    organizationId: string,
    opts: { listed?: boolean; status?: 'deactivated'; role?: 'analyst' | 'partner_user' } = {},
  ) => {
    const name = `Probe ${label} ${tag}`;
    const u = await createUser(db, {
      organizationId,
      role: opts.role ?? 'partner_user',
      name,
      ...(opts.status ? { status: opts.status } : {}),
    });
    if (opts.listed !== undefined) await createMemberProfileRecord(db, { userId: u.id, listed: opts.listed });
    probes.push({ label, id: u.id, name });
    return u;
  };
  await person('colleague', e.partnerA.id);
  await person('stranger', c.id, { listed: false });
  await person('listed', c.id, { listed: true });
  await person('listed-deactivated', c.id, { listed: true, status: 'deactivated' });
  await person('listed-terminated-org', gone.id, { listed: true });
  await person('vendor-staff', e.vendor.id, { role: 'analyst' });
  const member = await person('member', e.partnerB.id);
  const author = await person('author-who-left', e.partnerB.id);

  admin = await signIn(t.app, e.admin.email, PASSWORD);
  cm = await signIn(t.app, e.cm.email, PASSWORD);
  aUser = await signIn(t.app, e.aUser.email, PASSWORD);
  bUser = await signIn(t.app, e.bUser.email, PASSWORD);
  const memberSession = await signIn(t.app, member.email, PASSWORD);
  const authorSession = await signIn(t.app, author.email, PASSWORD);
  for (const k of ['moderator', 'vendor'] as const) {
    const s = ok(
      await as(t.app, admin).post('/api/v1/spaces', { name: `Pickers ${k} ${tag}`, visibility: 'open' }),
      201,
    );
    spaces[k] = s.id;
    ok(await as(t.app, memberSession).post(`/api/v1/spaces/${s.id}/join`));
    ok(await as(t.app, authorSession).post(`/api/v1/spaces/${s.id}/join`));
    const post = ok(
      await as(t.app, authorSession).post(`/api/v1/spaces/${s.id}/posts`, { title: 'Hello', body: 'Hi all' }),
      201,
    );
    ok(await as(t.app, authorSession).post(`/api/v1/posts/${post.id}/comments`, { body: 'And more' }), 201);
    expect((await as(t.app, authorSession).post(`/api/v1/spaces/${s.id}/leave`)).statusCode).toBe(204);
  }
  ok(
    await as(t.app, admin).put(`/api/v1/spaces/${spaces.moderator}/members/${e.aUser.id}/role`, {
      role: 'moderator',
    }),
  );
});
afterAll(() => t?.close());

type Actor = 'moderator' | 'vendor';
const sessionOf = (a: Actor) => (a === 'moderator' ? aUser : cm);

/** Whom the space page shows the actor: its member list and the authors in its feed. */
async function seenInSpace(a: Actor, spaceId: string) {
  const seen = new Set(
    ids(ok(await as(t.app, sessionOf(a)).get(`/api/v1/spaces/${spaceId}/members?limit=200`))),
  );
  const feed = ok(await as(t.app, sessionOf(a)).get(`/api/v1/spaces/${spaceId}/posts?limit=50`));
  for (const p of feed.items as { id: string; author: { id: string } | null }[]) {
    if (p.author) seen.add(p.author.id);
    const thread = ok(await as(t.app, sessionOf(a)).get(`/api/v1/posts/${p.id}/comments?limit=200`));
    for (const id of ids(thread)) seen.add(id);
  }
  return seen;
}

interface Pair {
  /** Whether the actor's picker offers the probe. */
  offers: (a: Actor, spaceId: string, p: Probe) => Promise<boolean>;
  /** The endpoint's answer for an id (the probe's name as the text typed, where the call carries text). */
  call: (a: Actor, spaceId: string, id: string, name: string) => Promise<LightMyRequestResponse>;
  /** How an answer for an offered probe looks. */
  accepted: (res: LightMyRequestResponse, p: Probe) => void;
}

const pairs: Record<string, Pair> = {
  'GET /spaces/{id}/invitable → POST /spaces/{id}/members': {
    // Those already in the space are in its member list: inviting them again is a no-op.
    offers: async (a, spaceId, p) => {
      const picker = ok(
        await as(t.app, sessionOf(a)).get(
          `/api/v1/spaces/${spaceId}/invitable?q=${encodeURIComponent(p.name)}`,
        ),
      );
      const members = ok(await as(t.app, sessionOf(a)).get(`/api/v1/spaces/${spaceId}/members?limit=200`));
      return ids(picker).includes(p.id) || ids(members).includes(p.id);
    },
    call: (a, spaceId, id) =>
      as(t.app, sessionOf(a)).post(`/api/v1/spaces/${spaceId}/members`, { userIds: [id] }),
    accepted: (res, p) => {
      expect(res.statusCode, res.body).toBe(200);
      expect(ids(res.json())).toEqual([p.id]);
    },
  },
  'GET /spaces/{id}/mentionable → POST /community/preview': {
    offers: async (a, spaceId, p) =>
      ids(
        ok(
          await as(t.app, sessionOf(a)).get(
            `/api/v1/spaces/${spaceId}/mentionable?q=${encodeURIComponent(p.name)}`,
          ),
        ),
      ).includes(p.id),
    call: (a, spaceId, id, name) =>
      as(t.app, sessionOf(a)).post(`/api/v1/community/preview?spaceId=${spaceId}`, {
        body: `Ask @[${name}](user:${id})`,
      }),
    accepted: (res, p) => {
      expect(res.statusCode).toBe(200);
      expect(res.json().html).toContain(`href="/community/members/${p.id}"`);
      expect(res.json().mentions).toEqual([{ id: p.id, name: p.name }]);
    },
  },
  'GET /spaces/{id}/mentionable → POST /posts/{id}/comments': {
    offers: async (a, spaceId, p) =>
      ids(
        ok(
          await as(t.app, sessionOf(a)).get(
            `/api/v1/spaces/${spaceId}/mentionable?q=${encodeURIComponent(p.name)}`,
          ),
        ),
      ).includes(p.id),
    call: async (a, spaceId, id, name) => {
      const feed = ok(await as(t.app, sessionOf(a)).get(`/api/v1/spaces/${spaceId}/posts?limit=1`));
      const res = await as(t.app, sessionOf(a)).post(`/api/v1/posts/${feed.items[0].id}/comments`, {
        body: `Ask @[${name}](user:${id})`,
      });
      // Compared by what readers see: the rendered text and who it names.
      return { ...res, json: () => ({ html: res.json().html }) } as LightMyRequestResponse;
    },
    accepted: (res, p) => {
      expect(res.statusCode).toBe(201);
      expect(res.json().html).toContain(`href="/community/members/${p.id}"`);
    },
  },
  'space member list and feed → POST /spaces/{id}/members/{userId}/suspend': {
    // Vendor staff see every active person of an active organization; a partner moderator whom the space shows.
    offers: async (a, spaceId, p) =>
      (await seenInSpace(a, spaceId)).has(p.id) ||
      (a === 'vendor' && !['listed-deactivated', 'listed-terminated-org'].includes(p.label)),
    call: (a, spaceId, id) =>
      as(t.app, sessionOf(a)).post(`/api/v1/spaces/${spaceId}/members/${id}/suspend`, { reason: 'Test' }),
    accepted: () => undefined,
  },
};

/** The parts of an answer a caller compares: status and body, without the per-request instance. */
function shape(res: LightMyRequestResponse) {
  const body = res.json() as Record<string, unknown>;
  delete body.instance;
  return { status: res.statusCode, body };
}

describe('community pickers and their endpoints', () => {
  for (const [name, pair] of Object.entries(pairs)) {
    it(`${name}: an id the picker does not offer answers as an absent id, naming no one`, async () => {
      let offered = 0;
      let refused = 0;
      for (const a of ['moderator', 'vendor'] as const) {
        const spaceId = spaces[a];
        for (const p of probes) {
          const offers = await pair.offers(a, spaceId, p);
          const res = await pair.call(a, spaceId, p.id, p.name);
          if (offers) {
            offered++;
            if (name.includes('suspend')) {
              // Vendor staff and members are not suspended, for other reasons; never a 404.
              expect(res.statusCode, `${a} suspends ${p.label}: ${res.body}`).not.toBe(404);
            } else pair.accepted(res, p);
            continue;
          }
          refused++;
          const absent = await pair.call(a, spaceId, newId(), p.name);
          expect(shape(res), `${a} → ${p.label}`).toEqual(shape(absent));
          expect(JSON.stringify(res.json()), `${a} → ${p.label}`).not.toContain(`/community/members/${p.id}`);
        }
      }
      // Both branches ran: the walk proves something either way.
      expect(offered).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    });
  }

  it('mentions offer only directory-listed people who read the space, whoever asks', async () => {
    const by = async (path: string, p: Probe) =>
      ids(ok(await as(t.app, bUser).get(`${path}?q=${encodeURIComponent(p.name)}`))).includes(p.id);
    // bUser reads the open space (mentionable) but moderates nothing (invitable refused).
    expect((await as(t.app, bUser).get(`/api/v1/spaces/${spaces.moderator}/invitable`)).statusCode).toBe(403);
    const mentionable = new Set<string>();
    for (const p of probes)
      if (await by(`/api/v1/spaces/${spaces.moderator}/mentionable`, p)) mentionable.add(p.label);
    expect([...mentionable]).toEqual(['listed']);
  });
});

describe('the channel manager picker and POST /partners/{id}/assign-manager', () => {
  it('an id the picker does not offer answers as an absent id', async () => {
    const db = t.database.db;
    const partner = await createPartnerOrganization(db, { name: 'Managed by someone' });
    const candidates = [
      { label: 'channel manager', id: e.cm.id },
      { label: 'admin', id: e.admin.id },
      { label: 'analyst', id: e.analyst.id },
      {
        label: 'deactivated channel manager',
        id: (
          await createUser(db, {
            organizationId: e.vendor.id,
            role: 'channel_manager',
            status: 'deactivated',
          })
        ).id,
      },
      { label: 'partner admin', id: e.aAdmin.id },
    ];
    // The picker: the vendor's active users in each role it lists.
    const offered = new Set<string>();
    for (const role of managerRoles)
      for (const id of ids(
        ok(
          await as(t.app, admin).get(
            `/api/v1/users?organizationId=${e.vendor.id}&role=${role}&status=active&limit=200`,
          ),
        ),
      ))
        offered.add(id!);
    const assign = async (channelManagerId: string) => {
      const { version } = ok(await as(t.app, admin).get(`/api/v1/partners/${partner.id}`));
      return as(t.app, admin).post(`/api/v1/partners/${partner.id}/assign-manager`, {
        version,
        channelManagerId,
      });
    };
    const absent = shape(await assign(newId()));
    expect(absent.status).toBe(400);
    for (const c of candidates) {
      const res = await assign(c.id);
      if (offered.has(c.id)) expect(ok(res).channelManager.id, c.label).toBe(c.id);
      else expect(shape(res), c.label).toEqual(absent);
    }
    expect([...candidates].filter((c) => offered.has(c.id)).map((c) => c.label)).toEqual([
      'channel manager',
      'admin',
    ]);
  });
});
