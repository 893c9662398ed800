import os from 'node:os';
// One valid example request per route in the OpenAPI document, built for a
// given owner organization. The cross-tenant suite and the fuzz suite both walk
// them; a route with no example here fails both.
import { eq } from 'drizzle-orm';
import { openSession } from '../src/modules/identity/identity.service';
import { organizations } from '../src/modules/organizations/organizations.tables';
import { dealInvolvements } from '../src/modules/deals/deals.tables';
import { programs } from '../src/modules/programs/programs.tables';
import { settings } from '../src/modules/settings/settings.tables';
import { webhookDeliveries } from '../src/modules/webhooks/webhooks.tables';
import { crmConnections, crmLinks, crmRuns } from '../src/modules/crm/crm.tables';
import { defaultMappings } from '../src/modules/crm/crm.mappings';
import { emptyCounts } from '../src/modules/crm/crm.repository';
import { seal } from '../src/modules/crm/crm.providers';
import { authorizeUrl, exchangeCode, pkcePair } from '../src/modules/crm/salesforce/salesforce.auth';
import { loadSecretBox } from '../src/lib/secrets';
import { startSalesforceEmulator, type SalesforceEmulator } from './emulators/salesforce';
import { sentEmails } from '../src/modules/mail/mail.tables';
import { importChunks, importErrors, importMappings, imports } from '../src/modules/imports/imports.tables';
import { unsubscribeToken } from '../src/modules/mail/unsubscribe';
import { newId } from '../src/lib/ids';
import { mcpProposals } from '../src/modules/mcp/mcp.tables';
import { ssoConnections, ssoDomains } from '../src/modules/sso/sso.tables';
import { comments, posts } from '../src/modules/community/community.tables';
import {
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
} from '../src/seed/community-factories';
import {
  createConnectionRecord,
  createIntegrationRecord,
  createProfileRecord,
  createSolutionRecord,
  createDealRecord,
  createFxRateRecord,
  createPartnerOrganization,
  createReferralRecord,
  createAgreementRecord,
  createApiTokenRecord,
  createApplicationRecord,
  createEnrollmentRecord,
  createInvitationRecord,
  createProgramRecord,
  createUser,
  createWebhookRecord,
} from '../src/seed/factories';
import { insertScimGroupRecord, insertScimTokenRecord } from '../src/modules/scim/scim.records';
import type { TestApp } from './app';
import { PASSWORD, type Ecosystem } from './ecosystem';
import { mfaExamples } from './mfa-examples';
import { leadExamples } from './lead-examples';
import { mappingExamples } from './mapping-examples';
import { enablementExamples } from './enablement-examples';
import { fundsExamples } from './funds-examples';
import { partnerNoteExamples } from './partner-notes-examples';

