import { timingSafeEqual } from 'node:crypto';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { runChange, writeAudit } from '../../db/transaction';
import { hashToken, randomToken } from '../../lib/tokens';
import type { SecretBox } from '../../lib/secrets';
import { insertUserRecord } from '../identity/identity.records';
import { findUserForSignIn } from '../identity/identity.repository';
import { openSession, toUserDto, type RequestInfo } from '../identity/identity.service';
import { mfaChallengeWithin } from '../mfa/sign-in-gate';
import { finishOidc, oidcConfigOf, startOidc } from './oidc';
import { samlAuthorizeUrl, validateSamlResponse } from './saml';
import { SsoRefusal } from './sso.refusal';
import {
  findActiveConnection,
  findActiveConnectionsOfOrganization,
  findVerifiedDomain,
  findVerifiedDomainsOfOrganization,
  insertLoginState,
  recordSeenAssertion,
  spendLoginState,
  type SsoConnectionRow,
} from './sso.repository';
import { redirectUriOf, safeReturnTo } from './sso.urls';
import { mapRole, syncRoleFromIdp } from './sso-roles';
import { newId } from '../../lib/ids';

/** A sign-in must come back from the IdP within this long. */
const LOGIN_TTL_MS = 10 * 60_000;

export const domainOf = (email: string) => email.trim().toLowerCase().split('@').pop() ?? '';

/** The active connection that serves an email's proven domain, if any. */
export async function connectionForEmail(db: Db, email: string) {
  const domain = await findVerifiedDomain(db, domainOf(email));
  if (!domain) return undefined;
  const [connection] = await findActiveConnectionsOfOrganization(db, domain.organizationId);
  return connection;
}

/** Makes sure the browser has a binding cookie value; answers it (new or the one it sent). */
export function browserTokenOf(sent: string | undefined) {
  return sent && /^[A-Za-z0-9_-]{43}$/.test(sent) ? sent : randomToken();
}

/**
 * Starts a sign-in: by connection id, or by the email's proven domain. Answers the IdP URL to redirect
 * to; the login state (PKCE verifier, nonce, SAML request id) waits in the database, bound to the
 * browser's cookie.
 */
export async function startSignIn(
  db: Db,
  config: Config,
  secrets: SecretBox,
  input: { email?: string | undefined; connectionId?: string | undefined; returnTo?: string | undefined },
  browserToken: string,
) {
  const connection = input.connectionId
    ? await findActiveConnection(db, input.connectionId)
    : input.email
      ? await connectionForEmail(db, input.email)
      : undefined;
  if (!connection) throw new SsoRefusal('no_connection', 'No active SSO connection serves this sign-in');
  const returnTo = safeReturnTo(input.returnTo, config.PUBLIC_URL);
  const base = {
    id: newId(),
    connectionId: connection.id,
    browserHash: hashToken(browserToken),
    returnTo,
    expiresAt: new Date(Date.now() + LOGIN_TTL_MS),
  };
  if (connection.protocol === 'oidc') {
    const oidc = await idpCall(() => oidcConfigOf(connection, secrets));
    const start = await startOidc(
      oidc,
      connection,
      redirectUriOf(config.PUBLIC_URL, connection.id),
      input.email,
    );
    await insertLoginState(db, {
      ...base,
      state: start.state,
      nonce: start.nonce,
      codeVerifier: start.codeVerifier,
    });
    return start.url;
  }
  // SAML request ids must start with a letter (xs:ID).
  const requestId = `_${randomToken()}`;
  await insertLoginState(db, { ...base, state: requestId });
  return samlAuthorizeUrl(connection, config.PUBLIC_URL, requestId, returnTo);
}

async function idpCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw new SsoRefusal(
      'idp_unreachable',
      `The identity provider could not be reached: ${(err as Error).message}`,
    );
  }
}

/**
 * openid-client wraps oauth4webapi's errors: the claim that failed and the error code sit down the `cause`
 * chain, the top message is generic. Read them all so the refusal says which check failed.
 */
