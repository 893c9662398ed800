import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findLiveSessionByTokenHash } from '../src/modules/identity/identity.repository';
import { startTestApp, type TestApp } from './app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

it('answers the next query at once after one that failed', async () => {
  // A malformed cursor or a duplicate key fails in SQL; whoever asks next must not pay for it.
  for (let i = 0; i < 3; i++) {
    await expect(t.database.db.execute(sql`select ${'not-a-uuid'}::uuid`)).rejects.toThrow();
    expect((await t.database.db.execute<{ x: number }>(sql`select 1 as x`)).rows).toEqual([{ x: 1 }]);
  }
  const cursor = Buffer.from(JSON.stringify({ s: '1', id: '-'.repeat(36) })).toString('base64url');
  const bad = await t.app.inject({ method: 'GET', url: `/api/v1/public/partners?cursor=${cursor}` });
  expect(bad.statusCode).toBe(400);
  expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/partners' })).statusCode).toBe(200);
});

it('a prepared query still runs after the pool replaced its connection', async () => {
  // The session lookup is a named prepared statement. On PGlite every connection reaches the one backend, so
  // a replacement connection must not find the statement its predecessor prepared ("already exists" made
  // every signed-in request, static files included, answer 500 once the idle connection had been recycled).
  const lookup = () => findLiveSessionByTokenHash(t.database.db, 'f'.repeat(64), new Date());
  await expect(lookup()).resolves.toBeUndefined();
  for (let i = 0; i < 2; i++) {
    const client = await t.database.pool.connect();
    client.release(true); // destroyed: the pool opens a new connection for the next query
    await expect(lookup()).resolves.toBeUndefined();
  }
});
