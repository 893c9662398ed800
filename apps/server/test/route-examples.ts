// One valid example request per route in the OpenAPI document, built for a
// given owner organization. The cross-tenant suite and the fuzz suite both walk
// them; a route with no example here fails both.
import { eq } from 'drizzle-orm';
import { openSession } from '../src/modules/identity/identity.service';
import { organizations } from '../src/modules/organizations/organizations.tables';
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
import type { TestApp } from './app';
import { PASSWORD, type Ecosystem } from './ecosystem';

export interface ExampleRequest {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** Set (with the reason) when the record is shared by design, e.g. an agreement text every partner reads. */
  shared?: string;
}
export interface ExampleInput {
  e: Ecosystem;
  /** The partner organization the example's records belong to. */
  owner: Ecosystem['partnerA'];
  /** A user of `owner`, for records that belong to a person (sessions, tokens). */
  user: Ecosystem['aUser'];
  t: TestApp;
}
/** Builds a request whose records belong to `owner` and `user`. */
export type Example = (x: ExampleInput) => Promise<ExampleRequest> | ExampleRequest;

export const versionOf = async (t: TestApp, id: string) =>
  (
    await t.database.db
      .select({ v: organizations.version })
      .from(organizations)
      .where(eq(organizations.id, id))
  )[0]!.v;

export const examples: Record<string, Example> = {
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
  'POST /api/v1/invitations': ({ owner }) => ({
    body: { email: `new-${Math.random()}@invitee.test`, role: 'partner_user', organizationId: owner.id },
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
