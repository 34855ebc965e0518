// SQL for purchase orders and their lines.
import { stmt } from './catalog-queries.js';
import type { Db } from './connection.js';
import type { PurchaseOrderStatus } from '../domain/stock/stock-machines.js';

export interface PurchaseOrderRow {
  id: string;
  number: number;
  supplier_id: string;
  supplierName: string;
  status: PurchaseOrderStatus;
  note: string;
  created_at: string;
  sent_at: string | null;
  updated_at: string;
}

export interface PurchaseOrderLineRow {
  lineNo: number;
  productId: string;
  sku: string;
  name: string;
  unit: 'piece' | 'kg' | 'l';
  ordered: number;
  received: number;
  costMinor: number;
}

const SELECT_ORDER = `SELECT o.*, s.name AS supplierName FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id`;

export function selectPurchaseOrder(db: Db, id: string): PurchaseOrderRow | undefined {
  return stmt<[string], PurchaseOrderRow>(db, `${SELECT_ORDER} WHERE o.id = ?`).get(id);
}

/** Newest first, optionally one status. */
export function selectPurchaseOrders(
  db: Db,
  status: PurchaseOrderStatus | null,
  limit: number,
  offset: number,
): { rows: PurchaseOrderRow[]; total: number } {
  const rows = stmt<[{ status: string | null; limit: number; offset: number }], PurchaseOrderRow>(
    db,
    `${SELECT_ORDER} WHERE @status IS NULL OR o.status = @status ORDER BY o.number DESC LIMIT @limit OFFSET @offset`,
  ).all({ status, limit, offset });
  const total = stmt<[{ status: string | null }], { n: number }>(
    db,
    'SELECT count(*) AS n FROM purchase_orders WHERE @status IS NULL OR status = @status',
  ).get({ status })?.n;
  return { rows, total: total ?? 0 };
}

export function selectPurchaseOrderLines(
  db: Db,
  orderIds: readonly string[],
): (PurchaseOrderLineRow & { orderId: string })[] {
  return stmt<[string], PurchaseOrderLineRow & { orderId: string }>(
    db,
    `SELECT l.order_id AS orderId, l.line_no AS lineNo, l.product_id AS productId, p.sku, p.name, p.unit, l.ordered,
       l.received, l.cost_minor AS costMinor
     FROM purchase_order_lines l JOIN products p ON p.id = l.product_id
     WHERE l.order_id IN (SELECT value FROM json_each(?)) ORDER BY l.order_id, l.line_no`,
  ).all(JSON.stringify(orderIds));
}

export function insertPurchaseOrder(db: Db, row: Omit<PurchaseOrderRow, 'supplierName'>): void {
  stmt<[Omit<PurchaseOrderRow, 'supplierName'>]>(
    db,
    `INSERT INTO purchase_orders (id, number, supplier_id, status, note, created_at, sent_at, updated_at)
     VALUES (@id, @number, @supplier_id, @status, @note, @created_at, @sent_at, @updated_at)`,
  ).run(row);
}

export function updatePurchaseOrder(
  db: Db,
  row: Pick<PurchaseOrderRow, 'id' | 'supplier_id' | 'status' | 'note' | 'sent_at' | 'updated_at'>,
): void {
  stmt<[typeof row]>(
    db,
    `UPDATE purchase_orders SET supplier_id = @supplier_id, status = @status, note = @note, sent_at = @sent_at,
       updated_at = @updated_at WHERE id = @id`,
  ).run(row);
}

/** Replaces a draft's lines, numbered from 1 in the order given. */
export function replacePurchaseOrderLines(
  db: Db,
  orderId: string,
  lines: readonly { productId: string; ordered: number; costMinor: number }[],
): void {
  stmt<[string]>(db, 'DELETE FROM purchase_order_lines WHERE order_id = ?').run(orderId);
  const insert = stmt<[string, number, string, number, number]>(
    db,
    `INSERT INTO purchase_order_lines (order_id, line_no, product_id, ordered, received, cost_minor)
     VALUES (?, ?, ?, ?, 0, ?)`,
  );
  lines.forEach((l, i) => insert.run(orderId, i + 1, l.productId, l.ordered, l.costMinor));
}

export function addReceived(db: Db, orderId: string, lineNo: number, quantity: number): void {
  stmt<[number, string, number]>(
    db,
    'UPDATE purchase_order_lines SET received = received + ? WHERE order_id = ? AND line_no = ?',
  ).run(quantity, orderId, lineNo);
}
