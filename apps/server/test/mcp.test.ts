import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDealRecord } from '../src/seed/factories';
import { as, type Session, signIn, startTestApp, type TestApp } from './app';
import { buildEcosystem, type Ecosystem, PASSWORD } from './ecosystem';

// The MCP server driven by the SDK's own client, over both transports, as an assistant would.
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let t: TestApp;
let e: Ecosystem;
let base: string;
let admin: Session;
let aUser: Session;
const tokens: Record<string, { id: string; token: string }> = {};

type ToolText = { content: { type: string; text: string }[]; isError?: boolean };
const textOf = (r: unknown) => (r as ToolText).content[0]!.text;
const jsonOf = (r: unknown) => JSON.parse(textOf(r)) as Record<string, unknown>;

async function newToken(session: Session, scope: 'read' | 'read_write', name: string) {
  const res = await as(t.app, session).post('/api/v1/tokens', { name, scope, expiresInDays: 7 });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; token: string };
}

async function httpClient(token: string) {
  const client = new Client({ name: 'test-assistant', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${base}/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${token}` } },
    }),
  );
  return client;
}

const dealBody = {
  customerName: 'Globex Corporation',
  customerDomain: 'globex.com',
  country: 'US',
  industry: '51',
  amount: 1_200_000,
  currency: 'USD',
  products: ['Backup Pro'],
  expectedCloseDate: new Date(Date.now() + 60 * 86400_000).toISOString().slice(0, 10),
};

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  admin = await signIn(t.app, e.admin.email, PASSWORD);
  aUser = await signIn(t.app, e.aUser.email, PASSWORD);
  const bUser = await signIn(t.app, e.bUser.email, PASSWORD);
  tokens.partner = await newToken(aUser, 'read_write', 'assistant');
  tokens.partnerOther = await newToken(aUser, 'read_write', 'second assistant');
  tokens.partnerRead = await newToken(aUser, 'read', 'read-only assistant');
  tokens.otherPartner = await newToken(bUser, 'read_write', 'beta assistant');
  tokens.vendor = await newToken(admin, 'read_write', 'vendor assistant');
});
afterAll(() => t.close());

describe('the MCP server over streamable HTTP', () => {
  it('lists the operations the token’s role and scope allow, and no vendor-only ones to a partner', async () => {
    const partner = await httpClient(tokens.partner!.token);
    const names = (await partner.listTools()).tools.map((x) => x.name);
    expect(names).toEqual(
      expect.arrayContaining(['get_deals', 'post_deals', 'get_deals_by_id', 'confirm_write']),
    );
    expect(names).toContain('find_partners_for_customer');
    // Vendor-only operations (exchange rates, the email outbox, webhooks) are not offered to a partner.
    for (const vendorOnly of ['post_fx_rates', 'get_emails', 'post_webhooks'])
      expect(names).not.toContain(vendorOnly);
    // Credentials stay a person's: no token or sign-in tools for anyone.
    expect(names.some((n) => /tokens|auth_login|mfa/.test(n))).toBe(false);
    await partner.close();

    const vendor = await httpClient(tokens.vendor!.token);
    expect((await vendor.listTools()).tools.map((x) => x.name)).toEqual(
      expect.arrayContaining(['post_fx_rates', 'get_emails']),
    );
    await vendor.close();

    const readOnly = await httpClient(tokens.partnerRead!.token);
    const readNames = (await readOnly.listTools()).tools.map((x) => x.name);
    expect(readNames).toContain('get_deals');
    expect(readNames).not.toContain('post_deals');
    expect(readNames).not.toContain('confirm_write');
    await readOnly.close();
  });

  it('runs a read as the token’s user: its own records, and 404 for another partner’s', async () => {
    const own = await createDealRecord(t.database.db, {
      registeredByOrgId: e.partnerA.id,
      customerName: 'Own Co',
    });
    const theirs = await createDealRecord(t.database.db, { registeredByOrgId: e.partnerB.id });
    const client = await httpClient(tokens.partner!.token);
    const read = await client.callTool({ name: 'get_deals_by_id', arguments: { path: { id: own.id } } });
    expect((read as ToolText).isError, textOf(read)).toBeFalsy();
    expect(jsonOf(read)).toMatchObject({ id: own.id, customer: { name: 'Own Co' } });
    const refused = await client.callTool({
      name: 'get_deals_by_id',
      arguments: { path: { id: theirs.id } },
    });
    expect((refused as ToolText).isError).toBe(true);
    expect(jsonOf(refused)).toMatchObject({ status: 404 });
    await client.close();
  });

  it('answers bad arguments with a tool error naming the field, never a protocol error', async () => {
    const client = await httpClient(tokens.partner!.token);
    const missing = await client.callTool({ name: 'get_deals_by_id', arguments: {} });
    expect((missing as ToolText).isError).toBe(true);
    expect(textOf(missing)).toContain('path.id');
    const badQuery = await client.callTool({ name: 'get_deals', arguments: { query: { limit: 'many' } } });
    expect((badQuery as ToolText).isError).toBe(true);
    expect(textOf(badQuery)).toContain('limit');
    const unknown = await client.callTool({ name: 'get_deals', arguments: { query: { colour: 'red' } } });
    expect(textOf(unknown)).toContain('query.colour');
    // A write whose body the operation's schema refuses is not even proposed: the person is not asked.
    const { customerName: _, ...nameless } = dealBody;
    const unproposed = await client.callTool({
      name: 'post_deals',
      arguments: { body: { ...nameless, amount: -5, colour: 'red' } },
    });
    expect((unproposed as ToolText).isError).toBe(true);
    for (const field of ['body.customerName', 'body.amount', 'body.colour'])
      expect(textOf(unproposed)).toContain(field);
    expect(
      Number((await t.database.db.execute(sql`select count(*)::int as n from mcp_proposals`)).rows[0]!.n),
    ).toBe(0);
    const noSuchTool = await client.callTool({ name: 'post_fx_rates', arguments: {} });
    expect((noSuchTool as ToolText).isError).toBe(true);
    await client.close();
  });

  it('proposes a deal registration, writes nothing until it is confirmed, then audits it with the token', async () => {
    const count = async () =>
      Number(
        (
          await t.database.db.execute(
            sql`select count(*)::int as n from deals where customer_name = 'Globex Corporation'`,
          )
        ).rows[0]!.n,
      );
    const client = await httpClient(tokens.partner!.token);
    const proposed = jsonOf(await client.callTool({ name: 'post_deals', arguments: { body: dealBody } }));
    expect(proposed).toMatchObject({ proposed: true, written: false });
    expect(await count()).toBe(0);

    // Another token of the same person, or another partner's, cannot confirm it.
    for (const other of [tokens.partnerOther!, tokens.otherPartner!]) {
      const stranger = await httpClient(other.token);
      const refused = await stranger.callTool({
        name: 'confirm_write',
        arguments: { confirmationId: proposed.confirmationId },
      });
      expect((refused as ToolText).isError).toBe(true);
      expect(jsonOf(refused)).toMatchObject({ status: 404 });
      await stranger.close();
    }
    expect(await count()).toBe(0);

    const confirmed = jsonOf(
      await client.callTool({
        name: 'confirm_write',
        arguments: { confirmationId: proposed.confirmationId },
      }),
    );
    expect(confirmed, JSON.stringify(confirmed)).toMatchObject({
      status: 201,
      response: { customer: { name: 'Globex Corporation' } },
    });
    expect(await count()).toBe(1);
    const dealId = (confirmed.response as { id: string }).id;
    const audit = (await as(t.app, admin).get(`/api/v1/audit-log?entityType=deal&entityId=${dealId}`)).json();
    expect(audit.items.length).toBeGreaterThan(0);
    expect(audit.items[0].actor).toMatchObject({ userId: e.aUser.id, apiTokenId: tokens.partner!.id });
    const trail = (
      await as(t.app, admin).get(
        `/api/v1/audit-log?entityType=mcp_proposal&entityId=${proposed.confirmationId}`,
      )
    ).json();
    expect(trail.items.map((x: { action: string }) => x.action).sort()).toEqual([
      'mcp.write_confirmed',
      'mcp.write_proposed',
      'mcp.write_ran',
    ]);

    // A confirmation works once.
    const again = await client.callTool({
      name: 'confirm_write',
      arguments: { confirmationId: proposed.confirmationId },
    });
    expect((again as ToolText).isError).toBe(true);
    expect(jsonOf(again)).toMatchObject({ status: 409 });
    expect(await count()).toBe(1);
    await client.close();
  });

  it('refuses an expired confirmation, and reports a write the API refuses naming the field', async () => {
    const client = await httpClient(tokens.partner!.token);
    const stale = jsonOf(await client.callTool({ name: 'post_deals', arguments: { body: dealBody } }));
    await t.database.db.execute(
      sql`update mcp_proposals set expires_at = now() - interval '1 minute' where id = ${stale.confirmationId as string}`,
    );
    const expired = await client.callTool({
      name: 'confirm_write',
      arguments: { confirmationId: stale.confirmationId },
    });
    expect(jsonOf(expired)).toMatchObject({ status: 409 });
    expect(textOf(expired)).toContain('expired');

    const bad = jsonOf(
      await client.callTool({ name: 'post_deals', arguments: { body: { ...dealBody, country: 'XX' } } }),
    );
    const ran = await client.callTool({
      name: 'confirm_write',
      arguments: { confirmationId: bad.confirmationId },
    });
    expect((ran as ToolText).isError).toBe(true);
    expect(textOf(ran)).toContain('country');
    await client.close();
  });

  it('answers the composed question: partners who could take this customer, and whether a deal covers it', async () => {
    const client = await httpClient(tokens.vendor!.token);
    const answer = jsonOf(
      await client.callTool({
        name: 'find_partners_for_customer',
        arguments: { customerName: 'Globex Corporation', customerDomain: 'globex.com', country: 'US' },
      }),
    );
    expect(answer, JSON.stringify(answer)).toMatchObject({ alreadyCovered: true });
    expect((answer.openDeals as unknown[]).length).toBeGreaterThan(0);
    expect(Array.isArray(answer.candidates)).toBe(true);
    await client.close();
  });

  it('serves the metric definitions and the partner’s own scorecard as resources', async () => {
    const client = await httpClient(tokens.partner!.token);
    const metrics = await client.readResource({ uri: 'partnergraph://docs/metrics' });
    expect((metrics.contents[0] as { text: string }).text).toContain('How every figure is computed');
    const card = await client.readResource({ uri: 'partnergraph://me/scorecard' });
    expect(JSON.parse((card.contents[0] as { text: string }).text)).toHaveProperty('partner');
    await client.close();
  });

  it('takes only API tokens: a browser session is refused, and so is no credential', async () => {
    const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: {} };
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    expect((await fetch(`${base}/mcp`, { method: 'POST', headers, body: JSON.stringify(init) })).status).toBe(
      401,
    );
    const cookie = await as(t.app, aUser).post('/mcp', init, headers);
    expect(cookie.statusCode).toBe(401);
  });
});

describe('the MCP server over stdio (npx partnergraph mcp)', () => {
  it('lists tools and runs a read through the running server with the token', async () => {
    const client = new Client({ name: 'desktop-assistant', version: '1.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [path.join(serverDir, 'bin', 'partnergraph.mjs'), 'mcp', '--url', base],
        cwd: serverDir,
        env: {
          ...(process.env as Record<string, string>),
          PARTNERGRAPH_TOKEN: tokens.partnerRead!.token,
          LOG_LEVEL: 'silent',
        },
        stderr: 'pipe',
      }),
    );
    const names = (await client.listTools()).tools.map((x) => x.name);
    expect(names).toContain('get_deals');
    expect(names).not.toContain('post_deals');
    const deals = jsonOf(await client.callTool({ name: 'get_deals', arguments: { query: { limit: 5 } } }));
    expect(Array.isArray(deals.items)).toBe(true);
    await client.close();
  }, 60_000);
});
