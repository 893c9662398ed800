import { currencies, minorToMajorText, parseMajorAmount } from '@partnergraph/shared/money-format';

export { parseMajorAmount };

/** Currency select options, e.g. "EUR · Euro"; the code comes first so typing it finds the currency. */
export const currencyOptions: { value: string; label: string }[] = currencies.map((c) => ({
  value: c.code,
  label: `${c.code} · ${c.name}`,
}));

/** Minor units as the text a person would type ("1234.56"), for prefilling an amount field. */
export const majorAmountText = minorToMajorText;

const day = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

/** A calendar date (`YYYY-MM-DD`) as the same day wherever the reader is: read as a local date, not UTC midnight. */
export function formatDay(date: string): string {
  const parsed = new Date(`${date}T00:00:00`);
  return Number.isNaN(parsed.getTime()) ? date : day.format(parsed);
}

/** Today as `YYYY-MM-DD` where the person is, for date inputs. */
export function todayDate(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
