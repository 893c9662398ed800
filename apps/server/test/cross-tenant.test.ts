// Walks every operation in the OpenAPI document. Each one needs an example
// request below; a route without one fails this suite, so every route that
// ever lands is checked for: 401 without a session, 403 for each role the
// permission matrix excludes, 404 for a partner reaching into another
// partner's records (with a control call proving the example is valid), and
// 404 for malformed ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { can, type Role } from '@partnergraph/shared/permissions';
import type { Access } from '../src/plugins/access';
import { organizations } from '../src/modules/organizations/organizations.tables';
import { openSession } from '../src/modules/identity/identity.service';
import { programs } from '../src/modules/programs/programs.tables';
import {
  createAgreementRecord,
  createApiTokenRecord,
  createApplicationRecord,
  createEnrollmentRecord,
  createInvitationRecord,
  createProgramRecord,
  createUser,
} from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

interface ExampleRequest {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** Set (with the reason) when the record is shared by design, e.g. an agreement text every partner reads. */
  shared?: string;
}
interface ExampleInput {
  e: Ecosystem;
  /** The partner organization the example's records belong to. */
  owner: Ecosystem['partnerA'];
  /** A user of `owner`, for records that belong to a person (sessions, tokens). */
  user: Ecosystem['aUser'];
  t: TestApp;
}
/** Builds a request whose records belong to `owner` and `user`. */
type Example = (x: ExampleInput) => Promise<ExampleRequest> | ExampleRequest;

const versionOf = async (t: TestApp, id: string) =>
  (
    await t.database.db
      .select({ v: organizations.version })
      .from(organizations)
      .where(eq(organizations.id, id))
  )[0]!.v;

