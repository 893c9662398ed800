import { createHash } from 'node:crypto';
import { can, type Permission, type Role } from '@partnergraph/shared/permissions';

/**
 * The MCP's tools are the API's operations, generated from the OpenAPI document the API already
 * publishes: each operation's summary, its parameters and body as the input schema, and who may call
 * it (`x-access`). Nothing here decides what a person may see: a tool call is the same HTTP request a
 * person's integration would send, through the same gate, visibility and audit.
 */

export type JsonSchema = Record<string, unknown>;

export interface ToolSpec {
  name: string;
  title: string;
  description: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The API path below /api/v1, with `{name}` for each path parameter. */
  path: string;
  access: string;
  /** A write is never run as called: it is proposed, and runs only once a person confirms it. */
  write: boolean;
  inputSchema: JsonSchema;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}
interface Operation {
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
  'x-access'?: string;
}
export interface OpenApiDocument {
  paths?: Record<string, Record<string, Operation>>;
}

const API_PREFIX = '/api/v1';

/**
 * What an assistant is not offered, whatever its token's role: signing in and out, credentials and
 * second factors, single sign-on and provisioning set-up, and the MCP's own confirmation routes. A
 * token cannot create tokens in any case; these stay a person's to do in the app.
 */
const NOT_FOR_ASSISTANTS = [
  /^\/auth(\/|$)/,
  /^\/tokens(\/|$)/,
  /^\/me\/(mfa|passkeys|password|sessions)/,
  /^\/mfa(\/|$)/,
  /^\/sso(\/|$)/,
  /^\/scim-tokens(\/|$)/,
  /^\/scim(\/|$)/,
  /^\/mcp(\/|$)/,
  /^\/public(\/|$)/,
  /^\/openapi\.json$/,
];

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** `get /deals/{id}/conflicts` → `get_deals_by_id_conflicts`: stable, readable, within MCP's 64 characters. */
export function toolName(method: string, path: string): string {
  const words = path
    .split('/')
    .filter(Boolean)
    .map((s) => (s.startsWith('{') ? `by_${s.slice(1, -1)}` : s))
    .join('_')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
  const name = `${method.toLowerCase()}_${words}`;
  if (name.length <= 64) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 6);
  return `${name.slice(0, 57)}_${hash}`;
}

const jsonBodyOf = (op: Operation) => op.requestBody?.content?.['application/json']?.schema;

/**
 * Answers JSON (or 204, nothing): a download (a CSV, a PDF statement, a stored file), which declares
 * no JSON answer, is for people and files, not for a tool.
 */
function answersJson(op: Operation): boolean {
  const ok = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
  return ok.length > 0 && ok.every(([code, r]) => code === '204' || 'application/json' in (r.content ?? {}));
}

function objectOf(params: Parameter[]): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(
      params.map((p) => [
        p.name,
        { ...(p.schema ?? {}), ...(p.description ? { description: p.description } : {}) },
      ]),
    ),
    required: params.filter((p) => p.required).map((p) => p.name),
    additionalProperties: false,
  };
}

export function toolsFromOpenApi(doc: OpenApiDocument): ToolSpec[] {
  const tools: ToolSpec[] = [];
  for (const [fullPath, item] of Object.entries(doc.paths ?? {})) {
    if (!fullPath.startsWith(API_PREFIX)) continue;
    const path = fullPath.slice(API_PREFIX.length) || '/';
    if (NOT_FOR_ASSISTANTS.some((re) => re.test(path))) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const access = op['x-access'];
      if (!access || access === 'public' || access === 'scim') continue;
      if (op.requestBody && !jsonBodyOf(op)) continue;
      if (!answersJson(op)) continue;
      const params = op.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path');
      const queryParams = params.filter((p) => p.in === 'query');
      const properties: JsonSchema = {};
      const required: string[] = [];
      if (pathParams.length) {
        properties.path = objectOf(pathParams.map((p) => ({ ...p, required: true })));
        required.push('path');
      }
      if (queryParams.length) properties.query = objectOf(queryParams);
      const body = jsonBodyOf(op);
      if (body) {
        properties.body = body;
        if (op.requestBody?.required) required.push('body');
      }
      const write = method !== 'get';
      tools.push({
        name: toolName(method, path),
        title: op.summary ?? `${method.toUpperCase()} ${path}`,
        description: [
          op.summary,
          op.description,
          `${method.toUpperCase()} /api/v1${path}.`,
          write
            ? 'A write: calling it proposes the change and answers a confirmation id; nothing is written until a person agrees and confirm_write is called with that id.'
            : '',
        ]
          .filter(Boolean)
          .join('\n\n'),
        method: method.toUpperCase() as ToolSpec['method'],
        path,
        access,
        write,
        inputSchema: { type: 'object', properties, required, additionalProperties: false },
      });
    }
  }
  return tools.sort((a, b) => a.name.localeCompare(b.name));
}

/** The tools a caller may use: its role's permissions, and no writes for a read-only token. */
export function toolsFor(
  caller: { role: Role; scope: 'read' | 'read_write' },
  tools: ToolSpec[],
): ToolSpec[] {
  return tools.filter(
    (t) =>
      (t.access === 'authenticated' || can(caller.role, t.access as Permission)) &&
      (!t.write || caller.scope === 'read_write'),
  );
}

export class ToolArgumentError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The HTTP request a tool call stands for. Only the arguments' shape is checked here (which
 * parameters exist); their values are the API's to judge, and its problem details name the field.
 */
export function requestOf(
  tool: ToolSpec,
  args: unknown,
): { method: ToolSpec['method']; url: string; body?: unknown } {
  const a = args === undefined ? {} : args;
  if (!isObject(a)) throw new ToolArgumentError('arguments', 'must be an object with path, query and body');
  for (const key of Object.keys(a)) {
    if (!(key in ((tool.inputSchema.properties as JsonSchema) ?? {})))
      throw new ToolArgumentError(key, `${tool.name} takes no ${key}`);
  }
  const props = tool.inputSchema.properties as Record<string, JsonSchema>;
  const given = (key: 'path' | 'query') => {
    const v = a[key] ?? {};
    if (!isObject(v)) throw new ToolArgumentError(key, 'must be an object');
    const allowed = Object.keys((props[key]?.properties as JsonSchema) ?? {});
    for (const name of Object.keys(v)) {
      if (!allowed.includes(name))
        throw new ToolArgumentError(`${key}.${name}`, 'is not a parameter of this tool');
    }
    return v;
  };
  const pathArgs = given('path');
  const url = tool.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = pathArgs[name];
    if (typeof v !== 'string' && typeof v !== 'number')
      throw new ToolArgumentError(`path.${name}`, 'is required (a string)');
    return encodeURIComponent(String(v));
  });
  const search = new URLSearchParams();
  for (const [name, v] of Object.entries(given('query'))) {
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item === undefined || item === null) continue;
      if (typeof item === 'object')
        throw new ToolArgumentError(`query.${name}`, 'must be a string, number or boolean');
      search.append(name, String(item));
    }
  }
  const qs = search.toString();
  const required = (tool.inputSchema.required as string[]) ?? [];
  if (required.includes('body') && a.body === undefined) throw new ToolArgumentError('body', 'is required');
  return {
    method: tool.method,
    url: qs ? `${url}?${qs}` : url,
    ...(a.body !== undefined ? { body: a.body } : {}),
  };
}
