import type { z } from 'zod';
import type { analyticsQuery } from '@partnergraph/shared/contracts/analytics';
import { invalid } from '../../lib/errors';

type Query = z.output<typeof analyticsQuery>;

/** What every metric is computed for (metrics.md): a half-open UTC period and the filters. */
export interface Scope {
  from: Date;
  to: Date;
  /** The calendar dates whose 00:00 UTC falls in [from, to): close dates in P are fromDay ≤ d < toDay. */
  fromDay: string;
  toDay: string;
  filters: Filters;
  currency: string;
  now: Date;
}

export interface Filters {
  country?: string | undefined;
  industry?: string | undefined;
  partnerType?: string | undefined;
  programId?: string | undefined;
  tierId?: string | undefined;
  /** Internal (scorecards): only deals this organization is involved in. */
  involvedOrg?: string | undefined;
}

const DAY = 86_400_000;
const MAX_SPAN_MONTHS = 60;

const midnight = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The first calendar date whose midnight is at or after `t`. */
export function ceilDay(t: Date): string {
  const m = midnight(t);
  return isoDay(m.getTime() === t.getTime() ? m : new Date(m.getTime() + DAY));
}

/** A date means UTC midnight; a timestamp without an offset is read as UTC. */
function parseInstant(s: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return new Date(`${s}T00:00:00Z`);
  return new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(s) ? s : `${s}Z`);
}

export function addMonths(d: Date, n: number): Date {
  return new Date(
    Date.UTC(
      d.getUTCFullYear(),
      d.getUTCMonth() + n,
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
}

export function resolveScope(query: Partial<Query>, currency: string, now = new Date()): Scope {
  const to = query.to ? parseInstant(query.to) : new Date(midnight(now).getTime() + DAY);
  const from = query.from ? parseInstant(query.from) : addMonths(to, -12);
  if (Number.isNaN(to.getTime())) throw invalid([{ path: 'querystring.to', message: 'Not a valid date' }]);
  if (Number.isNaN(from.getTime()))
    throw invalid([{ path: 'querystring.from', message: 'Not a valid date' }]);
  if (from >= to) throw invalid([{ path: 'querystring.from', message: '`from` must be before `to`' }]);
  // Series read every month of a period, the overview two periods: five years bound the work.
  if (from < addMonths(to, -MAX_SPAN_MONTHS))
    throw invalid([{ path: 'querystring.from', message: 'A period is at most five years' }]);
  return {
    from,
    to,
    fromDay: ceilDay(from),
    toDay: ceilDay(to),
    filters: {
      country: query.country,
      industry: query.industry,
      partnerType: query.partnerType,
      programId: query.programId,
      tierId: query.tierId,
    },
    currency,
    now,
  };
}

export function periodOf(scope: Scope) {
  const filters: Record<string, string> = {};
  for (const [k, v] of Object.entries(scope.filters)) if (v && k !== 'involvedOrg') filters[k] = v;
  return {
    from: scope.from.toISOString(),
    to: scope.to.toISOString(),
    currency: scope.currency,
    filters,
    computedAt: scope.now.toISOString(),
  };
}

export const hasPartnerFilter = (f: Filters) => Boolean(f.partnerType || f.programId || f.tierId);

/** Calendar quarters meeting [from, to), each clipped to the period. */
export function quartersOf(from: Date, to: Date) {
  const out: { label: string; from: Date; to: Date }[] = [];
  let start = new Date(Date.UTC(from.getUTCFullYear(), Math.floor(from.getUTCMonth() / 3) * 3, 1));
  while (start < to) {
    const next = addMonths(start, 3);
    out.push({
      label: `${start.getUTCFullYear()} Q${Math.floor(start.getUTCMonth() / 3) + 1}`,
      from: start < from ? from : start,
      to: next > to ? to : next,
    });
    start = next;
  }
  return out;
}

/** Calendar months meeting [from, to), clipped (a period of at most 60 months meets at most 61). */
export function monthsOf(from: Date, to: Date) {
  const out: { label: string; from: Date; to: Date }[] = [];
  let start = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1));
  while (start < to) {
    const next = addMonths(start, 1);
    out.push({
      label: isoDay(start).slice(0, 7),
      from: start < from ? from : start,
      to: next > to ? to : next,
    });
    start = next;
  }
  return out;
}
