import type { Discount } from '../../shared/api/sales-endpoints.js';
import { parseMajorAmount } from './amount-input.js';
import { MAX_QUANTITY } from './cart-state.js';

/**
 * Reading what the cashier typed in the cart's edit dialogs, from the digits alone (no floats): a
 * quantity, a percent as basis points, an amount in minor units. Null for anything that does not read,
 * so the dialog says so and nothing is sent.
 */

export function parseQuantity(text: string): number | null {
  const m = /^\s*(\d{1,4})\s*$/.exec(text);
  if (!m) return null;
  const quantity = Number(m[1]);
  return quantity >= 1 && quantity <= MAX_QUANTITY ? quantity : null;
}

/** "12,5" or "12.5" percent -> 1250 basis points; at most two decimals and at most 100 %. */
export function parsePercent(text: string): number | null {
  const m = /^\s*(\d{1,3})(?:[.,](\d{0,2}))?\s*%?\s*$/.exec(text);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

export type DiscountKind = Discount['kind'];

/** A discount from its kind and the typed value; null when the value does not read. */
export function parseDiscount(kind: DiscountKind, text: string, exponent: number): Discount | null {
  if (kind === 'percent') {
    const bp = parsePercent(text);
    return bp === null ? null : { kind, bp };
  }
  const amountMinor = parseMajorAmount(text, exponent);
  return amountMinor === null ? null : { kind, amountMinor };
}

/** Basis points as the cashier typed them: 1250 -> "12.5" (the point is the input's, not the locale's). */
export function percentText(bp: number): string {
  const whole = Math.floor(bp / 100);
  const fraction = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}
