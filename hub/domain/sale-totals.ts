// Sale totals: gross per line, line discounts, the sale discount spread over lines, invoice-level tax per
// rate allocated back to lines. Every figure is an integer and every split sums exactly to its whole, so
// the receipt, the journal and the tax report add up to the same units.
import { allocate, divRound, MoneyOverflowError, toSafeNumber } from './money.js';
import { computeInvoiceTax, isValidTaxRate, MAX_TAX_RATE_BP } from './tax.js';
import type { TaxBreakdown, TaxMode } from './tax.js';

export type { TaxBreakdown, TaxMode } from './tax.js';

export type Discount = { kind: 'amount'; amountMinor: number } | { kind: 'percent'; bp: number };

export interface TotalsLineInput {
  key: string;
  /** Per piece, or per kg / per litre for measured units. */
  unitPriceMinor: number;
  /** Pieces, or grams / ml. */
  quantity: number;
  /** true: price per 1000 quantity units. */
  measured: boolean;
  taxRateBp: number;
  discount: Discount | null;
  /** What the store's promotions take off the gross (the promotion engine's answer); 0 when absent. */
  promotionDiscountMinor?: number;
}

export interface TotalsInput {
  taxMode: TaxMode;
  lines: TotalsLineInput[];
  saleDiscount: Discount | null;
}

export interface TotalsLine {
  key: string;
  /** unitPrice * qty (measured: divRound(price * qty, 1000)). */
  grossMinor: number;
  /** Promotions first; then the cashier's line discount applies to what is left. */
  promotionDiscountMinor: number;
  lineDiscountMinor: number;
  /** This line's share of the sale discount. */
  saleDiscountMinor: number;
  /** gross - both discounts, in the store's price basis. */
  netMinor: number;
  taxMinor: number;
  taxRateBp: number;
  /** What the customer pays for this line: inclusive = net; exclusive = net + tax. */
  totalMinor: number;
}

export interface SaleTotals {
  lines: TotalsLine[];
  /** Sum of gross. */
  subtotalMinor: number;
  /** All discounts: promotions, line and sale. */
  discountMinor: number;
  taxMinor: number;
  /** Sorted by rate. */
  taxes: TaxBreakdown[];
  totalMinor: number;
}

export type TotalsErrorCode = 'DISCOUNT_EXCEEDS_AMOUNT' | 'INVALID_LINE';

export type TotalsResult =
  { ok: true; totals: SaleTotals } | { ok: false; code: TotalsErrorCode; message: string; key?: string };

type Failure = Extract<TotalsResult, { ok: false }>;

function fail(code: TotalsErrorCode, message: string, key?: string): Failure {
  return key === undefined ? { ok: false, code, message } : { ok: false, code, message, key };
}

const sumOf = (values: readonly number[]): bigint => values.reduce((acc, v) => acc + BigInt(v), 0n);
const isMinor = (n: number, min: number): boolean => Number.isSafeInteger(n) && n >= min;

/** The discount on `amount`, or a failure. Over 100 % or over the amount is refused, never capped. */
function discountOn(amount: number, discount: Discount | null, what: string, key?: string): number | Failure {
  if (discount === null) return 0;
  switch (discount.kind) {
    case 'amount':
      if (!isMinor(discount.amountMinor, 0)) {
        return fail('INVALID_LINE', `${what} discount must be a non-negative integer amount`, key);
      }
      if (discount.amountMinor > amount) {
        return fail(
          'DISCOUNT_EXCEEDS_AMOUNT',
          `${what} discount ${discount.amountMinor} exceeds ${amount}`,
          key,
        );
      }
      return discount.amountMinor;
    case 'percent':
      if (!isMinor(discount.bp, 0)) {
        return fail(
          'INVALID_LINE',
          `${what} discount percent must be non-negative integer basis points`,
          key,
        );
      }
      if (discount.bp > 10_000) {
        return fail('DISCOUNT_EXCEEDS_AMOUNT', `${what} discount of ${discount.bp} bp is over 100 %`, key);
      }
      return Number(divRound(BigInt(amount) * BigInt(discount.bp), 10_000n));
  }
}

