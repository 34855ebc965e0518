// Calendar days where the shop is. Timesheets and performance ranges are asked for in local dates
// (2026-03-29 is the day the shop saw, whatever UTC says); these turn them into UTC instants.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
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
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** How far the zone's wall clock is ahead of UTC at this instant, in milliseconds. */
function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const parts = new Map<string, number>();
  for (const p of partsFormatter(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts.set(p.type, Number(p.value));
  }
  const part = (type: string) => parts.get(type) ?? 0;
  const wall = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wall - Math.floor(instantMs / 1000) * 1000;
}

/** Whether the text is a real calendar date written YYYY-MM-DD. */
export function isLocalDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** The UTC instant (ms) at which the local day `date` begins in the zone (DST days included). */
export function localMidnightMs(date: string, timeZone: string): number {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // The offset at the guess may differ from the offset at the answer across a DST change: ask twice.
  let instant = wall - zoneOffsetMs(wall, timeZone);
  instant = wall - zoneOffsetMs(instant, timeZone);
  return instant;
}

/** The local date (YYYY-MM-DD) after `date`. */
export function nextDate(date: string): string {
  const m = DATE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + DAY_MS).toISOString().slice(0, 10);
}

/** Every local date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let d = from; d <= to; d = nextDate(d)) dates.push(d);
  return dates;
}

/** Whole days from `from` to `to` inclusive, by the calendar. */
export function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** A local day as a UTC window [startMs, endMs): 23 or 25 hours long on DST days. */
export interface DayWindow {
  date: string;
  startMs: number;
  endMs: number;
}

export function dayWindows(from: string, to: string, timeZone: string): DayWindow[] {
  return datesBetween(from, to).map((date) => ({
    date,
    startMs: localMidnightMs(date, timeZone),
    endMs: localMidnightMs(nextDate(date), timeZone),
  }));
}

/** Instants are counted in whole minutes (floored), so per-day minutes always add up to the total. */
export function floorToMinute(ms: number): number {
  return Math.floor(ms / MINUTE_MS) * MINUTE_MS;
}

export const MS_PER_MINUTE = MINUTE_MS;
