// Writes one checked CSV row through the one product writer: the same rules, change_seq, outbox and
// audit as an edit in the admin pages.
import { barcodesOf, getProduct, getProductIdBySku } from '../../../db/catalog-queries.js';
import type { Tx } from '../../../db/transactor.js';
import { BusinessRuleError } from '../../../errors.js';
import { newId } from '../../../ids.js';
import type { Actor } from '../../settings/actor.js';
import type { ImportRow } from '../csv/csv-row.js';
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
