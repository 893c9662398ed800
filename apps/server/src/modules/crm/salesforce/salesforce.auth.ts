import { createHash, createPrivateKey, randomBytes, sign } from 'node:crypto';
import { OAuth2 } from 'jsforce';
import { CrmError } from '../crm.provider';

/**
 * Salesforce's OAuth flows through jsforce's OAuth2 client: the web-server
 * flow with PKCE, refresh, and the JWT bearer grant for server-to-server
 * connections. The login URL is the user's: production
 * (https://login.salesforce.com), a sandbox (https://test.salesforce.com) or
 * the org's My Domain.
 */
export interface SalesforceClient {
  loginUrl: string;
  clientId: string;
  clientSecret?: string | null;
  redirectUri?: string;
}

export interface GrantedTokens {
  accessToken: string;
  refreshToken?: string;
  expiresAt?: string;
  instanceUrl?: string;
  remoteAccountId?: string;
}

const oauth2 = (c: SalesforceClient) =>
  new OAuth2({
    loginUrl: c.loginUrl.replace(/\/+$/, ''),
    clientId: c.clientId,
    ...(c.clientSecret ? { clientSecret: c.clientSecret } : {}),
    ...(c.redirectUri ? { redirectUri: c.redirectUri } : {}),
  });

/** A fresh PKCE pair: the verifier stays on our side (sealed), the challenge goes in the URL. */
export function pkcePair() {
  const verifier = randomBytes(64).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(c: SalesforceClient, state: string, codeChallenge: string): string {
  return oauth2(c).getAuthorizationUrl({
    scope: 'api refresh_token',
    state,
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
  });
}

/** The org id from the identity URL Salesforce returns (`…/id/<orgId>/<userId>`). */
const orgOf = (identityUrl: string | undefined) => identityUrl?.split('/').slice(-2, -1)[0];

function granted(res: {
  access_token: string;
  refresh_token?: string;
  instance_url: string;
  id: string;
}): GrantedTokens {
  return {
    accessToken: res.access_token,
    ...(res.refresh_token ? { refreshToken: res.refresh_token } : {}),
    instanceUrl: res.instance_url,
    ...(orgOf(res.id) ? { remoteAccountId: orgOf(res.id)! } : {}),
  };
}

/** The token endpoint's refusal (`invalid_grant`, `invalid_client_id`…) keeps Salesforce's own words. */
function oauthFailure(err: unknown): CrmError {
  const e = err as Error & { code?: string };
  if (e.name === 'FetchError' || e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND') {
    return new CrmError('unavailable', `Salesforce could not be reached: ${e.message}`);
  }
  const message = e.message ? `${e.name}: ${e.message}` : e.name;
  if (e.name === 'invalid_grant') return new CrmError('auth', message);
  return new CrmError('invalid', message, { status: 400 });
}

export async function exchangeCode(c: SalesforceClient, code: string, codeVerifier: string) {
  try {
    return granted(await oauth2(c).requestToken(code, { code_verifier: codeVerifier }));
  } catch (err) {
    throw oauthFailure(err);
  }
}

export async function refreshAccess(c: SalesforceClient, refreshToken: string) {
  try {
    return granted(await oauth2(c).refreshToken(refreshToken));
  } catch (err) {
    throw oauthFailure(err);
  }
}

/**
 * Server-to-server: a JWT (RS256) signed with the private key whose
 * certificate is uploaded to the connected app, traded for an access token.
 * No refresh token: a new assertion is the refresh.
 */
export async function jwtBearer(c: SalesforceClient, username: string, privateKeyPem: string) {
  let key;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch {
    throw new CrmError('field', 'The private key is not a PEM-encoded RSA key', { field: 'privateKey' });
  }
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${enc({ alg: 'RS256' })}.${enc({
    iss: c.clientId,
    sub: username,
    aud: c.loginUrl.replace(/\/+$/, ''),
    exp: Math.floor(Date.now() / 1000) + 180,
  })}`;
  const assertion = `${body}.${sign('sha256', Buffer.from(body), key).toString('base64url')}`;
  try {
    return granted(
      await oauth2({ loginUrl: c.loginUrl, clientId: c.clientId }).requestToken({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        assertion,
      }),
    );
  } catch (err) {
    throw oauthFailure(err);
  }
}
