import type { PeriodRow } from '../../db/reports-queries.js';

/** Sales minus returns for one bucket or a whole period. All money in minor units. */
export interface Figures {
  /** Completed sales (documents), and returns apart. */
  sales: number;
  returns: number;
  items: number;
  grossMinor: number;
  discountMinor: number;
  taxMinor: number;
  /** What customers paid for goods, returns subtracted (tax included). */
  totalMinor: number;
  /** Of which returned. */
  returnsMinor: number;
  costMinor: number;
  /** totalMinor - taxMinor - costMinor. */
  marginMinor: number;
}

export const zeroFigures = (): Figures => ({
  sales: 0,
  returns: 0,
  items: 0,
  grossMinor: 0,
  discountMinor: 0,
  taxMinor: 0,
  totalMinor: 0,
  returnsMinor: 0,
  costMinor: 0,
  marginMinor: 0,
});

/** Adds a summary row into figures, with the sign of its kind. */
export function addRow(f: Figures, row: PeriodRow): void {
  const sign = row.kind === 'sale' ? 1 : -1;
  if (row.kind === 'sale') f.sales += row.docs;
  else {
    f.returns += row.docs;
    f.returnsMinor += row.totalMinor;
  }
  f.items += sign * row.items;
  f.grossMinor += sign * row.grossMinor;
  f.discountMinor += sign * row.discountMinor;
  f.taxMinor += sign * row.taxMinor;
  f.totalMinor += sign * row.totalMinor;
  f.costMinor += sign * row.costMinor;
  f.marginMinor += sign * (row.totalMinor - row.taxMinor - row.costMinor);
}

export function sumFigures(all: readonly Figures[]): Figures {
  const out = zeroFigures();
  for (const f of all) {
    for (const key of Object.keys(out) as (keyof Figures)[]) out[key] += f[key];
  }
  return out;
}
