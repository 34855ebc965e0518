import { z } from '@hono/zod-openapi';
import type { HubContext } from '../../context.js';
import { getProductsByIds } from '../../db/catalog-queries.js';
import {
  insertMovement,
  listMovements,
  lowStock,
  sumOnHand,
  type MovementReason,
  type MovementRecord,
} from '../../db/stock-queries.js';
import type { Tx } from '../../db/transactor.js';
import { BusinessRuleError, NotFoundError } from '../../errors.js';
import { auditEntry, type Actor } from '../settings/actor.js';
import { watchLowStock } from './low-stock-watch.js';
import { applyReceivedCosts } from './received-cost.js';
import { parseOrThrow } from '../settings/settings-schema.js';

/** Pieces, or grams / millilitres for weighed and measured goods; a billion covers any real shelf. */
export const MAX_STOCK_QUANTITY = 1_000_000_000;

export interface StockMovementInput {
  productId: string;
  /** Signed: positive into stock, negative out. Never zero. */
  quantity: number;
  reason: MovementReason;
  /** The sale, return or delivery the movement belongs to. */
  refId?: string | null;
  /** Unit cost in minor units, for receipts. */
  costMinor?: number | null;
  note?: string | null;
}

/**
 * Records ledger rows inside the caller's transaction: sales and returns call this from their own
 * `tx.write`, so stock moves exactly when the sale commits and not otherwise. Throws (rolling the
 * caller back) on an unknown product, a style, or a zero or absurd quantity.
 */
export function recordStockMovements(
  tx: Tx,
  movements: readonly StockMovementInput[],
  staffId: string | null,
): void {
  if (movements.length === 0) return;
  const ids = [...new Set(movements.map((m) => m.productId))];
  const announceLow = watchLowStock(tx, ids);
  const products = new Map(getProductsByIds(tx.db, ids).map((p) => [p.id, p]));
  for (const m of movements) {
    const product = products.get(m.productId);
    if (!product)
      throw new BusinessRuleError('UNKNOWN_PRODUCT', `Product ${m.productId} does not exist`, {
        productId: m.productId,
      });
    if (product.hasVariants) {
      throw new BusinessRuleError(
        'STYLE_HAS_NO_STOCK',
        `"${product.name}" is a style; stock is kept per variant`,
        {
          productId: m.productId,
        },
      );
    }
    if (!Number.isSafeInteger(m.quantity) || m.quantity === 0 || Math.abs(m.quantity) > MAX_STOCK_QUANTITY) {
      throw new RangeError(
        `stock quantity must be a non-zero integer up to ${MAX_STOCK_QUANTITY}, got ${m.quantity}`,
      );
    }
    insertMovement(tx.db, {
      productId: m.productId,
      quantity: m.quantity,
      reason: m.reason,
      refId: m.refId ?? null,
      costMinor: m.costMinor ?? null,
      staffId,
      note: m.note ?? null,
      at: tx.at,
    });
  }
  tx.emit({ name: 'stock.changed', payload: { productIds: ids } });
  announceLow();
}

const quantity = z.number().int().min(1).max(MAX_STOCK_QUANTITY);
const note = z.string().trim().max(200).optional();

export const ReceiveSchema = z
  .strictObject({
    /** Delivery note or purchase order number. */
    reference: z.string().trim().min(1).max(64).optional(),
    lines: z
      .array(
        z.strictObject({
          productId: z.uuid(),
          quantity,
          costMinor: z.number().int().min(0).max(100_000_000).optional(),
        }),
      )
      .min(1)
      .max(500),
    note,
  })
  .openapi('StockReceive');

const signedQuantity = z
  .number()
  .int()
  .min(-MAX_STOCK_QUANTITY)
  .max(MAX_STOCK_QUANTITY)
  .refine((q) => q !== 0, 'must not be 0');

export const AdjustSchema = z
  .discriminatedUnion('reason', [
    // A stock count: the hub books the difference between what was counted and what the ledger says.
    z.strictObject({
      reason: z.literal('count'),
      productId: z.uuid(),
      countedQuantity: z.number().int().min(0).max(MAX_STOCK_QUANTITY),
      note,
    }),
    // Losses: `quantity` is how much was lost, booked as a negative movement.
    z.strictObject({ reason: z.enum(['damage', 'theft', 'writeoff']), productId: z.uuid(), quantity, note }),
    // A correction either way, e.g. a miskeyed delivery. 'other' is booked as 'adjust' and must say why.
    z.strictObject({
      reason: z.literal('other'),
      productId: z.uuid(),
      quantity: signedQuantity,
      note: z.string().trim().min(1).max(200),
    }),
    z.strictObject({ reason: z.literal('adjust'), productId: z.uuid(), quantity: signedQuantity, note }),
  ])
  .openapi('StockAdjust');

/** Stock: on-hand is always the sum of the movement ledger, never a counter that can drift. */
export class StockService {
  constructor(private readonly ctx: HubContext) {}

  onHand(productIds: readonly string[]): Record<string, number> {
    return Object.fromEntries(this.ctx.tx.read((db) => sumOnHand(db, productIds)));
  }

  movements(
    productId: string,
    beforeId: number | null,
    limit: number,
  ): { items: MovementRecord[]; nextBefore: number | null } {
    const rows = this.ctx.tx.read((db) => listMovements(db, productId, beforeId, limit + 1));
    const items = rows.slice(0, limit);
    return { items, nextBefore: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
  }

  lowStock(limit: number): { productId: string; onHand: number; reorderPoint: number }[] {
    return this.ctx.tx.read((db) => lowStock(db, limit));
  }

  /** Goods in: one movement per line, all in one transaction, with the unit cost paid. */
  receive(input: unknown, actor: Actor): Record<string, number> {
    const data = parseOrThrow(ReceiveSchema, input, 'stock receipt');
    return this.ctx.tx.write((tx) => {
      applyReceivedCosts(tx, data.lines, actor);
      const movements = data.lines.map((line) => ({
        productId: line.productId,
        quantity: line.quantity,
        reason: 'receive' as const,
        refId: data.reference ?? null,
        costMinor: line.costMinor ?? null,
        note: data.note ?? null,
      }));
      recordStockMovements(tx, movements, actor.id);
      tx.audit(auditEntry(actor, 'stock.receive', data.reference ?? null, { lines: data.lines.length }));
      return Object.fromEntries(
        sumOnHand(
          tx.db,
          movements.map((m) => m.productId),
        ),
      );
    });
  }

  /** A loss, a count or a correction; returns the new on-hand. A count that matches books nothing. */
  adjust(input: unknown, actor: Actor): { productId: string; onHand: number; booked: number } {
    const data = parseOrThrow(AdjustSchema, input, 'stock adjustment');
    return this.ctx.tx.write((tx) => {
      if (getProductsByIds(tx.db, [data.productId]).length === 0)
        throw new NotFoundError('Product', data.productId);
      const before = sumOnHand(tx.db, [data.productId]).get(data.productId) ?? 0;
      const booked =
        data.reason === 'count'
          ? data.countedQuantity - before
          : data.reason === 'adjust' || data.reason === 'other'
            ? data.quantity
            : -data.quantity;
      const reason = data.reason === 'other' ? 'adjust' : data.reason;
      if (booked !== 0) {
        recordStockMovements(
          tx,
          [{ productId: data.productId, quantity: booked, reason, note: data.note ?? null }],
          actor.id,
        );
      }
      tx.audit(auditEntry(actor, `stock.${reason}`, data.productId, { before, booked }));
      return { productId: data.productId, onHand: before + booked, booked };
    });
  }
}
