// Every HubSpot call goes through `call`: it builds an @hubspot/api-client Client pointed at the API base
// the connection is configured with, with the current token, and turns what comes back into what the core
// needs — one refresh and one retry after a 401, every other failure a CrmError, the rate-limit headers
// of every response (errors included) remembered for usage().
//
// The SDK's own retry and limiter are deliberately left off (numberOfApiCallRetries 0, no limiterOptions):
// its retry sleeps 10 s per attempt on a 429 and then rethrows, and its Bottleneck queue spaces every call
// by ~110 ms; both would hide the limits from the sync engine, which owns back-off (Retry-After) and the
// share of the daily budget it may spend. A fresh Client per attempt also resets the SDK's process-wide
// decorator singleton (ApiDecoratorService) to "none" right before the APIs are built, whatever another
// Client elsewhere in the process was configured with.
import { Client } from '@hubspot/api-client';
import { CrmError, type ApiUsage, type TokenSource } from '../crm.provider';

export const DEFAULT_HUBSPOT_API_BASE = 'https://api.hubapi.com';
const USER_AGENT = 'PartnerGraph CRM sync (hubspot-api-client-nodejs 13.5.0)';

type Headers = Record<string, string>;
interface ResponseSeen {
  status?: number;
  headers?: Headers;
}
interface SdkResponseContext {
  httpStatusCode: number;
  headers: Headers;
}
interface SdkRequestContext {
  setHeaderParam(key: string, value: string): void;
}
/**
 * Per-call options every generated SDK method takes last. In 13.5.0 the middleware given to `new Client`
 * never runs (the generated code applies only call-time middleware — its own User-agent header included),
 * so the response hook is passed with each call instead.
 */
export interface CallOptions {
  middleware: { pre<T>(ctx: T): Promise<T>; post<T>(ctx: T): Promise<T> }[];
  middlewareMergeStrategy: 'replace';
}
/** The SDK's ApiException: each generated API module has its own class, so it is recognised by shape. */
interface SdkApiException {
  code: number;
  body: unknown;
  headers: Headers;
}
const isApiException = (e: unknown): e is SdkApiException =>
  typeof e === 'object' && e !== null && typeof (e as SdkApiException).code === 'number' && 'headers' in e;

export interface HubSpotCaller {
  call<T>(what: (client: Client, opts: CallOptions) => Promise<T>): Promise<T>;
  /** A path the SDK has no generated API for (account info), through the SDK's own `apiRequest`. */
  request(path: string): Promise<unknown>;
  usage(): ApiUsage | null;
}

/** How long one HubSpot call may take before the run treats HubSpot as unavailable. */
export const DEFAULT_HUBSPOT_TIMEOUT_MS = 60_000;

/**
 * The SDK sends through node-fetch without a timeout or an abort signal, so a connection HubSpot never
 * answers would hold the connection's single sync run for ever. The wait is bounded here instead; the
 * abandoned request may still complete, like any request whose answer was lost in the network.
 */
