import type { HubContext } from '../../context.js';
import { getProduct } from '../../db/catalog-queries.js';
import { getCategory } from '../../db/category-queries.js';
import type { Db } from '../../db/connection.js';
import {
  addCounted,
  addCountLine,
  countedLines,
  countVariance,
  fillCountSheet,
  insertStockCount,
  selectCountLines,
  selectStockCount,
  selectStockCounts,
  setBooked,
  setCounted,
  updateStockCountStatus,
  type CountLineFilter,
  type StockCountLineRow,
  type StockCountRow,
} from '../../db/stock-count-queries.js';
import { productIdByCode } from '../../db/stock-level-queries.js';
import { toGtin14 } from '../../domain/barcodes/index.js';
import { stockCountMachine, type StockCountEvent } from '../../domain/stock/stock-machines.js';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import { internalCode } from '../catalog/barcodes.js';
import { auditEntry, type Actor } from '../settings/actor.js';
import { parseOrThrow } from '../settings/settings-schema.js';
import {
  CountedLinesSchema,
  CountScanSchema,
  StockCountCreateSchema,
  type StockCountLineView,
  type StockCountView,
} from './stock-count-schema.js';
import { recordStockMovements } from './stock-service.js';

function viewOf(db: Db, row: StockCountRow): StockCountView {
  const variance = countVariance(db, row.id, row.status === 'posted');
  return {
    id: row.id,
    number: row.number,
    scope: row.scope,
    categoryId: row.category_id,
    categoryName: row.categoryName,
    status: row.status,
    note: row.note,
    lineCount: row.lineCount,
    countedCount: row.countedCount,
    varianceUnits: variance.units,
    varianceValueMinor: variance.valueMinor,
    createdAt: row.created_at,
    postedAt: row.posted_at,
  };
}

function lineOf(row: StockCountLineRow): StockCountLineView {
  return { ...row, variance: row.counted === null ? null : row.counted - row.onHand };
}

function load(db: Db, id: string): StockCountRow {
  const row = selectStockCount(db, id);
  if (!row) throw new NotFoundError('Stock count', id);
  return row;
}

/** Counting needs an open count; posting and cancelling go by stockCountMachine. */
function mustBeOpen(row: StockCountRow, event: StockCountEvent | 'count'): void {
  if (event === 'count' ? row.status === 'open' : stockCountMachine.can(row.status, event)) return;
  throw new ConflictError(
    `Stock count ${row.number} is ${row.status}: cannot ${event}`,
    { status: row.status },
    'STOCK_COUNT_STATE',
  );
}

/** The stored forms a scanned or typed code may match: GTIN-14, internal code, SKU as typed. */
function codeCandidates(code: string): string[] {
  const gtin = toGtin14(code);
  return [...(gtin.ok ? [gtin.value] : []), internalCode(code), code];
}

/**
 * Stock counts ('stock.manage'): a sheet of every stocked product or one category's, counted by typing or
 * scanning, compared with on-hand as it is now, and posted once as 'count' movements in one transaction.
 * Lines not counted are left alone when posting: an uncounted product is not a product that is gone.
 */
export class StockCountService {
  constructor(private readonly ctx: HubContext) {}

  list(limit: number, offset: number): { items: StockCountView[]; total: number; nextOffset: number | null } {
    return this.ctx.tx.read((db) => {
      const { rows, total } = selectStockCounts(db, limit, offset);
      const end = offset + rows.length;
      return { items: rows.map((r) => viewOf(db, r)), total, nextOffset: end < total ? end : null };
    });
  }

  get(id: string): StockCountView {
    return this.ctx.tx.read((db) => viewOf(db, load(db, id)));
  }

  lines(
    id: string,
    filter: CountLineFilter,
    limit: number,
    offset: number,
  ): { items: StockCountLineView[]; total: number; nextOffset: number | null } {
    return this.ctx.tx.read((db) => {
      load(db, id);
      const { rows, total } = selectCountLines(db, id, filter, limit, offset);
      const end = offset + rows.length;
      return { items: rows.map(lineOf), total, nextOffset: end < total ? end : null };
    });
  }

