import { readFile } from 'node:fs/promises';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  type CallToolResult,
  ListResourcesRequestSchema,
  ListToolsRequestSchema,
  ReadResourceRequestSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { requestOf, ToolArgumentError, type ToolSpec } from './mcp.tools';

/**
 * One API call as the token that connected: in the server, an in-process request carrying the
 * caller's Authorization header; in `partnergraph mcp` (stdio), an HTTP request to the server. Either
 * way it passes the same gate, visibility and audit as any other client.
 */
export type ApiCall = (req: { method: string; url: string; body?: unknown }) => Promise<{
  status: number;
  body: unknown;
}>;

export interface McpOptions {
  /** docs/METRICS.md: the exact definitions every figure follows. */
  metricsFile: string;
  version: string;
}

const CONFIRM = 'confirm_write';
const FIND_PARTNERS = 'find_partners_for_customer';

const text = (value: unknown, isError = false): CallToolResult => ({
  content: [{ type: 'text', text: typeof value === 'string' ? value : JSON.stringify(value, null, 2) }],
  ...(isError ? { isError: true } : {}),
});

/** An API answer as a tool result: problem details (naming each bad field) are a tool error, not a crash. */
const answer = (r: { status: number; body: unknown }) =>
  text(r.body ?? { status: r.status }, r.status >= 400);

const composedTools = (tools: ToolSpec[]) => {
  const names = new Set(tools.map((t) => t.name));
  const extra = [];
  if (tools.some((t) => t.write)) {
    extra.push({
      name: CONFIRM,
      title: 'Confirm a proposed write',
      description:
        'Runs a write another tool proposed, after the person you act for has agreed to exactly what it showed. Each confirmation id works once, for ten minutes, and only with the token that proposed it.',
      inputSchema: {
        type: 'object',
        properties: { confirmationId: { type: 'string', description: 'The id the write tool answered' } },
        required: ['confirmationId'],
        additionalProperties: false,
      },
    });
  }
  if (names.has('get_marketplace_search') && names.has('get_deals_conflict_check')) {
    extra.push({
      name: FIND_PARTNERS,
      title: 'Partners who could take this customer',
      description:
        'For a customer (name, and its domain when known): published partners serving its country and industry, whether an open deal already covers the customer (and who holds it), and which candidates are recommended for you. Built from the marketplace search, the deal conflict check and the recommendations; it sees only what you may see.',
      inputSchema: {
        type: 'object',
        properties: {
          customerName: { type: 'string', minLength: 2 },
          customerDomain: { type: 'string' },
          country: { type: 'string', description: 'ISO 3166-1 alpha-2' },
          industry: { type: 'string', description: 'NAICS sector code' },
          need: { type: 'string', description: 'Words to search profiles for (a product, a service)' },
        },
        required: ['customerName'],
        additionalProperties: false,
      },
    });
  }
  return extra;
};

