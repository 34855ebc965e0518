// A date and time typed in a datetime-local field means the shop's clock, not the browser's: a manager
// scheduling "Saturday 08:00" from home abroad still means 08:00 in the shop.

function offsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - (at - (at % 1000));
}

/**
 * "2026-07-04T08:00" at the wall clock of `timeZone` as an ISO instant; without a zone, the browser's.
 * Null when the text is not a datetime-local value.
 */
export function zonedInputToIso(value: string, timeZone: string | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (timeZone === undefined) return new Date(y, mo - 1, d, h, mi).toISOString();
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The offset at the guess, then again at the result: right on both sides of a DST change.
  let at = wall - offsetMs(wall, timeZone);
  at = wall - offsetMs(at, timeZone);
  return new Date(at).toISOString();
}
