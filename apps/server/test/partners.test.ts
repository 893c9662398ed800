import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog } from '../src/modules/audit/audit.tables';
import { outbox } from '../src/db/platform.tables';
import { createPartnerOrganization } from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
let admin: Session, cm: Session, analyst: Session, aAdmin: Session, aUser: Session;

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  const sign = (u: { email: string }) => signIn(t.app, u.email, PASSWORD);
  [admin, cm, analyst, aAdmin, aUser] = [
    await sign(e.admin),
    await sign(e.cm),
    await sign(e.analyst),
    await sign(e.aAdmin),
    await sign(e.aUser),
  ];
});
afterAll(() => t?.close());

const partner = (s: Session, id: string) => as(t.app, s).get(`/api/v1/partners/${id}`);

describe('listing partners', () => {
  it('pages through every partner exactly once with a stable cursor', async () => {
    for (let i = 0; i < 7; i++)
      await createPartnerOrganization(t.database.db, {
        name: `Paged ${String(i).padStart(2, '0')}`,
        country: 'SE',
      });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await as(t.app, analyst).get(
        `/api/v1/partners?country=SE&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.items.length).toBeLessThanOrEqual(3);
      seen.push(...body.items.map((p: { name: string }) => p.name));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([
      'Paged 00',
      'Paged 01',
      'Paged 02',
      'Paged 03',
      'Paged 04',
      'Paged 05',
      'Paged 06',
    ]);
    const desc = (await as(t.app, analyst).get('/api/v1/partners?country=SE&sort=-name&limit=2')).json();
    expect(desc.items.map((p: { name: string }) => p.name)).toEqual(['Paged 06', 'Paged 05']);
  });

  it('pages by creation time exactly once when several partners share a millisecond', async () => {
    // Stored to the microsecond, carried in cursors to the millisecond: pages must agree on the boundary.
    for (let i = 0; i < 6; i++)
      await createPartnerOrganization(t.database.db, {
        name: `Same ms ${i}`,
        country: 'IS',
        createdAt: new Date(Date.parse('2026-02-02T10:00:00.123Z') + (i % 2)),
      });
    await t.database.db.execute(
      sql`update organizations set created_at = created_at + (random() * interval '900 microseconds') where country = 'IS'`,
    );
    for (const sort of ['createdAt', '-createdAt']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await as(t.app, analyst).get(
          `/api/v1/partners?country=IS&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...res.json().items.map((p: { name: string }) => p.name));
        cursor = res.json().nextCursor;
      } while (cursor);
      expect(seen.sort(), sort).toEqual([
        'Same ms 0',
        'Same ms 1',
        'Same ms 2',
        'Same ms 3',
        'Same ms 4',
        'Same ms 5',
      ]);
    }
  });

  it('filters by type, status, country, search and channel manager', async () => {
    const names = async (q: string) =>
      (await as(t.app, admin).get(`/api/v1/partners?${q}`)).json().items.map((p: { name: string }) => p.name);
    expect(await names('type=isv')).toContain(e.partnerB.name);
    expect(await names('type=isv')).not.toContain(e.partnerA.name);
    expect(await names(`q=${encodeURIComponent(e.partnerA.name.slice(0, 8).toLowerCase())}`)).toContain(
      e.partnerA.name,
    );
    expect(await names(`channelManagerId=${e.cm.id}`)).toEqual([e.partnerA.name]);
    expect(await names('country=DE')).toContain(e.partnerA.name);
    expect(await names('status=terminated')).toEqual([]);
  });

  it('rejects bad filters by name and caps the limit', async () => {
    const res = await as(t.app, admin).get('/api/v1/partners?limit=500&country=XX&status=gone');
    expect(res.statusCode).toBe(400);
    const paths = res
      .json()
      .errors.map((x: { path: string }) => x.path)
      .sort();
    expect(paths).toEqual(['querystring.country', 'querystring.limit', 'querystring.status']);
    // Well-formed JSON in base64url, but not an id and not a date: still a 400, never a 500.
    const forged = Buffer.from(JSON.stringify({ v: 'x', id: 'y' })).toString('base64url');
    expect((await as(t.app, admin).get(`/api/v1/partners?cursor=${forged}`)).statusCode).toBe(400);
    const forgedDate = Buffer.from(JSON.stringify({ v: 'not-a-date', id: e.partnerA.id })).toString(
      'base64url',
    );
    expect(
      (await as(t.app, admin).get(`/api/v1/partners?sort=createdAt&cursor=${forgedDate}`)).statusCode,
    ).toBe(400);
    const badCursor = await as(t.app, admin).get('/api/v1/partners?cursor=garbage');
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().errors[0].path).toBe('cursor');
  });

  it('shows a partner user only its own organization', async () => {
    const list = (await as(t.app, aUser).get('/api/v1/partners')).json();
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([e.partnerA.id]);
    expect((await partner(aUser, e.partnerA.id)).json().types.map((x: { code: string }) => x.code)).toEqual([
      'reseller',
      'msp',
    ]);
    expect((await partner(aUser, e.partnerB.id)).statusCode).toBe(404);
  });
});

