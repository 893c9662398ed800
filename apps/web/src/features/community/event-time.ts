// Event times: an event is held in its own IANA time zone; viewers elsewhere also see their own.

export const viewerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function formatInZone(iso: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );
  return `${text} ${zoneName(iso, timeZone)}`;
}

/** The short name of a zone at an instant ("CET", "GMT+2"). */
export function zoneName(iso: string, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "Mar 4, 2026, 3:00 PM – 4:30 PM CET" */
export function formatRange(startIso: string, endIso: string, timeZone: string): string {
  const sameDay =
    new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(new Date(startIso)) ===
    new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(new Date(endIso));
  const start = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(startIso),
  );
  const end = new Intl.DateTimeFormat(
    'en',
    sameDay ? { timeStyle: 'short', timeZone } : { dateStyle: 'medium', timeStyle: 'short', timeZone },
  ).format(new Date(endIso));
  return `${start} – ${end} ${zoneName(startIso, timeZone)}`;
}

/** The offset of a zone from UTC at an instant, in milliseconds. */
function offsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    +parts.year!,
    +parts.month! - 1,
    +parts.day!,
    +parts.hour!,
    +parts.minute!,
    +parts.second!,
  );
  return wall - instant;
}

/** A `YYYY-MM-DDTHH:mm` wall-clock time in `timeZone`, as an ISO instant. */
export function zonedToIso(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return null;
  const guess = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  let instant = guess - offsetMs(guess, timeZone);
  instant = guess - offsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

/** An ISO instant as the `YYYY-MM-DDTHH:mm` wall-clock time in `timeZone` (for a datetime-local input). */
export function isoToZoned(iso: string, timeZone: string): string {
  const instant = new Date(iso).getTime();
  return new Date(instant + offsetMs(instant, timeZone)).toISOString().slice(0, 16);
}

export function timeZoneOptions(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const zones = intl.supportedValuesOf?.('timeZone') ?? [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}
