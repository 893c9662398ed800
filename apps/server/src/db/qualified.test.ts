import { sql } from 'drizzle-orm';
import { alias, pgTable, QueryBuilder, uuid } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { qualified } from './qualified';

const events = pgTable('events', { id: uuid('id').primaryKey() });
const rsvps = pgTable('rsvps', { id: uuid('id').primaryKey(), eventId: uuid('event_id') });

describe('qualified', () => {
  it('names the outer row in a correlated subquery of a single-table select, where Drizzle writes a column bare', () => {
    const qb = new QueryBuilder();
    const bare = qb
      .select({ n: sql`(select count(*) from rsvps r where r.event_id = ${events.id})` })
      .from(events)
      .toSQL().sql;
    // Inside the subquery a bare "id" is the rsvp's own: the count would compare each rsvp with itself.
    expect(bare).toBe('select (select count(*) from rsvps r where r.event_id = "id") from "events"');
    const named = qb
      .select({ n: sql`(select count(*) from rsvps r where r.event_id = ${qualified(events.id)})` })
      .from(events)
      .toSQL().sql;
    expect(named).toBe(
      'select (select count(*) from rsvps r where r.event_id = "events"."id") from "events"',
    );
  });

  it('follows an alias of the outer table', () => {
    const e = alias(events, 'e');
    const qb = new QueryBuilder();
    const named = qb
      .select({ n: sql`(select count(*) from ${rsvps} where ${rsvps.eventId} = ${qualified(e.id)})` })
      .from(e)
      .toSQL().sql;
    expect(named).toBe('select (select count(*) from "rsvps" where "event_id" = "e"."id") from "events" "e"');
  });
});
