// The scale generator the benchmarks fill their databases with, run once at S
// so it keeps working as the schema changes. Counts only: no benchmark is a
// timed test (bench/ measures; `npm run bench`).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillScale, scales } from '../src/seed/scale';
import { createVendorOrganization } from '../src/seed/factories';
import { startTestApp, type TestApp } from './app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('the scale generator', () => {
  it('fills S: partners, deals, referrals, connections as specified, every deal with a registrant', async () => {
    const { db } = t.database;
    await createVendorOrganization(db, 'Scale Vendor');
    await fillScale(db, 'S');
    const S = scales.S;
    const count = async (q: ReturnType<typeof sql>) =>
      Number((await db.execute<{ n: string }>(q)).rows[0]!.n);
    expect(await count(sql`select count(*) as n from organizations where kind = 'partner'`)).toBe(S.partners);
    expect(await count(sql`select count(*) as n from deals`)).toBe(S.deals);
    expect(await count(sql`select count(*) as n from referrals`)).toBe(S.referrals);
    expect(await count(sql`select count(*) as n from connections`)).toBe(S.connections);
    expect(
      await count(sql`select count(*) as n from deals d
        where not exists (select 1 from organizations o where o.id = d.registered_by_org_id)`),
    ).toBe(0);
    // Every partner has a primary type and an enrollment, as the analytics assume.
    expect(await count(sql`select count(*) as n from organization_partner_types where is_primary`)).toBe(
      S.partners,
    );
    expect(await count(sql`select count(*) as n from enrollments`)).toBe(S.partners);
    // The working table is gone.
    expect(await count(sql`select count(*) as n from pg_tables where tablename = 'bench_partners'`)).toBe(0);
  }, 120_000);
});
