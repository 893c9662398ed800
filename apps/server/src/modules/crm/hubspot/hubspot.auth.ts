// Connecting a HubSpot account: an OAuth 2.0 app (authorize, code exchange, refresh, token info for the
// hub id) or a private app's static token. All of them throw CrmError with HubSpot's own message.
//
// No PKCE: HubSpot's OAuth does not take a code_challenge for every app type, and its token endpoint always
// requires the app's client secret, so the code exchange is bound to this server (a confidential client)
// either way. What protects the redirect is `state`: 32 random bytes the core keeps in the admin's session
// (or sealed beside the pending connection) and compares — with timingSafeEqual — before exchanging the code.
import { randomBytes } from 'node:crypto';
import { Client } from '@hubspot/api-client';
import { CrmError, type TokenSource } from '../crm.provider';
import { createHubSpotCaller, DEFAULT_HUBSPOT_API_BASE, toCrmError } from './hubspot.client';

/** HubSpot's consent screen lives on the app host, not the API host. */
export const DEFAULT_HUBSPOT_AUTHORIZE_BASE = 'https://app.hubspot.com';

/** The scopes the sync needs (docs/CRM.md, HubSpot). */
export const HUBSPOT_SCOPES = [
  'oauth',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.schemas.companies.read',
  'crm.schemas.deals.read',
  'crm.schemas.contacts.read',
];

export interface HubSpotGrant {
  accessToken: string;
  refreshToken?: string;
  expiresAt?: string;
  remoteAccountId?: string;
}

export interface HubSpotAppConfig {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  apiBase?: string;
}

/**
 * The consent URL. The SDK's `oauth.getAuthorizationUrl` always answers with app.hubspot.com, so the URL is
 * built here, on the configured authorize base (an EU-hosted account, a test portal or an emulator).
 */
export function hubspotAuthorizeUrl(opts: {
  clientId: string;
  redirectUri: string;
  authorizeBase?: string;
  scopes?: string[];
  optionalScopes?: string[];
  state?: string;
}): { url: string; state: string } {
  const state = opts.state ?? randomBytes(32).toString('base64url');
  const url = new URL('/oauth/authorize', opts.authorizeBase ?? DEFAULT_HUBSPOT_AUTHORIZE_BASE);
  url.searchParams.set('client_id', opts.clientId);
  url.searchParams.set('redirect_uri', opts.redirectUri);
  url.searchParams.set('scope', (opts.scopes ?? HUBSPOT_SCOPES).join(' '));
  if (opts.optionalScopes?.length) url.searchParams.set('optional_scope', opts.optionalScopes.join(' '));
  url.searchParams.set('state', state);
  return { url: url.toString(), state };
}

const oauthClient = (apiBase: string | undefined) =>
  new Client({
    basePath: (apiBase ?? DEFAULT_HUBSPOT_API_BASE).replace(/\/+$/, ''),
    numberOfApiCallRetries: 0,
  });

/** The token endpoint answers a bad code, client or refresh token with 400 (BAD_AUTH_CODE, BAD_REFRESH_TOKEN…). */
async function tokenCall<T>(what: () => Promise<T>): Promise<T> {
  try {
    return await what();
  } catch (e) {
    const err = toCrmError(e);
    if (err.kind === 'invalid' || err.kind === 'field' || err.kind === 'not_found')
      throw new CrmError('auth', err.message, err.detail);
    throw err;
  }
}

const expiry = (seconds: number | undefined) =>
  seconds ? new Date(Date.now() + seconds * 1000).toISOString() : undefined;

export async function hubspotTokenInfo(accessToken: string, apiBase?: string) {
  const info = await tokenCall(() => oauthClient(apiBase).oauth.accessTokensApi.get(accessToken));
  return {
    hubId: String(info.hubId),
    hubDomain: info.hubDomain ?? null,
    scopes: info.scopes,
    expiresIn: info.expiresIn,
  };
}

/** Exchanges the code from the redirect, then asks which portal (hub id) the grant is for. */
export async function exchangeHubSpotCode(config: HubSpotAppConfig, code: string): Promise<HubSpotGrant> {
  const t = await tokenCall(() =>
    oauthClient(config.apiBase).oauth.tokensApi.create(
      'authorization_code',
      code,
      config.redirectUri,
      config.clientId,
      config.clientSecret,
    ),
  );
  const info = await hubspotTokenInfo(t.accessToken, config.apiBase);
  return {
    accessToken: t.accessToken,
    refreshToken: t.refreshToken,
    expiresAt: expiry(t.expiresIn),
    remoteAccountId: info.hubId,
  };
}

/** A revoked or unknown refresh token is CrmError('auth'): the connection needs the admin again. */
export async function refreshHubSpotToken(
  config: Omit<HubSpotAppConfig, 'redirectUri'>,
  refreshToken: string,
): Promise<HubSpotGrant> {
  const t = await tokenCall(() =>
    oauthClient(config.apiBase).oauth.tokensApi.create(
      'refresh_token',
      undefined,
      undefined,
      config.clientId,
      config.clientSecret,
      refreshToken,
    ),
  );
  // HubSpot keeps the refresh token across refreshes; a new one in the answer replaces it.
  return {
    accessToken: t.accessToken,
    refreshToken: t.refreshToken ?? refreshToken,
    expiresAt: expiry(t.expiresIn),
  };
}

/**
 * A private app's token does not expire and has no token-info endpoint; a call to account info proves it
 * and names the portal. A wrong token fails with HubSpot's own 401 message.
 */
export async function verifyHubSpotPrivateAppToken(token: string, apiBase?: string): Promise<HubSpotGrant> {
  // Nothing to refresh: the retry after a 401 repeats the token, so the error shown is HubSpot's own.
  const tokens: TokenSource = { accessToken: async () => token, refresh: async () => token };
  const caller = createHubSpotCaller(apiBase ?? DEFAULT_HUBSPOT_API_BASE, tokens);
  try {
    const info = (await caller.request('/account-info/v3/details')) as { portalId: number };
    return { accessToken: token, remoteAccountId: String(info.portalId) };
  } catch (e) {
    throw toCrmError(e);
  }
}