const examples: Record<string, Example> = {
  'POST /api/v1/auth/login': ({ e }) => ({ body: { email: e.aUser.email, password: PASSWORD } }),
  'POST /api/v1/auth/logout': () => ({}),
  'POST /api/v1/auth/password': () => ({
    body: { currentPassword: 'wrong-password', newPassword: 'another-password-1' },
  }),
  'GET /api/v1/me': () => ({}),
  'GET /api/v1/users': () => ({ query: 'limit=5' }),
  'GET /api/v1/partners': () => ({ query: 'limit=5' }),
  'POST /api/v1/partners': () => ({ body: { name: 'Gamma Partners', types: ['reseller'] } }),
  'GET /api/v1/partners/{id}': ({ owner }) => ({ params: { id: owner.id } }),
  'PATCH /api/v1/partners/{id}': async ({ owner, t }) => ({
    params: { id: owner.id },
    body: { version: await versionOf(t, owner.id), description: 'Updated by the cross-tenant suite' },
  }),
  'POST /api/v1/partners/{id}/activate': async ({ owner, t }) => ({
    params: { id: owner.id },
    body: { version: await versionOf(t, owner.id) },
  }),
  'POST /api/v1/partners/{id}/suspend': async ({ owner, t }) => ({
    params: { id: owner.id },
    body: { version: await versionOf(t, owner.id), reason: 'test' },
  }),
  'POST /api/v1/partners/{id}/terminate': async ({ owner, t }) => ({
    params: { id: owner.id },
    body: { version: await versionOf(t, owner.id), reason: 'test' },
  }),
  'POST /api/v1/partners/{id}/assign-manager': async ({ e, owner, t }) => ({
    params: { id: owner.id },
    body: { version: await versionOf(t, owner.id), channelManagerId: e.cm.id },
  }),
  'GET /api/v1/partners/{id}/users': ({ owner }) => ({ params: { id: owner.id } }),
  'GET /api/v1/partner-types': () => ({}),
  'GET /api/v1/audit-log': () => ({ query: 'limit=5' }),
  'POST /api/v1/auth/password-reset': () => ({ body: { email: 'someone@nowhere.test' } }),
  'POST /api/v1/auth/password-reset/confirm': () => ({
    body: { token: 'forged', newPassword: 'a-new-password-1' },
  }),
  'GET /api/v1/me/sessions': () => ({}),
  'DELETE /api/v1/me/sessions/{id}': async ({ user, t }) => ({
    params: {
      id: (await openSession(t.database.db, user.id, { requestId: 'x', ip: null, userAgent: null })).id,
    },
  }),
  'GET /api/v1/tokens': () => ({}),
  'POST /api/v1/tokens': () => ({ body: { name: 'ci', scope: 'read' } }),
  'DELETE /api/v1/tokens/{id}': async ({ user, t }) => ({
    params: { id: (await createApiTokenRecord(t.database.db, { userId: user.id })).row.id },
  }),
  'GET /api/v1/invitations': () => ({ query: 'limit=5' }),
  'POST /api/v1/invitations': () => ({
    body: { email: `new-${Math.random()}@invitee.test`, role: 'partner_user' },
  }),
  'POST /api/v1/invitations/{id}/resend': async ({ owner, t }) => ({
    params: { id: (await createInvitationRecord(t.database.db, { organizationId: owner.id })).invitation.id },
    body: { version: 1 },
  }),
  'POST /api/v1/invitations/{id}/revoke': async ({ owner, t }) => ({
    params: { id: (await createInvitationRecord(t.database.db, { organizationId: owner.id })).invitation.id },
    body: { version: 1 },
  }),
  'GET /api/v1/invitations/{token}/accept': async ({ owner, t }) => ({
    params: { token: (await createInvitationRecord(t.database.db, { organizationId: owner.id })).token },
  }),
  'POST /api/v1/invitations/{token}/accept': async ({ owner, t }) => ({
    params: { token: (await createInvitationRecord(t.database.db, { organizationId: owner.id })).token },
    body: { name: 'New Person', password: 'a-good-password-1' },
  }),
  'GET /api/v1/users/{id}': async ({ owner, t }) => ({
    params: { id: (await createUser(t.database.db, { organizationId: owner.id, role: 'partner_user' })).id },
  }),
  'PATCH /api/v1/users/{id}': async ({ owner, t }) => ({
    params: { id: (await createUser(t.database.db, { organizationId: owner.id, role: 'partner_user' })).id },
    body: { version: 1, name: 'Renamed Person' },
  }),
  'POST /api/v1/users/{id}/deactivate': async ({ owner, t }) => ({
    params: { id: (await createUser(t.database.db, { organizationId: owner.id, role: 'partner_user' })).id },
    body: { version: 1 },
  }),
  'POST /api/v1/users/{id}/reactivate': async ({ owner, t }) => ({
    params: {
      id: (
        await createUser(t.database.db, {
          organizationId: owner.id,
          role: 'partner_user',
          status: 'deactivated',
        })
      ).id,
    },
    body: { version: 1 },
  }),
  'POST /api/v1/partner-types': () => ({
    body: { code: `t_${Math.random().toString(36).slice(2, 8)}`, name: 'Test type' },
  }),
  'PATCH /api/v1/partner-types/{code}': () => ({
    params: { code: 'community_influencer' },
    body: { description: 'Updated' },
  }),
  'DELETE /api/v1/partner-types/{code}': () => ({ params: { code: 'distributor' } }),
  'POST /api/v1/partner-types/{code}/retire': () => ({ params: { code: 'distributor' } }),
  'POST /api/v1/partner-types/{code}/restore': () => ({ params: { code: 'distributor' } }),
  'GET /api/v1/public/programs': () => ({}),
  'GET /api/v1/programs': () => ({ query: 'limit=5' }),
  'POST /api/v1/programs': () => ({
    body: { name: 'Suite Program', eligibleTypes: ['reseller'], tiers: [{ code: 'base', name: 'Base' }] },
  }),
  // A retired program is visible only to those enrolled in it: B's, not A's.
  'GET /api/v1/programs/{id}': async ({ owner, t }) => ({
    params: { id: (await enrolledProgram(t, owner.id, 'retired')).program.id },
  }),
  'GET /api/v1/programs/{id}/tiers': async ({ owner, t }) => ({
    params: { id: (await enrolledProgram(t, owner.id, 'retired')).program.id },
  }),
  'PATCH /api/v1/programs/{id}': async ({ owner, t }) => ({
    params: { id: (await enrolledProgram(t, owner.id)).program.id },
    body: { version: 1, description: 'x' },
  }),
  'PUT /api/v1/programs/{id}/tiers': async ({ owner, t }) => ({
    params: { id: (await enrolledProgram(t, owner.id)).program.id },
    body: { version: 1, tiers: [{ code: 'base', name: 'Base' }] },
  }),
  'POST /api/v1/programs/{id}/publish': async ({ t }) => ({
    params: { id: (await createProgramRecord(t.database.db, { status: 'draft' })).program.id },
    body: { version: 1 },
  }),
  'POST /api/v1/programs/{id}/retire': async ({ owner, t }) => ({
    params: { id: (await enrolledProgram(t, owner.id)).program.id },
    body: { version: 1 },
  }),
  'GET /api/v1/enrollments': () => ({ query: 'limit=5' }),
  'POST /api/v1/enrollments': async ({ owner, t }) => ({
    body: { organizationId: owner.id, programId: (await createProgramRecord(t.database.db)).program.id },
  }),
  'GET /api/v1/enrollments/{id}': async ({ owner, t }) => ({
    params: { id: (await enrolledProgram(t, owner.id)).enrollment.id },
  }),
  'POST /api/v1/enrollments/{id}/evaluate': async ({ owner, t }) => ({
    params: { id: (await enrolledProgram(t, owner.id)).enrollment.id },
  }),
  'GET /api/v1/enrollments/{id}/history': async ({ owner, t }) => ({
    params: { id: (await enrolledProgram(t, owner.id)).enrollment.id },
  }),
  'POST /api/v1/enrollments/{id}/checklist/{key}/complete': async ({ owner, t }) => ({
    params: { id: (await enrolledProgram(t, owner.id)).enrollment.id, key: 'kickoff' },
  }),
  'POST /api/v1/enrollments/{id}/attestations': async ({ owner, t }) => ({
    params: { id: (await enrolledProgram(t, owner.id)).enrollment.id },
    body: { label: 'Security review' },
  }),
  'POST /api/v1/enrollments/{id}/suspend': async ({ owner, t }) => ({
    params: { id: (await enrolledProgram(t, owner.id)).enrollment.id },
    body: { version: 1, reason: 'x' },
  }),
  'POST /api/v1/enrollments/{id}/reactivate': async ({ owner, t }) => ({
    params: { id: (await enrolledProgram(t, owner.id, 'published', 'suspended')).enrollment.id },
    body: { version: 1 },
  }),
  'POST /api/v1/enrollments/{id}/terminate': async ({ owner, t }) => ({
    params: { id: (await enrolledProgram(t, owner.id)).enrollment.id },
    body: { version: 1, reason: 'x' },
  }),
  'GET /api/v1/agreements': () => ({}),
  'POST /api/v1/agreements': () => ({ body: { type: 'custom', name: 'Suite terms', body: 'Terms' } }),
  'GET /api/v1/agreements/{id}': async ({ t }) => ({
    params: { id: (await agreementOfType(t, 'nda')).agreement.id },
    shared: 'agreement texts are read by every partner',
  }),
  'POST /api/v1/agreements/{id}/versions': async ({ t }) => ({
    params: { id: (await agreementOfType(t, 'nda')).agreement.id },
    body: { body: 'NDA v2' },
  }),
  'POST /api/v1/agreements/{id}/accept': async ({ t }) => {
    const { agreement, version } = await agreementOfType(t, 'msp');
    return {
      params: { id: agreement.id },
      body: { versionId: version.id },
      shared: 'any partner admin may accept an agreement for its own organization',
    };
  },
  'GET /api/v1/agreements/{id}/acceptances': async ({ t }) => ({
    params: { id: (await agreementOfType(t, 'nda')).agreement.id },
    shared: "the list holds only the caller organization's acceptances (tested in programs.test.ts)",
  }),
  'POST /api/v1/applications': async ({ t }) => ({
    body: {
      companyName: `Applicant ${Math.random()}`,
      website: 'https://applicant.example',
      country: 'US',
      partnerTypes: ['reseller'],
      programIds: [(await createProgramRecord(t.database.db)).program.id],
      contactName: 'A. Plicant',
      contactEmail: 'a@applicant.example',
    },
  }),
  'GET /api/v1/applications': () => ({ query: 'limit=5' }),
  'GET /api/v1/applications/{id}': async ({ t }) => ({ params: { id: (await applicationRecord(t)).id } }),
  'POST /api/v1/applications/{id}/approve': async ({ t }) => ({
    params: { id: (await applicationRecord(t)).id },
    body: { version: 1 },
  }),
  'POST /api/v1/applications/{id}/reject': async ({ t }) => ({
    params: { id: (await applicationRecord(t)).id },
    body: { version: 1, reason: 'Not a fit' },
  }),
  'GET /healthz': () => ({}),
  'GET /readyz': () => ({}),
};

