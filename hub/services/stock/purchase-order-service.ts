import type { HubContext } from '../../context.js';
import { getProductsByIds } from '../../db/catalog-queries.js';
import type { Db } from '../../db/connection.js';
import {
  addReceived,
  insertPurchaseOrder,
  replacePurchaseOrderLines,
  selectPurchaseOrder,
  selectPurchaseOrderLines,
  selectPurchaseOrders,
  updatePurchaseOrder,
  type PurchaseOrderLineRow,
  type PurchaseOrderRow,
} from '../../db/stock-purchase-queries.js';
import { selectSupplier } from '../../db/stock-supplier-queries.js';
import type { Tx } from '../../db/transactor.js';
import {
  purchaseOrderMachine,
  type PurchaseOrderEvent,
  type PurchaseOrderStatus,
} from '../../domain/stock/stock-machines.js';
import { valueAtCost } from '../../domain/stock/moving-average-cost.js';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import { auditEntry, type Actor } from '../settings/actor.js';
import { parseOrThrow } from '../settings/settings-schema.js';
import {
  PurchaseOrderCreateSchema,
  PurchaseOrderPatchSchema,
  PurchaseOrderReceiveSchema,
  type PurchaseOrderView,
} from './purchase-order-schema.js';
import { applyReceivedCosts } from './received-cost.js';
import { recordStockMovements } from './stock-service.js';

function viewOf(row: PurchaseOrderRow, lines: readonly PurchaseOrderLineRow[]): PurchaseOrderView {
  return {
    id: row.id,
    number: row.number,
    supplierId: row.supplier_id,
    supplierName: row.supplierName,
    status: row.status,
    note: row.note,
    lines: lines.map(({ lineNo, productId, sku, name, unit, ordered, received, costMinor }) => ({
      lineNo,
      productId,
      sku,
      name,
      unit,
      ordered,
      received,
      costMinor,
    })),
    totalMinor: lines.reduce((sum, l) => sum + valueAtCost(l.ordered, l.unit, l.costMinor), 0),
    createdAt: row.created_at,
    sentAt: row.sent_at,
    updatedAt: row.updated_at,
  };
}

function load(db: Db, id: string): PurchaseOrderView {
  const row = selectPurchaseOrder(db, id);
  if (!row) throw new NotFoundError('Purchase order', id);
  return viewOf(row, selectPurchaseOrderLines(db, [id]));
}

/** Stocked products only, each at the cost given or its current cost. */
function pricedLines(
  db: Db,
  lines: readonly { productId: string; quantity: number; costMinor?: number | undefined }[],
): { productId: string; ordered: number; costMinor: number }[] {
  const products = new Map(
    getProductsByIds(
      db,
      lines.map((l) => l.productId),
    ).map((p) => [p.id, p]),
  );
  return lines.map((line) => {
    const product = products.get(line.productId);
    if (!product || !product.active || product.hasVariants) {
      throw new BusinessRuleError('UNKNOWN_PRODUCT', `Product ${line.productId} cannot be ordered`, {
        productId: line.productId,
        reason: !product ? 'unknown' : product.hasVariants ? 'style' : 'archived',
      });
    }
    return {
      productId: line.productId,
      ordered: line.quantity,
      costMinor: line.costMinor ?? product.costMinor,
    };
  });
}

function activeSupplier(db: Db, supplierId: string): void {
  const supplier = selectSupplier(db, supplierId);
  if (!supplier || supplier.archived_at !== null) {
    throw new BusinessRuleError('UNKNOWN_SUPPLIER', `Supplier ${supplierId} does not exist or is archived`, {
      supplierId,
    });
  }
}

/**
 * Purchase orders ('stock.manage'): draft -> sent -> partly received -> received, run by
 * purchaseOrderMachine. Receiving books 'receive' movements at the line's cost and moves the products'
 * moving average cost, in the same transaction as the received quantities.
 */
export class PurchaseOrderService {
  constructor(private readonly ctx: HubContext) {}

  list(
    status: PurchaseOrderStatus | null,
    limit: number,
    offset: number,
  ): { items: PurchaseOrderView[]; total: number; nextOffset: number | null } {
    return this.ctx.tx.read((db) => {
      const { rows, total } = selectPurchaseOrders(db, status, limit, offset);
      const lines = selectPurchaseOrderLines(
        db,
        rows.map((r) => r.id),
      );
      const items = rows.map((r) =>
        viewOf(
          r,
          lines.filter((l) => l.orderId === r.id),
        ),
      );
      const end = offset + items.length;
      return { items, total, nextOffset: end < total ? end : null };
    });
  }

  get(id: string): PurchaseOrderView {
    return this.ctx.tx.read((db) => load(db, id));
  }

  create(input: unknown, actor: Actor): { order: PurchaseOrderView; created: boolean } {
    const data = parseOrThrow(PurchaseOrderCreateSchema, input, 'purchase order');
    return this.ctx.tx.write((tx) => {
      const id = data.id ?? newId();
      if (selectPurchaseOrder(tx.db, id)) {
        const existing = load(tx.db, id);
        const same =
          existing.supplierId === data.supplierId &&
          existing.note === data.note &&
          JSON.stringify(existing.lines.map((l) => [l.productId, l.ordered])) ===
            JSON.stringify(data.lines.map((l) => [l.productId, l.quantity]));
        if (!same) throw new ConflictError(`Purchase order ${id} already exists with other content`, { id });
        return { order: existing, created: false };
      }
      activeSupplier(tx.db, data.supplierId);
      const lines = pricedLines(tx.db, data.lines);
      const number = tx.nextCounter('purchase_order');
      insertPurchaseOrder(tx.db, {
        id,
        number,
        supplier_id: data.supplierId,
        status: 'draft',
        note: data.note,
        created_at: tx.at,
        sent_at: null,
        updated_at: tx.at,
      });
      replacePurchaseOrderLines(tx.db, id, lines);
      return { order: this.saved(tx, id, actor, 'purchase_order.create'), created: true };
    });
  }