export interface ExampleRequest {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  /** For a body that is not JSON (a CSV upload). */
  headers?: Record<string, string>;
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

/** One emulated Salesforce org for every CRM example of a suite (started on first use). */
let emulated: Promise<SalesforceEmulator> | null = null;
function crmOrg() {
  emulated ??= startSalesforceEmulator().then((sf) => (sf.unref(), sf));
  return emulated;
}
// The test app's key (DATA_DIR is the temp directory in startTestApp): sealed tokens open there.
const crmSecrets = () => loadSecretBox({ DATA_DIR: os.tmpdir() }, () => undefined);
const crmRedirect = 'http://127.0.0.1/settings/crm/callback';

/** A code from the emulated org's consent page for this PKCE challenge and state. */
async function crmCode(sf: SalesforceEmulator, state: string, challenge: string) {
  const url = authorizeUrl(
    { loginUrl: sf.url, clientId: sf.oauth.clientId, redirectUri: crmRedirect },
    state,
    challenge,
  );
  const back = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location')!);
  return back.searchParams.get('code')!;
}

/** One grant from the emulated org, shared by the example connections (each seals its own copy). */
let crmGrant: ReturnType<typeof exchangeCode> | null = null;

/** A Salesforce connection granted by the emulated org, its tokens sealed as the product seals them. */
async function crmConnectionRecord(t: TestApp) {
  const sf = await crmOrg();
  crmGrant ??= (async () => {
    const client = {
      loginUrl: sf.url,
      clientId: sf.oauth.clientId,
      clientSecret: sf.oauth.clientSecret,
      redirectUri: crmRedirect,
    };
    const { verifier, challenge } = pkcePair();
    return exchangeCode(client, await crmCode(sf, 'example', challenge), verifier);
  })();
  const granted = await crmGrant;
  const id = newId();
  const box = crmSecrets();
  const [row] = await t.database.db
    .insert(crmConnections)
    .values({
      id,
      kind: 'salesforce',
      name: 'Example org',
      status: 'active',
      authMethod: 'oauth',
      loginUrl: sf.url,
      instanceUrl: sf.url,
      apiVersion: '60.0',
      clientId: sf.oauth.clientId,
      clientSecretSealed: seal(box, id, 'clientSecret', sf.oauth.clientSecret),
      redirectUri: crmRedirect,
      accessTokenSealed: seal(box, id, 'accessToken', granted.accessToken),
      refreshTokenSealed: seal(box, id, 'refreshToken', granted.refreshToken!),
      remoteAccountId: granted.remoteAccountId ?? null,
      mappings: defaultMappings('salesforce'),
    })
    .returning();
  return row!;
}

/** A connection waiting for its grant, and the code the emulated org sent back for it. */
async function crmPendingGrant(t: TestApp) {
  const sf = await crmOrg();
  const { verifier, challenge } = pkcePair();
  const id = newId();
  const state = `${id}.example-state`;
  const box = crmSecrets();
  await t.database.db.insert(crmConnections).values({
    id,
    kind: 'salesforce',
    name: 'Pending org',
    status: 'pending',
    authMethod: 'oauth',
    loginUrl: sf.url,
    apiVersion: '60.0',
    clientId: sf.oauth.clientId,
    clientSecretSealed: seal(box, id, 'clientSecret', sf.oauth.clientSecret),
    redirectUri: crmRedirect,
    pkceVerifierSealed: seal(box, id, 'pkceVerifier', verifier),
    oauthState: state,
    mappings: defaultMappings('salesforce'),
  });
  return { code: await crmCode(sf, state, challenge), state };
}

async function crmRunRecord(t: TestApp) {
  const c = await crmConnectionRecord(t);
  const [run] = await t.database.db
    .insert(crmRuns)
    .values({ id: newId(), connectionId: c.id, mode: 'dry_run', status: 'completed', counts: emptyCounts() })
    .returning();
  return { c, run: run! };
}

async function crmReviewLink(t: TestApp, e: Ecosystem) {
  const c = await crmConnectionRecord(t);
  const [link] = await t.database.db
    .insert(crmLinks)
    .values({
      id: newId(),
      connectionId: c.id,
      object: 'account',
      remoteId: `001${newId().slice(0, 12)}`,
      remoteName: 'Alpha',
      status: 'review',
      candidates: [{ id: e.partnerA.id, name: e.partnerA.name, reason: 'name' }],
    })
    .returning();
  return link!;
}

/** An uploaded partners file, ready for a dry run (or, `validated`, for a commit; `invalid`, with its row rejected). */
async function importRecord(t: TestApp, status: 'uploaded' | 'validated' | 'invalid' = 'uploaded') {
  const id = newId();
  const [row] = await t.database.db
    .insert(imports)
    .values({
      id,
      type: 'partners',
      fileName: 'partners.csv',
      encoding: 'utf-8',
      bytes: 40,
      columns: ['externalId', 'name', 'types'],
      status,
      ...(status !== 'uploaded'
        ? {
            mapping: { externalId: 'externalId', name: 'name', types: 'types' },
            validatedAt: new Date(),
            totalRows: 1,
            ...(status === 'invalid' ? { errorRows: 1, errorCount: 1 } : {}),
          }
        : {}),
    })
    .returning();
  await t.database.db.insert(importChunks).values({
    importId: id,
    seq: 0,
    data: Buffer.from(`externalId,name,types\nEX-${id},Example ${id.slice(-6)},reseller\n`),
  });
  if (status === 'invalid')
    await t.database.db.insert(importErrors).values({
      importId: id,
      seq: 0,
      row: 2,
      field: 'types',
      column: 'types',
      value: 'reseller',
      message: 'Example',
    });
  return row!;
}

async function importMappingRecord(t: TestApp) {
  const [row] = await t.database.db
    .insert(importMappings)
    .values({ id: newId(), type: 'partners', name: `Saved ${Math.random()}`, mapping: { name: 'Company' } })
    .returning();
  return row!.id;
}

const SCIM_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const SCIM_GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const SCIM_PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export const examples: Record<string, Example> = {
  ...mfaExamples,
  ...leadExamples,
  ...mappingExamples,
  ...enablementExamples,
  ...fundsExamples,
  ...partnerNoteExamples,
  'POST /api/v1/auth/login': ({ e }) => ({ body: { email: e.aUser.email, password: PASSWORD } }),
  'POST /api/v1/auth/logout': () => ({}),
  'POST /api/v1/auth/password': () => ({
    body: { currentPassword: 'wrong-password', newPassword: 'another-password-1' },
  }),
  'GET /api/v1/me': () => ({}),
  'PATCH /api/v1/me': () => ({ body: { emailDigest: false } }),
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
  'GET /api/v1/audit-log/facets': () => ({}),
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
  'GET /api/v1/mcp/tools': () => ({}),
  'POST /api/v1/mcp/proposals': () => ({
    body: { tool: 'patch_me', arguments: { body: { emailDigest: false } } },
  }),
  // Made in the owner's session (no token): confirmed by that person signed in, by nobody else.
  'POST /api/v1/mcp/proposals/{id}/confirm': async ({ t, user }) => {
    const { row: token } = await createApiTokenRecord(t.database.db, { userId: user.id });
    const [proposal] = await t.database.db
      .insert(mcpProposals)
      .values({
        id: newId(),
        userId: user.id,
        tool: 'delete_tokens_by_id',
        method: 'DELETE',
        path: `/tokens/${token.id}`,
        expiresAt: new Date(Date.now() + 600_000),
      })
      .returning();
    return { params: { id: proposal!.id } };
  },
  'GET /api/v1/scim/tokens': () => ({}),
  'POST /api/v1/scim/tokens': () => ({ body: { name: 'Okta' } }),
  'DELETE /api/v1/scim/tokens/{id}': async ({ owner, t }) => ({
    params: { id: (await insertScimTokenRecord(t.database.db, { organizationId: owner.id })).row.id },
  }),
  'GET /api/v1/scim/role-mappings': () => ({}),
  'PUT /api/v1/scim/role-mappings': () => ({
    body: { mappings: [{ group: 'Partner leads', role: 'partner_admin' }] },
  }),
  // SCIM (access 'scim'): the suites send the owner's SCIM token (openapi-walk.ts, scimHeaders).
  'GET /scim/v2/ServiceProviderConfig': () => ({}),
  'GET /scim/v2/ResourceTypes': () => ({}),
  'GET /scim/v2/Schemas': () => ({}),
  'GET /scim/v2/Users': ({ user }) => ({
    query: `filter=${encodeURIComponent(`userName eq "${user.email}"`)}&startIndex=1&count=10`,
  }),
  'POST /scim/v2/Users': () => ({
    body: {
      schemas: [SCIM_USER],
      userName: `scim-${newId()}@example.test`,
      name: { givenName: 'Sam', familyName: 'Scim' },
      emails: [{ value: 'sam@example.test', type: 'work', primary: true }],
      active: true,
    },
  }),
  'GET /scim/v2/Users/{id}': ({ user }) => ({ params: { id: user.id } }),
  'PUT /scim/v2/Users/{id}': ({ user }) => ({
    params: { id: user.id },
    body: {
      schemas: [SCIM_USER],
      userName: user.email,
      name: { givenName: 'Pat', familyName: 'Put' },
      active: true,
    },
  }),
  'PATCH /scim/v2/Users/{id}': ({ user }) => ({
    params: { id: user.id },
    body: { schemas: [SCIM_PATCH], Operations: [{ op: 'replace', path: 'title', value: 'Partner lead' }] },
  }),
  'DELETE /scim/v2/Users/{id}': async ({ owner, t }) => ({
    params: { id: (await createUser(t.database.db, { organizationId: owner.id, role: 'partner_user' })).id },
  }),
  'GET /scim/v2/Groups': () => ({ query: 'startIndex=1&count=10' }),
  'POST /scim/v2/Groups': () => ({
    body: { schemas: [SCIM_GROUP], displayName: `Group ${newId()}`, members: [] },
  }),
  'GET /scim/v2/Groups/{id}': async ({ owner, t }) => ({
    params: { id: (await insertScimGroupRecord(t.database.db, { organizationId: owner.id })).id },
  }),
  'PUT /scim/v2/Groups/{id}': async ({ owner, t }) => ({
    params: { id: (await insertScimGroupRecord(t.database.db, { organizationId: owner.id })).id },
    body: { schemas: [SCIM_GROUP], displayName: `Group ${newId()}`, members: [] },
  }),
  'PATCH /scim/v2/Groups/{id}': async ({ owner, user, t }) => ({
    params: { id: (await insertScimGroupRecord(t.database.db, { organizationId: owner.id })).id },
    body: {
      schemas: [SCIM_PATCH],
      Operations: [{ op: 'add', path: 'members', value: [{ value: user.id }] }],
    },
  }),
  'DELETE /scim/v2/Groups/{id}': async ({ owner, t }) => ({
    params: { id: (await insertScimGroupRecord(t.database.db, { organizationId: owner.id })).id },
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
  // --- Settings and reference ---
  'GET /api/v1/settings': () => ({}),
  'PATCH /api/v1/settings': async ({ t }) => ({
    body: { version: await settingsVersion(t), defaultProtectionDays: 90 },
  }),
  'GET /api/v1/fx-rates': () => ({ query: 'limit=5' }),
  'POST /api/v1/fx-rates': () => ({
    body: { currency: 'SEK', rate: '0.095', effectiveDate: `20${10 + (exampleCounter++ % 80)}-01-01` },
  }),
  'DELETE /api/v1/fx-rates/{id}': async ({ t }) => ({
    params: {
      id: (
        await createFxRateRecord(t.database.db, {
          currency: 'NOK',
          rate: '0.092',
          effectiveDate: `19${10 + (exampleCounter++ % 80)}-01-01`,
        })
      ).id,
    },
  }),
  'GET /api/v1/brand': () => ({}),
  'PATCH /api/v1/brand': async ({ t }) => ({
    body: { version: await brandVersion(t), supportUrl: 'https://vendor.example/help' },
  }),
  'POST /api/v1/brand/logo': () => ({
    query: 'fileName=logo.png',
    body: Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
      'base64',
    ),
    headers: { 'content-type': 'image/png' },
  }),
  'DELETE /api/v1/brand/logo': () => ({}),
  'GET /api/v1/brand/logo': () => ({}),
  'GET /api/v1/reference/industries': () => ({}),
  'GET /api/v1/reference/currencies': () => ({}),

  // --- Deals ---
  'GET /api/v1/deals': () => ({ query: 'limit=5' }),
  'POST /api/v1/deals': () => ({ body: dealBody() }),
  'GET /api/v1/deals/conflict-check': () => ({ query: 'customerName=Initech' }),
  'GET /api/v1/deals/{id}': async (x) => ({ params: { id: (await dealOf(x)).id } }),
  'PATCH /api/v1/deals/{id}': async (x) => {
    const d = await dealOf(x);
    return { params: { id: d.id }, body: { version: d.version, stage: 'proposal' } };
  },
  'POST /api/v1/deals/{id}/approve': async (x) => {
    const d = await dealOf(x);
    return { params: { id: d.id }, body: { version: d.version } };
  },
  'POST /api/v1/deals/{id}/reject': async (x) => {
    const d = await dealOf(x);
    return { params: { id: d.id }, body: { version: d.version, reason: 'Duplicate registration' } };
  },
  'POST /api/v1/deals/{id}/request-extension': async (x) => {
    const d = await dealOf(x, 'approved');
    return {
      params: { id: d.id },
      body: { version: d.version, days: 30, reason: 'Customer delayed the purchase' },
    };
  },
  'POST /api/v1/deals/{id}/extend': async (x) => {
    const d = await dealOf(x, 'approved');
    return { params: { id: d.id }, body: { version: d.version, days: 30 } };
  },
  'POST /api/v1/deals/{id}/close': async (x) => {
    const d = await dealOf(x, 'approved');
    return {
      params: { id: d.id },
      body: { version: d.version, outcome: 'won', amount: 1_200_000, closeDate: todayDate() },
    };
  },
  'POST /api/v1/deals/{id}/reopen': async (x) => {
    const d = await dealOf(x, 'won');
    return { params: { id: d.id }, body: { version: d.version, reason: 'Customer cancelled' } };
  },
  'GET /api/v1/deals/{id}/conflicts': async (x) => ({ params: { id: (await dealOf(x)).id } }),
  'GET /api/v1/deals/{id}/involvements': async (x) => ({ params: { id: (await dealOf(x)).id } }),
  'POST /api/v1/deals/{id}/involvements': async (x) => ({
    params: { id: (await dealOf(x)).id },
    // A partner names on its deal only partners it may see: one in the marketplace.
    body: { organizationId: (await publishedPartner(x.t)).id, role: 'co_sell' },
  }),
  'POST /api/v1/deals/{id}/involvements/{organizationId}/confirm': async (x) => {
    const other = await otherPartner(x.t);
    const d = await dealOf(x, 'approved', [
      { organizationId: x.owner.id, role: 'sourced' },
      { organizationId: other.id, role: 'co_sell', status: 'proposed' },
    ]);
    return { params: { id: d.id, organizationId: other.id }, body: {} };
  },
  'POST /api/v1/deals/{id}/involvements/{organizationId}/accept': async (x) => {
    // Another partner's deal, onto which the vendor invited the owner (account mapping's intro).
    const db = x.t.database.db;
    const other = await otherPartner(x.t);
    const d = await createDealRecord(db, {
      registeredByOrgId: other.id,
      customerName: `Initech ${exampleCounter++}`,
      status: 'approved',
    });
    const [vendor] = await db
      .select({ id: organizations.id })
      .from(organizations)
      .where(eq(organizations.kind, 'vendor'));
    await db.insert(dealInvolvements).values({
      dealId: d.id,
      organizationId: x.owner.id,
      role: 'co_sell',
      status: 'proposed',
      proposedByOrgId: vendor!.id,
    });
    return { params: { id: d.id, organizationId: x.owner.id }, body: {} };
  },
  'PATCH /api/v1/deals/{id}/involvements/{organizationId}': async (x) => {
    const other = await otherPartner(x.t);
    const d = await dealOf(x, 'approved', [
      { organizationId: x.owner.id, role: 'sourced' },
      { organizationId: other.id, role: 'influenced' },
    ]);
    return { params: { id: d.id, organizationId: other.id }, body: { role: 'co_sell' } };
  },
  'DELETE /api/v1/deals/{id}/involvements/{organizationId}': async (x) => {
    const other = await otherPartner(x.t);
    const d = await dealOf(x, 'approved', [{ organizationId: x.owner.id, role: 'sourced' }]);
    // A proposal by the owner, which the owner may withdraw.
    await x.t.database.db.insert(dealInvolvements).values({
      dealId: d.id,
      organizationId: other.id,
      role: 'influenced',
      status: 'proposed',
      proposedByOrgId: x.owner.id,
    });
    return { params: { id: d.id, organizationId: other.id } };
  },
  'GET /api/v1/deals/{id}/attribution': async (x) => ({
    params: { id: (await dealOf(x, 'won')).id },
    query: 'model=even',
  }),
  'GET /api/v1/deals/{id}/timeline': async (x) => ({ params: { id: (await dealOf(x)).id } }),

  // --- Referrals ---
  'GET /api/v1/referrals': () => ({ query: 'limit=5&box=inbox' }),
  'POST /api/v1/referrals': () => ({
    body: {
      companyName: 'Prospect Industries',
      companyDomain: 'prospect-industries.com',
      contactName: 'Pat Prospect',
      contactEmail: 'pat@prospect-industries.com',
      need: 'Needs a managed backup service',
    },
  }),
  'GET /api/v1/referrals/counterparts': () => ({}),
  'GET /api/v1/referrals/{id}': async (x) => ({ params: { id: (await referralTo(x)).id } }),
  'POST /api/v1/referrals/{id}/accept': async (x) => {
    const r = await referralTo(x);
    return { params: { id: r.id }, body: { version: r.version } };
  },
  'POST /api/v1/referrals/{id}/reject': async (x) => {
    const r = await referralTo(x);
    return { params: { id: r.id }, body: { version: r.version, reason: 'Outside our regions' } };
  },
  'POST /api/v1/referrals/{id}/convert': async (x) => {
    const r = await referralTo(x, 'accepted');
    return {
      params: { id: r.id },
      body: { version: r.version, amount: 500_000, currency: 'USD', expectedCloseDate: futureDate(30) },
    };
  },

  // --- Marketplace ---
  'GET /api/v1/profiles/{id}': async ({ owner, t }) => ({
    params: { id: (await draftProfile(t, owner.id)).organizationId },
  }),
  'PATCH /api/v1/profiles/{id}': async ({ owner, t }) => {
    const p = await draftProfile(t, owner.id);
    return { params: { id: owner.id }, body: { version: p.version, services: ['Managed backup'] } };
  },
  'POST /api/v1/profiles/{id}/publish': async ({ owner, t }) => {
    const p = await draftProfile(t, owner.id);
    return { params: { id: owner.id }, body: { version: p.version } };
  },
  'POST /api/v1/profiles/{id}/unpublish': async ({ owner, t }) => {
    const p = await createProfileRecord(t.database.db, owner.id, { status: 'published' });
    return {
      params: { id: owner.id },
      body: { version: p.version },
      shared:
        'a published profile is visible to every partner: changing another’s answers 403 (marketplace.test.ts)',
    };
  },
  'GET /api/v1/marketplace/search': () => ({ query: 'q=backup&country=US' }),
  'GET /api/v1/public/partners': () => ({ query: 'q=backup' }),
  'GET /api/v1/public/partners/{id}': async ({ t }) => ({ params: { id: (await publishedPartner(t)).id } }),
  'POST /api/v1/public/partners/{id}/contact': async ({ t }) => ({
    params: { id: (await publishedPartner(t)).id },
    body: {
      name: 'Casey Customer',
      email: `casey${exampleCounter++}@customer-example.com`,
      company: 'Customer Example',
      message: 'We would like a quote for 200 seats.',
    },
  }),
  'GET /api/v1/connections': () => ({ query: 'box=incoming' }),
  'POST /api/v1/connections': async ({ t }) => ({
    body: {
      organizationId: (await publishedPartner(t)).id,
      kind: 'co_sell',
      message: 'Shall we sell together?',
    },
  }),
  'GET /api/v1/connections/{id}': async (x) => ({ params: { id: (await connectionTo(x)).id } }),
  'POST /api/v1/connections/{id}/accept': async (x) => {
    const c = await connectionTo(x);
    return { params: { id: c.id }, body: { version: c.version } };
  },
  'POST /api/v1/connections/{id}/decline': async (x) => {
    const c = await connectionTo(x);
    return { params: { id: c.id }, body: { version: c.version, reason: 'Not now' } };
  },
  'POST /api/v1/connections/{id}/end': async (x) => {
    const c = await connectionTo(x, 'active');
    return { params: { id: c.id }, body: { version: c.version, reason: 'Focus elsewhere' } };
  },
  'GET /api/v1/integrations': () => ({ query: 'limit=5' }),
  'POST /api/v1/integrations': () => ({
    body: { name: 'SIEM Connector', category: 'Security', description: 'Streams alerts into the SIEM.' },
  }),
  'GET /api/v1/integrations/{id}': async (x) => ({ params: { id: (await draftListing(x)).id } }),
  'PATCH /api/v1/integrations/{id}': async (x) => {
    const l = await draftListing(x);
    return { params: { id: l.id }, body: { version: l.version, editions: ['Enterprise', 'Cloud'] } };
  },
  'POST /api/v1/integrations/{id}/submit': async (x) => {
    const l = await draftListing(x);
    return { params: { id: l.id }, body: { version: l.version } };
  },
  'POST /api/v1/integrations/{id}/publish': async (x) => {
    const l = await createIntegrationRecord(x.t.database.db, {
      organizationId: x.owner.id,
      status: 'submitted',
    });
    return { params: { id: l.id }, body: { version: l.version } };
  },
  'POST /api/v1/integrations/{id}/reject': async (x) => {
    const l = await createIntegrationRecord(x.t.database.db, {
      organizationId: x.owner.id,
      status: 'submitted',
    });
    return { params: { id: l.id }, body: { version: l.version, reason: 'Documentation link is broken' } };
  },
  'GET /api/v1/integrations/{id}/installs': async (x) => ({ params: { id: (await draftListing(x)).id } }),
  'POST /api/v1/integrations/{id}/installs': async (x) => ({
    params: { id: (await draftListing(x)).id },
    body: { customerDomain: 'initech.com', customerName: 'Initech' },
  }),
  'GET /api/v1/solutions': () => ({ query: 'limit=5' }),
  'POST /api/v1/solutions': async ({ t }) => ({
    body: {
      name: 'Secure Backup Bundle',
      description: 'Backup and SIEM, sold and run together.',
      role: 'Reseller',
      members: [{ organizationId: (await publishedPartner(t)).id, role: 'Technology' }],
    },
  }),
  'GET /api/v1/solutions/{id}': async (x) => ({ params: { id: (await pendingSolution(x)).id } }),
  'POST /api/v1/solutions/{id}/accept': async (x) => {
    const s = await pendingSolution(x);
    return { params: { id: s.id }, body: { version: s.version } };
  },
  'GET /api/v1/recommendations': () => ({}),
  'GET /api/v1/me/home': () => ({}),

  // --- CRM ---
  'GET /api/v1/crm/connections': () => ({}),
  'POST /api/v1/crm/connections': () => ({
    body: {
      kind: 'salesforce',
      authMethod: 'oauth',
      name: 'Production',
      loginUrl: 'https://login.salesforce.com',
      clientId: 'consumer-key',
      redirectUri: 'https://partners.example.com/settings/crm/callback',
    },
  }),
  'POST /api/v1/crm/connections/oauth-callback': async ({ t }) => ({ body: await crmPendingGrant(t) }),
  'GET /api/v1/crm/connections/{id}': async ({ t }) => ({
    params: { id: (await crmConnectionRecord(t)).id },
  }),
  'PATCH /api/v1/crm/connections/{id}': async ({ t }) => {
    const c = await crmConnectionRecord(t);
    return { params: { id: c.id }, body: { version: c.version, budgetShare: 40 } };
  },
  'DELETE /api/v1/crm/connections/{id}': async ({ t }) => ({
    params: { id: (await crmConnectionRecord(t)).id },
  }),
  'POST /api/v1/crm/connections/{id}/test': async ({ t }) => ({
    params: { id: (await crmConnectionRecord(t)).id },
  }),
  'POST /api/v1/crm/connections/{id}/reconnect': async ({ t }) => {
    const c = await crmConnectionRecord(t);
    return { params: { id: c.id }, body: { version: c.version } };
  },
  'GET /api/v1/crm/connections/{id}/schema': async ({ t }) => ({
    params: { id: (await crmConnectionRecord(t)).id },
    query: 'object=opportunity',
  }),
  'PUT /api/v1/crm/connections/{id}/mappings': async ({ t }) => {
    const c = await crmConnectionRecord(t);
    return { params: { id: c.id }, body: { version: c.version, mappings: c.mappings } };
  },
  'POST /api/v1/crm/connections/{id}/pause': async ({ t }) => {
    const c = await crmConnectionRecord(t);
    return { params: { id: c.id }, body: { version: c.version } };
  },
  'POST /api/v1/crm/connections/{id}/resume': async ({ t }) => {
    const c = await crmConnectionRecord(t);
    return { params: { id: c.id }, body: { version: c.version } };
  },
  'POST /api/v1/crm/connections/{id}/dry-run': async ({ t }) => ({
    params: { id: (await crmConnectionRecord(t)).id },
  }),
  'POST /api/v1/crm/connections/{id}/runs': async ({ t }) => ({
    params: { id: (await crmRunRecord(t)).c.id },
    body: { retryFailed: false },
  }),
  'GET /api/v1/crm/connections/{id}/runs': async ({ t }) => ({
    params: { id: (await crmRunRecord(t)).c.id },
  }),
  'GET /api/v1/crm/connections/{id}/runs/{runId}': async ({ t }) => {
    const { c, run } = await crmRunRecord(t);
    return { params: { id: c.id, runId: run.id } };
  },
  'GET /api/v1/crm/connections/{id}/runs/{runId}/records': async ({ t }) => {
    const { c, run } = await crmRunRecord(t);
    return { params: { id: c.id, runId: run.id }, query: 'limit=10' };
  },
  'GET /api/v1/crm/links': () => ({}),
  'POST /api/v1/crm/links/{id}/resolve': async ({ t, e }) => ({
    params: { id: (await crmReviewLink(t, e)).id },
    body: { localId: null },
  }),

  // --- Webhooks ---
  'GET /api/v1/webhooks': () => ({}),
  // A literal public address: no DNS needed (and loopback would be refused).
  'POST /api/v1/webhooks': () => ({ body: { url: 'https://93.184.216.34/hooks', eventTypes: ['deal.*'] } }),
  'GET /api/v1/webhooks/{id}': async ({ t }) => ({
    params: { id: (await createWebhookRecord(t.database.db)).id },
  }),
  'PATCH /api/v1/webhooks/{id}': async ({ t }) => {
    const w = await createWebhookRecord(t.database.db);
    return { params: { id: w.id }, body: { version: w.version, description: 'Renamed' } };
  },
  'DELETE /api/v1/webhooks/{id}': async ({ t }) => ({
    params: { id: (await createWebhookRecord(t.database.db)).id },
  }),
  'POST /api/v1/webhooks/{id}/rotate-secret': async ({ t }) => {
    const w = await createWebhookRecord(t.database.db);
    return { params: { id: w.id }, body: { version: w.version } };
  },
  'POST /api/v1/webhooks/{id}/test': async ({ t }) => ({
    params: { id: (await createWebhookRecord(t.database.db)).id },
  }),
  'GET /api/v1/webhooks/{id}/deliveries': async ({ t }) => ({
    params: { id: (await createWebhookRecord(t.database.db)).id },
    query: 'limit=5',
  }),
  'POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/replay': async ({ t }) => {
    const w = await createWebhookRecord(t.database.db);
    const [d] = await t.database.db
      .insert(webhookDeliveries)
      .values({
        id: newId(),
        endpointId: w.id,
        eventId: newId(),
        eventType: 'deal.approved',
        body: '{}',
        status: 'failed',
      })
      .returning();
    return { params: { id: w.id, deliveryId: d!.id } };
  },

  // --- Email outbox ---
  'GET /api/v1/emails': () => ({ query: 'limit=5' }),
  'GET /api/v1/emails/{id}': async ({ t }) => {
    const [row] = await t.database.db
      .insert(sentEmails)
      .values({
        id: newId(),
        to: 'a@b.test',
        subject: 'Hello',
        transport: 'log',
        status: 'logged',
        text: 'Hi',
      })
      .returning();
    return { params: { id: row!.id } };
  },
  'GET /api/v1/unsubscribe': ({ user }) => ({
    query: `token=${encodeURIComponent(unsubscribeToken(user)!)}`,
  }),

  // --- Exports ---
  'GET /api/v1/exports/partners': () => ({ query: 'format=json' }),
  'GET /api/v1/exports/users': () => ({}),
  'GET /api/v1/exports/enrollments': () => ({}),
  'GET /api/v1/exports/deals': () => ({ query: 'format=csv' }),
  'GET /api/v1/exports/referrals': () => ({}),
  'GET /api/v1/exports/leads': () => ({}),
  'GET /api/v1/exports/connections': () => ({}),
  'GET /api/v1/exports/fx-rates': () => ({}),

  // --- Imports (the vendor admin's) ---
  'GET /api/v1/imports/types': () => ({}),
  'POST /api/v1/imports': () => ({
    query: 'type=partners',
    body: 'externalId,name,types\nX-1,Example,reseller\n',
    headers: { 'content-type': 'text/csv' },
  }),
  'GET /api/v1/imports': () => ({ query: 'limit=5' }),
  'GET /api/v1/imports/mappings': () => ({ query: 'type=partners' }),
  'POST /api/v1/imports/mappings': () => ({
    body: { type: 'partners', name: `Mapping ${Math.random()}`, mapping: { externalId: 'Account' } },
  }),
  'DELETE /api/v1/imports/mappings/{id}': async ({ t }) => ({ params: { id: await importMappingRecord(t) } }),
  'GET /api/v1/imports/{id}': async ({ t }) => ({ params: { id: (await importRecord(t)).id } }),
  'DELETE /api/v1/imports/{id}': async ({ t }) => ({ params: { id: (await importRecord(t)).id } }),
  'POST /api/v1/imports/{id}/dry-run': async ({ t }) => {
    const row = await importRecord(t);
    return { params: { id: row.id }, body: { version: row.version } };
  },
  'POST /api/v1/imports/{id}/commit': async ({ t }) => {
    const row = await importRecord(t, 'validated');
    return { params: { id: row.id }, body: { version: row.version } };
  },
  'POST /api/v1/imports/{id}/values': async ({ t }) => ({
    params: { id: (await importRecord(t)).id },
    body: {},
  }),
  'GET /api/v1/imports/{id}/rejected': async ({ t }) => ({
    params: { id: (await importRecord(t, 'invalid')).id },
  }),
  'GET /api/v1/imports/{id}/errors': async ({ t }) => ({
    params: { id: (await importRecord(t)).id },
    query: 'limit=5',
  }),

  // --- Community (records in a private space of the owner's user, who moderates it) ---
  'GET /api/v1/spaces': () => ({ query: 'joined=true' }),
  'POST /api/v1/spaces': () => ({
    body: { name: `Space ${exampleCounter++}`, visibility: 'segment', segment: { countries: ['DE'] } },
  }),
  'GET /api/v1/spaces/{id}': async (x) => ({ params: { id: (await spaceOf(x)).space.id } }),
  'PATCH /api/v1/spaces/{id}': async (x) => ({
    params: { id: (await spaceOf(x)).space.id },
    body: { version: 1, description: 'Renamed by the suite' },
  }),
  'POST /api/v1/spaces/{id}/join': async (x) => ({ params: { id: (await spaceOf(x)).space.id } }),
  'POST /api/v1/spaces/{id}/leave': async (x) => ({ params: { id: (await spaceOf(x)).space.id } }),
  'GET /api/v1/spaces/{id}/members': async (x) => ({ params: { id: (await spaceOf(x)).space.id } }),
  'POST /api/v1/spaces/{id}/members': async (x) => {
    const s = await spaceOf(x);
    const invitee = await createUser(x.t.database.db, {
      organizationId: x.owner.id,
      role: 'partner_user',
      email: `invitee${exampleCounter++}@example.test`,
      name: 'Ivy Invitee',
    });
    return { params: { id: s.space.id }, body: { userIds: [invitee.id] } };
  },
  'PUT /api/v1/spaces/{id}/members/{userId}/role': async (x) => {
    const s = await spaceOf(x);
    return { params: { id: s.space.id, userId: s.member.id }, body: { role: 'moderator' } };
  },
  'POST /api/v1/spaces/{id}/members/{userId}/suspend': async (x) => {
    const s = await spaceOf(x);
    return { params: { id: s.space.id, userId: s.member.id }, body: { reason: 'Spam' } };
  },
  'POST /api/v1/spaces/{id}/members/{userId}/reinstate': async (x) => {
    const s = await spaceOf(x);
    return { params: { id: s.space.id, userId: s.suspended.id } };
  },
  'GET /api/v1/spaces/{id}/mentionable': async (x) => ({
    params: { id: (await spaceOf(x)).space.id },
    query: 'q=mo',
  }),
  'GET /api/v1/spaces/{id}/invitable': async (x) => ({
    params: { id: (await spaceOf(x)).space.id },
    query: 'q=a',
  }),
  'GET /api/v1/spaces/{id}/moderation': async (x) => ({ params: { id: (await spaceOf(x)).space.id } }),
  'GET /api/v1/spaces/{id}/posts': async (x) => ({ params: { id: (await spaceOf(x)).space.id } }),
  'POST /api/v1/spaces/{id}/posts': async (x) => ({
    params: { id: (await spaceOf(x)).space.id },
    body: { title: 'Hello', body: 'First **post**' },
  }),
  'POST /api/v1/community/preview': () => ({ body: { body: '**bold** and <script>x</script>' } }),
  'GET /api/v1/posts/{id}': async (x) => ({ params: { id: (await spaceOf(x)).post.id } }),
  'PATCH /api/v1/posts/{id}': async (x) => ({
    params: { id: (await spaceOf(x)).post.id },
    body: { version: 1, body: 'Edited' },
  }),
  'DELETE /api/v1/posts/{id}': async (x) => ({ params: { id: (await spaceOf(x)).post.id } }),
  'GET /api/v1/posts/{id}/revisions': async (x) => ({ params: { id: (await spaceOf(x)).post.id } }),
  'POST /api/v1/posts/{id}/pin': async (x) => ({ params: { id: (await spaceOf(x)).post.id } }),
  'POST /api/v1/posts/{id}/unpin': async (x) => ({ params: { id: (await spaceOf(x, 'pinnedAt')).post.id } }),
  'POST /api/v1/posts/{id}/lock': async (x) => ({ params: { id: (await spaceOf(x)).post.id } }),
  'POST /api/v1/posts/{id}/unlock': async (x) => ({ params: { id: (await spaceOf(x, 'lockedAt')).post.id } }),
  'POST /api/v1/posts/{id}/hide': async (x) => ({
    params: { id: (await spaceOf(x)).post.id },
    body: { reason: 'Off topic' },
  }),
  'POST /api/v1/posts/{id}/unhide': async (x) => ({ params: { id: (await spaceOf(x, 'hiddenAt')).post.id } }),
  'POST /api/v1/posts/{id}/reactions': async (x) => ({
    params: { id: (await spaceOf(x)).post.id },
    body: { kind: 'like' },
  }),
  'DELETE /api/v1/posts/{id}/reactions/{kind}': async (x) => ({
    params: { id: (await spaceOf(x)).post.id, kind: 'like' },
  }),
  'GET /api/v1/posts/{id}/comments': async (x) => ({ params: { id: (await spaceOf(x)).post.id } }),
  'POST /api/v1/posts/{id}/comments': async (x) => {
    const s = await spaceOf(x);
    return { params: { id: s.post.id }, body: { body: 'Agreed', parentId: s.comment.id } };
  },
  'PATCH /api/v1/comments/{id}': async (x) => ({
    params: { id: (await spaceOf(x)).comment.id },
    body: { version: 1, body: 'Edited comment' },
  }),
  'DELETE /api/v1/comments/{id}': async (x) => ({ params: { id: (await spaceOf(x)).comment.id } }),
  'GET /api/v1/comments/{id}/revisions': async (x) => ({ params: { id: (await spaceOf(x)).comment.id } }),
  'POST /api/v1/comments/{id}/hide': async (x) => ({
    params: { id: (await spaceOf(x)).comment.id },
    body: { reason: 'Rude' },
  }),
  'POST /api/v1/comments/{id}/unhide': async (x) => {
    const s = await spaceOf(x);
    await x.t.database.db.update(comments).set({ hiddenAt: new Date() }).where(eq(comments.id, s.comment.id));
    return { params: { id: s.comment.id } };
  },
  'POST /api/v1/comments/{id}/reactions': async (x) => ({
    params: { id: (await spaceOf(x)).comment.id },
    body: { kind: 'thanks' },
  }),
  'DELETE /api/v1/comments/{id}/reactions/{kind}': async (x) => ({
    params: { id: (await spaceOf(x)).comment.id, kind: 'thanks' },
  }),
  'POST /api/v1/reports': async (x) => ({
    body: { targetType: 'post', targetId: (await spaceOf(x)).memberPost.id, reason: 'Spam' },
  }),
  'GET /api/v1/reports': () => ({ query: 'status=open' }),
  'POST /api/v1/reports/{id}/resolve': async (x) => {
    const s = await spaceOf(x);
    const report = await createReportRecord(x.t.database.db, {
      spaceId: s.space.id,
      postId: s.post.id,
      reporterUserId: s.member.id,
    });
    return { params: { id: report.id }, body: { outcome: 'dismissed' } };
  },
  'GET /api/v1/announcements': () => ({ query: 'unread=true' }),
  'POST /api/v1/announcements': () => ({
    body: { title: 'Summit', body: 'Save the date', segment: { partnerTypes: ['reseller'] } },
  }),
  'GET /api/v1/announcements/{id}': async (x) => ({ params: { id: (await announcementFor(x)).id } }),
  'POST /api/v1/announcements/{id}/read': async (x) => ({ params: { id: (await announcementFor(x)).id } }),
  'GET /api/v1/announcements/{id}/receipts': async (x) => ({ params: { id: (await announcementFor(x)).id } }),
  'GET /api/v1/events': () => ({ query: 'when=past' }),
  'POST /api/v1/events': () => ({
    body: {
      title: 'Roadmap webinar',
      kind: 'webinar',
      startsAt: '2030-01-10T16:00:00Z',
      endsAt: '2030-01-10T17:00:00Z',
      timeZone: 'Europe/Berlin',
      capacity: 100,
    },
  }),
  'GET /api/v1/events/{id}': async (x) => ({ params: { id: (await eventFor(x)).id } }),
  'PATCH /api/v1/events/{id}': async (x) => ({
    params: { id: (await eventFor(x)).id },
    body: { version: 1, title: 'Roadmap webinar (moved)' },
  }),
  'POST /api/v1/events/{id}/cancel': async (x) => ({ params: { id: (await eventFor(x)).id } }),
  'POST /api/v1/events/{id}/rsvp': async (x) => ({
    params: { id: (await eventFor(x)).id },
    body: { status: 'going' },
  }),
  'GET /api/v1/events/{id}/attendees': async (x) => ({ params: { id: (await eventFor(x)).id } }),
  'POST /api/v1/events/{id}/attendance': async (x) => {
    const ev = await eventFor(x, -2);
    await createRsvpRecord(x.t.database.db, {
      eventId: ev.id,
      userId: x.user.id,
      organizationId: x.owner.id,
    });
    return { params: { id: ev.id }, body: { userIds: [x.user.id] } };
  },
  'GET /api/v1/events/{id}/ics': async (x) => ({ params: { id: (await eventFor(x)).id } }),
  'GET /api/v1/members': () => ({ query: 'expertise=backup&country=DE' }),
  'GET /api/v1/members/{id}': async (x) => {
    await createMemberProfileRecord(x.t.database.db, { userId: x.user.id, expertise: ['Backup'] });
    return {
      params: { id: x.user.id },
      shared: 'the directory lists everyone who opted in, to every signed-in user',
    };
  },
  'POST /api/v1/members/{id}/introduce': async (x) => {
    await createMemberProfileRecord(x.t.database.db, { userId: x.user.id, expertise: ['Backup'] });
    return {
      params: { id: x.user.id },
      body: { message: 'Let us talk about backup' },
      shared: 'any member may ask for an introduction to a listed member (community.test.ts)',
    };
  },
  'GET /api/v1/me/member-profile': () => ({}),
  'PUT /api/v1/me/member-profile': () => ({
    body: { listed: true, headline: 'Architect', expertise: ['Backup'] },
  }),
  'GET /api/v1/notifications': () => ({ query: 'unread=true' }),
  'GET /api/v1/notifications/unread-count': () => ({}),
  'POST /api/v1/notifications/read-all': () => ({}),
  'GET /api/v1/notifications/settings': () => ({}),
  'PUT /api/v1/notifications/settings': () => ({ body: { email: { comment: true }, digest: true } }),
  'POST /api/v1/notifications/{id}/read': async (x) => ({
    params: { id: (await createNotificationRecord(x.t.database.db, { userId: x.user.id })).id },
  }),

  // --- Analytics ---
  'GET /api/v1/analytics/overview': () => ({ query: 'from=2025-01-01&to=2026-01-01' }),
  'GET /api/v1/analytics/revenue': () => ({ query: 'from=2025-01-01&to=2026-01-01&model=first_touch' }),
  'GET /api/v1/analytics/pipeline': () => ({ query: 'to=2026-01-01' }),
  'GET /api/v1/analytics/referrals': () => ({ query: 'partnerType=reseller' }),
  'GET /api/v1/analytics/coverage': () => ({}),
  'GET /api/v1/analytics/integrations': () => ({ query: 'format=csv' }),
  'GET /api/v1/analytics/network': () => ({ query: 'betweenness=true' }),
  'GET /api/v1/analytics/partners/{id}/scorecard': ({ owner }) => ({ params: { id: owner.id } }),

  // --- SSO (connections, domains, policy; the sign-in endpoints are public) ---
  'GET /api/v1/sso/connections': () => ({}),
  'POST /api/v1/sso/connections': () => ({
    body: {
      protocol: 'oidc',
      name: 'Staff IdP',
      oidc: { issuer: 'https://idp.example.com', clientId: 'partnergraph', clientSecret: 'client-secret' },
      roleMapping: { attribute: 'groups', rules: [], defaultRole: 'analyst' },
    },
  }),
  'GET /api/v1/sso/connections/{id}': async (x) => ({ params: { id: (await ssoConnectionOf(x)).id } }),
  'PATCH /api/v1/sso/connections/{id}': async (x) => {
    const c = await ssoConnectionOf(x);
    return { params: { id: c.id }, body: { version: c.version, name: 'Renamed IdP' } };
  },
  'POST /api/v1/sso/connections/{id}/approve': async (x) => {
    const c = await ssoConnectionOf(x);
    return { params: { id: c.id }, body: { version: c.version } };
  },
  'POST /api/v1/sso/connections/{id}/disable': async (x) => {
    const c = await ssoConnectionOf(x);
    return { params: { id: c.id }, body: { version: c.version } };
  },
  'POST /api/v1/sso/connections/{id}/test': async (x) => ({ params: { id: (await ssoConnectionOf(x)).id } }),
  'GET /api/v1/sso/domains': () => ({}),
  'POST /api/v1/sso/domains': () => ({ body: { domain: `claim-${newId().slice(-12)}.example` } }),
  'POST /api/v1/sso/domains/{id}/verify': async (x) => {
    const d = await ssoDomainOf(x);
    return { params: { id: d.id }, body: { version: d.version } };
  },
  'DELETE /api/v1/sso/domains/{id}': async (x) => ({ params: { id: (await ssoDomainOf(x)).id } }),
  'GET /api/v1/sso/policy': () => ({}),
  'PUT /api/v1/sso/policy': () => ({ body: { ssoRequired: false } }),
  'GET /api/v1/auth/sso/start': () => ({ query: 'email=someone%40nowhere.example' }),
  'GET /api/v1/auth/sso/callback/{id}': async (x) => ({
    params: { id: (await ssoConnectionOf(x)).id },
    query: 'code=abc&state=def',
  }),
  'POST /api/v1/auth/saml/acs/{id}': async (x) => ({
    params: { id: (await ssoConnectionOf(x)).id },
    body: { SAMLResponse: Buffer.from('<Response/>').toString('base64') },
  }),
  'GET /api/v1/auth/saml/metadata/{id}': async (x) => ({ params: { id: (await ssoConnectionOf(x)).id } }),
  'POST /api/v1/auth/sso/discover': () => ({ body: { email: 'someone@nowhere.example' } }),
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

let exampleCounter = 0;
const todayDate = () => new Date().toISOString().slice(0, 10);
const futureDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function settingsVersion(t: TestApp) {
  return (await t.database.db.select({ v: settings.version }).from(settings))[0]!.v;
}

async function brandVersion(t: TestApp) {
  return (await t.database.db.select({ v: settings.brandVersion }).from(settings))[0]!.v;
}

export const dealBody = () => ({
  customerName: 'Initech Holdings',
  customerDomain: 'initech.com',
  country: 'US',
  industry: '51',
  amount: 1_500_000,
  currency: 'USD',
  products: ['Backup Pro'],
  expectedCloseDate: futureDate(45),
  notes: 'Champion is the CTO',
});

/** A deal registered by the example's owner (in the given status), with the owner sourced. */
async function dealOf(
  x: ExampleInput,
  status: 'registered' | 'approved' | 'won' = 'registered',
  involvements?: Parameters<typeof createDealRecord>[1]['involvements'],
) {
  return createDealRecord(x.t.database.db, {
    registeredByOrgId: x.owner.id,
    registeredByUserId: x.user.id,
    customerName: `Globex ${exampleCounter++}`,
    status,
    involvements,
    ...(status === 'won' ? { closeDate: todayDate() } : {}),
  });
}

async function otherPartner(t: TestApp) {
  return createPartnerOrganization(t.database.db, { name: `Third ${exampleCounter++}`, types: ['msp'] });
}

/** A referral from a third partner to the example's owner. */
async function referralTo(x: ExampleInput, status: 'submitted' | 'accepted' = 'submitted') {
  return createReferralRecord(x.t.database.db, {
    referrerOrgId: (await otherPartner(x.t)).id,
    recipientOrgId: x.owner.id,
    companyName: `Prospect ${exampleCounter++}`,
    status,
  });
}

/** The owner's profile as an unpublished draft that passes the publishing rules. */
async function draftProfile(t: TestApp, orgId: string) {
  return createProfileRecord(t.database.db, orgId, {
    status: 'draft',
    draft: { description: 'We run backups for mid-size companies.', countries: ['DE'] },
  });
}

/** A third partner listed in the marketplace. */
async function publishedPartner(t: TestApp) {
  const org = await otherPartner(t);
  await createProfileRecord(t.database.db, org.id, {
    status: 'published',
    fields: { services: ['Managed backup'] },
  });
  return org;
}

/** A connection a third partner asked the owner for (or an active one). */
async function connectionTo(x: ExampleInput, status: 'requested' | 'active' = 'requested') {
  return createConnectionRecord(x.t.database.db, {
    requesterOrgId: (await otherPartner(x.t)).id,
    recipientOrgId: x.owner.id,
    kind: 'co_sell',
    status,
  });
}

async function draftListing(x: ExampleInput) {
  return createIntegrationRecord(x.t.database.db, { organizationId: x.owner.id, status: 'draft' });
}

/** A joint solution a third partner proposed with the owner, not yet accepted by the owner. */
async function pendingSolution(x: ExampleInput) {
  const creator = await otherPartner(x.t);
  return createSolutionRecord(x.t.database.db, {
    createdByOrgId: creator.id,
    members: [
      { organizationId: creator.id, role: 'Technology' },
      { organizationId: x.owner.id, role: 'Services', accepted: false },
    ],
  });
}

/**
 * A private space where the owner's user is an active moderator, with a second
 * member, a suspended one, a post and a comment by the user, and a post by the
 * member; `flag` pins, locks or hides the user's post first.
 */
async function spaceOf(x: ExampleInput, flag?: 'pinnedAt' | 'lockedAt' | 'hiddenAt') {
  const db = x.t.database.db;
  const space = await createSpaceRecord(db, { name: `Private ${exampleCounter++}`, visibility: 'private' });
  await addSpaceMember(db, { spaceId: space.id, userId: x.user.id, role: 'moderator' });
  const person = (name: string) =>
    createUser(db, {
      organizationId: x.owner.id,
      role: 'partner_user',
      email: `${name.toLowerCase()}${exampleCounter++}@example.test`,
      name: `${name} Member`,
    });
  const member = await person('Mo');
  const suspended = await person('Sue');
  await addSpaceMember(db, { spaceId: space.id, userId: member.id });
  await addSpaceMember(db, { spaceId: space.id, userId: suspended.id, status: 'suspended' });
  const author = { spaceId: space.id, authorUserId: x.user.id, authorOrgId: x.owner.id };
  const post = await createPostRecord(db, { ...author, title: 'Example', body: 'Hello' });
  if (flag)
    await db
      .update(posts)
      .set({ [flag]: new Date() })
      .where(eq(posts.id, post.id));
  const comment = await createCommentRecord(db, {
    postId: post.id,
    authorUserId: x.user.id,
    authorOrgId: x.owner.id,
    body: 'A comment',
  });
  const memberPost = await createPostRecord(db, {
    ...author,
    authorUserId: member.id,
    title: 'From a member',
    body: 'Buy now',
  });
  return { space, member, suspended, post, comment, memberPost };
}

/** An announcement for the owner's country only (the ecosystem's two partners are in DE and FR). */
async function announcementFor(x: ExampleInput) {
  return createAnnouncementRecord(x.t.database.db, {
    title: 'For you',
    body: 'News',
    segment: { countries: [x.owner.country!] },
  });
}

/** An event for the owner's country, `days` from now. */
async function eventFor(x: ExampleInput, days = 10) {
  return createEventRecord(x.t.database.db, {
    title: 'Local meetup',
    kind: 'meetup',
    startsAt: new Date(Date.now() + days * 86_400_000),
    minutes: days < 0 ? 4 * 24 * 60 : 90,
    timeZone: 'Europe/Paris',
    segment: { countries: [x.owner.country!] },
  });
}

/** A SAML connection of the owner, awaiting approval (settings complete but for a certificate). */
async function ssoConnectionOf(x: ExampleInput) {
  const [row] = await x.t.database.db
    .insert(ssoConnections)
    .values({
      id: newId(),
      organizationId: x.owner.id,
      protocol: 'saml',
      name: 'Partner IdP',
      status: 'pending_approval',
      samlIdpEntityId: 'https://idp.example.com/saml',
      samlIdpSsoUrl: 'https://idp.example.com/saml/sso',
      roleMapping: { attribute: 'groups', rules: [], defaultRole: 'partner_user' },
    })
    .returning();
  return row!;
}

/** A pending domain claim of the owner. */
async function ssoDomainOf(x: ExampleInput) {
  const [row] = await x.t.database.db
    .insert(ssoDomains)
    .values({
      id: newId(),
      organizationId: x.owner.id,
      domain: `d-${newId().slice(-12)}.example`,
      verificationToken: 'token',
    })
    .returning();
  return row!;
}
