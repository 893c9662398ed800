import * as client from 'openid-client';
import type { SecretBox } from '../../lib/secrets';
import { secretContext } from './connections.service';
import type { SsoConnectionRow } from './sso.repository';

/** Discovery documents are read once per connection's settings and kept a while: IdPs rotate keys, not issuers. */
const DISCOVERY_TTL_MS = 10 * 60_000;
const discovered = new Map<string, { at: number; config: client.Configuration }>();

/**
 * The openid-client configuration of a connection: discovery from its issuer, client_secret_basic, and
 * non-repudiation checks on, so an ID token from the token endpoint has its signature verified against
 * the IdP's JWKS (openid-client 6 skips that by default, trusting the TLS channel).
 */
export async function oidcConfigOf(c: SsoConnectionRow, secrets: SecretBox): Promise<client.Configuration> {
  const key = `${c.id}:${c.version}`;
  const hit = discovered.get(key);
  if (hit && Date.now() - hit.at < DISCOVERY_TTL_MS) return hit.config;
  const issuer = new URL(c.oidcIssuer!);
  const secret = secrets.open(c.oidcClientSecret!, secretContext(c.id));
  // Plain http reaches only a loopback IdP (sso.urls.ts refuses it anywhere else).
  const options = issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined;
  const config = await client.discovery(
    issuer,
    c.oidcClientId!,
    { id_token_signed_response_alg: 'RS256' },
    client.ClientSecretBasic(secret),
    { ...options, timeout: 10 },
  );
  client.enableNonRepudiationChecks(config);
  for (const k of discovered.keys()) if (k.startsWith(`${c.id}:`)) discovered.delete(k);
  discovered.set(key, { at: Date.now(), config });
  return config;
}

export interface OidcStart {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Authorization code with PKCE (S256), a fresh state and nonce per attempt. */
export async function startOidc(
  config: client.Configuration,
  c: SsoConnectionRow,
  redirectUri: string,
  loginHint: string | undefined,
): Promise<OidcStart> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const params: Record<string, string> = {
    redirect_uri: redirectUri,
    scope: c.oidcScopes ?? 'openid email profile',
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  };
  if (loginHint) params.login_hint = loginHint;
  return { url: client.buildAuthorizationUrl(config, params).href, state, nonce, codeVerifier };
}

/**
 * Redeems the code and validates the ID token: issuer, audience, expiry, nonce, signature (the library);
 * answers its claims. Throws on any failure.
 */
export async function finishOidc(
  config: client.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
) {
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: checks.codeVerifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('no ID token');
  // Many IdPs (oidc-provider, Okta by default) keep profile claims out of the ID token when an access
  // token is issued: the UserInfo endpoint has them, for the same subject (openid-client checks it).
  const meta = config.serverMetadata();
  let extra: Record<string, unknown> = {};
  if ((claims.email === undefined || claims.groups === undefined) && meta.userinfo_endpoint) {
    extra = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  }
  // What the signed ID token says wins over UserInfo.
  return { ...extra, ...claims } as Record<string, unknown> & { sub: string; exp: number; iss: string };
}

/** Connection test: is the issuer's discovery document reachable and usable? */
export async function probeOidc(c: SsoConnectionRow, secrets: SecretBox) {
  const config = await oidcConfigOf(c, secrets);
  const meta = config.serverMetadata();
  return {
    issuer: meta.issuer,
    authorizationEndpoint: meta.authorization_endpoint ?? null,
    tokenEndpoint: meta.token_endpoint ?? null,
    jwksUri: meta.jwks_uri ?? null,
    codeChallengeS256: (meta.code_challenge_methods_supported ?? []).includes('S256'),
  };
}
