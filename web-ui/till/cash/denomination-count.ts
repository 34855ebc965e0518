/**
 * Counting a drawer by note and coin: what the cashier typed per denomination becomes pieces, a total in
 * integer minor units, and the body the hub takes. The hub checks the count again and keeps its own
 * total; this one is shown while counting so the cashier sees the sum of what they typed.
 */
import type { CountBody, Denomination, DenominationCount } from '../../shared/api/cash-endpoints.js';

/** The hub's limit per denomination: more pieces than any drawer holds is a typing error. */
export const MAX_PIECES = 100_000;

/** What the cashier typed for each denomination, by its value in minor units. */
export type PieceTexts = ReadonlyMap<number, string>;

export interface CountSummary {
  totalMinor: number;
  /** Denominations with at least one piece, largest first. */
  counts: DenominationCount[];
  /** Denominations whose text is not a whole number of pieces 0..MAX_PIECES. */
  invalid: number[];
}

/** Pieces from a typed text: blank is none; otherwise digits only, at most MAX_PIECES. */
export function parsePieces(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  const pieces = Number(trimmed);
  return pieces <= MAX_PIECES ? pieces : null;
}

/** The denominations a drawer is counted in: the circulating ones, largest first. */
export function countedDenominations(all: readonly Denomination[]): Denomination[] {
  return all.filter((d) => d.circulates).sort((a, b) => b.valueMinor - a.valueMinor);
}

export function summarizeCount(denominations: readonly Denomination[], texts: PieceTexts): CountSummary {
  let totalMinor = 0;
  const counts: DenominationCount[] = [];
  const invalid: number[] = [];
  for (const d of [...denominations].sort((a, b) => b.valueMinor - a.valueMinor)) {
    const pieces = parsePieces(texts.get(d.valueMinor) ?? '');
    if (pieces === null) {
      invalid.push(d.valueMinor);
      continue;
    }
    if (pieces === 0) continue;
    // At most 100,000 pieces of at most 10^10 minor units over a few dozen rows: safe integers.
    totalMinor += d.valueMinor * pieces;
    counts.push({ denominationMinor: d.valueMinor, count: pieces });
  }
  return { totalMinor, counts, invalid };
}

/** The value of one row of the count (pieces times the denomination), 0 for a text that is not a count. */
export function rowAmount(valueMinor: number, text: string): number {
  return valueMinor * (parsePieces(text) ?? 0);
}

/**
 * The hub's request body for a count: the pieces, or a total of 0 for an empty drawer (the hub wants at
 * least one row when counting by denomination). Null while a row is not a number.
 */
export function countBody(summary: CountSummary): CountBody | null {
  if (summary.invalid.length > 0) return null;
  return summary.counts.length > 0 ? { counts: summary.counts } : { totalMinor: 0 };
}

/** A copy of `texts` with one row changed, for immutable component state. */
export function withPieces(texts: PieceTexts, valueMinor: number, text: string): Map<number, string> {
  const next = new Map(texts);
  next.set(valueMinor, text);
  return next;
}
