import type { z } from 'zod';
import { orgKindOfRole } from '@partnergraph/shared/permissions';
import type {
  createSsoConnectionBody,
  RoleMapping,
  ssoConnectionListQuery,
  updateSsoConnectionBody,
} from '@partnergraph/shared/contracts/sso';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import { isVendor, type Actor, type Ctx } from '../../lib/actor';
import { forbidden, invalid, notFound, unprocessable, type FieldError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { SecretBox } from '../../lib/secrets';
import { findOrganizationsByIds } from '../organizations/organizations.repository';
import { checkWebhookUrl } from '../webhooks/url-safety';
import { normalizeCertificate, readIdpMetadata } from './saml-metadata';
import {
  findConnectionById,
  findConnections,
  insertConnection,
  updateConnection,
  type SsoConnectionRow,
} from './sso.repository';
import { acsUrlOf, idpUrlProblem, redirectUriOf, spEntityIdOf } from './sso.urls';

type CreateBody = z.infer<typeof createSsoConnectionBody>;
type UpdateBody = z.infer<typeof updateSsoConnectionBody>;

export const secretContext = (id: string) => `sso.connection:${id}:clientSecret`;

export function toConnectionDto(c: SsoConnectionRow, organizationName: string, publicUrl: string) {
  return {
    id: c.id,
    organizationId: c.organizationId,
    organizationName,
    protocol: c.protocol,
    name: c.name,
    status: c.status,
    oidc:
      c.protocol === 'oidc'
        ? {
            issuer: c.oidcIssuer ?? '',
            clientId: c.oidcClientId ?? '',
            scopes: c.oidcScopes ?? 'openid',
            hasClientSecret: Boolean(c.oidcClientSecret),
            redirectUri: redirectUriOf(publicUrl, c.id),
          }
        : null,
    saml:
      c.protocol === 'saml'
        ? {
            idpEntityId: c.samlIdpEntityId ?? '',
            idpSsoUrl: c.samlIdpSsoUrl ?? '',
            idpCertificates: c.samlIdpCertificates,
            allowIdpInitiated: c.samlAllowIdpInitiated,
            spEntityId: spEntityIdOf(publicUrl, c.id),
            acsUrl: acsUrlOf(publicUrl, c.id),
            metadataUrl: spEntityIdOf(publicUrl, c.id),
          }
        : null,
    roleMapping: c.roleMapping,
    approvedAt: c.approvedAt?.toISOString() ?? null,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

async function withNames(db: Db, rows: SsoConnectionRow[], publicUrl: string) {
  const orgs = await findOrganizationsByIds(db, [...new Set(rows.map((r) => r.organizationId))]);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((r) => toConnectionDto(r, names.get(r.organizationId) ?? '', publicUrl));
}

/** People signing in through an organization's IdP get that organization's kind of role, never another's. */
function roleMappingProblems(mapping: RoleMapping, actor: Actor): FieldError[] {
  const errors: FieldError[] = [];
  const kind = actor.orgKind;
  if (orgKindOfRole(mapping.defaultRole) !== kind)
    errors.push({ path: 'body.roleMapping.defaultRole', message: `must be a ${kind} role` });
  mapping.rules.forEach((r, i) => {
    if (orgKindOfRole(r.role) !== kind)
      errors.push({ path: `body.roleMapping.rules.${i}.role`, message: `must be a ${kind} role` });
  });
  return errors;
}

interface SamlFields {
  samlIdpEntityId: string | null;
  samlIdpSsoUrl: string | null;
  samlIdpCertificates: string[];
}

/**
 * Who may point the server at a private address (an IdP on the intranet): the vendor admin, or everyone on
 * a trusted network (WEBHOOK_ALLOW_PRIVATE). A partner admin may not make the server fetch from the
 * vendor's own network (SSRF): their issuer and metadata URLs must resolve to public addresses.
 */
const mayReachPrivate = (ctx: Ctx, config: Config) => isVendor(ctx.actor) || config.WEBHOOK_ALLOW_PRIVATE;

const METADATA_MAX_BYTES = 1024 * 1024;

/** The IdP's metadata from its URL (https, or loopback http), or the reason it could not be read. */
async function fetchMetadata(
  url: string,
  allowPrivate: boolean,
): Promise<{ xml: string } | { problem: string }> {
  const problem = idpUrlProblem(url) ?? (await checkWebhookUrl(url, allowPrivate));
  if (problem) return { problem };
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: 'error' });
    if (!res.ok) return { problem: `answered ${res.status}` };
    const text = await res.text();
    if (text.length > METADATA_MAX_BYTES) return { problem: 'is larger than 1 MiB' };
    return { xml: text };
  } catch (err) {
    return { problem: `could not be read (${(err as Error).message})` };
  }
}

