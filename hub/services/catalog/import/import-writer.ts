// Writes one checked CSV row through the one product writer: the same rules, change_seq, outbox and
// audit as an edit in the admin pages.
import { barcodesOf, getProduct, getProductIdBySku } from '../../../db/catalog-queries.js';
import type { Tx } from '../../../db/transactor.js';
import { AppError, BusinessRuleError } from '../../../errors.js';
import { newId } from '../../../ids.js';
import type { Actor } from '../../settings/actor.js';
import type { ImportRow, RowError } from '../csv/csv-row.js';
import type { Product } from '../product-schema.js';
import { checkProductRules, writeProduct, type ProductDraft } from '../product-writer.js';

export function writeImportRow(tx: Tx, row: ImportRow, actor: Actor): { product: Product; created: boolean } {
  const existingId = getProductIdBySku(tx.db, row.sku);
  const previous = existingId === undefined ? undefined : getProduct(tx.db, existingId);
  let parentId = previous?.parentId ?? null;
  if (row.parentSku !== undefined) {
    parentId = row.parentSku === null ? null : (getProductIdBySku(tx.db, row.parentSku) ?? null);
    if (parentId === null && row.parentSku !== null) {
      throw new BusinessRuleError('UNKNOWN_PARENT', `style "${row.parentSku}" does not exist`, {});
    }
  }
  let draft: ProductDraft;
  if (previous) {
    const { changeSeq: _seq, createdAt: _created, updatedAt: _updated, ...base } = previous;
    draft = { ...base, ...row.fields, parentId };
  } else {
    const { name, taxClassId, priceMinor } = row.fields;
    if (name === undefined || taxClassId === undefined || priceMinor === undefined) {
      throw new BusinessRuleError('INCOMPLETE_ROW', 'a new product needs a name, tax class and price', {});
    }
    draft = {
      id: newId(),
      parentId,
      sku: row.sku,
      description: '',
      attributes: {},
      categoryId: null,
      unit: 'piece',
      weighed: false,
      costMinor: 0,
      active: true,
      hasVariants: false,
      reorderPoint: null,
      ...row.fields,
      name,
      taxClassId,
      priceMinor,
    };
  }
  checkProductRules(tx, draft, row.barcodes ?? (previous ? barcodesOf(tx.db, previous.id) : []), previous);
  const product = writeProduct(
    tx,
    draft,
    row.barcodes,
    previous,
    actor,
    previous ? 'product.import_update' : 'product.import_create',
  );
  return { product, created: previous === undefined };
}

export interface BatchResult {
  written: Product[];
  created: number;
  updated: number;
  errors: RowError[];
}

/**
 * Writes a batch of checked rows. Plain, a refused row throws and the caller's transaction rolls back;
 * `careful`, each row gets a savepoint and a refused one becomes a row error (slower: the fallback).
 */
export function writeImportBatch(
  tx: Tx,
  rows: readonly ImportRow[],
  actor: Actor,
  careful: boolean,
): BatchResult {
  const result: BatchResult = { written: [], created: 0, updated: 0, errors: [] };
  const writeOne = careful
    ? tx.db.transaction((row: ImportRow) => writeImportRow(tx, row, actor))
    : (row: ImportRow) => writeImportRow(tx, row, actor);
  for (const row of rows) {
    try {
      const { product, created } = writeOne(row);
      result.written.push(product);
      if (created) result.created += 1;
      else result.updated += 1;
    } catch (error) {
      if (!careful || !(error instanceof AppError)) throw error;
      result.errors.push({ row: row.row, column: null, message: error.message });
    }
  }
  return result;
}
