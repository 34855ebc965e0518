// A moment as the shop's wall clock shows it, for <input type="datetime-local">, and back: a manager
// correcting a shift types the shop's time, whatever zone the browser is in. `timeZone` undefined: the
// browser's own.

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

function wallParts(instantMs: number, timeZone: string | undefined): number[] {
  const parts = new Map<string, number>();
  const format = new Intl.DateTimeFormat('en-US', {
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    ...(timeZone === undefined ? {} : { timeZone }),
  });
  for (const p of format.formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts.set(p.type, Number(p.value));
  }
  return ['year', 'month', 'day', 'hour', 'minute'].map((k) => parts.get(k) ?? 0);
}

/** "2026-12-06T08:30" for an ISO instant, at the shop's clock. */
export function shopWallTime(iso: string, timeZone: string | undefined): string {
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0] = wallParts(Date.parse(iso), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}`;
}

/** The ISO instant of a shop wall time typed as "2026-12-06T08:30", or null when it is no time. */
export function instantOfShopWallTime(value: string, timeZone: string | undefined): string | null {
  const m = WALL.exec(value);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(wall)) return null;
  const offsetAt = (instant: number) => {
    const [y = 0, mo = 0, d = 0, h = 0, mi = 0] = wallParts(instant, timeZone);
    return Date.UTC(y, mo - 1, d, h, mi) - Math.floor(instant / 60_000) * 60_000;
  };
  // Asked twice: the offset at the first guess may differ across a change to or from summer time.
  let instant = wall - offsetAt(wall);
  instant = wall - offsetAt(instant);
  return new Date(instant).toISOString();
}
