import { createHash, createPublicKey, randomBytes, verify, type KeyObject } from 'node:crypto';

/**
 * The emulated org's OAuth 2.0 server, answering as Salesforce's
 * `/services/oauth2/*` does: errors are `{ error, error_description }` with 400.
 */
export interface OAuthConfig {
  clientId: string;
  clientSecret: string;
  /** The user the org issues tokens for (JWT bearer's `sub` must name them). */
  username: string;
  /** PEM of the certificate (or public key) uploaded to the connected app, for JWT bearer. */
  jwtCertificate?: string;
}

interface Grant {
  refreshToken: string | null;
  revoked: boolean;
}

export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

const token = (prefix: string) => `${prefix}!${randomBytes(24).toString('base64url')}`;

export class EmulatedOAuth {
  private readonly codes = new Map<string, { challenge: string | null; redirectUri: string }>();
  private readonly grants = new Map<string, Grant>();
  /** access token → whether it is still valid */
  private readonly access = new Map<string, { grant: Grant; valid: boolean }>();
  private readonly certificate: KeyObject | null;

  constructor(
    readonly config: OAuthConfig,
    private readonly baseUrl: () => string,
  ) {
    this.certificate = config.jwtCertificate ? createPublicKey(config.jwtCertificate) : null;
  }

  /** GET /services/oauth2/authorize: the signed-in user allows the app; back to the app with a code. */
  authorize(query: URLSearchParams): string {
    if (query.get('client_id') !== this.config.clientId) {
      throw new OAuthError('invalid_client_id', 'client identifier invalid');
    }
    if (query.get('response_type') !== 'code')
      throw new OAuthError('unsupported_response_type', 'response type not supported');
    const redirectUri = query.get('redirect_uri');
    if (!redirectUri) throw new OAuthError('redirect_uri_mismatch', 'redirect_uri must match configuration');
    const challenge = query.get('code_challenge');
    if (challenge && query.get('code_challenge_method') !== 'S256') {
      throw new OAuthError('invalid_request', 'code_challenge_method must be S256');
    }
    const code = randomBytes(16).toString('base64url');
    this.codes.set(code, { challenge, redirectUri });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    const state = query.get('state');
    if (state) back.searchParams.set('state', state);
    return back.toString();
  }

  /** POST /services/oauth2/token */
  token(form: URLSearchParams): Record<string, unknown> {
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') return this.exchangeCode(form);
    if (grantType === 'refresh_token') return this.refresh(form);
    if (grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer') return this.jwtBearer(form);
    throw new OAuthError('unsupported_grant_type', 'grant type not supported');
  }

  private checkClient(form: URLSearchParams, secretRequired: boolean) {
    if (form.get('client_id') !== this.config.clientId) {
      throw new OAuthError('invalid_client_id', 'client identifier invalid');
    }
    const secret = form.get('client_secret');
    if ((secretRequired || secret !== null) && secret !== this.config.clientSecret) {
      throw new OAuthError('invalid_client', 'invalid client credentials');
    }
  }

  private exchangeCode(form: URLSearchParams) {
    const code = this.codes.get(form.get('code') ?? '');
    this.codes.delete(form.get('code') ?? '');
    this.checkClient(form, code?.challenge === null);
    if (!code) throw new OAuthError('invalid_grant', 'invalid authorization code');
    if (form.get('redirect_uri') !== code.redirectUri) {
      throw new OAuthError('redirect_uri_mismatch', 'redirect_uri must match configuration');
    }
    if (code.challenge) {
      const verifier = form.get('code_verifier') ?? '';
      const computed = createHash('sha256').update(verifier).digest('base64url');
      if (computed !== code.challenge) throw new OAuthError('invalid_grant', 'invalid code verifier');
    }
    return this.issue({ refreshToken: token('5Aep'), revoked: false });
  }

  private refresh(form: URLSearchParams) {
    this.checkClient(form, false);
    const grant = this.grants.get(form.get('refresh_token') ?? '');
    if (!grant || grant.revoked) throw new OAuthError('invalid_grant', 'expired access/refresh token');
    const issued = this.issue(grant);
    delete issued.refresh_token;
    return issued;
  }

  private jwtBearer(form: URLSearchParams) {
    const assertion = form.get('assertion') ?? '';
    const [header, payload, signature] = assertion.split('.');
    if (!header || !payload || !signature || !this.certificate) {
      throw new OAuthError('invalid_grant', 'invalid assertion');
    }
    const ok = verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      this.certificate,
      Buffer.from(signature, 'base64url'),
    );
    if (!ok) throw new OAuthError('invalid_grant', 'invalid assertion');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (claims.iss !== this.config.clientId)
      throw new OAuthError('invalid_client_id', 'client identifier invalid');
    if (claims.sub !== this.config.username)
      throw new OAuthError('invalid_grant', "user hasn't approved this consumer");
    if (claims.aud !== this.baseUrl()) throw new OAuthError('invalid_grant', 'audience is invalid');
    if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) {
      throw new OAuthError('invalid_grant', 'expired authorization code');
    }
    const issued = this.issue({ refreshToken: null, revoked: false });
    delete issued.refresh_token;
    return issued;
  }

  private issue(grant: Grant): Record<string, unknown> {
    if (grant.refreshToken) this.grants.set(grant.refreshToken, grant);
    const accessToken = token('00D');
    this.access.set(accessToken, { grant, valid: true });
    return {
      access_token: accessToken,
      refresh_token: grant.refreshToken,
      instance_url: this.baseUrl(),
      id: `${this.baseUrl()}/id/00D000000000001AAA/005000000000001AAA`,
      token_type: 'Bearer',
      issued_at: String(Date.now()),
      scope: 'api refresh_token',
    };
  }

  isValid(accessToken: string): boolean {
    const t = this.access.get(accessToken);
    return !!t && t.valid && !t.grant.revoked;
  }

  /** Test side: every access token issued so far stops working (as a session timeout does). */
  expireAccessTokens() {
    for (const t of this.access.values()) t.valid = false;
  }

  /** Test side: an admin revoked the app's access: refresh tokens stop working too. */
  revokeGrants() {
    for (const g of this.grants.values()) g.revoked = true;
    this.expireAccessTokens();
  }

  get issuedAccessTokens() {
    return this.access.size;
  }
}