function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CrmError('unavailable', `HubSpot did not answer within ${Math.round(ms / 1000)} s`)),
      ms,
    );
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export function createHubSpotCaller(
  apiBase: string,
  tokens: TokenSource,
  timeoutMs = DEFAULT_HUBSPOT_TIMEOUT_MS,
): HubSpotCaller {
  const basePath = apiBase.replace(/\/+$/, '');
  let usage: ApiUsage | null = null;

  const observe = (headers: Headers | undefined) => {
    const h = lower(headers);
    const num = (k: string) => (h[k] !== undefined && h[k] !== '' ? Number(h[k]) : NaN);
    const daily = num('x-hubspot-ratelimit-daily');
    const dailyRemaining = num('x-hubspot-ratelimit-daily-remaining');
    const max = num('x-hubspot-ratelimit-max');
    const remaining = num('x-hubspot-ratelimit-remaining');
    const observedAt = new Date().toISOString();
    // Private apps get the daily budget; OAuth apps only the rolling 10-second window (see docs/CRM.md, HubSpot).
    if (Number.isFinite(daily) && Number.isFinite(dailyRemaining))
      usage = { used: daily - dailyRemaining, max: daily, observedAt };
    else if (Number.isFinite(max) && Number.isFinite(remaining))
      usage = { used: max - remaining, max, observedAt };
  };

  const client = (accessToken: string) => new Client({ basePath, accessToken, numberOfApiCallRetries: 0 });
  const options = (seen: ResponseSeen): CallOptions => ({
    middlewareMergeStrategy: 'replace',
    middleware: [
      {
        pre: async (ctx) => {
          (ctx as SdkRequestContext).setHeaderParam('User-Agent', USER_AGENT);
          return ctx;
        },
        post: async (ctx) => {
          const r = ctx as SdkResponseContext;
          seen.status = r.httpStatusCode;
          seen.headers = r.headers;
          observe(r.headers);
          return ctx;
        },
      },
    ],
  });

  async function call<T>(what: (client: Client, opts: CallOptions) => Promise<T>): Promise<T> {
    let token = await tokens.accessToken();
    for (let attempt = 0; ; attempt++) {
      const seen: ResponseSeen = {};
      try {
        return await withTimeout(what(client(token), options(seen)), timeoutMs);
      } catch (e) {
        if (e instanceof CrmError) throw e;
        const status = isApiException(e) ? e.code : seen.status;
        // One refresh per call: a second 401 means the grant itself is gone, which the core shows.
        if (status === 401 && attempt === 0) {
          token = await tokens.refresh();
          continue;
        }
        throw toCrmError(e, seen);
      }
    }
  }

  return {
    call,
    usage: () => usage,
    request: (path) =>
      call(async (c) => {
        const res = await c.apiRequest({ method: 'GET', path });
        const headers: Headers = {};
        res.headers.forEach((v, k) => (headers[k] = v));
        observe(headers);
        const text = await res.text();
        const body = parseJson(text);
        if (!res.ok)
          throw Object.assign(new Error(`HTTP ${res.status}`), { code: res.status, body, headers });
        return body;
      }),
  };
}

function lower(headers: Headers | undefined): Headers {
  const out: Headers = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = v;
  return out;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

interface HubSpotErrorBody {
  message?: string;
  category?: string;
  errors?: { message?: string; code?: string; context?: { propertyName?: string[] } }[];
  context?: { propertyName?: string[] };
}

/**
 * HubSpot names the refused property in one of two ways: newer endpoints in `errors[].context.propertyName`,
 * the object endpoints in the classic body whose message embeds a JSON list:
 * `Property values were not valid: [{"isValid":false,"message":"…","error":"INVALID_OPTION","name":"dealstage"}]`.
 */
export function fieldErrorOf(body: HubSpotErrorBody): { field: string; message: string } | null {
  for (const err of body.errors ?? []) {
    const field = err.context?.propertyName?.[0];
    if (field) return { field, message: err.message ?? body.message ?? 'Invalid property value' };
  }
  const m = /Property values were not valid: (\[.*\])\s*$/s.exec(body.message ?? '');
  if (m) {
    try {
      const list = JSON.parse(m[1]!) as { isValid?: boolean; message?: string; name?: string }[];
      const bad = list.find((x) => x.isValid === false && x.name) ?? list.find((x) => x.name);
      if (bad?.name) return { field: bad.name, message: bad.message ?? body.message! };
    } catch {
      // Not the documented shape: fall through to a plain refusal with HubSpot's whole message.
    }
  }
  const field = body.context?.propertyName?.[0];
  return field ? { field, message: body.message ?? 'Invalid property value' } : null;
}

export function toCrmError(e: unknown, seen: ResponseSeen = {}): CrmError {
  if (e instanceof CrmError) return e;
  const api = isApiException(e) ? e : null;
  const status = api?.code ?? seen.status;
  const headers = lower(api?.headers ?? seen.headers);
  const raw = typeof api?.body === 'string' ? parseJson(api.body) : api?.body;
  const body = (typeof raw === 'object' && raw !== null ? raw : {}) as HubSpotErrorBody;
  const message = body.message ?? (e instanceof Error ? e.message : String(e));
  if (status === undefined || status >= 500)
    return new CrmError('unavailable', message, status ? { status } : {});
  if (status === 401 || status === 403) return new CrmError('auth', message, { status });
  if (status === 429) {
    const retryAfter = Number(headers['retry-after']);
    const interval = Number(headers['x-hubspot-ratelimit-interval-milliseconds']);
    const retryAfterSeconds =
      Number.isFinite(retryAfter) && retryAfter > 0
        ? retryAfter
        : Number.isFinite(interval) && interval > 0
          ? Math.ceil(interval / 1000)
          : 10;
    return new CrmError('rate_limited', message, { status, retryAfterSeconds });
  }
  if (status === 404) return new CrmError('not_found', message, { status });
  const field = fieldErrorOf(body);
  if (field) return new CrmError('field', field.message, { status, field: field.field });
  return new CrmError('invalid', message, { status });
}