describe('creating a partner', () => {
  it('creates with types and a primary, audits and emits an event in the same transaction', async () => {
    const res = await as(t.app, admin).post('/api/v1/partners', {
      name: 'Delta Integrators',
      website: 'https://www.delta-integrators.example/about',
      country: 'nl',
      types: ['system_integrator', 'msp'],
      primaryType: 'msp',
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      name: 'Delta Integrators',
      domain: 'delta-integrators.example',
      country: 'NL',
      primaryType: 'msp',
      status: 'active',
      version: 1,
    });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'partner.created'), eq(auditLog.entityId, p.id)));
    expect(entry!.actorUserId).toBe(e.admin.id);
    expect(entry!.after).toMatchObject({ name: 'Delta Integrators' });
    const events = await t.database.db.select().from(outbox).where(eq(outbox.entityId, p.id));
    expect(events.map((x) => x.type)).toEqual(['partner.created']);
  });

  it('names every bad field', async () => {
    const res = await as(t.app, admin).post('/api/v1/partners', {
      name: 'X',
      website: 'ftp://x',
      types: [],
      country: 'ZZ',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((x: { path: string }) => x.path)
        .sort(),
    ).toEqual(['body.country', 'body.name', 'body.types', 'body.website']);
    const unknownType = await as(t.app, admin).post('/api/v1/partners', { name: 'Omega', types: ['wizard'] });
    expect(unknownType.statusCode).toBe(400);
    expect(unknownType.json().errors).toEqual([
      { path: 'body.types', message: expect.stringContaining('wizard') },
    ]);
    const primaryOutside = await as(t.app, admin).post('/api/v1/partners', {
      name: 'Omega',
      types: ['isv'],
      primaryType: 'msp',
    });
    expect(primaryOutside.json().errors[0].path).toBe('body.primaryType');
  });

  it('replays a retry with the same Idempotency-Key instead of creating twice', async () => {
    const body = { name: 'Epsilon Labs', types: ['isv'] };
    const first = await as(t.app, admin).post('/api/v1/partners', body, {
      'idempotency-key': 'create-epsilon',
    });
    const retry = await as(t.app, admin).post('/api/v1/partners', body, {
      'idempotency-key': 'create-epsilon',
    });
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const list = (await as(t.app, admin).get('/api/v1/partners?q=Epsilon')).json();
    expect(list.items).toHaveLength(1);
    const reused = await as(t.app, admin).post(
      '/api/v1/partners',
      { ...body, name: 'Other' },
      { 'idempotency-key': 'create-epsilon' },
    );
    expect(reused.statusCode).toBe(422);
  });

  it('lets a failed attempt be retried with the same key', async () => {
    const bad = await as(t.app, admin).post(
      '/api/v1/partners',
      { name: 'Zeta', types: ['nope_type'] },
      { 'idempotency-key': 'zeta' },
    );
    expect(bad.statusCode).toBe(400);
    const good = await as(t.app, admin).post(
      '/api/v1/partners',
      { name: 'Zeta', types: ['isv'] },
      { 'idempotency-key': 'zeta-2' },
    );
    expect(good.statusCode).toBe(201);
  });
});

