import { currencyDigits, formatMinor } from '@partnergraph/shared/money-format';
import type { Figure } from '../../api/analytics';

export type Unit = 'money' | 'rate' | 'count' | 'ratio' | 'score';

/** A figure as people read it: money in the reporting currency, rates as percents; "—" when it has no value. */
export function formatValue(value: number | null | undefined, unit: Unit, currency: string): string {
  if (value === null || value === undefined) return '—';
  switch (unit) {
    case 'money':
      return formatMinor(value, currency);
    case 'rate':
      return `${(value * 100).toFixed(1)}%`;
    case 'ratio':
      return value >= 10 ? value.toFixed(1) : value.toFixed(value >= 1 ? 2 : 3);
    case 'score':
      return value.toFixed(1);
    case 'count':
      return value.toLocaleString('en-US');
  }
}

export const formatFigure = (f: Figure, unit: Unit, currency: string) => formatValue(f.value, unit, currency);

/** Money in compact major units for chart axes ("$1.2M"). */
export function compactMoney(minor: number, currency: string): string {
  const major = minor / 10 ** currencyDigits(currency);
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(major);
}

/** Minor units as major units (a number) for charts, which plot the same value the table shows. */
export const toMajor = (minor: number, currency: string) => minor / 10 ** currencyDigits(currency);

/** The change from the previous period, as a signed percent, or null when it cannot be said. */
export function change(current: Figure, previous: Figure): number | null {
  if (current.value === null || previous.value === null || previous.value === 0) return null;
  return (current.value - previous.value) / Math.abs(previous.value);
}

const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/** The period [from, to) as a person says it: "1 Jan 2025 – 31 Dec 2025" (the last day included). */
export function formatPeriod(from: string, to: string): string {
  const last = new Date(Date.parse(to) - 1);
  return `${day.format(new Date(from))} – ${day.format(last)}`;
}

export const formatInstant = (iso: string) => day.format(new Date(iso));
