import type { Db } from '../../db/client';
import { runChange } from '../../db/transaction';
import type { SecretBox } from '../../lib/secrets';
import { CrmError, type CrmKind, type CrmProvider, type TokenSource } from './crm.provider';
import { setConnectionFields, type ConnectionRow } from './crm.repository';
import { jwtBearer, refreshAccess, type GrantedTokens } from './salesforce/salesforce.auth';
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

/** A new grant for the connection without a person: refresh token (OAuth) or a new assertion (JWT bearer). */
export async function regrant(secrets: SecretBox, c: ConnectionRow): Promise<GrantedTokens> {
  if (c.kind !== 'salesforce')
    throw new CrmError('auth', `${c.kind} connections are refreshed by their own adapter`);
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

/**
 * The token source the adapters use: the sealed access token, and after a 401
 * one refresh whose result is sealed back. A refused refresh marks the
 * connection `needs_reconnect` with the CRM's words, and no run retries it.
 */
export function connectionTokens(db: Db, secrets: SecretBox, c: ConnectionRow): TokenSource {
  let current = open(secrets, c, 'accessToken');
  const system = { actor: null, requestId: `crm:${c.id}`, ip: null };
  return {
    async accessToken() {
      if (current) return current;
      return this.refresh();
    },
    async refresh() {
      try {
        const granted = await regrant(secrets, c);
        current = granted.accessToken;
        await runChange(db, system, async (tx, record) => {
          await setConnectionFields(
            tx,
            c.id,
            {
              accessTokenSealed: seal(secrets, c.id, 'accessToken', granted.accessToken),
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
    },
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

type Factory = (c: ConnectionRow, tokens: TokenSource) => CrmProvider;

/** One adapter per kind; each lives in modules/crm/<kind>/ and is the only code that knows its CRM's API. */
const factories: Partial<Record<CrmKind, Factory>> = {
  salesforce: (c, tokens) =>
    createSalesforceProvider({ instanceUrl: c.instanceUrl!, apiVersion: c.apiVersion, tokens }),
};

export function providerFor(db: Db, secrets: SecretBox, c: ConnectionRow): CrmProvider {
  const factory = factories[c.kind];
  if (!factory) throw new CrmError('invalid', `No adapter for ${c.kind} in this build`);
  return factory(c, connectionTokens(db, secrets, c));
}