/** Metadata first (pasted or fetched), then the fields typed beside it (they win); every gap named. */
async function samlFields(
  input: NonNullable<UpdateBody['saml']>,
  current: SamlFields | null,
  allowPrivate: boolean,
): Promise<SamlFields & { errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const fields: SamlFields = current ?? {
    samlIdpEntityId: null,
    samlIdpSsoUrl: null,
    samlIdpCertificates: [],
  };
  let metadataXml = input.metadataXml;
  let metadataPath = 'body.saml.metadataXml';
  if (input.metadataUrl !== undefined && metadataXml === undefined) {
    metadataPath = 'body.saml.metadataUrl';
    const fetched = await fetchMetadata(input.metadataUrl, allowPrivate);
    if ('problem' in fetched) errors.push({ path: metadataPath, message: fetched.problem });
    else metadataXml = fetched.xml;
  }
  if (metadataXml !== undefined) {
    const meta = await readIdpMetadata(metadataXml);
    if (!meta) {
      errors.push({
        path: metadataPath,
        message: 'is not SAML IdP metadata (no IDPSSODescriptor)',
      });
    } else {
      fields.samlIdpEntityId = meta.entityId ?? fields.samlIdpEntityId;
      fields.samlIdpSsoUrl = meta.ssoUrl ?? fields.samlIdpSsoUrl;
      if (meta.certificates.length) fields.samlIdpCertificates = meta.certificates;
    }
  }
  if (input.idpEntityId !== undefined) fields.samlIdpEntityId = input.idpEntityId;
  if (input.idpSsoUrl !== undefined) fields.samlIdpSsoUrl = input.idpSsoUrl;
  if (input.idpCertificates !== undefined) fields.samlIdpCertificates = input.idpCertificates;
  const certs: string[] = [];
  fields.samlIdpCertificates.forEach((c, i) => {
    const pem = normalizeCertificate(c);
    if (pem) certs.push(pem);
    else errors.push({ path: `body.saml.idpCertificates.${i}`, message: 'is not an X.509 certificate' });
  });
  fields.samlIdpCertificates = certs;
  if (!fields.samlIdpEntityId)
    errors.push({ path: 'body.saml.idpEntityId', message: "is required (or import the IdP's metadata)" });
  if (!fields.samlIdpSsoUrl)
    errors.push({ path: 'body.saml.idpSsoUrl', message: "is required (or import the IdP's metadata)" });
  else {
    const problem = idpUrlProblem(fields.samlIdpSsoUrl);
    if (problem) errors.push({ path: 'body.saml.idpSsoUrl', message: problem });
  }
  if (!certs.length && !errors.some((e) => e.path.startsWith('body.saml.idpCertificates')))
    errors.push({
      path: 'body.saml.idpCertificates',
      message: "at least one signing certificate is required (or import the IdP's metadata)",
    });
  return { ...fields, errors };
}

export async function listConnections(
  db: Db,
  ctx: Ctx,
  config: Config,
  filters: z.infer<typeof ssoConnectionListQuery>,
) {
  const rows = await findConnections(db, ctx.actor, filters);
  return { items: await withNames(db, rows, config.PUBLIC_URL) };
}

export async function getConnection(db: Db, ctx: Ctx, config: Config, id: string) {
  const row = await findConnectionById(db, ctx.actor, id);
  if (!row) throw notFound('SSO connection');
  return (await withNames(db, [row], config.PUBLIC_URL))[0]!;
}