/** A program with a custom checklist task, and `orgId` enrolled in it (the program then optionally retired). */
async function enrolledProgram(
  t: TestApp,
  orgId: string,
  status: 'published' | 'retired' = 'published',
  enrollment: 'active' | 'suspended' = 'active',
) {
  const { program, tiers } = await createProgramRecord(t.database.db, {
    checklist: [{ key: 'kickoff', kind: 'custom', title: 'Kick-off call' }],
  });
  const row = await createEnrollmentRecord(t.database.db, {
    organizationId: orgId,
    programId: program.id,
    tierId: tiers[0]!.id,
    status: enrollment,
  });
  if (status === 'retired')
    await t.database.db.update(programs).set({ status: 'retired' }).where(eq(programs.id, program.id));
  return { program, enrollment: row };
}

const agreementsByType = new Map<string, Awaited<ReturnType<typeof createAgreementRecord>>>();
async function agreementOfType(t: TestApp, type: 'nda' | 'msp') {
  if (!agreementsByType.has(type))
    agreementsByType.set(type, await createAgreementRecord(t.database.db, { type }));
  return agreementsByType.get(type)!;
}

async function applicationRecord(t: TestApp) {
  return createApplicationRecord(t.database.db, {
    programIds: [(await createProgramRecord(t.database.db)).program.id],
  });
}

