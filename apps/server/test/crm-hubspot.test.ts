// The HubSpot adapter against the local HubSpot emulator, reached only through the API base URL a
// connection is configured with: every CrmProvider method, paging and the watermark, token refresh and
// revoked grants, rate limits, field-level refusals and labelled partner associations.
import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CrmError,
  type CrmProvider,
  type RemoteRecord,
  type TokenSource,
} from '../src/modules/crm/crm.provider';
import {
  exchangeHubSpotCode,
  hubspotAuthorizeUrl,
  refreshHubSpotToken,
  verifyHubSpotPrivateAppToken,
} from '../src/modules/crm/hubspot/hubspot.auth';
import { createHubSpotProvider } from '../src/modules/crm/hubspot/hubspot.provider';
import { PRIMARY_COMPANY_FIELD } from '../src/modules/crm/hubspot/hubspot.schema';
import { startHubSpotEmulator, type HubSpotEmulator } from './emulators/hubspot';

let hs: HubSpotEmulator;
beforeAll(async () => {
  hs = await startHubSpotEmulator();
});
afterAll(async () => {
  await hs?.close();
});

function staticTokens(token: string): TokenSource & { refreshes: number } {
  const s = {
    refreshes: 0,
    accessToken: async () => token,
    refresh: async () => {
      s.refreshes++;
      return token;
    },
  };
  return s;
}
const privateApp = () =>
  createHubSpotProvider({ apiBase: hs.url, tokens: staticTokens(hs.privateAppToken()) });

async function caught(p: Promise<unknown>): Promise<CrmError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CrmError) return e;
    throw e;
  }
  throw new Error('expected a CrmError');
}

async function walk(
  p: CrmProvider,
  object: 'account' | 'opportunity' | 'lead',
  since: string | null,
  fields: string[],
) {
  const records: RemoteRecord[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await p.listChanged(object, since, cursor, fields);
    records.push(...page.records);
    cursor = page.next;
    pages++;
  } while (cursor);
  return { records, pages };
}

describe('the SDK reaches the configured API base', () => {
  it('identifies the portal through account info, with the token and the SDK as the caller', async () => {
    const token = hs.privateAppToken();
    const p = createHubSpotProvider({ apiBase: hs.url, tokens: staticTokens(token) });
    const before = hs.requests.length;
    expect(await p.identify()).toEqual({
      remoteAccountId: String(hs.portal.portalId),
      name: expect.any(String),
    });
    await p.describe('account');
    const seen = hs.requests.slice(before);
    expect(seen.map((r) => r.path)).toEqual(['/account-info/v3/details', '/crm/v3/properties/companies']);
    expect(seen.every((r) => r.authorization === `Bearer ${token}`)).toBe(true);
    expect(seen[1]!.userAgent).toMatch(/PartnerGraph CRM sync/);
  });
});

describe('describe', () => {
  it('lists properties with their types, and the deal pipeline stages as the stage options', async () => {
    hs.addProperty('deals', {
      name: 'partner_tier',
      label: 'Partner tier',
      type: 'enumeration',
      fieldType: 'select',
      options: [
        { value: 'gold', label: 'Gold' },
        { value: 'silver', label: 'Silver' },
      ],
    });
    const s = await privateApp().describe('opportunity');
    expect(s.remoteName).toBe('deals');
    const f = (n: string) => s.fields.find((x) => x.name === n)!;
    expect(f('amount')).toMatchObject({ type: 'currency', createable: true, custom: false });
    expect(f('closedate').type).toBe('datetime');
    expect(f('hs_lastmodifieddate')).toMatchObject({
      type: 'datetime',
      createable: false,
      updateable: false,
    });
    expect(f('hs_object_id').type).toBe('id');
    expect(f('dealstage').type).toBe('picklist');
    expect(f('dealstage').options).toContainEqual({ value: 'closedwon', label: 'Closed Won' });
    expect(f('partner_tier')).toMatchObject({
      custom: true,
      type: 'picklist',
      options: [
        { value: 'gold', label: 'Gold' },
        { value: 'silver', label: 'Silver' },
      ],
    });
    expect(f('hubspot_owner_id')).toMatchObject({ type: 'reference', referenceTo: ['OWNER'] });
    const contacts = await privateApp().describe('lead');
    expect(contacts.fields.find((x) => x.name === 'email')!.type).toBe('email');
  });
});

