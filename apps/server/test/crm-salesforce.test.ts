import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmError, type TokenSource } from '../src/modules/crm/crm.provider';
import {
  authorizeUrl,
  exchangeCode,
  jwtBearer,
  pkcePair,
  refreshAccess,
} from '../src/modules/crm/salesforce/salesforce.auth';
import { createSalesforceProvider } from '../src/modules/crm/salesforce/salesforce.provider';
import { startSalesforceEmulator, type SalesforceEmulator } from './emulators/salesforce';

// The adapter against the emulated org, as a connection would drive it.
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
let sf: SalesforceEmulator;
const client = () => ({
  loginUrl: sf.url,
  clientId: sf.oauth.clientId,
  clientSecret: sf.oauth.clientSecret,
  redirectUri: 'http://127.0.0.1/callback',
});

beforeAll(async () => {
  sf = await startSalesforceEmulator({
    pageSize: 2,
    multiCurrency: true,
    jwtCertificate: keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  });
});
afterAll(async () => sf.close());

async function authorize() {
  const { verifier, challenge } = pkcePair();
  const res = await fetch(authorizeUrl(client(), 'state-1', challenge), { redirect: 'manual' });
  const back = new URL(res.headers.get('location')!);
  expect(back.searchParams.get('state')).toBe('state-1');
  return { code: back.searchParams.get('code')!, verifier };
}

function tokenSource(initial: { accessToken: string; refreshToken?: string }) {
  const state = { ...initial, refreshes: 0 };
  const source: TokenSource = {
    accessToken: async () => state.accessToken,
    refresh: async () => {
      state.refreshes += 1;
      const fresh = await refreshAccess(client(), state.refreshToken!);
      state.accessToken = fresh.accessToken;
      return fresh.accessToken;
    },
  };
  return { source, state };
}

describe('Salesforce adapter', () => {
  it('connects by the web-server flow with PKCE and names the org; a wrong verifier is refused in Salesforce words', async () => {
    const first = await authorize();
    await expect(exchangeCode(client(), first.code, 'not-the-verifier')).rejects.toMatchObject({
      kind: 'auth',
      message: 'invalid_grant: invalid code verifier',
    });
    const { code, verifier } = await authorize();
    const tokens = await exchangeCode(client(), code, verifier);
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.instanceUrl).toBe(sf.url);
    const provider = createSalesforceProvider({
      instanceUrl: tokens.instanceUrl!,
      apiVersion: '60.0',
      tokens: tokenSource(tokens).source,
    });
    expect(await provider.identify()).toEqual({
      remoteAccountId: '00D000000000001AAA',
      name: 'Emulated Org',
    });
    expect(provider.usage()).toMatchObject({ used: expect.any(Number), max: 15000 });
  });

  it('a wrong client id fails with the CRM message', async () => {
    const { code, verifier } = await authorize();
    await expect(exchangeCode({ ...client(), clientId: 'nope' }, code, verifier)).rejects.toMatchObject({
      message: 'invalid_client_id: client identifier invalid',
    });
  });

  it('JWT bearer: a signed assertion is accepted, another key is refused', async () => {
    const tokens = await jwtBearer(
      client(),
      'integration@example.com',
      keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    );
    expect(tokens.accessToken).toBeTruthy();
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await expect(
      jwtBearer(
        client(),
        'integration@example.com',
        other.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      ),
    ).rejects.toMatchObject({ kind: 'auth', message: 'invalid_grant: invalid assertion' });
  });

  it('reads, pages, writes, links partners, and reports field errors, 401s, deletions and 429s', async () => {
    const { code, verifier } = await authorize();
    const granted = await exchangeCode(client(), code, verifier);
    const { source, state } = tokenSource(granted);
    const p = createSalesforceProvider({ instanceUrl: sf.url, apiVersion: 'v60.0', tokens: source });

    const schema = await p.describe('opportunity');
    expect(schema.remoteName).toBe('Opportunity');
    const stage = schema.fields.find((f) => f.name === 'StageName')!;
    expect(stage.type).toBe('picklist');
    expect(stage.options!.map((o) => o.value)).toContain('Closed Won');
    expect(schema.fields.find((f) => f.name === 'CurrencyIsoCode')).toBeTruthy();

    const acme = await p.create('account', { Name: 'Acme', Website: 'https://acme.com' });
    const globex = await p.create('account', { Name: 'Globex' });
    const partner = await p.create('account', { Name: 'Partner Co', IsPartner: true });
    const opp = await p.create('opportunity', {
      Name: 'Acme deal',
      AccountId: acme,
      StageName: 'Prospecting',
      CloseDate: '2030-01-01',
      Amount: 1000,
      CurrencyIsoCode: 'EUR',
    });

    // Three accounts, two a page: the second page comes through nextRecordsUrl.
    const first = await p.listChanged('account', null, null, ['Name', 'Website']);
    expect(first.records.map((r) => r.fields.Name)).toEqual(['Acme', 'Globex']);
    expect(first.next).toMatch(/^\/services\/data\/v60.0\/query\//);
    const second = await p.listChanged('account', null, first.next, ['Name', 'Website']);
    expect(second.records.map((r) => r.fields.Name)).toEqual(['Partner Co']);
    expect(second.next).toBeNull();
    const since = second.records[0]!.modifiedAt;
    await p.update('account', globex, { Website: 'https://globex.com' });
    const changed = await p.listChanged('account', since, null, ['Name']);
    expect(changed.records.map((r) => r.id)).toEqual([globex]);

    // Bulk 2.0 export, two rows per locator page.
    const batches = [];
    for await (const batch of p.bulkExport('account', ['Name']))
      batches.push(batch.map((r) => r.fields.Name));
    expect(batches).toEqual([['Acme', 'Partner Co'], ['Globex']]);

    await p.setPartners(opp, [{ accountId: partner, role: 'VAR/Reseller', primary: true }]);
    await p.setPartners(opp, [{ accountId: partner, role: 'VAR/Reseller', primary: true }]);
    expect(await p.listPartners(opp)).toEqual([{ accountId: partner, role: 'VAR/Reseller', primary: true }]);
    expect(sf.records('Partner')).toHaveLength(1);

    const refused = await p
      .create('opportunity', { Name: 'x', StageName: 'Prospecting', CloseDate: '2030-01-01', Bogus__c: 1 })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CrmError);
    expect(refused).toMatchObject({ kind: 'field', detail: { field: 'Bogus__c' } });
    expect((refused as Error).message).toBe("No such column 'Bogus__c' on sobject of type Opportunity");

    // An expired session: refreshed once, the call goes through.
    sf.expireTokens();
    expect((await p.get('opportunity', opp, ['Amount', 'StageName']))!.fields.Amount).toBe(1000);
    expect(state.refreshes).toBe(1);

    sf.delete('Account', globex);
    expect(await p.listDeleted('account', since)).toEqual([globex]);
    expect(await p.get('account', globex, ['Name'])).toBeNull();

    sf.throttle(1, 7);
    await expect(p.identify()).rejects.toMatchObject({
      kind: 'rate_limited',
      detail: { retryAfterSeconds: 7 },
    });
    await p.identify();

    // A revoked grant: the refresh fails with Salesforce's words, and the call is not retried again.
    sf.revokeGrants();
    await expect(p.identify()).rejects.toMatchObject({
      kind: 'auth',
      message: 'invalid_grant: expired access/refresh token',
    });
    expect(state.refreshes).toBe(2);
  });
});