let t: TestApp;
let e: Ecosystem;
const sessions = {} as Record<Role | 'partner_admin_b' | 'partner_user_b', Session>;
let operations: { method: string; path: string; access: Access }[] = [];
const shared: string[] = [];

function url(path: string, req: ExampleRequest) {
  const filled = path.replace(/\{(\w+)\}/g, (_, k: string) =>
    encodeURIComponent(req.params?.[k] ?? 'missing'),
  );
  return req.query ? `${filled}?${req.query}` : filled;
}

async function call(method: string, path: string, req: ExampleRequest, session: Session | null) {
  const client = as(t.app, session);
  const u = url(path, req);
  if (method === 'GET') return client.get(u);
  if (method === 'PATCH') return client.patch(u, req.body);
  if (method === 'PUT') return client.put(u, req.body);
  if (method === 'DELETE') return client.delete(u);
  return client.post(u, req.body);
}

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  const who: [keyof typeof sessions, { email: string }][] = [
    ['admin', e.admin],
    ['channel_manager', e.cm],
    ['analyst', e.analyst],
    ['partner_admin', e.aAdmin],
    ['partner_user', e.aUser],
    ['partner_admin_b', e.bAdmin],
    ['partner_user_b', e.bUser],
  ];
  for (const [k, u] of who) sessions[k] = await signIn(t.app, u.email, PASSWORD);
  const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  const accessOf = new Map(t.app.routeAccess.map((r) => [`${r.method} ${r.url}`, r.access]));
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops)) {
      const fastifyPath = path.replace(/\{(\w+)\}/g, ':$1');
      const access = accessOf.get(`${method.toUpperCase()} ${fastifyPath}`) ?? 'public';
      operations.push({ method: method.toUpperCase(), path, access });
    }
  }
  operations = operations.sort((a, b) => a.path.localeCompare(b.path));
});
afterAll(() => t?.close());

