// Limits counted per record (issue #18): taken only once the record is found
// visible to the caller, so another organization's refused calls neither
// spend the owner's limit nor learn from a 429 that the record exists.
import fs from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordLimits, type RecordLimit } from '../src/lib/rate-limit';
import { rateLimitHits } from '../src/db/platform.tables';
import { invitations } from '../src/modules/identity/identity.tables';
import { createInvitationRecord } from '../src/seed/factories';
import { as, signIn, startTestApp, type Session, type TestApp } from './app';
import { buildEcosystem, PASSWORD, type Ecosystem } from './ecosystem';

let t: TestApp;
let e: Ecosystem;
const s = {} as Record<'admin' | 'aAdmin' | 'bAdmin' | 'cm', Session>;

beforeAll(async () => {
  t = await startTestApp();
  e = await buildEcosystem(t.database.db);
  s.admin = await signIn(t.app, e.admin.email, PASSWORD);
  s.aAdmin = await signIn(t.app, e.aAdmin.email, PASSWORD);
  s.bAdmin = await signIn(t.app, e.bAdmin.email, PASSWORD);
  s.cm = await signIn(t.app, e.cm.email, PASSWORD);
});
afterAll(() => t?.close());

interface Case {
  /** A record of partner A's, and one call on it (the body may depend on the record's state). */
  setup: () => Promise<{ id: string; call: (who: Session) => Promise<{ statusCode: number; body: string }> }>;
  /** The record's owner, and callers from elsewhere who may not see it. */
  owner: () => Session;
  strangers: () => Session[];
}

/** One case per per-record limit: a limit added without one fails the walk below. */
const cases: Record<string, Case> = {
  invitation_resend: {
    setup: async () => {
      const { invitation } = await createInvitationRecord(t.database.db, {
        organizationId: e.partnerA.id,
        invitedByUserId: e.aAdmin.id,
      });
      const version = async () =>
        (
          await t.database.db
            .select({ v: invitations.version })
            .from(invitations)
            .where(eq(invitations.id, invitation.id))
        )[0]!.v;
      return {
        id: invitation.id,
        call: async (who) =>
          as(t.app, who).post(`/api/v1/invitations/${invitation.id}/resend`, { version: await version() }),
      };
    },
    owner: () => s.aAdmin,
    strangers: () => [s.bAdmin],
  },
};

const hitsOf = async (limit: RecordLimit, id: string) =>
  (
    await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(rateLimitHits)
      .where(and(eq(rateLimitHits.bucket, limit.bucket), eq(rateLimitHits.subject, `${limit.record}:${id}`)))
  )[0]!.n;

describe('per-record rate limits', () => {
  it('are all declared through recordLimit: no other limit is keyed by a record id', () => {
    // Every other takeAttempt counts a person or a client address; a subject built from
    // anything else is a per-record limit that skipped the helper (and this suite).
    const src = path.resolve(__dirname, '../src');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, f.name);
        if (f.isDirectory()) walk(full);
        else if (f.name.endsWith('.ts') && !full.endsWith(path.join('lib', 'rate-limit.ts'))) {
          const text = fs.readFileSync(full, 'utf8');
          for (const m of text.matchAll(/takeAttempt\(\s*\w+,\s*\w+,\s*([^,]+),/g)) {
            const subjects = m[1]!.trim();
            const personOrAddress =
              /^subjectsOf\(|^\[`user:\$\{actor\.userId\}`\]$/.test(subjects) ||
              (subjects === 'subjects' && text.includes('const subjects = subjectsOf('));
            if (!personOrAddress) offenders.push(`${path.relative(src, full)}: ${subjects}`);
          }
        }
      }
    };
    walk(src);
    expect(offenders).toEqual([]);
    expect(recordLimits.map((l) => l.bucket).sort()).toEqual(Object.keys(cases).sort());
  });

  for (const limit of recordLimits) {
    it(`${limit.bucket}: another organization's calls answer 404, never 429, and leave the owner's limit whole`, async () => {
      const c = cases[limit.bucket];
      expect(c, `a case for ${limit.bucket}`).toBeDefined();
      const { id, call } = await c!.setup();
      for (const stranger of c!.strangers()) {
        for (let i = 0; i < limit.max + 2; i++) {
          const res = await call(stranger);
          expect(res.statusCode, `stranger call ${i + 1}: ${res.body.slice(0, 200)}`).toBe(404);
        }
      }
      expect(await hitsOf(limit, id)).toBe(0);
      // The owner still has every one of its attempts, and the limit still holds for it.
      for (let i = 0; i < limit.max; i++) {
        const res = await call(c!.owner());
        expect(res.statusCode, `owner call ${i + 1}: ${res.body.slice(0, 200)}`).toBe(200);
      }
      const over = await call(c!.owner());
      expect(over.statusCode).toBe(429);
      // Refused again after the limit: still 404 for the stranger, not a 429 that confirms the record.
      for (const stranger of c!.strangers()) expect((await call(stranger)).statusCode).toBe(404);
    });
  }

  it('invitation_resend: a channel manager refused on a partner not assigned to them spends nothing', async () => {
    const limit = recordLimits.find((l) => l.bucket === 'invitation_resend')!;
    const { invitation } = await createInvitationRecord(t.database.db, { organizationId: e.partnerB.id });
    for (let i = 0; i < limit.max + 1; i++) {
      const res = await as(t.app, s.cm).post(`/api/v1/invitations/${invitation.id}/resend`, { version: 1 });
      expect(res.statusCode).toBe(403);
    }
    expect(await hitsOf(limit, invitation.id)).toBe(0);
    const res = await as(t.app, s.admin).post(`/api/v1/invitations/${invitation.id}/resend`, { version: 1 });
    expect(res.statusCode).toBe(200);
  });
});
