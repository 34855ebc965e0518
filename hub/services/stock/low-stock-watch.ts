import { sumOnHand } from '../../db/stock-queries.js';
import { reorderPoints } from '../../db/stock-level-queries.js';
import type { Tx } from '../../db/transactor.js';

interface Level {
  onHand: number;
  reorderPoint: number | null;
}

const isLow = (level: Level | undefined): boolean =>
  level !== undefined && level.reorderPoint !== null && level.onHand <= level.reorderPoint;

/**
 * Watches products across a change inside one transaction: call before changing stock or reorder points,
 * then call the returned function after. It emits 'stock.low' (sent after commit) for each product that
 * was above its reorder point and now is at or below it, so a product that stays low is announced once,
 * not on every sale.
 */
export function watchLowStock(tx: Tx, productIds: readonly string[]): () => void {
  const ids = [...new Set(productIds)];
  const before = levels(tx, ids);
  return () => {
    const after = levels(tx, ids);
    for (const id of ids) {
      const now = after.get(id);
      if (now?.reorderPoint == null || !isLow(now) || isLow(before.get(id))) continue;
      tx.emit({
        name: 'stock.low',
        payload: { productId: id, onHand: now.onHand, reorderPoint: now.reorderPoint },
      });
    }
  };
}

function levels(tx: Tx, ids: readonly string[]): Map<string, Level> {
  const points = reorderPoints(tx.db, ids);
  const onHand = sumOnHand(tx.db, ids);
  return new Map(
    [...points].map(([id, reorderPoint]) => [id, { onHand: onHand.get(id) ?? 0, reorderPoint }]),
  );
}
