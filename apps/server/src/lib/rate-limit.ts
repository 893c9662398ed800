import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../db/client';
import { rateLimitHits } from '../db/platform.tables';
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

/**
 * Records this attempt and then counts, so a burst of parallel requests cannot
 * all pass a check made before any of them was recorded. Answers the ids of
 * the rows written (to withdraw them when the attempt turns out fine) or
 * throws 429.
 */
export async function takeAttempt(q: Queryable, limit: Limit, subjects: string[], what: string) {
  const now = new Date();
  const ids = subjects.map(() => newId());
  if (subjects.length) {
    await q
      .insert(rateLimitHits)
      .values(subjects.map((subject, i) => ({ id: ids[i]!, bucket: limit.bucket, subject, at: now })));
  }
  // This attempt is one of the counted rows: over the limit means more than `max`.
  const wait = await retryAfter(q, { ...limit, max: limit.max + 1 }, subjects, now);
  if (wait !== null) {
    // A refused attempt is not counted: the window runs from the attempts that were judged.
    await withdrawAttempt(q, ids);
    throw new AppError('rate_limited', `Too many ${what}; try again in ${wait} seconds`, {
      retryAfterSeconds: wait,
    });
  }
  return ids;
}

/** A limit counted per record (e.g. resends of one invitation) rather than per person or address. */
export interface RecordLimit extends Limit {
  /** The kind of record it counts: the subject is `<record>:<id>`. */
  record: string;
}

/** Every per-record limit of the server: the rate-limit suite walks them. */
export const recordLimits: RecordLimit[] = [];

export function recordLimit(limit: RecordLimit): RecordLimit {
  recordLimits.push(limit);
  return limit;
}

/**
 * Counts an attempt on a record the caller has already loaded as visible to
 * the actor. Taking it from a path id before that check would let anyone
 * spend the owner's limit, and the 429 would confirm the record exists; the
 * loaded row as the argument keeps the order. Inside the change's
 * transaction, after the row is locked, so parallel attempts are counted in turn.
 */
export async function takeRecordAttempt(
  q: Queryable,
  limit: RecordLimit,
  found: { id: string },
  what: string,
) {
  return takeAttempt(q, limit, [`${limit.record}:${found.id}`], what);
}

export async function withdrawAttempt(q: Queryable, ids: string[]) {
  if (ids.length) await q.delete(rateLimitHits).where(inArray(rateLimitHits.id, ids));
}
