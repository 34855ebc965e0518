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