export async function createConnection(
  db: Db,
  ctx: Ctx,
  config: Config,
  secrets: SecretBox,
  input: CreateBody,
) {
  const id = newId();
  const errors = roleMappingProblems(input.roleMapping, ctx.actor);
  const now = new Date();
  const vendor = isVendor(ctx.actor);
  const base = {
    id,
    organizationId: ctx.actor.orgId,
    protocol: input.protocol,
    name: input.name,
    roleMapping: input.roleMapping,
    // The vendor admin's own connection serves at once; a partner's waits for the vendor admin.
    status: vendor ? ('active' as const) : ('pending_approval' as const),
    approvedAt: vendor ? now : null,
    approvedByUserId: vendor ? ctx.actor.userId : null,
  };
  let row: typeof base & Partial<SsoConnectionRow>;
  if (input.protocol === 'oidc') {
    const problem =
      idpUrlProblem(input.oidc.issuer) ??
      (await checkWebhookUrl(input.oidc.issuer, mayReachPrivate(ctx, config)));
    if (problem) errors.push({ path: 'body.oidc.issuer', message: problem });
    row = {
      ...base,
      oidcIssuer: input.oidc.issuer,
      oidcClientId: input.oidc.clientId,
      oidcScopes: withOpenid(input.oidc.scopes),
      oidcClientSecret: secrets.seal(input.oidc.clientSecret, secretContext(id)),
    };
  } else {
    const saml = await samlFields(input.saml, null, mayReachPrivate(ctx, config));
    errors.push(...saml.errors);
    row = {
      ...base,
      samlIdpEntityId: saml.samlIdpEntityId,
      samlIdpSsoUrl: saml.samlIdpSsoUrl,
      samlIdpCertificates: saml.samlIdpCertificates,
      samlAllowIdpInitiated: input.saml.allowIdpInitiated,
    };
  }
  if (errors.length) throw invalid(errors);
  const created = await runChange(db, ctx, async (tx, record) => {
    const c = await insertConnection(tx, row);
    record.audit({
      action: 'sso.connection_created',
      entityType: 'sso_connection',
      entityId: c.id,
      after: auditView(c),
    });
    return c;
  });
  return (await withNames(db, [created], config.PUBLIC_URL))[0]!;
}

const withOpenid = (scopes: string) => (scopes.split(' ').includes('openid') ? scopes : `openid ${scopes}`);

/** What the audit log keeps of a connection: its settings, never the sealed secret. */
function auditView(c: SsoConnectionRow) {
  return {
    organizationId: c.organizationId,
    protocol: c.protocol,
    name: c.name,
    status: c.status,
    issuer: c.oidcIssuer,
    clientId: c.oidcClientId,
    scopes: c.oidcScopes,
    idpEntityId: c.samlIdpEntityId,
    idpSsoUrl: c.samlIdpSsoUrl,
    idpCertificates: c.samlIdpCertificates.length,
    allowIdpInitiated: c.samlAllowIdpInitiated,
    roleMapping: c.roleMapping,
  };
}

/**
 * The owning organization's admin edits its connection; the vendor admin may also correct a partner's.
 * A partner's edit sends an approved connection back for approval: what the vendor approved is what serves.
 */
