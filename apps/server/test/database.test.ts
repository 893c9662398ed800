import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
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
