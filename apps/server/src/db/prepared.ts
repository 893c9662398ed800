import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, Queryable } from './client';

/** A query with `sql.placeholder`s, run with their values. */
export interface Executable<R> {
  execute(values: Record<string, unknown>): Promise<R>;
}

const statements = new WeakMap<Db, Map<string, Executable<unknown>>>();

/**
 * A hot query as a prepared statement named `name`: built once per database
 * (Drizzle builds its SQL once, not per request) and parsed once per
 * connection by `pg`. A prepared query is bound to the pool it was built on,
 * so inside a transaction the same query is built on the transaction and sent
 * unnamed: one definition, the same SQL either way.
 */
export function prepared<R>(
  q: Queryable,
  name: string,
  build: (q: Queryable) => Executable<R> & { prepare(name: string): Executable<R> },
): Executable<R> {
  if (q instanceof PgTransaction) return build(q);
  let byName = statements.get(q);
  if (!byName) statements.set(q, (byName = new Map()));
  let statement = byName.get(name) as Executable<R> | undefined;
  if (!statement) byName.set(name, (statement = build(q).prepare(name)));
  return statement;
}
