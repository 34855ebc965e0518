import type { HubContext } from '../../context.js';
import { getProduct, getProductsByIds, type ProductRecord } from '../../db/catalog-queries.js';
import {
  activeProductsInCategory,
  duePriceChangeIds,
  finishPriceChange,
  getPriceChange,
  insertPriceChange,
  insertPriceChangeItem,
  listPriceChanges,
  priceChangeItems,
  priceChangeTargets,
  type PriceChangeRecord,
  type PriceChangeStatus,
} from '../../db/catalog-price-change-queries.js';
import { getCategory } from '../../db/category-queries.js';
import type { Db } from '../../db/connection.js';
import type { Tx } from '../../db/transactor.js';
import { BusinessRuleError, ConflictError, NotFoundError } from '../../errors.js';
import { newId } from '../../ids.js';
import { auditEntry, SYSTEM_ACTOR, type Actor } from '../settings/actor.js';
import { pageAnswer } from './paging.js';
import { parseOrThrow } from '../settings/settings-schema.js';
import { adjustedPrice } from './price-adjust.js';
import {
  PriceChangeCreateSchema,
  PricePreviewSchema,
  type PriceAdjust,
  type PriceChangeItem,
  type PriceSelection,
} from './price-change-schema.js';
import { MAX_PRICE_MINOR } from './product-schema.js';
import type { Product } from './product-schema.js';
import { announceProducts, writeProduct } from './product-writer.js';

const PREVIEW_ITEMS = 200;
const DETAIL_ITEMS = 1000;

export type PriceChange = PriceChangeRecord;

/**
 * Bulk price changes, now or at a date. The new prices are worked out when the change is made, so the
 * manager applies exactly what the preview showed; applying writes each product through the one product
 * writer (change_seq, outbox, audit), so tills get the prices from the catalog feed like any edit.
 */
export class PriceChangeService {
  constructor(private readonly ctx: HubContext) {}

  preview(input: unknown): { count: number; items: PriceChangeItem[] } {
    const data = parseOrThrow(PricePreviewSchema, input, 'price change');
    return this.ctx.tx.read((db) => {
      const items = priceItems(db, data.selection, data.adjust, data.roundTo);
      return { count: items.length, items: items.slice(0, PREVIEW_ITEMS) };
    });
  }

  /**
   * Records a change and, when it is due now, applies it in the same transaction. The same id sent again
   * with the same request answers the stored change (`created: false`); another request is a 409.
   */
  create(input: unknown, actor: Actor): { change: PriceChange; created: boolean } {
    const data = parseOrThrow(PriceChangeCreateSchema, input, 'price change');
    return this.ctx.tx.write((tx) => {
      const id = data.id ?? newId();
      const request = { selection: data.selection, adjust: { ...data.adjust, roundTo: data.roundTo } };
      const existing = getPriceChange(tx.db, id);
      if (existing) {
        const same =
          JSON.stringify({ selection: existing.selection, adjust: existing.adjust }) ===
          JSON.stringify(request);
        if (!same) throw new ConflictError(`Price change ${id} already exists with other content`, { id });
        return { change: existing, created: false };
      }
      const items = priceItems(tx.db, data.selection, data.adjust, data.roundTo);
      if (items.length === 0) {
        throw new BusinessRuleError('NO_PRICE_CHANGES', 'No product price would change', {});
      }
      const effectiveAt = data.effectiveAt === undefined ? tx.at : new Date(data.effectiveAt).toISOString();
      const record: PriceChange = {
        id,
        note: data.note,
        ...request,
        effectiveAt,
        status: 'pending',
        itemCount: items.length,
        createdAt: tx.at,
        createdBy: actor.id,
        appliedAt: null,
        cancelledAt: null,
      };
      insertPriceChange(tx.db, record);
      for (const item of items) insertPriceChangeItem(tx.db, id, item);
      tx.audit(
        auditEntry(actor, 'price_change.create', id, {
          effectiveAt,
          itemCount: items.length,
          ...request,
        }),
      );
      const change = effectiveAt <= tx.at ? this.apply(tx, id, actor) : record;
      tx.outbox('price_change', id, 'upsert', change);
      return { change, created: true };
    });
  }

  list(status: PriceChangeStatus | null, page: { limit: number; offset: number }) {
    return this.ctx.tx.read((db) => {
      const { items, total } = listPriceChanges(db, status, page.limit, page.offset);
      return pageAnswer(items, total, page.offset);
    });
  }

