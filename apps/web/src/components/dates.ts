const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' });
const dateOnly = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
export const formatDate = (iso: string) => dateOnly.format(new Date(iso));

/**
 * A `YYYY-MM-DD` picked in a date input means a whole day where the person is;
 * the API filters by instants, so turn it into the first or last instant of that local day.
 */
export function startOfLocalDay(date: string | undefined): string | undefined {
  return date ? new Date(`${date}T00:00:00`).toISOString() : undefined;
}

export function endOfLocalDay(date: string | undefined): string | undefined {
  return date ? new Date(`${date}T23:59:59.999`).toISOString() : undefined;
}