describe('every route in the OpenAPI document', () => {
  it('is documented and gated', () => {
    expect(operations.length).toBeGreaterThan(10);
    const missing = operations
      .filter((o) => !examples[`${o.method} ${o.path}`])
      .map((o) => `${o.method} ${o.path}`);
    expect(missing, 'routes without an example request in cross-tenant.test.ts').toEqual([]);
  });

  it('answers 401 without a session, unless public', async () => {
    for (const op of operations.filter((o) => o.access !== 'public')) {
      const req = await examples[`${op.method} ${op.path}`]!({ e, owner: e.partnerB, user: e.bUser, t });
      const res = await call(op.method, op.path, req, null);
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('answers 403 to every role the permission matrix excludes', async () => {
    const roles: Role[] = ['admin', 'channel_manager', 'analyst', 'partner_admin', 'partner_user'];
    let checked = 0;
    for (const op of operations.filter((o) => o.access !== 'public' && o.access !== 'authenticated')) {
      for (const role of roles.filter(
        (r) => !can(r, op.access as Exclude<Access, 'public' | 'authenticated'>),
      )) {
        const req = await examples[`${op.method} ${op.path}`]!({ e, owner: e.partnerA, user: e.aUser, t });
        const res = await call(op.method, op.path, req, sessions[role]);
        expect(res.statusCode, `${op.method} ${op.path} as ${role}`).toBe(403);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
  });

  it("answers 404 to a partner reaching another partner's records, and 2xx to their owner", async () => {
    let checked = 0;
    for (const op of operations.filter((o) => o.path.includes('{') && o.access !== 'public')) {
      const example = examples[`${op.method} ${op.path}`]!;
      for (const role of ['partner_admin', 'partner_user'] as const) {
        if (
          op.access !== 'authenticated' &&
          !can(role, op.access as Exclude<Access, 'public' | 'authenticated'>)
        )
          continue;
        const owner = { e, owner: e.partnerB, user: role === 'partner_admin' ? e.bAdmin : e.bUser, t };
        const before = await versionOf(t, e.partnerB.id);
        const req = await example(owner);
        if (req.shared) {
          shared.push(`${op.method} ${op.path}: ${req.shared}`);
          continue;
        }
        const res = await call(op.method, op.path, req, sessions[role]);
        expect(res.statusCode, `${op.method} ${op.path} as A's ${role} with B's ids`).toBe(404);
        expect(await versionOf(t, e.partnerB.id), 'nothing of B changed').toBe(before);
        const control = await call(op.method, op.path, await example(owner), sessions[`${role}_b`]);
        expect(
          control.statusCode,
          `${op.method} ${op.path} as B's own ${role}: ${control.body}`,
        ).toBeLessThan(300);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2);
    // Shared records are listed, so a reader sees every exception in one place.
    expect(shared.length).toBeLessThanOrEqual(6);
  });

  it('answers 404 for a malformed id', async () => {
    for (const op of operations.filter((o) => o.path.includes('{') && o.access !== 'public')) {
      const req = await examples[`${op.method} ${op.path}`]!({ e, owner: e.partnerA, user: e.aUser, t });
      const params = Object.fromEntries(Object.keys(req.params ?? {}).map((k) => [k, 'not-an-id']));
      // Ask as a role the route admits, so the answer is about the id, not the role.
      const role = (['admin', 'channel_manager', 'partner_admin', 'partner_user', 'analyst'] as const).find(
        (r) =>
          op.access === 'authenticated' || can(r, op.access as Exclude<Access, 'public' | 'authenticated'>),
      )!;
      const res = await call(op.method, op.path, { ...req, params }, sessions[role]);
      expect(res.statusCode, `${op.method} ${op.path}`).toBe(404);
    }
  });
});
