// SQL for stock_movements: the ledger on-hand is summed from.
import { stmt } from './catalog-queries.js';
import type { Db } from './connection.js';

export type MovementReason =
  'sale' | 'return' | 'receive' | 'adjust' | 'damage' | 'theft' | 'count' | 'writeoff' | 'initial';

export interface MovementRecord {
  id: number;
  productId: string;
  quantity: number;
  reason: MovementReason;
  refId: string | null;
  costMinor: number | null;
  staffId: string | null;
  note: string | null;
  at: string;
}

export type NewMovement = Omit<MovementRecord, 'id'>;

export function insertMovement(db: Db, m: NewMovement): number {
  const info = stmt(
    db,
    `INSERT INTO stock_movements (product_id, quantity, reason, ref_id, cost_minor, staff_id, note, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(m.productId, m.quantity, m.reason, m.refId, m.costMinor, m.staffId, m.note, m.at);
  return Number(info.lastInsertRowid);
}

/** On-hand per product: the sum of its movements (the covering index serves it). Absent ids sum to 0. */
export function sumOnHand(db: Db, productIds: readonly string[]): Map<string, number> {
  const rows = stmt<[string], { productId: string; quantity: number }>(
    db,
    `SELECT j.value AS productId, coalesce((SELECT sum(quantity) FROM stock_movements m WHERE m.product_id = j.value), 0)
       AS quantity
     FROM json_each(?) j`,
  ).all(JSON.stringify(productIds));
  return new Map(rows.map((r) => [r.productId, r.quantity]));
}

/** A product's movements, newest first, keyset-paged by id (`beforeId` from the previous page). */
export function listMovements(
  db: Db,
  productId: string,
  beforeId: number | null,
  limit: number,
): MovementRecord[] {
  return stmt<[{ productId: string; beforeId: number | null; limit: number }], MovementRecord>(
    db,
    `SELECT id, product_id AS productId, quantity, reason, ref_id AS refId, cost_minor AS costMinor,
       staff_id AS staffId, note, at
     FROM stock_movements WHERE product_id = @productId AND (@beforeId IS NULL OR id < @beforeId)
     ORDER BY id DESC LIMIT @limit`,
  ).all({ productId, beforeId, limit });
}

/** Products at or below their reorder point, lowest stock first. */
export function lowStock(
  db: Db,
  limit: number,
): { productId: string; onHand: number; reorderPoint: number }[] {
  return stmt<[number], { productId: string; onHand: number; reorderPoint: number }>(
    db,
    `SELECT p.id AS productId, coalesce(sum(m.quantity), 0) AS onHand, p.reorder_point AS reorderPoint
     FROM products p LEFT JOIN stock_movements m ON m.product_id = p.id
     WHERE p.active = 1 AND p.reorder_point IS NOT NULL
     GROUP BY p.id HAVING onHand <= p.reorder_point ORDER BY onHand, p.name LIMIT ?`,
  ).all(limit);
}

/** Whether any movement with this reason exists (the demo seed books opening stock only once). */
export function hasMovements(db: Db, reason: MovementReason): boolean {
  return (
    stmt<[string], { one: number }>(db, 'SELECT 1 AS one FROM stock_movements WHERE reason = ? LIMIT 1').get(
      reason,
    ) !== undefined
  );
}