function lineGross(line: TotalsLineInput): number | Failure {
  const { key } = line;
  if (key.length === 0) return fail('INVALID_LINE', 'line key must not be empty');
  if (!isMinor(line.unitPriceMinor, 0)) {
    return fail('INVALID_LINE', 'unitPriceMinor must be a non-negative safe integer', key);
  }
  if (!isMinor(line.quantity, 1)) {
    return fail('INVALID_LINE', 'quantity must be a positive safe integer', key);
  }
  if (!isValidTaxRate(line.taxRateBp)) {
    return fail('INVALID_LINE', `taxRateBp must be an integer from 0 to ${MAX_TAX_RATE_BP}`, key);
  }
  const product = BigInt(line.unitPriceMinor) * BigInt(line.quantity);
  const gross = line.measured ? divRound(product, 1000n) : product;
  if (gross > BigInt(Number.MAX_SAFE_INTEGER)) return fail('INVALID_LINE', 'line amount is too large', key);
  return Number(gross);
}

/**
 * Computes a sale's totals. Quantities must be positive and prices non-negative: a return is computed
 * with positive figures and negated by the caller, so splits round the same way in both directions.
 */
export function computeSaleTotals(input: TotalsInput): TotalsResult {
  const keys = new Set<string>();
  const afterLine: { line: TotalsLineInput; gross: number; promotion: number; lineDiscount: number }[] = [];
  for (const line of input.lines) {
    if (keys.has(line.key)) return fail('INVALID_LINE', 'duplicate line key', line.key);
    keys.add(line.key);
    const gross = lineGross(line);
    if (typeof gross !== 'number') return gross;
    const promotion = line.promotionDiscountMinor ?? 0;
    if (!isMinor(promotion, 0) || promotion > gross) {
      return fail(
        'INVALID_LINE',
        'promotionDiscountMinor must be an integer from 0 to the line amount',
        line.key,
      );
    }
    const lineDiscount = discountOn(gross - promotion, line.discount, 'line', line.key);
    if (typeof lineDiscount !== 'number') return lineDiscount;
    afterLine.push({ line, gross, promotion, lineDiscount });
  }
  const subtotal = sumOf(afterLine.map((l) => l.gross));
  if (subtotal > BigInt(Number.MAX_SAFE_INTEGER)) return fail('INVALID_LINE', 'sale subtotal is too large');
  const weights = afterLine.map((l) => l.gross - l.promotion - l.lineDiscount);
  const saleDiscount = discountOn(Number(sumOf(weights)), input.saleDiscount, 'sale');
  if (typeof saleDiscount !== 'number') return saleDiscount;
  // Weighted by what is left of each line, so no line's share can exceed it and no net goes negative.
  const saleShares = allocate(saleDiscount, weights);
  const nets = weights.map((w, i) => w - (saleShares[i] ?? 0));
  try {
    const tax = computeInvoiceTax(
      afterLine.map((l, i) => ({ amountMinor: nets[i] ?? 0, rateBp: l.line.taxRateBp })),
      input.taxMode,
    );
    const exclusive = input.taxMode === 'exclusive';
    const lines = afterLine.map(({ line, gross, promotion, lineDiscount }, i): TotalsLine => {
      const netMinor = nets[i] ?? 0;
      const taxMinor = tax.lineTaxes[i] ?? 0;
      return {
        key: line.key,
        grossMinor: gross,
        promotionDiscountMinor: promotion,
        lineDiscountMinor: lineDiscount,
        saleDiscountMinor: saleShares[i] ?? 0,
        netMinor,
        taxMinor,
        taxRateBp: line.taxRateBp,
        totalMinor: exclusive ? netMinor + taxMinor : netMinor,
      };
    });
    const taxMinor = toSafeNumber(sumOf(tax.taxes.map((t) => t.taxMinor)), 'tax');
    const discountMinor = toSafeNumber(
      sumOf(lines.map((l) => l.promotionDiscountMinor + l.lineDiscountMinor + l.saleDiscountMinor)),
      'discount',
    );
    const total = subtotal - BigInt(discountMinor) + (exclusive ? BigInt(taxMinor) : 0n);
    return {
      ok: true,
      totals: {
        lines,
        subtotalMinor: Number(subtotal),
        discountMinor,
        taxMinor,
        taxes: tax.taxes,
        totalMinor: toSafeNumber(total, 'sale total'),
      },
    };
  } catch (error: unknown) {
    if (error instanceof MoneyOverflowError) {
      return fail('INVALID_LINE', `sale amounts are too large: ${error.message}`);
    }
    throw error;
  }
}
