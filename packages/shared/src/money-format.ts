// Money for people and forms, with no Zod: the web app imports this without
// pulling validation code into its bundle. The contracts (contracts/money.ts) build on it.
import currencyCodes from 'currency-codes';

// ISO 4217 from a maintained list. Precious metals, bond units and testing
// codes (countries listed only as ZZ placeholders) are not money a deal is priced in.
const usable = new Map(
  currencyCodes.data
    .filter((c) => !c.countries.every((country) => country.startsWith('Zz')))
    .map((c) => [c.code, c]),
);

export const currencies = [...usable.values()]
  .map((c) => ({ code: c.code, name: c.currency, digits: c.digits }))
  .sort((a, b) => a.code.localeCompare(b.code));

export const isCurrency = (code: string) => usable.has(code);

/** Ten trillion minor units: 100 billion in a two-decimal currency. Large enough for any deal, small enough to stay exact. */
export const MAX_MINOR_AMOUNT = 10_000_000_000_000;

/** The ISO 4217 exponent: 2 for USD (cents), 0 for JPY, 3 for KWD. */
export function currencyDigits(code: string): number {
  return usable.get(code)?.digits ?? 2;
}

/**
 * Integer minor units as an exact decimal string of major units: 123456 USD → "1234.56", 5 BHD → "0.005".
 * By digits, never by float division, so a large amount loses no cent.
 */
export function minorToMajorText(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const whole = Math.round(minor);
  const text = String(Math.abs(whole)).padStart(digits + 1, '0');
  const sign = whole < 0 ? '-' : '';
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats minor units for people, in major units with the currency's symbol: 123456 USD → "$1,234.56", 5000 JPY → "¥5,000". */
export function formatMinor(amount: number, currency: string, locale = 'en-US'): string {
  const key = `${locale}|${currency}`;
  let format = formatters.get(key);
  if (!format) {
    const digits = currencyDigits(currency);
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, format);
  }
  // Intl formats a decimal string exactly (no float on the way).
  return format.format(minorToMajorText(amount, currency) as `${number}`);
}

/** An amount a person typed in major units, as minor units, or what is wrong with it. */
export type ParsedAmount = { minor: number } | { error: string };

/**
 * Turns what a person typed in major units ("1,234.56", "$250,000") into integer minor units of
 * `currency` (123456 for USD, 1234 for JPY, 1234560 for BHD), exactly: the text is split at the
 * decimal point and joined as digits, never multiplied as a float. `allowZero` for thresholds and
 * allowances, where 0 means "nothing"; an amount of money changing hands must be positive.
 */
export function parseMajorAmount(
  text: string,
  currency: string,
  opts: { allowZero?: boolean } = {},
): ParsedAmount {
  const digits = currencyDigits(currency);
  const cleaned = text
    .trim()
    .replace(/[\s,_'’]/g, '')
    .replace(/^[^\d.]{1,4}(?=[\d.])/, (prefix) =>
      // A leading symbol or code the person typed ("$", "US$", "EUR") is the currency already chosen.
      /^[\p{Sc}A-Za-z]+$/u.test(prefix) ? '' : prefix,
    );
  if (!cleaned) return { error: 'Give an amount' };
  const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || cleaned === '.') return { error: 'Give an amount as a number, e.g. 1234.56' };
  const [, whole = '', fraction = ''] = match;
  if (fraction.replace(/0+$/, '').length > digits) {
    return {
      error:
        digits === 0
          ? `${currency} amounts have no decimal places`
          : `${currency} amounts have at most ${digits} decimal place${digits === 1 ? '' : 's'}`,
    };
  }
  const minor = Number(`${whole || '0'}${fraction.slice(0, digits).padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(minor) || minor > MAX_MINOR_AMOUNT) return { error: 'Amount too large' };
  if (minor === 0 && !opts.allowZero) return { error: 'An amount must be positive' };
  return { minor };
}
