import { getProduct } from '../../db/catalog-queries.js';
import { sumOnHand } from '../../db/stock-queries.js';
import type { Tx } from '../../db/transactor.js';
import { movingAverageCost } from '../../domain/stock/moving-average-cost.js';
import { writeProduct } from '../catalog/product-writer.js';
import type { Actor } from '../settings/actor.js';

export interface CostedLine {
  productId: string;
  quantity: number;
  /** What was paid per unit; a line without it leaves the cost as it is. */
  costMinor?: number | null | undefined;
}

/**
 * Updates each product's cost to the moving average over the stock on hand and the goods received.
 * Call inside the receipt's transaction before its movements are recorded: the average weighs the
 * on-hand before the delivery. A product received on several lines is averaged line by line.
 */
export function applyReceivedCosts(tx: Tx, lines: readonly CostedLine[], actor: Actor): string[] {
  const onHand = sumOnHand(
    tx.db,
    lines.map((l) => l.productId),
  );
  const costs = new Map<string, number>();
  for (const line of lines) {
    const units = onHand.get(line.productId) ?? 0;
    onHand.set(line.productId, units + line.quantity);
    if (line.costMinor == null) continue;
    const current = costs.get(line.productId) ?? getProduct(tx.db, line.productId)?.costMinor ?? 0;
    costs.set(line.productId, movingAverageCost(units, current, line.quantity, line.costMinor));
  }
  const changed: string[] = [];
  let changeSeq = 0;
  for (const [productId, costMinor] of costs) {
    const previous = getProduct(tx.db, productId);
    if (!previous || previous.costMinor === costMinor) continue;
    const { changeSeq: _seq, createdAt: _created, updatedAt: _updated, ...draft } = previous;
    const written = writeProduct(tx, { ...draft, costMinor }, undefined, previous, actor, 'product.cost');
    changeSeq = Math.max(changeSeq, written.changeSeq);
    changed.push(productId);
  }
  if (changed.length > 0) {
    tx.emit({ name: 'catalog.changed', payload: { changeSeq, productIds: changed, categoryIds: [] } });
  }
  return changed;
}
