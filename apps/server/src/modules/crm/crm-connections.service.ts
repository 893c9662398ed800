import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  createCrmConnectionBody,
  crmCallbackBody,
  CrmConnection,
  reconnectCrmBody,
  updateCrmConnectionBody,
} from '@partnergraph/shared/contracts/crm';
import type { Db } from '../../db/client';
import { assertVersion, runChange } from '../../db/transaction';
import type { Actor, Ctx } from '../../lib/actor';
import { AppError, invalid, notFound, unprocessable } from '../../lib/errors';
import { newId } from '../../lib/ids';
import type { SecretBox } from '../../lib/secrets';
import { defaultMappings } from './crm.mappings';
import { CrmError, type CrmProvider } from './crm.provider';
import {
  authorizeUrlFor,
  crmUrlProblem,
  exchangeCodeFor,
  grantWithoutPerson,
  oauthStateFor,
  providerFor,
  sameState,
  seal,
  stateConnectionId,
} from './crm.providers';
import {
  deleteConnectionRow,
  findConnection,
  insertConnection,
  listConnections,
  setConnectionFields,
  type ConnectionRow,
} from './crm.repository';
import { pkcePair, type GrantedTokens } from './salesforce/salesforce.auth';

export function connectionDto(c: ConnectionRow): CrmConnection {
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    status: c.status,
    statusMessage: c.statusMessage,
    authMethod: c.authMethod,
    loginUrl: c.loginUrl,
    instanceUrl: c.instanceUrl,
    apiVersion: c.apiVersion,
    clientId: c.clientId,
    username: c.username,
    remoteAccountId: c.remoteAccountId,
    remoteName: c.remoteName,
    paused: c.paused,
    budgetShare: c.budgetShare,
    syncIntervalMinutes: c.syncIntervalMinutes,
    firstSyncAt: c.firstSyncAt?.toISOString() ?? null,
    lastRunAt: c.lastRunAt?.toISOString() ?? null,
    nextRunAfter: c.nextRunAfter?.toISOString() ?? null,
    apiUsage:
      c.apiUsed !== null && c.apiMax !== null && c.apiObservedAt
        ? { used: c.apiUsed, max: c.apiMax, observedAt: c.apiObservedAt.toISOString() }
        : null,
    mappings: c.mappings,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
  };
}

export async function loadConnection(db: Db, actor: Actor, id: string) {
  const c = await findConnection(db, actor, id);
  if (!c) throw notFound('CRM connection');
  return c;
}

/** A CRM's refusal as our problem: its own words, 422 (the request was well-formed; the CRM said no). */
export function crmRefusal(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof CrmError) {
    if (err.kind === 'field' && err.detail.field === 'privateKey') {
      return invalid([{ path: 'body.privateKey', message: err.message }]);
    }
    if (err.kind === 'rate_limited') {
      return new AppError('rate_limited', `The CRM asks us to wait: ${err.message}`, {
        retryAfterSeconds: err.detail.retryAfterSeconds ?? 60,
      });
    }
    return unprocessable(`The CRM answered: ${err.message}`);
  }
  throw err;
}

/** A connection whose CRM address is refused (SSRF, crmUrlProblem) is not called: 422 with the reason. */
export async function assertReachable(
  c: Pick<ConnectionRow, 'kind' | 'loginUrl' | 'instanceUrl'>,
  allowPrivate: boolean,
) {
  const problem = await crmUrlProblem(c, allowPrivate);
  if (problem) throw unprocessable(problem.message);
}

export async function listCrmConnections(db: Db, actor: Actor) {
  return { items: (await listConnections(db, actor)).map(connectionDto) };
}

