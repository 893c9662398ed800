import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDeal } from '../../../packages/client/examples/register-deal';
import { createPartnerGraphClient } from '../../../packages/client/src/index';
import { createApiTokenRecord } from '../src/seed/factories';
import { startTestApp, type TestApp } from './app';
import { buildEcosystem, type Ecosystem } from './ecosystem';

// The published client and its example, against a real listening server.
let t: TestApp;
let e: Ecosystem;
let baseUrl = '';

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t?.close());

describe('the typed API client', () => {
  it('registers a deal with an API token, as the example script does', async () => {
    const { token } = await createApiTokenRecord(t.database.db, { userId: e.aUser.id });
    const client = createPartnerGraphClient({ baseUrl, token });
    const deal = await registerDeal(client, 'Fabrikam Retail');
    expect(deal).toMatchObject({
      customer: { name: 'Fabrikam Retail' },
      status: 'registered',
      currency: 'USD',
    });
    const { data } = await client.GET('/api/v1/deals/{id}', { params: { path: { id: deal.id } } });
    expect(data?.amount).toBe(4_200_000);
  });

  it('surfaces the server’s problem details', async () => {
    const { token } = await createApiTokenRecord(t.database.db, { userId: e.aUser.id, scope: 'read' });
    await expect(registerDeal(createPartnerGraphClient({ baseUrl, token }), 'Read Only')).rejects.toThrow(
      /^403/,
    );
  });
});