describe('records', () => {
  it('creates, reads and updates a deal with typed values', async () => {
    const p = privateApp();
    const id = await p.create('opportunity', {
      dealname: 'Acme rollout',
      amount: 1200.5,
      closedate: '2026-03-01',
      dealstage: 'qualifiedtobuy',
    });
    expect(hs.record('deals', id)!.properties.amount).toBe('1200.5');
    const got = await p.get('opportunity', id, ['dealname', 'amount', 'closedate', 'dealstage']);
    expect(got).toMatchObject({
      id,
      fields: {
        dealname: 'Acme rollout',
        amount: 1200.5,
        closedate: '2026-03-01T00:00:00.000Z',
        dealstage: 'qualifiedtobuy',
      },
    });
    expect(got!.modifiedAt).toBe(hs.modifiedAt('deals', id));
    await p.update('opportunity', id, { dealstage: 'closedwon', amount: 1500 });
    expect(await p.get('opportunity', id, ['amount', 'dealstage'])).toMatchObject({
      fields: { amount: 1500, dealstage: 'closedwon' },
    });
  });

  it('answers null for a record that is gone, and not_found when updating it', async () => {
    const p = privateApp();
    const id = await p.create('account', { name: 'Gone Ltd' });
    hs.archive('companies', id);
    expect(await p.get('account', id, ['name'])).toBeNull();
    expect((await caught(p.update('account', id, { name: 'Back' }))).kind).toBe('not_found');
  });

  it("refuses a property HubSpot lacks, or an option it does not have, naming the field with HubSpot's message", async () => {
    const p = privateApp();
    const missing = await caught(p.create('opportunity', { dealname: 'X', partner_level: 'gold' }));
    expect(missing).toMatchObject({ kind: 'field', detail: { field: 'partner_level', status: 400 } });
    expect(missing.message).toBe('Property "partner_level" does not exist');
    const option = await caught(p.create('opportunity', { dealname: 'X', dealstage: 'signed' }));
    expect(option).toMatchObject({ kind: 'field', detail: { field: 'dealstage' } });
    expect(option.message).toMatch(/^signed was not one of the allowed options/);
    const id = await p.create('account', { name: 'Kept' });
    const readOnly = await caught(p.update('account', id, { hs_lastmodifieddate: '2020-01-01' }));
    expect(readOnly).toMatchObject({ kind: 'field', detail: { field: 'hs_lastmodifieddate' } });
  });
});

