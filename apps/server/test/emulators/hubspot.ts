// A local HubSpot for the tests: node:http on 127.0.0.1, answering the documented public APIs the product
// uses (OAuth 2.0 and token info, CRM v3 objects/search/batch/properties/pipelines, v4 associations with
// labels, account info) with HubSpot's status codes, error bodies and rate-limit headers. The product
// reaches it only through the API base URL a user configures. Test-side controls (seeding, expiring
// tokens, throttling) are methods on the returned object, never HTTP routes.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  lastModifiedProperty,
  objectTypeOf,
  Portal,
  ValidationError,
  type ObjectType,
  type PropertyDef,
  type PropertyRule,
} from './hubspot-data';
import { correlationId, crmApi, error, HttpError } from './hubspot-crm';
export { Portal, type ObjectType } from './hubspot-data';

interface AccessToken {
  kind: 'oauth' | 'private';
  expiresAt: number;
  scopes: string[];
}
export interface HubSpotEmulatorOptions {
  portalId?: number;
  clientId?: string;
  clientSecret?: string;
  dailyLimit?: number;
}
export interface RequestLogEntry {
  method: string;
  path: string;
  authorization: string | undefined;
  userAgent: string | undefined;
}

const INTERVAL_MS = 10_000;

export async function startHubSpotEmulator(options: HubSpotEmulatorOptions = {}) {
  const portal = new Portal(options.portalId ?? 4_620_001);
  const clientId = options.clientId ?? 'pg-client-id';
  const clientSecret = options.clientSecret ?? 'pg-client-secret';
  const dailyLimit = options.dailyLimit ?? 250_000;
  const tokens = new Map<string, AccessToken>();
  const refreshTokens = new Map<string, { revoked: boolean }>();
  const codes = new Map<string, { redirectUri: string; scopes: string[] }>();
  const requests: RequestLogEntry[] = [];
  const { objects, associations, pipelines, propertyView, objectOr404 } = crmApi(portal);
  let dailyUsed = 0;
  let window: number[] = [];
  let throttle: { remaining: number; retryAfterSeconds: number } | null = null;
  let outage: { remaining: number; status: number } | null = null;
  let stalls = 0;

  const issue = (kind: AccessToken['kind'], scopes: string[], lifetimeSeconds = 1800) => {
    const token = `${kind === 'private' ? 'pat-na1' : 'oauth-na1'}-${randomBytes(12).toString('hex')}`;
    tokens.set(token, { kind, scopes, expiresAt: Date.now() + lifetimeSeconds * 1000 });
    return token;
  };

  function authenticate(req: http.IncomingMessage) {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    const info = tokens.get(token);
    if (!info)
      throw new HttpError(
        401,
        error(
          'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
          'INVALID_AUTHENTICATION',
        ),
      );
    if (info.expiresAt <= Date.now()) {
      const ago = Math.max(1, Math.round((Date.now() - info.expiresAt) / 1000));
      throw new HttpError(
        401,
        error(
          `The OAuth token used to make this call expired ${ago} second(s) ago.`,
          'EXPIRED_AUTHENTICATION',
        ),
      );
    }
    return info;
  }

  /** HubSpot's headers: private apps see the daily budget too; every app sees the 10-second window. */
  function rateLimit(info: AccessToken) {
    const now = Date.now();
    window = window.filter((t) => t > now - INTERVAL_MS);
    window.push(now);
    dailyUsed++;
    const max = info.kind === 'private' ? 190 : 110;
    const headers: Record<string, string> = {
      'X-HubSpot-RateLimit-Max': String(max),
      'X-HubSpot-RateLimit-Remaining': String(Math.max(0, max - window.length)),
      'X-HubSpot-RateLimit-Interval-Milliseconds': String(INTERVAL_MS),
    };
    if (info.kind === 'private') {
      headers['X-HubSpot-RateLimit-Daily'] = String(dailyLimit);
      headers['X-HubSpot-RateLimit-Daily-Remaining'] = String(Math.max(0, dailyLimit - dailyUsed));
    }
    if (outage && outage.remaining > 0) {
      outage.remaining--;
      const status = outage.status;
      if (outage.remaining === 0) outage = null;
      // What a gateway in front of HubSpot answers: HTML, not HubSpot's JSON.
      throw new HttpError(status, '<html><body><h1>Bad Gateway</h1></body></html>', {
        ...headers,
        'content-type': 'text/html',
      });
    }
    if (throttle && throttle.remaining > 0) {
      throttle.remaining--;
      const retryAfter = String(throttle.retryAfterSeconds);
      if (throttle.remaining === 0) throttle = null;
      throw new HttpError(
        429,
        {
          status: 'error',
          message: 'You have reached your ten_secondly_rolling limit.',
          errorType: 'RATE_LIMIT',
          correlationId: correlationId(),
          policyName: 'TEN_SECONDLY_ROLLING',
        },
        { ...headers, 'X-HubSpot-RateLimit-Remaining': '0', 'Retry-After': retryAfter },
      );
    }
    return headers;
  }

  async function route(
    req: http.IncomingMessage,
    url: URL,
    body: unknown,
  ): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }> {
    const method = req.method ?? 'GET';
    const p = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const q = url.searchParams;

    // OAuth: the consent screen answers at once (the person "approves"), redirecting back with a code.
    if (method === 'GET' && url.pathname === '/oauth/authorize') {
      const redirectUri = q.get('redirect_uri') ?? '';
      if (q.get('client_id') !== clientId || !redirectUri)
        return { status: 400, body: error('Invalid client_id or redirect_uri', 'VALIDATION_ERROR') };
      const code = randomBytes(12).toString('hex');
      codes.set(code, { redirectUri, scopes: (q.get('scope') ?? '').split(/[ +]/).filter(Boolean) });
      const back = new URL(redirectUri);
      back.searchParams.set('code', code);
      if (q.get('state') !== null) back.searchParams.set('state', q.get('state')!);
      return { status: 302, headers: { location: back.toString() } };
    }
    if (method === 'POST' && url.pathname === '/oauth/v1/token') {
      const form = new URLSearchParams(typeof body === 'string' ? body : '');
      if (form.get('client_id') !== clientId || form.get('client_secret') !== clientSecret)
        return {
          status: 400,
          body: {
            status: 'BAD_CLIENT_ID',
            message: 'missing or invalid client_id or client_secret',
            correlationId: correlationId(),
          },
        };
      let scopes: string[];
      if (form.get('grant_type') === 'authorization_code') {
        const c = codes.get(form.get('code') ?? '');
        if (!c)
          return {
            status: 400,
            body: {
              status: 'BAD_AUTH_CODE',
              message: 'missing or unknown auth code',
              correlationId: correlationId(),
            },
          };
        if (c.redirectUri !== form.get('redirect_uri'))
          return {
            status: 400,
            body: {
              status: 'BAD_REDIRECT_URI',
              message: 'redirect_uri does not match the one used to authorize',
              correlationId: correlationId(),
            },
          };
        codes.delete(form.get('code')!);
        scopes = c.scopes;
      } else if (form.get('grant_type') === 'refresh_token') {
        const r = refreshTokens.get(form.get('refresh_token') ?? '');
        if (!r || r.revoked)
          return {
            status: 400,
            body: {
              status: 'BAD_REFRESH_TOKEN',
              message: 'missing or unknown refresh token',
              correlationId: correlationId(),
            },
          };
        scopes = ['oauth'];
        const access = issue('oauth', scopes);
        return {
          status: 200,
          body: {
            token_type: 'bearer',
            refresh_token: form.get('refresh_token'),
            access_token: access,
            expires_in: 1800,
          },
        };
      } else {
        return {
          status: 400,
          body: {
            status: 'BAD_GRANT_TYPE',
            message: 'missing or unsupported grant_type',
            correlationId: correlationId(),
          },
        };
      }
      const refresh = randomBytes(16).toString('hex');
      refreshTokens.set(refresh, { revoked: false });
      return {
        status: 200,
        body: {
          token_type: 'bearer',
          refresh_token: refresh,
          access_token: issue('oauth', scopes),
          expires_in: 1800,
        },
      };
    }
    if (method === 'GET' && p[0] === 'oauth' && p[1] === 'v1' && p[2] === 'access-tokens' && p[3]) {
      const info = tokens.get(p[3]);
      if (!info || info.kind !== 'oauth' || info.expiresAt <= Date.now())
        return {
          status: 404,
          body: { status: 'error', message: 'Token not found', correlationId: correlationId() },
        };
      return {
        status: 200,
        body: {
          token: p[3],
          user: 'admin@example.test',
          hub_domain: `portal-${portal.portalId}.hubspot.test`,
          scopes: info.scopes,
          hub_id: portal.portalId,
          app_id: 77,
          expires_in: Math.round((info.expiresAt - Date.now()) / 1000),
          user_id: 501,
          token_type: 'access',
        },
      };
    }

    const info = authenticate(req);
    const headers = rateLimit(info);
    if (stalls > 0) {
      stalls--;
      return new Promise(() => {}); // accepted, never answered
    }
    const ok = (status: number, b?: unknown) => ({ status, body: b, headers });

    if (method === 'GET' && url.pathname === '/account-info/v3/details')
      return ok(200, {
        portalId: portal.portalId,
        accountType: 'STANDARD',
        timeZone: 'Europe/Berlin',
        companyCurrency: 'EUR',
        additionalCurrencies: ['USD'],
        utcOffset: '+01:00',
        utcOffsetMilliseconds: 3_600_000,
        uiDomain: 'app.hubspot.com',
        dataHostingLocation: 'eu1',
      });

    if (p[0] === 'crm' && p[1] === 'v3' && p[2] === 'properties' && p[3] && method === 'GET') {
      const t = objectOr404(p[3]);
      if (p[4]) {
        const def = portal.property(t, p[4]);
        if (!def) return ok(404, error(`Unable to find property ${p[4]}`, 'OBJECT_NOT_FOUND'));
        return ok(200, propertyView(t, def));
      }
      return ok(200, { results: portal.properties[t].map((d) => propertyView(t, d)) });
    }
    if (p[0] === 'crm' && p[1] === 'v3' && p[2] === 'pipelines' && method === 'GET') {
      if (objectTypeOf(p[3] ?? '') !== 'deals') return ok(200, { results: [] });
      return ok(200, { results: pipelines() });
    }

    if (p[0] === 'crm' && p[1] === 'v3' && p[2] === 'objects' && p[3])
      return ok(...objects(method, objectOr404(p[3]), p.slice(4), q, body));
    if (p[0] === 'crm' && p[1] === 'v4') return ok(...associations(method, p.slice(2), q, body));
    return ok(404, error(`Unknown path ${url.pathname}`, 'OBJECT_NOT_FOUND'));
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        authorization: req.headers.authorization,
        userAgent: req.headers['user-agent'],
      });
      const raw = Buffer.concat(chunks).toString('utf8');
      const isJson = (req.headers['content-type'] ?? '').includes('json');
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        if (body === undefined) res.writeHead(status, headers).end();
        else if (typeof body === 'string') res.writeHead(status, headers).end(body);
        else
          res
            .writeHead(status, { 'content-type': 'application/json;charset=utf-8', ...headers })
            .end(JSON.stringify(body));
      };
      let parsed: unknown = raw;
      try {
        if (isJson && raw) parsed = JSON.parse(raw);
      } catch {
        return send(400, error('Invalid input JSON on line 1', 'VALIDATION_ERROR'));
      }
      route(req, url, parsed).then(
        (r) => send(r.status, r.body, r.headers),
        (e: unknown) => {
          if (e instanceof HttpError) return send(e.status, e.body, e.headers);
          if (e instanceof ValidationError) return send(400, e.body());
          send(500, error(String(e), 'INTERNAL_ERROR'));
        },
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    portal,
    clientId,
    clientSecret,
    requests,
    /** A private app's static token (no expiry, daily-budget headers). */
    privateAppToken: (scopes: string[] = []) => issue('private', scopes, 10 * 365 * 86_400),
    /** An OAuth access + refresh token pair, as a completed authorization would give. */
    oauthGrant(scopes: string[] = []) {
      const refresh = randomBytes(16).toString('hex');
      refreshTokens.set(refresh, { revoked: false });
      return { accessToken: issue('oauth', scopes), refreshToken: refresh };
    },
    expireToken(token: string) {
      const t = tokens.get(token);
      if (t) t.expiresAt = Date.now() - 1000;
    },
    revokeRefreshToken(token: string) {
      const r = refreshTokens.get(token);
      if (r) r.revoked = true;
    },
    /** The next `count` authenticated calls answer 429 with `Retry-After: retryAfterSeconds`. */
    /** The next `count` authenticated calls fail with `status` and an HTML page, as an outage looks. */
    outage(count: number, status = 502) {
      outage = { remaining: count, status };
    },
    /** The next `count` authenticated calls are accepted and never answered. */
    stall(count: number) {
      stalls = count;
    },
    /** Calls already spent today (by other integrations of the account), as the daily headers report them. */
    setDailyUsed(n: number) {
      dailyUsed = n;
    },
    throttle(count: number, retryAfterSeconds: number) {
      throttle = { remaining: count, retryAfterSeconds };
    },
    seed(t: ObjectType, properties: Record<string, unknown>, at?: number) {
      return portal.create(t, properties, at).id;
    },
    touch(t: ObjectType, id: string, properties: Record<string, unknown>, at?: number) {
      portal.update(t, id, properties, at);
    },
    archive(t: ObjectType, id: string, at?: number) {
      portal.archive(t, id, at);
    },
    record(t: ObjectType, id: string) {
      return portal.objects[t].get(id) ?? null;
    },
    modifiedAt(t: ObjectType, id: string) {
      return portal.objects[t].get(id)?.properties[lastModifiedProperty(t)] ?? null;
    },
    /** Test side: the account's admin adds a property validation rule; API writes that break it are refused. */
    addValidationRule(rule: PropertyRule) {
      portal.rules.push(rule);
    },
    clearValidationRules() {
      portal.rules = [];
    },
    addProperty(t: ObjectType, def: PropertyDef) {
      portal.properties[t].push(def);
    },
    /** The labels on one deal→company pair (null for the unlabelled association). */
    dealCompanyLabels(dealId: string, companyId: string) {
      const set = portal.dealCompany.get(`${dealId}:${companyId}`);
      if (!set) return null;
      return [...set].map((x) => portal.labels().find((l) => l.typeId === x)!.label);
    },
    associate(dealId: string, companyId: string, typeIds: number[] = [341]) {
      portal.dealCompany.set(`${dealId}:${companyId}`, new Set([341, ...typeIds]));
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
export type HubSpotEmulator = Awaited<ReturnType<typeof startHubSpotEmulator>>;