export async function updateConnectionSettings(
  db: Db,
  ctx: Ctx,
  config: Config,
  secrets: SecretBox,
  id: string,
  input: UpdateBody,
) {
  const updated = await runChange(db, ctx, async (tx, record) => {
    const c = await findConnectionById(tx, ctx.actor, id, { forUpdate: true });
    if (!c) throw notFound('SSO connection');
    assertVersion(c, input.version);
    const errors: FieldError[] = [];
    const set: Partial<SsoConnectionRow> = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.roleMapping) {
      errors.push(...roleMappingProblems(input.roleMapping, { ...ctx.actor, orgKind: kindOf(c, ctx.actor) }));
      set.roleMapping = input.roleMapping;
    }
    if (input.oidc) {
      if (c.protocol !== 'oidc') errors.push({ path: 'body.oidc', message: 'this is a SAML connection' });
      if (input.oidc.issuer !== undefined) {
        const problem =
          idpUrlProblem(input.oidc.issuer) ??
          (await checkWebhookUrl(input.oidc.issuer, mayReachPrivate(ctx, config)));
        if (problem) errors.push({ path: 'body.oidc.issuer', message: problem });
        set.oidcIssuer = input.oidc.issuer;
      }
      if (input.oidc.clientId !== undefined) set.oidcClientId = input.oidc.clientId;
      if (input.oidc.scopes !== undefined) set.oidcScopes = withOpenid(input.oidc.scopes);
      if (input.oidc.clientSecret !== undefined)
        set.oidcClientSecret = secrets.seal(input.oidc.clientSecret, secretContext(c.id));
    }
    if (input.saml) {
      if (c.protocol !== 'saml') errors.push({ path: 'body.saml', message: 'this is an OIDC connection' });
      else {
        const saml = await samlFields(
          input.saml,
          {
            samlIdpEntityId: c.samlIdpEntityId,
            samlIdpSsoUrl: c.samlIdpSsoUrl,
            samlIdpCertificates: [...c.samlIdpCertificates],
          },
          mayReachPrivate(ctx, config),
        );
        errors.push(...saml.errors);
        set.samlIdpEntityId = saml.samlIdpEntityId;
        set.samlIdpSsoUrl = saml.samlIdpSsoUrl;
        set.samlIdpCertificates = saml.samlIdpCertificates;
        if (input.saml.allowIdpInitiated !== undefined)
          set.samlAllowIdpInitiated = input.saml.allowIdpInitiated;
      }
    }
    if (errors.length) throw invalid(errors);
    if (ctx.actor.orgKind === 'partner' && c.status === 'active') {
      set.status = 'pending_approval';
      set.approvedAt = null;
      set.approvedByUserId = null;
    }
    const next = await updateConnection(tx, c.id, set);
    record.audit({
      action: 'sso.connection_updated',
      entityType: 'sso_connection',
      entityId: c.id,
      before: auditView(c),
      after: auditView(next),
    });
    return next;
  });
  return (await withNames(db, [updated], config.PUBLIC_URL))[0]!;
}

const kindOf = (c: SsoConnectionRow, actor: Actor) =>
  c.organizationId === actor.orgId ? actor.orgKind : ('partner' as const);

/** The vendor admin approves a partner's connection: from then on it serves that partner's sign-ins. */
export async function approveConnection(db: Db, ctx: Ctx, config: Config, id: string, version: number) {
  const updated = await runChange(db, ctx, async (tx, record) => {
    const c = await findConnectionById(tx, ctx.actor, id, { forUpdate: true });
    if (!c) throw notFound('SSO connection');
    if (!isVendor(ctx.actor)) throw forbidden('Only the vendor admin approves SSO connections');
    assertVersion(c, version);
    if (c.status === 'active') throw unprocessable('This connection is already approved and active');
    const next = await updateConnection(tx, c.id, {
      status: 'active',
      approvedAt: new Date(),
      approvedByUserId: ctx.actor.userId,
    });
    record.audit({
      action: 'sso.connection_approved',
      entityType: 'sso_connection',
      entityId: c.id,
      before: { status: c.status },
      after: { status: 'active' },
    });
    return next;
  });
  return (await withNames(db, [updated], config.PUBLIC_URL))[0]!;
}

/** Stops a connection serving sign-ins at once (people already signed in keep their sessions). */
export async function disableConnection(db: Db, ctx: Ctx, config: Config, id: string, version: number) {
  const updated = await runChange(db, ctx, async (tx, record) => {
    const c = await findConnectionById(tx, ctx.actor, id, { forUpdate: true });
    if (!c) throw notFound('SSO connection');
    assertVersion(c, version);
    if (c.status === 'disabled') throw unprocessable('This connection is already disabled');
    const next = await updateConnection(tx, c.id, {
      status: 'disabled',
      approvedAt: null,
      approvedByUserId: null,
    });
    record.audit({
      action: 'sso.connection_disabled',
      entityType: 'sso_connection',
      entityId: c.id,
      before: { status: c.status },
      after: { status: 'disabled' },
    });
    return next;
  });
  return (await withNames(db, [updated], config.PUBLIC_URL))[0]!;
}