describe('listChanged', () => {
  it('pages through every record oldest first, once each, ties included', async () => {
    const e = await startHubSpotEmulator();
    try {
      const p = createHubSpotProvider({ apiBase: e.url, tokens: staticTokens(e.privateAppToken()) });
      const base = Date.UTC(2026, 0, 1);
      const ids: string[] = [];
      for (let i = 0; i < 300; i++) ids.push(e.seed('companies', { name: `Co ${i}` }, base + i * 1000));
      // A bulk import: 450 records in the same millisecond, more than two pages of them.
      for (let i = 0; i < 450; i++) ids.push(e.seed('companies', { name: `Bulk ${i}` }, base + 500_000));
      for (let i = 0; i < 20; i++) ids.push(e.seed('companies', { name: `Late ${i}` }, base + 600_000 + i));
      const { records, pages } = await walk(p, 'account', null, ['name']);
      expect(records.map((r) => r.id).sort()).toEqual([...ids].sort());
      expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
      const times = records.map((r) => Date.parse(r.modifiedAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(pages).toBeGreaterThan(3);
      expect(records[0]!.fields).toEqual({ name: 'Co 0' });
    } finally {
      await e.close();
    }
  });

  it('delivers a record written in the watermark millisecond after the last run read it', async () => {
    const e = await startHubSpotEmulator();
    try {
      const p = createHubSpotProvider({ apiBase: e.url, tokens: staticTokens(e.privateAppToken()) });
      const t = Date.UTC(2026, 1, 1, 12);
      const first = e.seed('deals', { dealname: 'First' }, t);
      const run1 = await walk(p, 'opportunity', null, ['dealname']);
      expect(run1.records.map((r) => r.id)).toEqual([first]);
      const watermark = run1.records.at(-1)!.modifiedAt;
      const sameMs = e.seed('deals', { dealname: 'Same millisecond' }, t);
      const later = e.seed('deals', { dealname: 'Later' }, t + 1);
      const earlier = e.seed('deals', { dealname: 'Before the watermark' }, t - 1);
      const run2 = await walk(p, 'opportunity', watermark, ['dealname']);
      const got = run2.records.map((r) => r.id);
      expect(got).toContain(sameMs);
      expect(got).toContain(later);
      expect(got).not.toContain(earlier);
      expect(got.indexOf(later)).toBeGreaterThan(got.indexOf(sameMs));
    } finally {
      await e.close();
    }
  });

  it('loses nothing when records change while it pages, and is not stopped by the 10,000-result cap', async () => {
    const e = await startHubSpotEmulator();
    try {
      const p = createHubSpotProvider({ apiBase: e.url, tokens: staticTokens(e.privateAppToken()) });
      const base = Date.UTC(2026, 2, 1);
      const ids: string[] = [];
      for (let i = 0; i < 10_050; i++)
        ids.push(e.seed('contacts', { email: `p${i}@example.test` }, base + i));
      const seen = new Set<string>();
      let cursor: string | null = null;
      let touched = false;
      do {
        const page = await p.listChanged('lead', null, cursor, ['email']);
        for (const r of page.records) seen.add(r.id);
        if (!touched) {
          // An already-read record and a not-yet-read one change mid-walk; both must come (again) later.
          e.touch('contacts', ids[0]!, { firstname: 'Changed' }, base + 20_000);
          e.touch('contacts', ids[5_000]!, { firstname: 'Changed' }, base + 20_001);
          seen.delete(ids[0]!);
          touched = true;
        }
        cursor = page.next;
      } while (cursor);
      expect(seen.size).toBe(10_050);
      // Search itself refuses to page past 10,000, as HubSpot does.
      const res = await fetch(`${e.url}/crm/v3/objects/contacts/search`, {
        method: 'POST',
        headers: { authorization: `Bearer ${e.privateAppToken()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ after: '9950', limit: 100 }),
      });
      expect(res.status).toBe(400);
    } finally {
      await e.close();
    }
  });
});

describe('listDeleted and bulkExport', () => {
  it('lists the records archived since the watermark', async () => {
    const p = privateApp();
    const t = Date.UTC(2026, 3, 1);
    const a = hs.seed('contacts', { email: 'a@example.test' });
    const b = hs.seed('contacts', { email: 'b@example.test' });
    hs.archive('contacts', a, t - 60_000);
    hs.archive('contacts', b, t + 60_000);
    const ids = await p.listDeleted('lead', new Date(t).toISOString());
    expect(ids).toContain(b);
    expect(ids).not.toContain(a);
  });

  it('exports every record in pages of 100', async () => {
    const e = await startHubSpotEmulator();
    try {
      const p = createHubSpotProvider({ apiBase: e.url, tokens: staticTokens(e.privateAppToken()) });
      for (let i = 0; i < 250; i++) e.seed('deals', { dealname: `D${i}`, amount: i });
      const sizes: number[] = [];
      const amounts: unknown[] = [];
      for await (const page of p.bulkExport('opportunity', ['dealname', 'amount'])) {
        sizes.push(page.length);
        amounts.push(...page.map((r) => r.fields.amount));
      }
      expect(sizes).toEqual([100, 100, 50]);
      expect(amounts).toContain(249);
    } finally {
      await e.close();
    }
  });
});

describe('partners as labelled associations', () => {
  it('replaces the partner labels idempotently and leaves the customer association alone', async () => {
    const p = privateApp();
    const deal = hs.seed('deals', { dealname: 'Partnered' });
    const customer = hs.seed('companies', { name: 'Customer' });
    const reseller = hs.seed('companies', { name: 'Reseller' });
    const referrer = hs.seed('companies', { name: 'Referrer' });
    hs.associate(deal, customer, [5]);
    const links = [
      { accountId: reseller, role: 'Reseller', primary: true },
      { accountId: referrer, role: 'Referrer', primary: false },
    ];
    await p.setPartners(deal, links);
    expect(await p.listPartners(deal)).toEqual(links);
    expect(hs.dealCompanyLabels(deal, reseller)).toEqual(
      expect.arrayContaining(['Partner: Reseller', 'Primary partner']),
    );

    const labelsBefore = hs.portal.labels().length;
    const before = hs.requests.length;
    await p.setPartners(deal, links);
    const writes = hs.requests.slice(before).filter((r) => r.method !== 'GET');
    expect(writes).toEqual([]);
    expect(hs.portal.labels().length).toBe(labelsBefore);

    await p.setPartners(deal, [{ accountId: referrer, role: 'Influencer', primary: true }]);
    expect(await p.listPartners(deal)).toEqual([{ accountId: referrer, role: 'Influencer', primary: true }]);
    expect(hs.dealCompanyLabels(deal, customer)).toEqual([null, 'Primary']);
    await p.setPartners(deal, []);
    expect(await p.listPartners(deal)).toEqual([]);
    expect(hs.dealCompanyLabels(deal, customer)).toEqual([null, 'Primary']);
  });
});

describe('the deal’s customer as its primary company', () => {
  it('creates a deal with its primary company, reads it back on pull, and moves it keeping the old association', async () => {
    const p = privateApp();
    const first = hs.seed('companies', { name: 'First Customer' });
    const second = hs.seed('companies', { name: 'Second Customer' });
    const schema = await p.describe('opportunity');
    expect(schema.fields).toContainEqual(
      expect.objectContaining({ name: PRIMARY_COMPANY_FIELD, type: 'reference', createable: true }),
    );
    const deal = await p.create('opportunity', {
      dealname: 'With a customer',
      [PRIMARY_COMPANY_FIELD]: first,
    });
    expect(hs.dealCompanyLabels(deal, first)).toEqual([null, 'Primary']);
    // The association is not a property: nothing of that name was written to the deal.
    expect(hs.record('deals', deal)!.properties).not.toHaveProperty(PRIMARY_COMPANY_FIELD);
    const read = await p.get('opportunity', deal, ['dealname', PRIMARY_COMPANY_FIELD]);
    expect(read!.fields).toEqual({ dealname: 'With a customer', [PRIMARY_COMPANY_FIELD]: first });
    const since = new Date(Date.now() - 60_000).toISOString();
    const { records } = await walk(p, 'opportunity', since, ['dealname', PRIMARY_COMPANY_FIELD]);
    expect(records.find((r) => r.id === deal)!.fields[PRIMARY_COMPANY_FIELD]).toBe(first);

    await p.update('opportunity', deal, { [PRIMARY_COMPANY_FIELD]: second });
    expect(hs.dealCompanyLabels(deal, second)).toEqual([null, 'Primary']);
    expect(hs.dealCompanyLabels(deal, first)).toEqual([null]);
    expect((await p.get('opportunity', deal, [PRIMARY_COMPANY_FIELD]))!.fields).toEqual({
      [PRIMARY_COMPANY_FIELD]: second,
    });
    // A company HubSpot lacks refuses the whole create, naming nothing half-made.
    const before = hs.portal.objects.deals.size;
    const err = await caught(
      p.create('opportunity', { dealname: 'Orphan', [PRIMARY_COMPANY_FIELD]: '999999' }),
    );
    expect(err.kind).toBe('invalid');
    expect(hs.portal.objects.deals.size).toBe(before);
  });
});

describe('tokens, limits and usage', () => {
  const app = () => ({ apiBase: hs.url, clientId: hs.clientId, clientSecret: hs.clientSecret });

  it('refreshes once after a 401 and retries the call', async () => {
    const grant = hs.oauthGrant();
    let current = grant.accessToken;
    let refreshes = 0;
    const tokens: TokenSource = {
      accessToken: async () => current,
      refresh: async () => {
        refreshes++;
        current = (await refreshHubSpotToken(app(), grant.refreshToken)).accessToken;
        return current;
      },
    };
    const p = createHubSpotProvider({ apiBase: hs.url, tokens });
    hs.expireToken(grant.accessToken);
    const id = await p.create('account', { name: 'After refresh' });
    expect(hs.record('companies', id)).not.toBeNull();
    expect(refreshes).toBe(1);
    expect(current).not.toBe(grant.accessToken);
  });

  it('stops with auth when the refresh token is revoked', async () => {
    const grant = hs.oauthGrant();
    let refreshes = 0;
    const tokens: TokenSource = {
      accessToken: async () => grant.accessToken,
      refresh: async () => {
        refreshes++;
        return (await refreshHubSpotToken(app(), grant.refreshToken)).accessToken;
      },
    };
    hs.expireToken(grant.accessToken);
    hs.revokeRefreshToken(grant.refreshToken);
    const err = await caught(
      createHubSpotProvider({ apiBase: hs.url, tokens }).get('account', '1', ['name']),
    );
    expect(err).toMatchObject({ kind: 'auth', message: 'missing or unknown refresh token' });
    expect(refreshes).toBe(1);
  });

  it('stops with auth when the refreshed token is refused too, without refreshing again', async () => {
    const grant = hs.oauthGrant();
    hs.expireToken(grant.accessToken);
    const tokens = staticTokens(grant.accessToken);
    const err = await caught(createHubSpotProvider({ apiBase: hs.url, tokens }).describe('lead'));
    expect(err.kind).toBe('auth');
    expect(err.message).toMatch(/expired/);
    expect(tokens.refreshes).toBe(1);
  });

  it('reports a 429 as rate_limited with Retry-After, without retrying it behind the core', async () => {
    const p = privateApp();
    hs.throttle(1, 7);
    const before = hs.requests.length;
    const err = await caught(p.get('account', '1', ['name']));
    expect(err).toMatchObject({ kind: 'rate_limited', detail: { retryAfterSeconds: 7, status: 429 } });
    expect(err.message).toMatch(/ten_secondly_rolling/);
    expect(hs.requests.length - before).toBe(1);
  });

  it('reads the API budget from the rate-limit headers', async () => {
    const e = await startHubSpotEmulator({ dailyLimit: 1000 });
    try {
      const p = createHubSpotProvider({ apiBase: e.url, tokens: staticTokens(e.privateAppToken()) });
      expect(p.usage()).toBeNull();
      await p.identify();
      await p.create('account', { name: 'One' });
      expect(p.usage()).toMatchObject({ used: 3, max: 1000 }); // account info, the properties the values are typed by, the create
      e.throttle(1, 3);
      await caught(p.identify());
      expect(p.usage()).toMatchObject({ used: 4, max: 1000 });
      // An OAuth app sees only the 10-second window (110 calls).
      const o = createHubSpotProvider({ apiBase: e.url, tokens: staticTokens(e.oauthGrant().accessToken) });
      await o.identify();
      expect(o.usage()).toMatchObject({ max: 110 });
      expect(o.usage()!.used).toBeGreaterThan(0);
    } finally {
      await e.close();
    }
  });
});

describe('outages', () => {
  it('reports a gateway error page and an unreachable API as unavailable, then works again', async () => {
    const p = privateApp();
    hs.outage(1, 502);
    const err = await caught(p.identify());
    expect(err).toMatchObject({ kind: 'unavailable', detail: { status: 502 } });
    expect((await p.identify()).remoteAccountId).toBe(String(hs.portal.portalId));
    const closed = await startHubSpotEmulator();
    const url = closed.url;
    await closed.close();
    const down = createHubSpotProvider({ apiBase: url, tokens: staticTokens('t') });
    expect((await caught(down.identify())).kind).toBe('unavailable');
    expect((await caught(down.get('account', '1', ['name']))).kind).toBe('unavailable');
  });

  it('gives up on a call HubSpot never answers, as unavailable', async () => {
    const p = createHubSpotProvider({
      apiBase: hs.url,
      tokens: staticTokens(hs.privateAppToken()),
      timeoutMs: 300,
    });
    hs.stall(1);
    const err = await caught(p.identify());
    expect(err.kind).toBe('unavailable');
    expect(err.message).toMatch(/did not answer/);
    expect((await p.identify()).remoteAccountId).toBe(String(hs.portal.portalId));
  });
});

describe('the emulator batch endpoints, through the SDK', () => {
  it('creates, updates and reads in batches, naming the ids it could not find', async () => {
    const client = new Client({ basePath: hs.url, accessToken: hs.privateAppToken() });
    const created = await client.crm.objects.batchApi.create('companies', {
      inputs: [
        { properties: { name: 'Batch A' }, associations: [] },
        { properties: { name: 'Batch B' }, associations: [] },
      ],
    });
    const ids = created.results.map((r) => r.id);
    await client.crm.objects.batchApi.update('companies', {
      inputs: [{ id: ids[0]!, properties: { city: 'Berlin' } }],
    });
    const read = await client.crm.objects.batchApi.read('companies', {
      inputs: [...ids, '999999'].map((id) => ({ id })),
      properties: ['name', 'city'],
      propertiesWithHistory: [],
    });
    expect(read.results.map((r) => r.properties.city ?? null).sort()).toEqual(['Berlin', null]);
    expect('errors' in read && read.errors?.[0]?.context).toEqual({ ids: ['999999'] });
    await expect(
      client.crm.objects.batchApi.create('companies', {
        inputs: [{ properties: { nope: 'x' }, associations: [] }],
      }),
    ).rejects.toMatchObject({ code: 400 });
  });
});

describe('connecting', () => {
  it('runs the OAuth flow: consent URL with state, code exchange, hub id from token info', async () => {
    const redirectUri = 'https://partners.example.test/api/crm/hubspot/callback';
    const { url, state } = hubspotAuthorizeUrl({ clientId: hs.clientId, redirectUri, authorizeBase: hs.url });
    expect(new URL(url).searchParams.get('scope')).toContain('crm.objects.deals.write');
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const back = new URL(res.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe(state);
    const config = { apiBase: hs.url, clientId: hs.clientId, clientSecret: hs.clientSecret, redirectUri };
    const grant = await exchangeHubSpotCode(config, back.searchParams.get('code')!);
    expect(grant).toMatchObject({
      remoteAccountId: String(hs.portal.portalId),
      refreshToken: expect.any(String),
    });
    expect(Date.parse(grant.expiresAt!)).toBeGreaterThan(Date.now());
    const p = createHubSpotProvider({ apiBase: hs.url, tokens: staticTokens(grant.accessToken) });
    expect((await p.identify()).remoteAccountId).toBe(grant.remoteAccountId);
    // A code is good once.
    const again = await caught(exchangeHubSpotCode(config, back.searchParams.get('code')!));
    expect(again).toMatchObject({ kind: 'auth', message: 'missing or unknown auth code' });
  });

  it("fails a wrong client secret and a wrong private-app token with HubSpot's own message", async () => {
    const wrong = {
      apiBase: hs.url,
      clientId: hs.clientId,
      clientSecret: 'nope',
      redirectUri: 'https://x.test/cb',
    };
    expect(await caught(exchangeHubSpotCode(wrong, 'abc'))).toMatchObject({
      kind: 'auth',
      message: expect.stringMatching(/client_secret/),
    });
    const good = await verifyHubSpotPrivateAppToken(hs.privateAppToken(), hs.url);
    expect(good.remoteAccountId).toBe(String(hs.portal.portalId));
    const bad = await caught(verifyHubSpotPrivateAppToken('pat-na1-wrong', hs.url));
    expect(bad).toMatchObject({
      kind: 'auth',
      message: expect.stringMatching(/^Authentication credentials not found/),
    });
  });
});