/** After a grant: the org it belongs to, the default mappings for that org's schema, active. */
async function activate(
  db: Db,
  secrets: SecretBox,
  ctx: Ctx,
  c: ConnectionRow,
  granted: GrantedTokens,
  action: string,
  allowPrivate: boolean,
) {
  const candidate: ConnectionRow = {
    ...c,
    instanceUrl: granted.instanceUrl ?? c.instanceUrl,
    accessTokenSealed: seal(secrets, c.id, 'accessToken', granted.accessToken),
    tokenExpiresAt: granted.expiresAt ? new Date(granted.expiresAt) : null,
    refreshTokenSealed: granted.refreshToken
      ? seal(secrets, c.id, 'refreshToken', granted.refreshToken)
      : c.refreshTokenSealed,
  };
  // The instance URL is the CRM's answer, not the person's: it is held to the same rule before it is called.
  await assertReachable(candidate, allowPrivate);
  let provider: CrmProvider;
  let org;
  let opportunity;
  try {
    provider = providerFor(db, secrets, candidate);
    org = await provider.identify();
    opportunity = c.firstSyncAt ? undefined : await provider.describe('opportunity');
  } catch (err) {
    throw crmRefusal(err);
  }
  if (c.remoteAccountId && c.remoteAccountId !== org.remoteAccountId) {
    throw unprocessable(
      `This grant is for ${org.name} (${org.remoteAccountId}), not the org this connection syncs with (${c.remoteAccountId})`,
    );
  }
  return runChange(db, ctx, async (tx, record) => {
    const row = await setConnectionFields(tx, c.id, {
      instanceUrl: candidate.instanceUrl,
      accessTokenSealed: candidate.accessTokenSealed,
      tokenExpiresAt: candidate.tokenExpiresAt,
      refreshTokenSealed: candidate.refreshTokenSealed,
      pkceVerifierSealed: null,
      oauthState: null,
      status: 'active',
      statusMessage: null,
      remoteAccountId: org.remoteAccountId,
      remoteName: org.name,
      ...(opportunity ? { mappings: defaultMappings(c.kind, opportunity) } : {}),
    });
    record.audit({
      action,
      entityType: 'crm_connection',
      entityId: c.id,
      after: { status: 'active', remoteAccountId: org.remoteAccountId, remoteName: org.name },
    });
    return connectionDto(row);
  });
}

function pendingGrant(secrets: SecretBox, id: string) {
  const { verifier, challenge } = pkcePair();
  return {
    state: oauthStateFor(id, randomBytes(24).toString('base64url')),
    verifier,
    challenge,
    sealed: seal(secrets, id, 'pkceVerifier', verifier),
  };
}

/** The connection's columns from a connect form, per kind (HubSpot: API base in instanceUrl, consent host in loginUrl). */
function connectionColumns(secrets: SecretBox, id: string, body: z.output<typeof createCrmConnectionBody>) {
  const common = { kind: body.kind, name: body.name, authMethod: body.authMethod };
  if (body.kind === 'hubspot') {
    return {
      ...common,
      loginUrl: body.authMethod === 'oauth' ? body.authorizeBase.replace(/\/+$/, '') : null,
      instanceUrl: body.apiBase.replace(/\/+$/, ''),
      apiVersion: 'v3',
      clientId: body.authMethod === 'oauth' ? body.clientId : null,
      redirectUri: body.authMethod === 'oauth' ? body.redirectUri : null,
      username: null,
      clientSecretSealed:
        body.authMethod === 'oauth' ? seal(secrets, id, 'clientSecret', body.clientSecret) : null,
      privateKeySealed: null,
    };
  }
  return {
    ...common,
    loginUrl: body.loginUrl.replace(/\/+$/, ''),
    apiVersion: body.apiVersion,
    clientId: body.clientId,
    redirectUri: body.authMethod === 'oauth' ? body.redirectUri : null,
    username: body.authMethod === 'jwt' ? body.username : null,
    clientSecretSealed:
      body.authMethod === 'oauth' && body.clientSecret
        ? seal(secrets, id, 'clientSecret', body.clientSecret)
        : null,
    privateKeySealed: body.authMethod === 'jwt' ? seal(secrets, id, 'privateKey', body.privateKey) : null,
  };
}

