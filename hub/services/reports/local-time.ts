// Store-local hour and day numbers. A report bucket is "hours since 1970-01-01T00:00 in the store's wall
// clock", so a date range typed by the manager maps to a plain integer range and a day is hour / 24.

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, number>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC in ms at an instant (cached per zone and UTC quarter hour). */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
  const key = `${timeZone}|${Math.floor(utcMs / 900_000)}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(utcMs))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  const offset = wall - Math.floor(utcMs / 60_000) * 60_000;
  if (offsets.size > 100_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** The store-local hour number of an ISO instant. */
export function localHourOf(iso: string, timeZone: string): number {
  const ms = Date.parse(iso);
  return Math.floor((ms + zoneOffsetMs(timeZone, ms)) / HOUR_MS);
}

/** Day number of a local date 'YYYY-MM-DD'. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The local date 'YYYY-MM-DD' of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC instant (ISO) when a local day number begins in the zone. */
export function utcStartOfDay(day: number, timeZone: string): string {
  const wall = day * DAY_MS;
  // Two passes: the offset at the guess can differ from the offset at the answer around a DST change.
  const guess = wall - zoneOffsetMs(timeZone, wall);
  return new Date(wall - zoneOffsetMs(timeZone, guess)).toISOString();
}

/** Today's local day number in the zone. */
export function localDayOf(now: Date, timeZone: string): number {
  return Math.floor(localHourOf(now.toISOString(), timeZone) / 24);
}

/** The month number (year * 12 + month of year - 1) of a day number. */
export function monthOfDay(day: number): number {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** The day number of the first day of a month number. */
export function firstDayOfMonth(month: number): number {
  return Math.floor(Date.UTC(Math.floor(month / 12), month % 12, 1) / DAY_MS);
}