  update(id: string, input: unknown, actor: Actor): PurchaseOrderView {
    const data = parseOrThrow(PurchaseOrderPatchSchema, input, 'purchase order');
    return this.ctx.tx.write((tx) => {
      const row = selectPurchaseOrder(tx.db, id);
      if (!row) throw new NotFoundError('Purchase order', id);
      if (row.status !== 'draft') {
        throw new ConflictError(`Purchase order ${row.number} is ${row.status}; only a draft can be edited`, {
          status: row.status,
        });
      }
      if (data.supplierId !== undefined) activeSupplier(tx.db, data.supplierId);
      if (data.lines !== undefined) replacePurchaseOrderLines(tx.db, id, pricedLines(tx.db, data.lines));
      updatePurchaseOrder(tx.db, {
        ...row,
        supplier_id: data.supplierId ?? row.supplier_id,
        note: data.note ?? row.note,
        updated_at: tx.at,
      });
      return this.saved(tx, id, actor, 'purchase_order.update');
    });
  }

  send(id: string, actor: Actor): PurchaseOrderView {
    return this.transition(id, 'send', actor);
  }

  cancel(id: string, actor: Actor): PurchaseOrderView {
    return this.transition(id, 'cancel', actor);
  }

  /** Goods in against the order, line by line; more than is still outstanding on a line is refused. */
  receive(id: string, input: unknown, actor: Actor): PurchaseOrderView {
    const data = parseOrThrow(PurchaseOrderReceiveSchema, input, 'purchase order receipt');
    return this.ctx.tx.write((tx) => {
      const order = load(tx.db, id);
      const byNo = new Map(order.lines.map((l) => [l.lineNo, l]));
      const booked = data.lines.map((line) => {
        const ordered = byNo.get(line.lineNo);
        if (!ordered) {
          throw new BusinessRuleError(
            'UNKNOWN_LINE',
            `Purchase order ${order.number} has no line ${line.lineNo}`,
            {
              lineNo: line.lineNo,
            },
          );
        }
        const outstanding = ordered.ordered - ordered.received;
        if (line.quantity > outstanding) {
          throw new BusinessRuleError(
            'MORE_THAN_ORDERED',
            `Line ${line.lineNo} (${ordered.name}) has ${outstanding} still to receive, not ${line.quantity}`,
            { lineNo: line.lineNo, outstanding },
          );
        }
        return { ...line, productId: ordered.productId, costMinor: line.costMinor ?? ordered.costMinor };
      });
      const complete = order.lines.every((l) => {
        const now = booked.find((b) => b.lineNo === l.lineNo)?.quantity ?? 0;
        return l.received + now === l.ordered;
      });
      const status = this.next(order, complete ? 'receive_rest' : 'receive_some');
      applyReceivedCosts(tx, booked, actor);
      recordStockMovements(
        tx,
        booked.map((b) => ({
          productId: b.productId,
          quantity: b.quantity,
          reason: 'receive' as const,
          refId: order.id,
          costMinor: b.costMinor,
          note: data.reference ?? `PO ${order.number}`,
        })),
        actor.id,
      );
      for (const b of booked) addReceived(tx.db, id, b.lineNo, b.quantity);
      this.setStatus(tx, order, status);
      tx.audit(
        auditEntry(actor, 'purchase_order.receive', id, {
          number: order.number,
          reference: data.reference ?? null,
          lines: booked.map((b) => ({ lineNo: b.lineNo, quantity: b.quantity, costMinor: b.costMinor })),
        }),
      );
      return this.saved(tx, id, null, null);
    });
  }

  private transition(id: string, event: PurchaseOrderEvent, actor: Actor): PurchaseOrderView {
    return this.ctx.tx.write((tx) => {
      const order = load(tx.db, id);
      this.setStatus(tx, order, this.next(order, event));
      return this.saved(tx, id, actor, `purchase_order.${event}`);
    });
  }

  private next(order: PurchaseOrderView, event: PurchaseOrderEvent): PurchaseOrderStatus {
    const step = purchaseOrderMachine.next(order.status, event);
    if (!step.ok) {
      throw new ConflictError(
        `Purchase order ${order.number} is ${order.status}: cannot ${event.replace('_', ' ')}`,
        { status: order.status, event },
        'PURCHASE_ORDER_STATE',
      );
    }
    return step.to;
  }

  private setStatus(tx: Tx, order: PurchaseOrderView, status: PurchaseOrderStatus): void {
    updatePurchaseOrder(tx.db, {
      id: order.id,
      supplier_id: order.supplierId,
      status,
      note: order.note,
      sent_at: status === 'sent' ? tx.at : order.sentAt,
      updated_at: tx.at,
    });
  }

  /** Reads the order back, writes its outbox row and, unless the caller audits itself, the audit row. */
  private saved(tx: Tx, id: string, actor: Actor | null, action: string | null): PurchaseOrderView {
    const view = load(tx.db, id);
    tx.outbox('purchase_order', id, 'upsert', view);
    if (actor && action) {
      tx.audit(auditEntry(actor, action, id, { number: view.number, status: view.status }));
    }
    return view;
  }
}
