import { and, inArray, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { deals } from './deals.tables';

/**
 * The currencies of live deals (registered, approved, won, lost) for which `lacking` holds at the deal's
 * date (its close date, or today while open). The settings module asks it which currencies would be left
 * without a rate; the rule about rates is the caller's, passed in, since settings' tables are its own.
 * Apart from deals.repository so that settings can call it: deals.repository reads settings.
 */
export function findCurrenciesOfLiveDeals(
  q: Queryable,
  f: { except: string; only?: string[] | undefined },
  lacking: (currency: SQL, date: SQL) => SQL,
) {
  return q
    .selectDistinct({ currency: deals.currency })
    .from(deals)
    .where(
      and(
        sql`${deals.currency} <> ${f.except}`,
        inArray(deals.status, ['registered', 'approved', 'won', 'lost']),
        f.only ? inArray(deals.currency, f.only) : undefined,
        lacking(sql`${deals.currency}`, sql`coalesce(${deals.closeDate}, current_date)`),
      ),
    );
}
