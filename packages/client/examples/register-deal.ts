// Registers a deal with the typed client — what a partner's CRM integration does.
//   PARTNERGRAPH_URL=http://localhost:3000 PARTNERGRAPH_TOKEN=pgt_… npx tsx packages/client/examples/register-deal.ts
import { createPartnerGraphClient, type PartnerGraphClient } from '../src/index';

export async function registerDeal(client: PartnerGraphClient, customerName: string) {
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const { data, error, response } = await client.POST('/api/v1/deals', {
    body: {
      customerName,
      customerDomain: `${customerName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.com`,
      country: 'US',
      industry: '51',
      amount: 4_200_000, // minor units: 42,000.00
      currency: 'USD',
      products: ['Backup Pro'],
      expectedCloseDate: inDays(45),
    },
  });
  if (error) {
    // RFC 9457 problem details: `errors` names every bad field.
    const fields = (error.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; ');
    throw new Error(`${response.status} ${error.title}: ${error.detail ?? ''} ${fields}`.trim());
  }
  return data;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const baseUrl = process.env.PARTNERGRAPH_URL ?? 'http://localhost:3000';
  const token = process.env.PARTNERGRAPH_TOKEN;
  if (!token) throw new Error('Set PARTNERGRAPH_TOKEN to an API token (Settings → API tokens)');
  const deal = await registerDeal(createPartnerGraphClient({ baseUrl, token }), 'Fabrikam Retail');
  console.log(`Registered deal ${deal.id} (${deal.status}); possible conflicts: ${deal.conflicts.length}`);
}