  get(id: string): PriceChange & { items: PriceChangeItem[] } {
    return this.ctx.tx.read((db) => {
      const change = getPriceChange(db, id);
      if (!change) throw new NotFoundError('Price change', id);
      return { ...change, items: priceChangeItems(db, id, DETAIL_ITEMS) };
    });
  }

  /** Cancels a pending change; an applied one is history (make another change to undo it). */
  cancel(id: string, actor: Actor): PriceChange {
    return this.ctx.tx.write((tx) => {
      const change = getPriceChange(tx.db, id);
      if (!change) throw new NotFoundError('Price change', id);
      if (change.status === 'cancelled') return change;
      if (!finishPriceChange(tx.db, id, 'cancelled', tx.at)) {
        throw new BusinessRuleError('PRICE_CHANGE_APPLIED', 'This price change has already been applied', {
          id,
        });
      }
      tx.audit(auditEntry(actor, 'price_change.cancel', id, { effectiveAt: change.effectiveAt }));
      const cancelled = { ...change, status: 'cancelled' as const, cancelledAt: tx.at };
      tx.outbox('price_change', id, 'upsert', cancelled);
      return cancelled;
    });
  }

  /**
   * Applies every pending change whose time has come on the hub's clock, each in its own transaction,
   * oldest first (so of two changes to one product the later date wins). Safe to call any number of
   * times: a change leaves 'pending' in the transaction that applies it.
   */
  applyDue(): string[] {
    const due = this.ctx.tx.read((db) => duePriceChangeIds(db, this.ctx.clock.now().toISOString()));
    const applied: string[] = [];
    for (const id of due) {
      const done = this.ctx.tx.write((tx) => {
        const change = getPriceChange(tx.db, id);
        if (change?.status !== 'pending') return false;
        const result = this.apply(tx, id, SYSTEM_ACTOR);
        tx.outbox('price_change', id, 'upsert', result);
        return true;
      });
      if (done) applied.push(id);
    }
    return applied;
  }

  private apply(tx: Tx, id: string, actor: Actor): PriceChange {
    if (!finishPriceChange(tx.db, id, 'applied', tx.at)) {
      throw new Error(`price change ${id} was not pending when applied`);
    }
    const written: Product[] = [];
    for (const target of priceChangeTargets(tx.db, id)) {
      const previous = getProduct(tx.db, target.productId);
      if (!previous || previous.priceMinor === target.toMinor) continue;
      const { changeSeq: _seq, createdAt: _created, updatedAt: _updated, ...base } = previous;
      written.push(
        writeProduct(
          tx,
          { ...base, priceMinor: target.toMinor },
          undefined,
          previous,
          actor,
          'product.price_change',
        ),
      );
    }
    tx.audit(auditEntry(actor, 'price_change.apply', id, { products: written.length }));
    announceProducts(tx, written);
    const change = getPriceChange(tx.db, id);
    if (!change) throw new Error(`price change ${id} vanished while applied`);
    return change;
  }
}

/** The products the selection covers whose price the adjustment moves, by SKU; refuses out-of-range results. */
function priceItems(
  db: Db,
  selection: PriceSelection,
  adjust: PriceAdjust,
  roundTo: number,
): PriceChangeItem[] {
  const products = selectedProducts(db, selection);
  const items: PriceChangeItem[] = [];
  const outOfRange: string[] = [];
  for (const p of products) {
    const toMinor = adjustedPrice(p.priceMinor, adjust, roundTo);
    if (toMinor < 0 || toMinor > MAX_PRICE_MINOR) outOfRange.push(p.sku);
    else if (toMinor !== p.priceMinor)
      items.push({ productId: p.id, sku: p.sku, name: p.name, fromMinor: p.priceMinor, toMinor });
  }
  if (outOfRange.length > 0) {
    throw new BusinessRuleError(
      'PRICE_OUT_OF_RANGE',
      `The change would take ${outOfRange.length} price(s) below zero or above the maximum`,
      { skus: outOfRange.slice(0, 20), count: outOfRange.length },
    );
  }
  return items;
}

function selectedProducts(db: Db, selection: PriceSelection): ProductRecord[] {
  if ('categoryId' in selection) {
    if (!getCategory(db, selection.categoryId)) throw new NotFoundError('Category', selection.categoryId);
    return activeProductsInCategory(db, selection.categoryId, selection.includeSubcategories);
  }
  const found = getProductsByIds(db, selection.productIds);
  const known = new Set(found.map((p) => p.id));
  const missing = selection.productIds.filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new BusinessRuleError('UNKNOWN_PRODUCT', `${missing.length} selected product(s) do not exist`, {
      productIds: missing.slice(0, 20),
    });
  }
  return found.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}
