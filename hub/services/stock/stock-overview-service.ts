import { z } from '@hono/zod-openapi';
import type { HubContext } from '../../context.js';
import { getProduct } from '../../db/catalog-queries.js';
import {
  listStockLevels,
  salesVelocity,
  stockValuation,
  type StockLevelFilter,
  type StockLevelRow,
  type ValuationRow,
} from '../../db/stock-level-queries.js';
import { BusinessRuleError } from '../../errors.js';
import { writeProduct } from '../catalog/product-writer.js';
import type { Actor } from '../settings/actor.js';
import { parseOrThrow } from '../settings/settings-schema.js';
import { watchLowStock } from './low-stock-watch.js';
import { MAX_STOCK_QUANTITY } from './stock-service.js';

const DAY_MS = 86_400_000;

export const ReorderPointsSchema = z
  .strictObject({
    items: z
      .array(
        z.strictObject({
          productId: z.uuid(),
          /** null: no reorder point, the product is never reported low. */
          reorderPoint: z.number().int().min(0).max(MAX_STOCK_QUANTITY).nullable(),
        }),
      )
      .min(1)
      .max(500),
  })
  .openapi('ReorderPoints');

export interface StockLevel extends StockLevelRow {
  low: boolean;
}

export interface ReorderSuggestion extends StockLevelRow {
  /** Net units sold over the period. */
  sold: number;
  /** Units sold per day, two decimals. */
  perDay: number;
  onOrder: number;
  /** Reorder point plus the sales expected over the cover period. */
  target: number;
  suggested: number;
}

/**
 * How many to order so that on-hand plus what is on order reaches the reorder point plus the sales the
 * period's velocity predicts for `coverDays`. Rounded up: a store would rather have one more than one less.
 */
export function suggestReorder(
  row: { onHand: number; onOrder: number; reorderPoint: number | null; sold: number },
  days: number,
  coverDays: number,
): { perDay: number; target: number; suggested: number } {
  const sold = Math.max(0, row.sold);
  const target = (row.reorderPoint ?? 0) + Math.ceil((sold * coverDays) / days);
  return {
    perDay: Math.round((sold * 100) / days) / 100,
    target,
    suggested: Math.max(0, target - row.onHand - row.onOrder),
  };
}

/** Reads over the ledger (levels, valuation, reorder suggestions) and the per-product reorder points. */
export class StockOverviewService {
  constructor(private readonly ctx: HubContext) {}

  levels(filter: StockLevelFilter, limit: number, offset: number): { items: StockLevel[]; total: number } {
    const { items, total } = this.ctx.tx.read((db) => listStockLevels(db, filter, limit, offset));
    return {
      items: items.map((r) => ({ ...r, low: r.reorderPoint !== null && r.onHand <= r.reorderPoint })),
      total,
    };
  }

  valuation(
    limit: number,
    offset: number,
  ): { items: ValuationRow[]; total: number; totalValueMinor: number } {
    return this.ctx.tx.read((db) => stockValuation(db, limit, offset));
  }

  /** Products worth ordering now, most urgent (lowest on-hand against target) first. */
  suggestions(days: number, coverDays: number): ReorderSuggestion[] {
    const since = new Date(this.ctx.clock.now().getTime() - days * DAY_MS).toISOString();
    const rows = this.ctx.tx.read((db) => salesVelocity(db, since));
    return rows
      .map(({ sold, onOrder, ...row }) => ({
        ...row,
        sold,
        onOrder,
        ...suggestReorder({ ...row, sold, onOrder }, days, coverDays),
      }))
      .filter((s) => s.suggested > 0)
      .sort(
        (a, b) =>
          a.onHand / Math.max(1, a.target) - b.onHand / Math.max(1, b.target) || a.name.localeCompare(b.name),
      );
  }

  /** Sets reorder points; a product that becomes low by it is announced as 'stock.low' like any other. */
  setReorderPoints(input: unknown, actor: Actor): StockLevel[] {
    const data = parseOrThrow(ReorderPointsSchema, input, 'reorder points');
    return this.ctx.tx.write((tx) => {
      const ids = data.items.map((i) => i.productId);
      const announceLow = watchLowStock(tx, ids);
      const changed: string[] = [];
      let changeSeq = 0;
      for (const item of data.items) {
        const previous = getProduct(tx.db, item.productId);
        if (!previous || previous.hasVariants) {
          throw new BusinessRuleError(
            'UNKNOWN_PRODUCT',
            `Product ${item.productId} has no stock of its own`,
            {
              productId: item.productId,
            },
          );
        }
        if (previous.reorderPoint === item.reorderPoint) continue;
        const { changeSeq: _seq, createdAt: _created, updatedAt: _updated, ...draft } = previous;
        const written = writeProduct(
          tx,
          { ...draft, reorderPoint: item.reorderPoint },
          undefined,
          previous,
          actor,
          'product.reorder_point',
        );
        changeSeq = Math.max(changeSeq, written.changeSeq);
        changed.push(item.productId);
      }
      if (changed.length > 0) {
        tx.emit({ name: 'catalog.changed', payload: { changeSeq, productIds: changed, categoryIds: [] } });
      }
      announceLow();
      return ids.flatMap((id) => {
        const level = listStockLevels(
          tx.db,
          { q: null, lowOnly: false, categoryId: null, productId: id },
          1,
          0,
        ).items[0];
        return level
          ? [{ ...level, low: level.reorderPoint !== null && level.onHand <= level.reorderPoint }]
          : [];
      });
    });
  }
}