export async function createCrmConnection(
  db: Db,
  secrets: SecretBox,
  ctx: Ctx,
  body: z.output<typeof createCrmConnectionBody>,
  allowPrivate: boolean,
) {
  const id = newId();
  const columns = connectionColumns(secrets, id, body);
  const unsafe = await crmUrlProblem({ instanceUrl: null, ...columns }, allowPrivate);
  if (unsafe)
    throw invalid([
      {
        path: unsafe.field === 'loginUrl' ? 'body.loginUrl' : 'body.apiBase',
        message: unsafe.message,
      },
    ]);
  const pending = body.authMethod === 'oauth' ? pendingGrant(secrets, id) : null;
  const created = await runChange(db, ctx, async (tx, record) => {
    const row = await insertConnection(tx, {
      id,
      status: 'pending',
      ...columns,
      pkceVerifierSealed: pending?.sealed ?? null,
      oauthState: pending?.state ?? null,
      mappings: defaultMappings(body.kind),
      createdByUserId: ctx.actor.userId,
    });
    record.audit({
      action: 'crm.connection_created',
      entityType: 'crm_connection',
      entityId: id,
      after: {
        kind: body.kind,
        name: body.name,
        authMethod: body.authMethod,
        loginUrl: row.loginUrl,
        instanceUrl: row.instanceUrl,
      },
    });
    return row;
  });
  if (pending) {
    return {
      connection: connectionDto(created),
      authorizeUrl: authorizeUrlFor(created, pending.state, pending.challenge),
    };
  }
  try {
    const granted = await grantWithoutPerson(
      secrets,
      created,
      body.kind === 'hubspot' && body.authMethod === 'token' ? body.token : undefined,
    );
    return {
      connection: await activate(db, secrets, ctx, created, granted, 'crm.connected', allowPrivate),
      authorizeUrl: null,
    };
  } catch (err) {
    // A connection that never worked is not kept: the person fixes the form and tries again.
    await runChange(db, ctx, async (tx, record) => {
      await deleteConnectionRow(tx, id);
      record.audit({
        action: 'crm.connect_failed',
        entityType: 'crm_connection',
        entityId: id,
        after: { message: (err as Error).message },
      });
    });
    throw crmRefusal(err);
  }
}

/** The CRM sent the person back with a code: trade it (with the PKCE verifier) for tokens. */
export async function completeCrmOAuth(
  db: Db,
  secrets: SecretBox,
  ctx: Ctx,
  body: z.output<typeof crmCallbackBody>,
  allowPrivate: boolean,
) {
  // Found by the id in the state, then the whole state compared in constant time: a forged or replayed
  // state learns nothing from how long the refusal took.
  const c = await findConnection(db, ctx.actor, stateConnectionId(body.state));
  if (!c || !sameState(c.oauthState, body.state))
    throw invalid([
      { path: 'body.state', message: 'No connection is waiting for this grant (it was used or replaced)' },
    ]);
  await assertReachable(c, allowPrivate);
  let granted;
  try {
    granted = await exchangeCodeFor(secrets, c, body.code);
  } catch (err) {
    throw crmRefusal(err);
  }
  return activate(
    db,
    secrets,
    ctx,
    c,
    granted,
    c.remoteAccountId ? 'crm.reconnected' : 'crm.connected',
    allowPrivate,
  );
}

