// The cross-tenant walker's rule, for the MCP's tools: every read tool that takes a record's id,
// given another partner's record by a partner's token, answers "not found" (a tool error), while the
// owner's token reads it. The tools are the API's own routes called with the caller's token, so this
// is the same rule as cross-tenant.test.ts, checked through the tool layer rather than assumed.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMcpServer, type ApiCall } from '../src/modules/mcp/mcp.server';
import { createApiTokenRecord } from '../src/seed/factories';
import { startTestApp, type TestApp } from './app';
import { buildEcosystem, type Ecosystem } from './ecosystem';
import { examples } from './route-examples';

let t: TestApp;
let e: Ecosystem;

type ToolText = { content: { type: string; text: string }[]; isError?: boolean };

/** An assistant connected with this token: the MCP server in process, its API calls through the app. */
async function assistant(token: string) {
  const api: ApiCall = async ({ method, url, body }) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: { authorization: `Bearer ${token}` },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    const json = res.headers['content-type']?.toString().includes('json');
    return { status: res.statusCode, body: json ? JSON.parse(res.body) : res.body };
  };
  const server = createMcpServer(api, { metricsFile: '', version: 'test' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = new Client({ name: 'walker', version: '1' });
  await client.connect(clientSide);
  return client;
}

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
});
afterAll(() => t?.close());

describe('MCP read tools across partners', () => {
  it('answer not found to a partner given another partner’s ids, and read for the owner', async () => {
    let checked = 0;
    for (const [a, b] of [
      [e.aUser, e.bUser],
      [e.aAdmin, e.bAdmin],
    ] as const) {
      const intruder = await assistant((await createApiTokenRecord(t.database.db, { userId: a.id })).token);
      const owner = await assistant((await createApiTokenRecord(t.database.db, { userId: b.id })).token);
      const tools = (await intruder.listTools()).tools.filter((x) => x.annotations?.readOnlyHint);
      const ownerTools = new Set((await owner.listTools()).tools.map((x) => x.name));
      const listed = (await t.app.inject({ method: 'GET', url: '/api/v1/mcp/tools', headers: {} }))
        .statusCode;
      expect(listed).toBe(401);
      for (const tool of tools) {
        const spec = (tool.inputSchema.properties ?? {}) as Record<string, unknown>;
        if (!spec.path) continue;
        const pathTemplate = tool.description!.match(/GET (\/api\/v1\/\S+?)\.(\s|$)/)?.[1];
        const example = pathTemplate ? examples[`GET ${pathTemplate}`] : undefined;
        expect(example, `an example for ${tool.name}`).toBeTruthy();
        const req = await example!({ e, owner: e.partnerB, user: b, t });
        if (req.shared) continue;
        const args = {
          path: req.params ?? {},
          ...(req.query ? { query: Object.fromEntries(new URLSearchParams(req.query)) } : {}),
        };
        const res = (await intruder.callTool({ name: tool.name, arguments: args })) as ToolText;
        expect(res.isError, `${tool.name} with B's ids as A: ${res.content[0]?.text}`).toBe(true);
        expect(JSON.parse(res.content[0]!.text), tool.name).toMatchObject({ status: 404 });
        if (ownerTools.has(tool.name)) {
          const control = (await owner.callTool({
            name: tool.name,
            arguments: {
              path: (await example!({ e, owner: e.partnerB, user: b, t })).params ?? {},
              ...(req.query ? { query: Object.fromEntries(new URLSearchParams(req.query)) } : {}),
            },
          })) as ToolText;
          expect(control.isError, `${tool.name} as its owner: ${control.content[0]?.text}`).toBeFalsy();
        }
        checked++;
      }
      await intruder.close();
      await owner.close();
    }
    expect(checked).toBeGreaterThan(20);
  }, 300_000);
});
