import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Client from './client';

// The typed client as the browser uses it, against a stubbed network: what a screen gets back
// (data, or an ApiError it can show) and what the server receives (path, query, CSRF header).
// Node has no page to resolve `/api/v1/…` against, so relative URLs resolve against a stand-in origin.
const ORIGIN = 'https://partners.example.test';
class PageRequest extends Request {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, ORIGIN) : input, init);
  }
}

const network = vi.fn<(request: Request) => Promise<Response>>();
let client: typeof Client;

beforeAll(async () => {
  vi.stubGlobal('Request', PageRequest);
  vi.stubGlobal('fetch', (request: Request) => network(request));
  client = await import('./client');
});

afterEach(() => {
  network.mockReset();
  client.setCsrfToken(null);
});

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 300 ? 'application/json' : 'application/problem+json', ...headers },
  });

const sent = () => network.mock.calls.at(-1)![0];

describe('the typed API client', () => {
  it('sends the CSRF token on writes only, with the session cookie, under /api/v1', async () => {
    const { call, http, setCsrfToken } = client;
    setCsrfToken('csrf-1');
    network.mockResolvedValue(json({ unread: 3 }));
    await expect(call(http.GET('/notifications/unread-count'))).resolves.toEqual({ unread: 3 });
    expect(new URL(sent().url).pathname).toBe('/api/v1/notifications/unread-count');
    expect(sent().headers.get('x-csrf-token')).toBeNull();
    expect(sent().credentials).toBe('same-origin');

    network.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(
      call(http.DELETE('/tokens/{id}', { params: { path: { id: 'a/b' } } })),
    ).resolves.toBeUndefined();
    expect(sent().method).toBe('DELETE');
    expect(new URL(sent().url).pathname).toBe('/api/v1/tokens/a%2Fb');
    expect(sent().headers.get('x-csrf-token')).toBe('csrf-1');
  });

  it('leaves cleared filters out of the query and repeats a list', async () => {
    const { call, http } = client;
    network.mockResolvedValue(json({ items: [], nextCursor: null, total: 0, facets: {} }));
    await call(
      http.GET('/marketplace/search', { params: { query: { q: '', country: ['DE', 'FR'], limit: 20 } } }),
    );
    expect(new URL(sent().url).search).toBe('?country=DE&country=FR&limit=20');
  });

  it('turns a problem answer into an ApiError with its field errors and Retry-After', async () => {
    const { call, http, isApiError } = client;
    network.mockResolvedValue(
      json(
        {
          type: 'https://partnergraph.dev/problems/validation',
          title: 'Invalid request',
          status: 422,
          detail: 'name: Required',
          errors: [{ path: 'body.name', message: 'Required' }],
        },
        422,
      ),
    );
    const invalid = await call(http.POST('/partners', { body: { name: '', types: ['reseller'] } })).catch(
      (e: unknown) => e,
    );
    expect(isApiError(invalid, 422)).toBe(true);
    expect((invalid as Client.ApiError).fieldErrors()).toEqual({ name: 'Required' });

    network.mockResolvedValue(
      json({ type: 'about:blank', title: 'Too many requests', status: 429 }, 429, { 'retry-after': '120' }),
    );
    const limited = await call(
      http.POST('/auth/login', { body: { email: 'a@b.test', password: 'x' } }),
    ).catch((e: unknown) => e);
    expect(limited).toMatchObject({ status: 429, title: 'Too many requests', retryAfterSeconds: 120 });
  });

  it('keeps the status of an HTML error page from a proxy, with a plain title', async () => {
    const { call, http } = client;
    network.mockResolvedValue(
      new Response('<html>Bad gateway</html>', {
        status: 502,
        statusText: 'Bad Gateway',
        headers: { 'content-type': 'text/html' },
      }),
    );
    await expect(call(http.GET('/partners/{id}', { params: { path: { id: 'p1' } } }))).rejects.toMatchObject({
      name: 'ApiError',
      status: 502,
      title: 'Bad Gateway',
    });
  });

  it('reports an unreachable server as such, and leaves a cancelled request a cancellation', async () => {
    const { call, http } = client;
    network.mockRejectedValue(new TypeError('fetch failed'));
    await expect(call(http.GET('/me'))).rejects.toMatchObject({
      name: 'ApiError',
      status: 0,
      detail: 'Cannot reach the server. Check your connection and try again.',
    });

    const controller = new AbortController();
    controller.abort();
    network.mockRejectedValue(new DOMException('The operation was aborted.', 'AbortError'));
    await expect(call(http.GET('/me', { signal: controller.signal }))).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});
