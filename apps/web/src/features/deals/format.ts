import { currencyDigits, formatMinor, MAX_MINOR_AMOUNT } from '@partnergraph/shared/money-format';

export { formatMinor };

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

/**
 * Turns what a person typed in major units ("1,234.56") into integer minor units (123456 for USD),
 * exactly: by digits, never through a float multiplication. Answers an error message otherwise.
 */
export function parseMajorAmount(text: string, currency: string): { minor: number } | { error: string } {
  const digits = currencyDigits(currency);
  const cleaned = text.replace(/[\s,_']/g, '');
  if (!cleaned) return { error: 'Give an amount' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { error: 'Give an amount as a number, e.g. 1234.56' };
  const [, whole = '', fraction = ''] = match;
  if (fraction.length > digits) {
    return {
      error:
        digits === 0
          ? `${currency} has no minor unit: give a whole amount`
          : `${currency} has ${digits} decimal${digits === 1 ? '' : 's'} at most`,
    };
  }
  const minor = Number(`${whole}${fraction.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(minor) || minor > MAX_MINOR_AMOUNT) return { error: 'Amount too large' };
  if (minor <= 0) return { error: 'An amount must be positive' };
  return { minor };
}

/** Minor units back into what the amount field shows ("1234.56"), for forms that start from a deal. */
export function toMajorInput(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