function oidcFailure(err: unknown): { reason: string; detail: string } {
  const messages: string[] = [];
  let claim: string | undefined;
  let code = '';
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const x = e as { message?: unknown; code?: unknown; claim?: unknown; cause?: unknown };
    if (typeof x.message === 'string') messages.push(x.message);
    if (typeof x.code === 'string') code = `${code} ${x.code}`;
    if (typeof x.claim === 'string') claim ??= x.claim;
    e = x.cause;
  }
  const text = `${messages.join(' | ')} ${code}`;
  const reason =
    claim === 'nonce' || /nonce/i.test(text)
      ? 'oidc_nonce'
      : claim === 'aud' || claim === 'azp'
        ? 'oidc_audience'
        : claim === 'exp' || claim === 'iat' || claim === 'nbf' || /TIMESTAMP/.test(code)
          ? 'oidc_expired'
          : claim === 'iss'
            ? 'oidc_issuer'
            : /SIGNATURE|signature/.test(text)
              ? 'oidc_signature'
              : /state/i.test(text)
                ? 'state_mismatch'
                : 'oidc_invalid';
  return { reason, detail: messages.join(' | ') || String(err) };
}

/** The OIDC callback: the state must be this browser's, unspent and fresh; then the ID token's checks. */
export async function finishOidcSignIn(
  db: Db,
  req: RequestInfo,
  config: Config,
  secrets: SecretBox,
  connectionId: string,
  query: Record<string, string | undefined>,
  rawQuery: string,
  browserToken: string | undefined,
) {
  const connection = await findActiveConnection(db, connectionId);
  if (!connection || connection.protocol !== 'oidc')
    throw new SsoRefusal('no_connection', 'No active OIDC connection has this id');
  return refusalsAudited(db, req, connection, async () => {
    if (query.error)
      throw new SsoRefusal('idp_error', `The IdP answered ${query.error}: ${query.error_description ?? ''}`);
    const state = query.state;
    const login =
      state && browserToken
        ? await spendLoginState(db, connection.id, state, hashToken(browserToken), new Date())
        : undefined;
    if (!login || !login.nonce || !login.codeVerifier)
      throw new SsoRefusal(
        'state_mismatch',
        'The state is unknown, spent, expired or was started in another browser',
      );
    const oidc = await idpCall(() => oidcConfigOf(connection, secrets));
    const url = new URL(redirectUriOf(config.PUBLIC_URL, connection.id));
    url.search = rawQuery;
    let claims;
    try {
      claims = await finishOidc(oidc, url, {
        state: login.state,
        nonce: login.nonce,
        codeVerifier: login.codeVerifier,
      });
    } catch (err) {
      const failure = oidcFailure(err);
      throw new SsoRefusal(failure.reason, failure.detail);
    }
    const email = typeof claims.email === 'string' ? claims.email : null;
    if (!email)
      throw new SsoRefusal('no_email', 'The ID token carries no email claim (ask for the email scope)');
    // An IdP that says it has not verified the address cannot vouch for who owns it.
    if (claims.email_verified === false)
      throw new SsoRefusal('email_unverified', 'The IdP has not verified this email address');
    const name = typeof claims.name === 'string' ? claims.name : null;
    const session = await signInPerson(db, req, connection, { email, name, attributes: claims });
    return { ...session, returnTo: login.returnTo };
  });
}

/** The SAML ACS: SP-initiated answers a request this browser started; IdP-initiated only when allowed. */
export async function finishSamlSignIn(
  db: Db,
  req: RequestInfo,
  config: Config,
  connectionId: string,
  body: { SAMLResponse: string; RelayState?: string | undefined },
  browserToken: string | undefined,
) {
  const connection = await findActiveConnection(db, connectionId);
  if (!connection || connection.protocol !== 'saml')
    throw new SsoRefusal('no_connection', 'No active SAML connection has this id');
  return refusalsAudited(db, req, connection, async () => {
    const identity = await validateSamlResponse(connection, config.PUBLIC_URL, body.SAMLResponse);
    let returnTo: string;
    if (identity.inResponseTo) {
      const login = browserToken
        ? await spendLoginState(db, connection.id, identity.inResponseTo, hashToken(browserToken), new Date())
        : undefined;
      if (!login)
        throw new SsoRefusal(
          'state_mismatch',
          'The response answers a request that is unknown, spent, expired or from another browser',
        );
      returnTo = login.returnTo;
    } else {
      if (!connection.samlAllowIdpInitiated)
        throw new SsoRefusal('idp_initiated_refused', 'IdP-initiated sign-in is off for this connection');
      returnTo = safeReturnTo(body.RelayState, config.PUBLIC_URL);
    }
    if (!(await recordSeenAssertion(db, connection.id, identity.assertionId, identity.expiresAt)))
      throw new SsoRefusal('saml_replay', `Assertion ${identity.assertionId} was already used`);
    const session = await signInPerson(db, req, connection, identity);
    return { ...session, returnTo };
  });
}