describe('changing a partner', () => {
  it('requires the current version; of two concurrent edits one wins and the other gets 409', async () => {
    const p = await createPartnerOrganization(t.database.db, { name: 'Race Corp', types: ['reseller'] });
    const [r1, r2] = await Promise.all([
      as(t.app, admin).patch(`/api/v1/partners/${p.id}`, { version: 1, description: 'first' }),
      as(t.app, admin).patch(`/api/v1/partners/${p.id}`, { version: 1, description: 'second' }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const loser = r1.statusCode === 409 ? r1 : r2;
    expect(loser.json().currentVersion).toBe(2);
    const now = (await partner(admin, p.id)).json();
    expect(now.version).toBe(2);
    expect(['first', 'second']).toContain(now.description);
  });

  it('changes types and records before and after in the audit log', async () => {
    const p = await createPartnerOrganization(t.database.db, { name: 'Typed Co', types: ['reseller'] });
    const res = await as(t.app, admin).patch(`/api/v1/partners/${p.id}`, {
      version: 1,
      types: ['isv', 'technology_partner'],
      primaryType: 'technology_partner',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().primaryType).toBe('technology_partner');
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'partner.updated'), eq(auditLog.entityId, p.id)));
    expect((entry!.before as { primaryType: string }).primaryType).toBe('reseller');
    expect((entry!.after as { primaryType: string }).primaryType).toBe('technology_partner');
  });

  it('refuses unknown or forbidden fields instead of storing or dropping them', async () => {
    const p = await createPartnerOrganization(t.database.db, { name: 'Strict Co' });
    const res = await as(t.app, admin).patch(`/api/v1/partners/${p.id}`, {
      version: 1,
      status: 'terminated',
      kind: 'vendor',
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((x: { path: string }) => x.path)
        .sort(),
    ).toEqual(['body.kind', 'body.status']);
    expect((await partner(admin, p.id)).json()).toMatchObject({ status: 'active', version: 1 });
  });

  it('leaves the record untouched when part of the change is refused', async () => {
    const p = await createPartnerOrganization(t.database.db, { name: 'Intact Ltd', types: ['reseller'] });
    const res = await as(t.app, admin).patch(`/api/v1/partners/${p.id}`, {
      version: 1,
      name: 'Renamed',
      types: ['reseller', 'ghost_type'],
    });
    expect(res.statusCode).toBe(400);
    const now = (await partner(admin, p.id)).json();
    expect(now).toMatchObject({ name: 'Intact Ltd', version: 1, primaryType: 'reseller' });
  });

  it('lets a channel manager change only the partners assigned to them', async () => {
    const a = (await partner(cm, e.partnerA.id)).json();
    expect(
      (
        await as(t.app, cm).patch(`/api/v1/partners/${e.partnerA.id}`, {
          version: a.version,
          description: 'managed',
        })
      ).statusCode,
    ).toBe(200);
    const b = (await partner(cm, e.partnerB.id)).json();
    const res = await as(t.app, cm).patch(`/api/v1/partners/${e.partnerB.id}`, {
      version: b.version,
      description: 'not mine',
    });
    expect(res.statusCode).toBe(403);
  });

  it('lets a partner admin edit its own contact details but not its name or types', async () => {
    const a = (await partner(aAdmin, e.partnerA.id)).json();
    const ok = await as(t.app, aAdmin).patch(`/api/v1/partners/${e.partnerA.id}`, {
      version: a.version,
      website: 'https://alpha.example',
      country: 'AT',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ domain: 'alpha.example', country: 'AT' });
    const rename = await as(t.app, aAdmin).patch(`/api/v1/partners/${e.partnerA.id}`, {
      version: ok.json().version,
      name: 'Alpha Prime',
    });
    expect(rename.statusCode).toBe(403);
    expect(
      (
        await as(t.app, aUser).patch(`/api/v1/partners/${e.partnerA.id}`, {
          version: ok.json().version,
          description: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('moves through the status lifecycle and refuses impossible transitions with 422', async () => {
    const p = await createPartnerOrganization(t.database.db, {
      name: 'Lifecycle Inc',
      status: 'applicant',
      channelManagerId: e.cm.id,
    });
    const go = (verb: string, version: number, reason?: string) =>
      as(t.app, cm).post(`/api/v1/partners/${p.id}/${verb}`, { version, reason });
    expect((await go('suspend', 1, 'late')).statusCode).toBe(422);
    const active = await go('activate', 1);
    expect(active.json()).toMatchObject({ status: 'active', version: 2 });
    const noReason = await go('suspend', 2);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('body.reason');
    expect((await go('suspend', 2, 'unpaid invoices')).json()).toMatchObject({
      status: 'suspended',
      statusReason: 'unpaid invoices',
    });
    expect((await go('terminate', 3, 'contract ended')).json().status).toBe('terminated');
    expect((await go('activate', 4)).statusCode).toBe(422);
  });

  it('signs out the users of a terminated partner', async () => {
    const p = await createPartnerOrganization(t.database.db, { name: 'Ending Ltd' });
    const { createUser } = await import('../src/seed/factories');
    const u = await createUser(t.database.db, { organizationId: p.id, role: 'partner_user' });
    const s = await signIn(t.app, u.email, PASSWORD);
    expect(
      (await as(t.app, admin).post(`/api/v1/partners/${p.id}/terminate`, { version: 1, reason: 'fraud' }))
        .statusCode,
    ).toBe(200);
    expect((await as(t.app, s).get('/api/v1/me')).statusCode).toBe(401);
  });

  it('assigns only a vendor channel manager or admin', async () => {
    const p = await createPartnerOrganization(t.database.db, { name: 'Assign Me' });
    const bad = await as(t.app, admin).post(`/api/v1/partners/${p.id}/assign-manager`, {
      version: 1,
      channelManagerId: e.aAdmin.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('body.channelManagerId');
    const ok = await as(t.app, admin).post(`/api/v1/partners/${p.id}/assign-manager`, {
      version: 1,
      channelManagerId: e.cm.id,
    });
    expect(ok.json().channelManager).toMatchObject({ id: e.cm.id, name: 'Carl Manager' });
  });
});

describe('users and the audit log', () => {
  it("lists a partner's users to its admin and the vendor, never another partner's", async () => {
    const mine = (await as(t.app, aAdmin).get('/api/v1/users')).json();
    expect(new Set(mine.items.map((u: { organizationId: string }) => u.organizationId))).toEqual(
      new Set([e.partnerA.id]),
    );
    const theirs = (await as(t.app, aAdmin).get(`/api/v1/users?organizationId=${e.partnerB.id}`)).json();
    expect(theirs.items).toEqual([]);
    const viaPartner = (await as(t.app, admin).get(`/api/v1/partners/${e.partnerB.id}/users`)).json();
    expect(viaPartner.items.map((u: { email: string }) => u.email).sort()).toEqual(
      [e.bAdmin.email, e.bUser.email].sort(),
    );
  });

  it('filters the audit log and has no way to edit it', async () => {
    const res = (await as(t.app, analyst).get('/api/v1/audit-log?action=partner.created&limit=200')).json();
    expect(res.items.length).toBeGreaterThan(0);
    expect(res.items.every((x: { action: string }) => x.action === 'partner.created')).toBe(true);
    expect(res.items[0].actor.name).toBe('Vera Admin');
    expect((await as(t.app, admin).delete(`/api/v1/audit-log/${res.items[0].id}`)).statusCode).toBe(404);
    expect((await as(t.app, aAdmin).get('/api/v1/audit-log')).statusCode).toBe(403);
  });

  it('filters the audit log by a period given as a timestamp or a date alone, and names a bad date', async () => {
    const read = async (query: string) => {
      const res = await as(t.app, analyst).get(`/api/v1/audit-log?action=partner.created&limit=200&${query}`);
      expect(res.statusCode).toBe(200);
      return (res.json() as { items: { id: string; at: string }[] }).items;
    };
    const [newest] = await read('');
    expect(newest).toBeDefined();
    const at = encodeURIComponent(newest!.at);
    expect((await read(`from=${at}`)).map((x) => x.id)).toContain(newest!.id);
    expect((await read(`to=${at}`)).map((x) => x.id)).not.toContain(newest!.id);
    // A date alone is its UTC midnight, as the server read it before the parameter was documented.
    expect(await read('from=2100-01-01')).toEqual([]);
    expect(await read('to=2000-01-01')).toEqual([]);
    expect((await read('from=2000-01-01')).map((x) => x.id)).toContain(newest!.id);

    const bad = await as(t.app, analyst).get('/api/v1/audit-log?from=not-a-date');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().errors)).toContain('from');
  });
});

describe('HTTP edges', () => {
  it('answers 413 over 1 MiB, 400 for broken JSON, and problem+json 404 for unknown routes', async () => {
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10), types: ['isv'] }),
    });
    expect(big.statusCode).toBe(413);
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/partners',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().status).toBe(404);
  });

  it('refuses NUL characters and absurd nesting with the field named', async () => {
    const nul = await as(t.app, admin).post('/api/v1/partners', { name: 'Nul\u0000Co', types: ['isv'] });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().errors).toEqual([{ path: 'body.name', message: 'Contains a NUL character' }]);
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    const nested = await as(t.app, admin).post('/api/v1/partners', { name: 'Deep Co', types: deep });
    expect(nested.statusCode).toBe(400);
  });

  it('sends security headers and a request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('is ready when the database is migrated', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });
});