/** A new grant for a connection: OAuth sends the person to the CRM again; JWT bearer asks at once. */
export async function reconnectCrm(
  db: Db,
  secrets: SecretBox,
  ctx: Ctx,
  id: string,
  body: z.output<typeof reconnectCrmBody>,
  allowPrivate: boolean,
) {
  const c = await loadConnection(db, ctx.actor, id);
  assertVersion(c, body.version);
  // A private app's token cannot be refreshed: a rotated or revoked one is replaced by the admin's new one.
  const newToken = c.kind === 'hubspot' && c.authMethod === 'token';
  if (newToken && !body.token)
    throw invalid([{ path: 'body.token', message: 'Paste the private app’s new access token' }]);
  if (!newToken && body.token)
    throw invalid([{ path: 'body.token', message: 'Only a HubSpot private-app connection takes a token' }]);
  if (c.authMethod !== 'oauth') {
    await assertReachable(c, allowPrivate);
    let granted;
    try {
      granted = await grantWithoutPerson(secrets, c, body.token);
    } catch (err) {
      throw crmRefusal(err);
    }
    return {
      connection: await activate(db, secrets, ctx, c, granted, 'crm.reconnected', allowPrivate),
      authorizeUrl: null,
    };
  }
  const pending = pendingGrant(secrets, c.id);
  const row = await runChange(db, ctx, async (tx, record) => {
    const updated = await setConnectionFields(tx, c.id, {
      oauthState: pending.state,
      pkceVerifierSealed: pending.sealed,
    });
    record.audit({ action: 'crm.reconnect_started', entityType: 'crm_connection', entityId: c.id });
    return updated;
  });
  return {
    connection: connectionDto(row),
    authorizeUrl: authorizeUrlFor(row, pending.state, pending.challenge),
  };
}

/** Proves the grant works: the org's name, and what the CRM says of the API budget. */
export async function testCrmConnection(
  db: Db,
  secrets: SecretBox,
  actor: Actor,
  id: string,
  allowPrivate: boolean,
) {
  const c = await loadConnection(db, actor, id);
  if (c.status === 'pending')
    throw unprocessable('This connection has no grant yet: finish connecting first');
  await assertReachable(c, allowPrivate);
  try {
    const provider = providerFor(db, secrets, c);
    const org = await provider.identify();
    return {
      ok: true,
      remoteAccountId: org.remoteAccountId,
      remoteName: org.name,
      apiUsage: provider.usage(),
    };
  } catch (err) {
    throw crmRefusal(err);
  }
}

export async function updateCrmConnection(
  db: Db,
  ctx: Ctx,
  id: string,
  body: z.output<typeof updateCrmConnectionBody>,
) {
  return runChange(db, ctx, async (tx, record) => {
    const c = await findConnection(tx, ctx.actor, id, true);
    if (!c) throw notFound('CRM connection');
    assertVersion(c, body.version);
    const patch = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.budgetShare !== undefined ? { budgetShare: body.budgetShare } : {}),
      ...(body.syncIntervalMinutes !== undefined ? { syncIntervalMinutes: body.syncIntervalMinutes } : {}),
    };
    const row = await setConnectionFields(tx, id, patch);
    const before = Object.fromEntries(Object.keys(patch).map((k) => [k, c[k as keyof typeof c]]));
    record.audit({
      action: 'crm.connection_updated',
      entityType: 'crm_connection',
      entityId: id,
      before,
      after: patch,
    });
    return connectionDto(row);
  });
}

export async function setCrmPaused(db: Db, ctx: Ctx, id: string, version: number, paused: boolean) {
  return runChange(db, ctx, async (tx, record) => {
    const c = await findConnection(tx, ctx.actor, id, true);
    if (!c) throw notFound('CRM connection');
    assertVersion(c, version);
    const row = await setConnectionFields(tx, id, { paused });
    record.audit({
      action: paused ? 'crm.paused' : 'crm.resumed',
      entityType: 'crm_connection',
      entityId: id,
      before: { paused: c.paused },
      after: { paused },
    });
    return connectionDto(row);
  });
}

export async function deleteCrmConnection(db: Db, ctx: Ctx, id: string) {
  await runChange(db, ctx, async (tx, record) => {
    const c = await findConnection(tx, ctx.actor, id, true);
    if (!c) throw notFound('CRM connection');
    await deleteConnectionRow(tx, id);
    record.audit({
      action: 'crm.connection_deleted',
      entityType: 'crm_connection',
      entityId: id,
      before: { name: c.name, kind: c.kind },
    });
  });
}
