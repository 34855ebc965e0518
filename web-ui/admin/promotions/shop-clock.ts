/**
 * `datetime-local` values on the shop's clock. The admin pages show every moment in the store's time
 * zone (admin-format.ts), so a campaign typed as "1 December 09:00" starts at 09:00 in the shop, whatever
 * zone the manager's laptop is set to. Without a zone, this browser's.
 */

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The instant's wall-clock fields in the zone, read back as if they were UTC (ms). */
function wallAsUtc(ms: number, timeZone: string | undefined): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(ms);
  const n = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
}

/** "2026-12-01T09:00" for the instant, on the zone's clock. */
export function toWallClock(iso: string, timeZone?: string): string {
  const wall = new Date(wallAsUtc(Date.parse(iso), timeZone));
  return wall.toISOString().slice(0, 16);
}

/** The instant (ms) a wall-clock value names in the zone; NaN when it is no such value. */
export function fromWallClock(value: string, timeZone?: string): number {
  const m = WALL.exec(value);
  if (!m) return NaN;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  // The zone's offset at a first guess, then again at the corrected instant (right across a DST change).
  const first = asUtc - (wallAsUtc(asUtc, timeZone) - asUtc);
  return asUtc - (wallAsUtc(first, timeZone) - first);
}