  create(input: unknown, actor: Actor): { count: StockCountView; created: boolean } {
    const data = parseOrThrow(StockCountCreateSchema, input, 'stock count');
    const categoryId = data.scope === 'cycle' ? data.categoryId : null;
    return this.ctx.tx.write((tx) => {
      const id = data.id ?? newId();
      const existing = selectStockCount(tx.db, id);
      if (existing) {
        if (
          existing.scope !== data.scope ||
          existing.category_id !== categoryId ||
          existing.note !== data.note
        ) {
          throw new ConflictError(`Stock count ${id} already exists with other content`, { id });
        }
        return { count: viewOf(tx.db, existing), created: false };
      }
      if (categoryId !== null && !getCategory(tx.db, categoryId)) {
        throw new BusinessRuleError('UNKNOWN_CATEGORY', `Category ${categoryId} does not exist`, {
          categoryId,
        });
      }
      const number = tx.nextCounter('stock_count');
      insertStockCount(tx.db, {
        id,
        number,
        scope: data.scope,
        category_id: categoryId,
        status: 'open',
        note: data.note,
        created_at: tx.at,
        posted_at: null,
        updated_at: tx.at,
      });
      const lines = fillCountSheet(tx.db, id, categoryId);
      tx.audit(auditEntry(actor, 'stock_count.create', id, { number, scope: data.scope, categoryId, lines }));
      return { count: viewOf(tx.db, load(tx.db, id)), created: true };
    });
  }

  /** Typed counts: each line's counted quantity is set (or cleared with null). All or nothing. */
  setCounts(id: string, input: unknown, actor: Actor): StockCountView {
    const data = parseOrThrow(CountedLinesSchema, input, 'counted quantities');
    return this.ctx.tx.write((tx) => {
      const row = load(tx.db, id);
      mustBeOpen(row, 'count');
      for (const line of data.lines) {
        if (!setCounted(tx.db, id, line.productId, line.counted)) this.notOnSheet(row, line.productId);
      }
      tx.audit(auditEntry(actor, 'stock_count.count', id, { lines: data.lines.length }));
      return viewOf(tx.db, load(tx.db, id));
    });
  }

  /** A scan adds to the product's count; on a full count a product missing from the sheet joins it. */
  scan(id: string, input: unknown): StockCountLineView {
    const data = parseOrThrow(CountScanSchema, input, 'scan');
    return this.ctx.tx.write((tx) => {
      const row = load(tx.db, id);
      mustBeOpen(row, 'count');
      const productId = productIdByCode(tx.db, codeCandidates(data.code));
      if (productId === undefined) {
        throw new BusinessRuleError('UNKNOWN_CODE', `No product has the code ${data.code}`, {
          code: data.code,
        });
      }
      let counted = addCounted(tx.db, id, productId, data.quantity);
      if (counted === undefined && row.scope === 'full' && this.stocked(tx.db, productId)) {
        addCountLine(tx.db, id, productId);
        counted = addCounted(tx.db, id, productId, data.quantity);
      }
      if (counted === undefined) this.notOnSheet(row, productId);
      const [line] = selectCountLines(tx.db, id, { q: null, only: 'all', productId }, 1, 0).rows;
      if (!line) throw new Error(`count line ${productId} vanished`);
      return lineOf(line);
    });
  }

  /** Books counted - on-hand for every counted line as 'count' movements, once. */
  post(id: string, actor: Actor): StockCountView {
    return this.ctx.tx.write((tx) => {
      const row = load(tx.db, id);
      mustBeOpen(row, 'post');
      const lines = countedLines(tx.db, id);
      if (lines.length === 0) {
        throw new BusinessRuleError('NOTHING_COUNTED', `Stock count ${row.number} has no counted lines`, {});
      }
      const movements = lines
        .filter((l) => l.counted !== l.onHand)
        .map((l) => ({
          productId: l.productId,
          quantity: l.counted - l.onHand,
          reason: 'count' as const,
          refId: id,
          note: `Count ${row.number}`,
        }));
      recordStockMovements(tx, movements, actor.id);
      for (const l of lines) setBooked(tx.db, id, l.productId, l.counted - l.onHand);
      updateStockCountStatus(tx.db, id, 'posted', tx.at, tx.at);
      const view = viewOf(tx.db, load(tx.db, id));
      tx.audit(
        auditEntry(actor, 'stock_count.post', id, {
          number: row.number,
          lines: lines.length,
          booked: movements.length,
          varianceUnits: view.varianceUnits,
          varianceValueMinor: view.varianceValueMinor,
        }),
      );
      tx.outbox('stock_count', id, 'upsert', view);
      return view;
    });
  }

  cancel(id: string, actor: Actor): StockCountView {
    return this.ctx.tx.write((tx) => {
      const row = load(tx.db, id);
      mustBeOpen(row, 'cancel');
      updateStockCountStatus(tx.db, id, 'cancelled', null, tx.at);
      tx.audit(auditEntry(actor, 'stock_count.cancel', id, { number: row.number }));
      return viewOf(tx.db, load(tx.db, id));
    });
  }

  private stocked(db: Db, productId: string): boolean {
    const product = getProduct(db, productId);
    return product !== undefined && product.active && !product.hasVariants;
  }

  private notOnSheet(row: StockCountRow, productId: string): never {
    throw new BusinessRuleError(
      'NOT_ON_COUNT_SHEET',
      `The product is not on count ${row.number}${row.categoryName === null ? '' : ` (${row.categoryName})`}`,
      { productId },
    );
  }
}
