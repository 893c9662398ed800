import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { type ApiCall, createMcpServer, type McpOptions } from './mcp.server';

/**
 * `partnergraph mcp`: the MCP server on stdio for a desktop assistant or an IDE agent. It holds no
 * database: every tool call is an HTTPS request to the running server with the API token, so it sees
 * and may change exactly what that token may through the API.
 */
export async function runStdioMcp(opts: { url: string; token: string | undefined } & McpOptions) {
  const token = opts.token?.trim();
  if (!token) throw new Error('Set PARTNERGRAPH_TOKEN to an API token (Settings → API tokens)');
  const base = opts.url.replace(/\/$/, '');
  const api: ApiCall = async ({ method, url, body }) => {
    const res = await fetch(`${base}/api/v1${url}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/json',
        'user-agent': 'partnergraph-mcp',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed };
  };
  const server = createMcpServer(api, opts);
  await server.connect(new StdioServerTransport());
}
