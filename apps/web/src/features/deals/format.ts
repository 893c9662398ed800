import { formatMinor, minorToMajorText, parseMajorAmount } from '@partnergraph/shared/money-format';

export { formatMinor, parseMajorAmount };

// Calendar dates (`YYYY-MM-DD`) name a day, not an instant: format them in UTC, or a person west of
// Greenwich would read the day before.
const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

export function formatDay(date: string): string {
  const parsed = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : day.format(parsed);
}

/** Today where the person is, as a date input gives it. */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Minor units back into what the amount field shows ("1234.56"), for forms that start from a deal. */
export const toMajorInput = minorToMajorText;
