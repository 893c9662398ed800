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

/** The ISO 4217 exponent: 2 for USD (cents), 0 for JPY, 3 for KWD. */
export function currencyDigits(code: string): number {
  return usable.get(code)?.digits ?? 2;
}

/** Formats minor units for people: 123456 USD → "1,234.56". */
export function formatMinor(amount: number, currency: string, locale = 'en-US'): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount / 10 ** digits);
}

/** Ten trillion minor units: 100 billion in a two-decimal currency. Large enough for any deal, small enough to stay exact. */
export const MAX_MINOR_AMOUNT = 10_000_000_000_000;
