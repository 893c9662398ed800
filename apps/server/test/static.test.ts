// The built web app as the server sends it: precompressed when the browser
// accepts it, hashed assets cached for good, the index page revalidated.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createMemoryMailer } from '../src/lib/mail';
import { startTestApp, type TestApp } from './app';

const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'partnergraph-dist-'));
const js = `console.log(${JSON.stringify('x'.repeat(4000))});`;
let t: TestApp;
let app: FastifyInstance;

beforeAll(async () => {
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js'), js);
  fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js.br'), brotliCompressSync(js));
  fs.writeFileSync(path.join(dist, 'assets', 'app-abc123.js.gz'), gzipSync(js));
  t = await startTestApp();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    DATA_DIR: os.tmpdir(),
    WEB_DIST: dist,
  });
  app = await buildApp({ config, db: t.database.db, mailer: createMemoryMailer(), logger: false });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await t?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('the web app files', () => {
  it('are sent precompressed as the browser accepts, and hashed assets are cached for good', async () => {
    const br = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(js.length / 4);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await app.inject({ url: '/assets/app-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ url: '/assets/app-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
  });

  it('serves the index page for client routes, never cached for good', async () => {
    const page = await app.inject({ url: '/community/spaces', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="root"');
    expect(page.headers['cache-control'] ?? '').not.toContain('immutable');
  });

  it('serves the app at / and client routes to any GET, as curl asks for it; the API stays problem+json', async () => {
    for (const [url, accept] of [
      ['/', '*/*'],
      ['/', undefined],
      ['/partners/123', '*/*'],
      ['/community/spaces', 'application/json'],
    ] as const) {
      const res = await app.inject({ url, headers: accept ? { accept } : {} });
      expect(res.statusCode, `${url} with accept ${accept}`).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.body).toContain('id="root"');
    }
    for (const url of ['/api/v1/nothing-here', '/api/unknown']) {
      const res = await app.inject({ url, headers: { accept: 'text/html' } });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    // A build asset that is not there is a 404, not the app in place of a script.
    expect((await app.inject({ url: '/assets/app-missing.js' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/community/spaces' })).statusCode).toBe(404);
  });
});