async function refusalsAudited<T>(
  db: Db,
  req: RequestInfo,
  connection: SsoConnectionRow,
  fn: () => Promise<T>,
) {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof SsoRefusal) {
      await writeAudit(db, { ...req, actor: null }, [
        {
          action: 'auth.sso_refused',
          entityType: 'sso_connection',
          entityId: connection.id,
          after: { reason: err.reason, detail: err.message.slice(0, 500) },
        },
      ]);
    }
    throw err;
  }
}

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The IdP vouched for this person: sign in their account, or create it (JIT) in the connection's
 * organization with the mapped role. An IdP speaks only for its own organization: an existing account
 * elsewhere is refused, and a new one only for a domain the organization has proven.
 */
async function signInPerson(
  db: Db,
  req: RequestInfo,
  connection: SsoConnectionRow,
  person: { email: string; name: string | null; attributes: Record<string, unknown> },
) {
  const email = person.email.trim().toLowerCase();
  const found = await findUserForSignIn(db, email);
  if (found) {
    if (!sameText(found.user.organizationId, connection.organizationId))
      throw new SsoRefusal('wrong_organization', `${email} belongs to another organization than this IdP's`);
    if (found.user.status !== 'active' || found.org.status === 'terminated')
      throw new SsoRefusal('account_inactive', `${email} is deactivated`);
  } else {
    const domains = await findVerifiedDomainsOfOrganization(db, connection.organizationId);
    if (!domains.includes(domainOf(email)))
      throw new SsoRefusal(
        'domain_not_verified',
        `${domainOf(email)} is not a proven domain of this organization`,
      );
  }
  const role = mapRole(connection.roleMapping, person.attributes);
  return runChange(db, { ...req, actor: null }, async (tx, record) => {
    let userId = found?.user.id;
    if (!userId) {
      const user = await insertUserRecord(tx, {
        organizationId: connection.organizationId,
        role,
        email,
        name: person.name?.trim().slice(0, 200) || email,
        passwordHash: null,
      });
      userId = user.id;
      record.audit({
        action: 'user.created_by_sso',
        entityType: 'user',
        entityId: user.id,
        after: { email, role, organizationId: connection.organizationId, connectionId: connection.id },
      });
      record.event({
        type: 'user.created',
        entityType: 'user',
        entityId: user.id,
        organizationIds: [connection.organizationId],
        payload: { ...toUserDto(user), source: 'sso' },
      });
    }
    if (found) await syncRoleFromIdp(tx, record, connection, found.user, role);
    // By default the IdP's own MFA is trusted; an organization may also ask for a factor held here.
    const challenge = await mfaChallengeWithin(
      tx,
      record,
      { id: userId, organizationId: connection.organizationId },
      'sso',
    );
    if (challenge) {
      record.audit({
        action: 'auth.sso_verified',
        entityType: 'user',
        entityId: userId,
        after: { connectionId: connection.id, protocol: connection.protocol, next: challenge.step },
      });
      return { challenge, token: null, userId };
    }
    const opened = await openSession(tx, userId, req);
    record.audit({
      action: 'auth.login_sso',
      entityType: 'session',
      entityId: opened.id,
      after: { userId, connectionId: connection.id, protocol: connection.protocol },
    });
    return { challenge: null, token: opened.token, userId };
  });
}
