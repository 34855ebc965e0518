/**
 * Units of piece lines, held as runs (a line's units all cost the same) so a line of 10,000 pieces is one
 * run, not 10,000 objects. Basket deals take units out of runs: the most expensive first, or the
 * cheapest first, ties going to the earlier line so the result is the same every time.
 */
export interface UnitRun {
  lineIndex: number;
  priceMinor: number;
  remaining: number;
}

export interface TakenUnits {
  run: UnitRun;
  count: number;
}

export type TakeOrder = 'dearest' | 'cheapest';

function ordered(runs: readonly UnitRun[], order: TakeOrder): UnitRun[] {
  const sign = order === 'dearest' ? -1 : 1;
  return runs
    .filter((r) => r.remaining > 0)
    .sort((a, b) => sign * (a.priceMinor - b.priceMinor) || a.lineIndex - b.lineIndex);
}

/**
 * Picks `count` units from `runs` in `order`, skipping what `reserved` already holds, without taking
 * anything yet; null when there are not enough.
 */
export function pickUnits(
  runs: readonly UnitRun[],
  count: number,
  order: TakeOrder,
  reserved: readonly TakenUnits[] = [],
): TakenUnits[] | null {
  const held = new Map<UnitRun, number>();
  for (const r of reserved) held.set(r.run, (held.get(r.run) ?? 0) + r.count);
  const picked: TakenUnits[] = [];
  let missing = count;
  for (const run of ordered(runs, order)) {
    if (missing === 0) break;
    const free = run.remaining - (held.get(run) ?? 0);
    if (free <= 0) continue;
    const take = Math.min(free, missing);
    picked.push({ run, count: take });
    missing -= take;
  }
  return missing === 0 ? picked : null;
}

export function takeUnits(picked: readonly TakenUnits[], times: number): void {
  for (const p of picked) p.run.remaining -= p.count * times;
}

export function unitCount(picked: readonly TakenUnits[]): number {
  return picked.reduce((sum, p) => sum + p.count, 0);
}

export function priceSum(picked: readonly TakenUnits[]): number {
  return picked.reduce((sum, p) => sum + p.count * p.run.priceMinor, 0);
}
