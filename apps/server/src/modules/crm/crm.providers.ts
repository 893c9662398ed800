import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import type { SecretBox } from '../../lib/secrets';
import { CrmError, type CrmKind, type CrmProvider, type TokenSource } from './crm.provider';
import { setConnectionFields, type ConnectionRow } from './crm.repository';
import { createHash, timingSafeEqual } from 'node:crypto';
import { checkWebhookUrl } from '../webhooks/url-safety';
import {
  exchangeHubSpotCode,
  hubspotAuthorizeUrl,
  refreshHubSpotToken,
  verifyHubSpotPrivateAppToken,
} from './hubspot/hubspot.auth';
import { createHubSpotProvider } from './hubspot/hubspot.provider';
import {
  authorizeUrl,
  exchangeCode,
  jwtBearer,
  refreshAccess,
  type GrantedTokens,
} from './salesforce/salesforce.auth';
import { createSalesforceProvider } from './salesforce/salesforce.provider';

/** The sealing context of one of a connection's secrets: a value copied to another row or purpose does not open. */
export const secretContext = (connectionId: string, purpose: string) =>
  `crm.connection:${connectionId}:${purpose}`;

export const seal = (secrets: SecretBox, connectionId: string, purpose: string, value: string) =>
  secrets.seal(value, secretContext(connectionId, purpose));

export function open(
  secrets: SecretBox,
  c: ConnectionRow,
  purpose: 'accessToken' | 'refreshToken' | 'clientSecret' | 'privateKey' | 'pkceVerifier',
) {
  const sealed = {
    accessToken: c.accessTokenSealed,
    refreshToken: c.refreshTokenSealed,
    clientSecret: c.clientSecretSealed,
    privateKey: c.privateKeySealed,
    pkceVerifier: c.pkceVerifierSealed,
  }[purpose];
  return sealed ? secrets.open(sealed, secretContext(c.id, purpose)) : null;
}

/** A new grant for the connection without a person: refresh token (OAuth), a new assertion (JWT bearer). */
export async function regrant(secrets: SecretBox, c: ConnectionRow): Promise<GrantedTokens> {
  if (c.kind === 'hubspot') {
    const current = open(secrets, c, 'accessToken');
    // A private app's token never expires and cannot be refreshed: the same token comes back, so a 401
    // after the adapter's one retry is HubSpot's verdict on the token itself (CrmError('auth')).
    if (c.authMethod === 'token') {
      if (!current) throw new CrmError('auth', 'The connection holds no token: connect it again');
      return { accessToken: current };
    }
    const refreshToken = open(secrets, c, 'refreshToken');
    if (!refreshToken) throw new CrmError('auth', 'The connection holds no refresh token: connect it again');
    return refreshHubSpotToken(
      { clientId: c.clientId!, clientSecret: open(secrets, c, 'clientSecret')!, apiBase: c.instanceUrl! },
      refreshToken,
    );
  }
  const client = {
    loginUrl: c.loginUrl!,
    clientId: c.clientId!,
    clientSecret: open(secrets, c, 'clientSecret'),
  };
  if (c.authMethod === 'jwt') return jwtBearer(client, c.username!, open(secrets, c, 'privateKey')!);
  const refreshToken = open(secrets, c, 'refreshToken');
  if (!refreshToken) throw new CrmError('auth', 'The connection holds no refresh token: connect it again');
  return refreshAccess(client, refreshToken);
}

/** A grant that needs no person: Salesforce's JWT bearer assertion, HubSpot's private-app token verified. */
export async function grantWithoutPerson(
  secrets: SecretBox,
  c: ConnectionRow,
  token?: string,
): Promise<GrantedTokens> {
  if (c.kind === 'hubspot') {
    const value = token ?? open(secrets, c, 'accessToken');
    if (!value) throw new CrmError('auth', 'No private-app token to verify');
    return verifyHubSpotPrivateAppToken(value, c.instanceUrl!);
  }
  return jwtBearer(
    { loginUrl: c.loginUrl!, clientId: c.clientId! },
    c.username!,
    open(secrets, c, 'privateKey')!,
  );
}

/**
 * The CRM's consent screen for a pending connection. Salesforce takes the PKCE challenge; HubSpot does
 * not do PKCE for every app type and always requires the client secret at the exchange, so `state` is
 * what binds the redirect to the connection there (docs/CRM.md).
 */
export function authorizeUrlFor(c: ConnectionRow, state: string, challenge: string) {
  if (c.kind === 'hubspot')
    return hubspotAuthorizeUrl({
      clientId: c.clientId!,
      redirectUri: c.redirectUri!,
      authorizeBase: c.loginUrl!,
      state,
    }).url;
  return authorizeUrl(
    { loginUrl: c.loginUrl!, clientId: c.clientId!, redirectUri: c.redirectUri! },
    state,
    challenge,
  );
}

/** Trades the code the CRM sent the person back with for tokens. */
export async function exchangeCodeFor(secrets: SecretBox, c: ConnectionRow, code: string) {
  if (c.kind === 'hubspot')
    return exchangeHubSpotCode(
      {
        clientId: c.clientId!,
        clientSecret: open(secrets, c, 'clientSecret')!,
        redirectUri: c.redirectUri!,
        apiBase: c.instanceUrl!,
      },
      code,
    );
  const client = {
    loginUrl: c.loginUrl!,
    clientId: c.clientId!,
    clientSecret: open(secrets, c, 'clientSecret'),
    redirectUri: c.redirectUri!,
  };
  return exchangeCode(client, code, open(secrets, c, 'pkceVerifier')!);
}