export function createMcpServer(api: ApiCall, options: McpOptions): Server {
  const server = new Server(
    { name: 'partnergraph', version: options.version },
    {
      capabilities: { tools: {}, resources: {} },
      instructions:
        'PartnerGraph: a partner ecosystem platform. Tools are its API operations, as the token you connected with may call them. Reads run at once. Writes are proposed first: show the person what the proposal says, and call confirm_write with its confirmation id only after they agree.',
    },
  );
  let tools: ToolSpec[] | null = null;
  const loadTools = async () => {
    if (tools) return tools;
    const r = await api({ method: 'GET', url: '/mcp/tools' });
    if (r.status !== 200) throw new Error(`The server refused the tool list (${r.status})`);
    tools = (r.body as { items: ToolSpec[] }).items;
    return tools;
  };

  server.setRequestHandler(ListToolsRequestSchema, async () => {
    const all = await loadTools();
    return {
      tools: [
        ...all.map((t) => ({
          name: t.name,
          title: t.title,
          description: t.description,
          inputSchema: t.inputSchema as { type: 'object' },
          annotations: { readOnlyHint: !t.write, destructiveHint: t.method === 'DELETE' },
        })),
        ...composedTools(all),
      ],
    };
  });

  server.setRequestHandler(CallToolRequestSchema, async (req) => {
    const all = await loadTools();
    const args = req.params.arguments ?? {};
    if (req.params.name === CONFIRM && all.some((t) => t.write)) {
      const id = (args as { confirmationId?: unknown }).confirmationId;
      if (typeof id !== 'string' || !id)
        return text('confirmationId: is required (the id a write tool answered)', true);
      const r = await api({ method: 'POST', url: `/mcp/proposals/${encodeURIComponent(id)}/confirm` });
      if (r.status >= 400) return answer(r);
      // Confirmed and run: the write's own answer decides whether the tool failed (a refused field, say).
      return text(r.body, (r.body as { status: number }).status >= 400);
    }
    if (req.params.name === FIND_PARTNERS && composedTools(all).some((t) => t.name === FIND_PARTNERS)) {
      return findPartnersForCustomer(api, args);
    }
    const tool = all.find((t) => t.name === req.params.name);
    if (!tool) return text(`No tool named ${req.params.name} is available to this token`, true);
    if (tool.write) {
      const r = await api({
        method: 'POST',
        url: '/mcp/proposals',
        body: { tool: tool.name, arguments: args },
      });
      if (r.status >= 400) return answer(r);
      const p = r.body as { id: string; method: string; path: string; body: unknown; expiresAt: string };
      return text({
        proposed: true,
        written: false,
        confirmationId: p.id,
        expiresAt: p.expiresAt,
        request: { method: p.method, path: `/api/v1${p.path}`, body: p.body },
        next: `Nothing has been written. Show the person this request; if they agree, call ${CONFIRM} with this confirmationId.`,
      });
    }
    try {
      return answer(await api(requestOf(tool, args)));
    } catch (err) {
      if (err instanceof ToolArgumentError) return text(err.message, true);
      throw err;
    }
  });

  server.setRequestHandler(ListResourcesRequestSchema, async () => ({
    resources: [
      {
        uri: 'partnergraph://docs/metrics',
        name: 'metrics',
        title: 'Metric definitions',
        description: 'The exact definition of every figure PartnerGraph shows (docs/METRICS.md)',
        mimeType: 'text/markdown',
      },
      {
        uri: 'partnergraph://me/scorecard',
        name: 'scorecard',
        title: 'Your organization’s scorecard',
        description: 'For a partner: its revenue, pipeline, referrals, engagement, health and tier progress',
        mimeType: 'application/json',
      },
    ],
  }));

  server.setRequestHandler(ReadResourceRequestSchema, async (req) => {
    const uri = req.params.uri;
    if (uri === 'partnergraph://docs/metrics') {
      return {
        contents: [{ uri, mimeType: 'text/markdown', text: await readFile(options.metricsFile, 'utf8') }],
      };
    }
    if (uri === 'partnergraph://me/scorecard') {
      const me = await api({ method: 'GET', url: '/me' });
      const org = (me.body as { organization?: { id: string; kind: string } }).organization;
      const body =
        org?.kind === 'partner'
          ? (await api({ method: 'GET', url: `/analytics/partners/${org.id}/scorecard` })).body
          : { message: 'Scorecards are per partner: read one with get_analytics_partners_by_id_scorecard.' };
      return { contents: [{ uri, mimeType: 'application/json', text: JSON.stringify(body, null, 2) }] };
    }
    throw new Error(`No resource ${uri}`);
  });

  return server;
}

async function findPartnersForCustomer(api: ApiCall, args: Record<string, unknown>): Promise<CallToolResult> {
  const str = (k: string) => (typeof args[k] === 'string' && args[k] ? (args[k] as string) : undefined);
  const customerName = str('customerName');
  if (!customerName || customerName.trim().length < 2)
    return text('customerName: at least 2 characters', true);
  const search = new URLSearchParams({ limit: '10' });
  for (const [k, v] of [
    ['q', str('need')],
    ['country', str('country')],
    ['industry', str('industry')],
  ] as const)
    if (v) search.set(k, v);
  const check = new URLSearchParams({ customerName });
  if (str('customerDomain')) check.set('customerDomain', str('customerDomain')!);
  const [found, conflicts, recommended] = await Promise.all([
    api({ method: 'GET', url: `/marketplace/search?${search}` }),
    api({ method: 'GET', url: `/deals/conflict-check?${check}` }),
    api({ method: 'GET', url: '/recommendations' }),
  ]);
  if (found.status >= 400) return answer(found);
  if (conflicts.status >= 400) return answer(conflicts);
  const reasons = new Map(
    recommended.status === 200
      ? (recommended.body as { items: { organizationId: string; reasons: string[] }[] }).items.map((r) => [
          r.organizationId,
          r.reasons,
        ])
      : [],
  );
  const open = (conflicts.body as { items: unknown[] }).items;
  return text({
    customer: { name: customerName, domain: str('customerDomain') ?? null },
    alreadyCovered: open.length > 0,
    openDeals: open,
    candidates: (
      found.body as {
        items: {
          organizationId: string;
          name: string;
          partnerTypes: string[];
          countries: string[];
          badges: string[];
        }[];
      }
    ).items.map((p) => ({
      organizationId: p.organizationId,
      name: p.name,
      partnerTypes: p.partnerTypes,
      countries: p.countries,
      badges: p.badges,
      recommendedForYou: reasons.get(p.organizationId) ?? [],
    })),
  });
}
