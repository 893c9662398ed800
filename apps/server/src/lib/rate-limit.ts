import { and, eq, gt, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { rateLimitHits } from '../modules/identity/identity.tables';
import { AppError } from './errors';
import { newId } from './ids';

export interface Limit {
  bucket: string;
  max: number;
  windowMs: number;
}

/** Seconds until the caller may try again, or null when every subject is under the limit. */
export async function retryAfter(q: Queryable, limit: Limit, subjects: string[], now = new Date()) {
  const since = new Date(now.getTime() - limit.windowMs);
  let wait: number | null = null;
  for (const subject of subjects) {
    const [row] = await q
      .select({ n: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${rateLimitHits.at})::text` })
      .from(rateLimitHits)
      .where(
        and(
          eq(rateLimitHits.bucket, limit.bucket),
          eq(rateLimitHits.subject, subject),
          gt(rateLimitHits.at, since),
        ),
      );
    if (row && row.n >= limit.max && row.oldest) {
      const s = Math.ceil((new Date(row.oldest).getTime() + limit.windowMs - now.getTime()) / 1000);
      wait = Math.max(wait ?? 0, Math.max(1, s));
    }
  }
  return wait;
}

export async function assertUnderLimit(q: Queryable, limit: Limit, subjects: string[], what: string) {
  const wait = await retryAfter(q, limit, subjects);
  if (wait !== null) {
    throw new AppError('rate_limited', `Too many ${what}; try again in ${wait} seconds`, {
      retryAfterSeconds: wait,
    });
  }
}

export async function recordHit(q: Queryable, limit: Limit, subjects: string[], now = new Date()) {
  if (subjects.length === 0) return;
  await q
    .insert(rateLimitHits)
    .values(subjects.map((subject) => ({ id: newId(), bucket: limit.bucket, subject, at: now })));
}

/** The subjects a request is counted under: the address it names and where it comes from. */
export function subjectsOf(email: string | null, ip: string | null): string[] {
  return [...(email ? [`email:${email.trim().toLowerCase()}`] : []), ...(ip ? [`ip:${ip}`] : [])];
}
