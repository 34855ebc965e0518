import { divRoundToNumber } from '../money.js';
/**
 * Moving average cost after a delivery: the goods on the shelf at their old unit cost and the delivery at
 * what was paid, averaged per unit and rounded half up to a whole minor unit. Stock at or below zero has
 * no value to average with, so the delivery's cost becomes the cost.
 */
export function movingAverageCost(
  onHand: number,
  currentCostMinor: number,
  receivedQuantity: number,
  receivedCostMinor: number,
): number {
  if (!Number.isSafeInteger(receivedQuantity) || receivedQuantity <= 0) {
    throw new RangeError(`received quantity must be a positive integer, got ${receivedQuantity}`);
  }
  if (onHand <= 0) return receivedCostMinor;
  const total = onHand * currentCostMinor + receivedQuantity * receivedCostMinor;
  const units = onHand + receivedQuantity;
  // Integer half-up division: Math.round on the float quotient can land on the wrong side of .5.
  return Math.floor((2 * total + units) / (2 * units));
}

/** SQL for the value of `quantity` at `cost`; see valueAtCost. */
export const valueAtCostSql = (quantity: string, unit: string, cost: string): string =>
  `(CASE WHEN ${unit} = 'piece' THEN ${quantity} * ${cost}
     ELSE CAST(round(${quantity} * ${cost} / 1000.0) AS INTEGER) END)`;

/**
 * What a quantity is worth at a unit cost, in minor units. Pieces cost per piece; weighed and measured
 * goods are kept in grams or millilitres but cost per kg or litre, so their value is divided by 1000
 * (rounded half away from zero, as SQLite's round does).
 */
export function valueAtCost(quantity: number, unit: 'piece' | 'kg' | 'l', costMinor: number): number {
  if (unit === 'piece') return quantity * costMinor;
  return divRoundToNumber(BigInt(quantity) * BigInt(costMinor), 1000n, 'value at cost');
}