/** OAuth `state` is `<connection id>.<random>`: the row is found by its id, the secret part compared in constant time. */
export const oauthStateFor = (connectionId: string, random: string) => `${connectionId}.${random}`;
export const stateConnectionId = (state: string) => state.split('.', 1)[0]!;
export function sameState(expected: string | null, given: string) {
  if (!expected) return false;
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

/** Refresh this long before a grant's stated expiry, so a page is not sent with a token about to lapse. */
const expiryMarginMs = 60_000;

/**
 * The token source the adapters use: the sealed access token, and after a 401
 * one refresh whose result is sealed back. Concurrent callers share one
 * refresh (a refresh token used twice at once may be rotated under the
 * other). A refused refresh marks the connection `needs_reconnect` with the
 * CRM's words, and no run retries it.
 */
export function connectionTokens(db: Db, secrets: SecretBox, c: ConnectionRow): TokenSource {
  let current = open(secrets, c, 'accessToken');
  let expiresAt = c.tokenExpiresAt?.getTime() ?? null;
  let refreshing: Promise<string> | null = null;
  const system = { actor: null, requestId: `crm:${c.id}`, ip: null };

  async function refreshOnce(): Promise<string> {
    try {
      const granted = await regrant(secrets, c);
      // A private app's "refresh" is its own token again: nothing new to seal or record.
      if (c.authMethod === 'token') return granted.accessToken;
      current = granted.accessToken;
      expiresAt = granted.expiresAt ? Date.parse(granted.expiresAt) : null;
      await runChange(db, system, async (tx, record) => {
        await setConnectionFields(
          tx,
          c.id,
          {
            accessTokenSealed: seal(secrets, c.id, 'accessToken', granted.accessToken),
            tokenExpiresAt: granted.expiresAt ? new Date(granted.expiresAt) : null,
            ...(granted.refreshToken
              ? { refreshTokenSealed: seal(secrets, c.id, 'refreshToken', granted.refreshToken) }
              : {}),
          },
          false,
        );
        record.audit({ action: 'crm.token_refreshed', entityType: 'crm_connection', entityId: c.id });
      });
      return granted.accessToken;
    } catch (err) {
      const failure = err instanceof CrmError ? err : new CrmError('unavailable', String(err));
      if (failure.kind === 'auth') await markNeedsReconnect(db, c.id, failure.message);
      throw failure;
    }
  }

  const refresh = () => {
    refreshing ??= refreshOnce().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };
  return {
    async accessToken() {
      if (current && (expiresAt === null || Date.now() < expiresAt - expiryMarginMs)) return current;
      return refresh();
    },
    refresh,
  };
}

export async function markNeedsReconnect(db: Db, connectionId: string, message: string) {
  await runChange(db, { actor: null, requestId: `crm:${connectionId}`, ip: null }, async (tx, record) => {
    await setConnectionFields(tx, connectionId, { status: 'needs_reconnect', statusMessage: message });
    record.audit({
      action: 'crm.connection_needs_reconnect',
      entityType: 'crm_connection',
      entityId: connectionId,
      after: { status: 'needs_reconnect', message },
    });
    record.event({
      type: 'crm.connection.needs_reconnect',
      entityType: 'crm_connection',
      entityId: connectionId,
      payload: { id: connectionId, message },
    });
  });
}

/**
 * The span the CRM's usage figures cover: null for a daily budget (Salesforce; HubSpot private apps), the
 * rolling window for HubSpot OAuth apps, whose responses carry only the 10-second figures (max 110).
 */
export function budgetWindowMs(c: Pick<ConnectionRow, 'kind' | 'authMethod'>) {
  return c.kind === 'hubspot' && c.authMethod === 'oauth' ? 10_000 : null;
}

/**
 * SSRF: the addresses PartnerGraph calls for a connection — Salesforce's login URL (tokens) and instance URL
 * (the API, as the token endpoint names it), HubSpot's API base — must be public unless the operator set
 * CRM_ALLOW_PRIVATE (the webhooks' rule, url-safety.ts). HubSpot's consent host is only visited by the
 * browser. Checked when a connection is made and again before every use, on what the host resolves to then.
 */
export async function crmUrlProblem(
  c: Pick<ConnectionRow, 'kind' | 'loginUrl' | 'instanceUrl'>,
  allowPrivate: boolean,
): Promise<{ field: 'loginUrl' | 'instanceUrl'; message: string } | null> {
  const urls =
    c.kind === 'salesforce'
      ? ([
          ['loginUrl', 'login URL', c.loginUrl],
          ['instanceUrl', 'instance URL', c.instanceUrl],
        ] as const)
      : ([['instanceUrl', 'API base', c.instanceUrl]] as const);
  for (const [field, name, url] of urls) {
    if (!url) continue;
    const problem = await checkWebhookUrl(url, allowPrivate);
    if (problem)
      return {
        field,
        message: `The ${name} ${url} is refused: ${problem.charAt(0).toLowerCase()}${problem.slice(1)} (a private address is allowed only when the server sets CRM_ALLOW_PRIVATE)`,
      };
  }
  return null;
}

type Factory = (c: ConnectionRow, tokens: TokenSource) => CrmProvider;

/** One adapter per kind; each lives in modules/crm/<kind>/ and is the only code that knows its CRM's API. */
const factories: Partial<Record<CrmKind, Factory>> = {
  salesforce: (c, tokens) =>
    createSalesforceProvider({ instanceUrl: c.instanceUrl!, apiVersion: c.apiVersion, tokens }),
  hubspot: (c, tokens) => createHubSpotProvider({ apiBase: c.instanceUrl!, tokens }),
};

export function providerFor(db: Db, secrets: SecretBox, c: ConnectionRow): CrmProvider {
  const factory = factories[c.kind];
  if (!factory) throw new CrmError('invalid', `No adapter for ${c.kind} in this build`);
  return factory(c, connectionTokens(db, secrets, c));
}
