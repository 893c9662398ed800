import { currencies, currencyDigits, MAX_MINOR_AMOUNT } from '@partnergraph/shared/money-format';

/** Currency select options, e.g. "EUR · Euro"; the code comes first so typing it finds the currency. */
export const currencyOptions: { value: string; label: string }[] = currencies.map((c) => ({
  value: c.code,
  label: `${c.code} · ${c.name}`,
}));

/**
 * An amount a person typed in major units ("1,234.56") as integer minor units of `currency`, exactly:
 * the text is split at the decimal point, never passed through a float.
 */
export function parseMajorAmount(
  text: string,
  currency: string,
): { minor: number; error?: undefined } | { minor?: undefined; error: string } {
  const cleaned = text.trim().replace(/[\s,_]/g, '');
  if (!cleaned) return { error: 'Give an amount' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { error: 'Give an amount as a number, e.g. 1234.56' };
  const [, whole = '', fraction = ''] = match;
  const digits = currencyDigits(currency);
  if (fraction.replace(/0+$/, '').length > digits) {
    return {
      error:
        digits === 0
          ? `${currency} amounts have no decimal places`
          : `${currency} amounts have at most ${digits} decimal places`,
    };
  }
  const minor = Number(`${whole}${fraction.slice(0, digits).padEnd(digits, '0')}`);
  if (minor <= 0) return { error: 'An amount must be positive' };
  if (minor > MAX_MINOR_AMOUNT) return { error: 'Amount too large' };
  return { minor };
}

/** Minor units as the text a person would type ("1234.56"), for prefilling an amount field. */
export function majorAmountText(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const padded = String(minor).padStart(digits + 1, '0');
  return `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

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
