// Readers for URL search parameters. The router parses values as JSON where it can, so `?q=2024`
// arrives as a number: take it back as text. Anything unexpected reads as "not set".

export function searchText(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function searchOneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return allowed.find((a) => a === value);
}

/** A `YYYY-MM-DD` date, as a date input gives it. */
export function searchDate(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}
