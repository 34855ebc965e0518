import type { Db } from '../../db/connection.js';
import { selectSaleProducts } from '../../db/sale-effects-queries.js';
import {
  selectLines,
  selectReturnedQuantities,
  selectSale,
  selectSaleByReceiptCode,
  type SaleLineRow,
  type SaleRow,
} from '../../db/sales-queries.js';
import type { TaxMode } from '../../domain/tax.js';
import { BusinessRuleError, NotFoundError, ValidationError } from '../../errors.js';
import { newId } from '../../ids.js';
import type { PermissionNeed } from '../sales/cart-lines.js';
import { normalizeReceiptCode } from '../sales/receipt-code.js';
import { priceCart, type LineDraft } from '../sales/sale-pricing.js';
import { prorateReturn } from './return-proration.js';
import { planRefunds, type PlannedRefund } from './return-refunds.js';
import type { CreateReturnInput, ReturnLineInput } from './types.js';

export interface ReturnPlan {
  original: SaleRow | null;
  taxMode: TaxMode;
  currency: string;
  lines: SaleLineRow[];
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  refunds: PlannedRefund[];
  needs: PermissionNeed[];
}

interface PlanArgs {
  returnId: string;
  input: CreateReturnInput;
  store: { taxMode: TaxMode; currency: string };
}

/** The sale a return is against (by receipt code or sale id), or null for a blind return. */
export function findOriginal(
  db: Db,
  input: Pick<CreateReturnInput, 'originalReceiptCode' | 'originalSaleId'>,
): SaleRow | null {
  let sale: SaleRow | undefined;
  if (input.originalReceiptCode !== undefined) {
    const code = normalizeReceiptCode(input.originalReceiptCode);
    sale = code === null ? undefined : selectSaleByReceiptCode(db, code);
    if (!sale) throw new NotFoundError('Receipt', input.originalReceiptCode);
  } else if (input.originalSaleId !== undefined) {
    sale = selectSale(db, input.originalSaleId);
    if (!sale) throw new NotFoundError('Sale', input.originalSaleId);
  } else {
    return null;
  }
  if (sale.kind !== 'sale' || sale.status !== 'completed') {
    throw new BusinessRuleError('ORIGINAL_NOT_RETURNABLE', 'Only a completed sale can be returned against', {
      saleId: sale.id,
    });
  }
  return sale;
}

function returnLine(returnId: string, lineNo: number, base: LineDraft, input: ReturnLineInput): LineDraft {
  return {
    ...base,
    id: newId(),
    sale_id: returnId,
    line_no: lineNo,
    restock: input.restock ? 1 : 0,
    return_reason: input.reason,
  };
}

/** Lines against the receipt: never more than sold minus what earlier (open or completed) returns took. */
function receiptLines(
  db: Db,
  returnId: string,
  original: SaleRow,
  inputs: readonly ReturnLineInput[],
): SaleLineRow[] {
  const originals = new Map(selectLines(db, original.id).map((l) => [l.id, l]));
  const returned = selectReturnedQuantities(db, original.id);
  const seen = new Set<string>();
  return inputs.map((input, i) => {
    const id = input.originalLineId;
    if (id === undefined || input.productId !== undefined) {
      throw new ValidationError('A return against a receipt names originalLineId on every line', {
        index: i,
      });
    }
    if (seen.has(id)) throw new ValidationError('An original line appears twice', { originalLineId: id });
    seen.add(id);
    const line = originals.get(id);
    if (line?.status !== 'active') {
      throw new BusinessRuleError('LINE_NOT_ON_RECEIPT', 'This line is not on the receipt', {
        originalLineId: id,
      });
    }
    const already = returned.get(id) ?? 0;
    if (input.quantity > line.quantity - already) {
      throw new BusinessRuleError(
        'RETURN_EXCEEDS_SOLD',
        `Only ${line.quantity - already} of ${line.name} can still be returned`,
        {
          originalLineId: id,
          soldQuantity: line.quantity,
          returnedQuantity: already,
          requestedQuantity: input.quantity,
        },
      );
    }
    const figures = prorateReturn(line, already, input.quantity, original.tax_mode === 'exclusive');
    const draft = returnLine(returnId, i + 1, line, input);
    return {
      ...draft,
      quantity: input.quantity,
      original_line_id: id,
      removed_at: null,
      removed_by: null,
      note: '',
      ...figures,
    };
  });
}

/** A blind return is priced at today's catalog price, without discounts: the hub cannot know what was paid. */
function blindLines(db: Db, returnId: string, taxMode: TaxMode, inputs: readonly ReturnLineInput[]) {
  const products = selectSaleProducts(
    db,
    inputs.flatMap((l) => (l.productId === undefined ? [] : [l.productId])),
  );
  const drafts = inputs.map((input, i): LineDraft => {
    const product = input.productId === undefined ? undefined : products.get(input.productId);
    if (input.productId === undefined || input.originalLineId !== undefined) {
      throw new ValidationError('A return without a receipt names productId on every line', { index: i });
    }
    if (!product || product.has_variants === 1) {
      throw new BusinessRuleError('PRODUCT_NOT_FOUND', `Product ${input.productId} cannot be returned`, {
        productId: input.productId,
      });
    }
    return returnLine(
      returnId,
      i + 1,
      {
        id: '',
        sale_id: returnId,
        line_no: 0,
        status: 'active',
        product_id: product.id,
        sku: product.sku,
        name: product.name,
        quantity: input.quantity,
        measured: product.unit === 'piece' ? 0 : 1,
        weight_source: product.unit === 'piece' ? null : 'manual',
        unit_price_minor: product.price_minor,
        catalog_price_minor: product.price_minor,
        embedded_price_minor: null,
        discount: null,
        discount_reason: null,
        tax_class_id: product.tax_class_id,
        tax_rate_bp: product.rate_bp,
        original_line_id: null,
        restock: null,
        return_reason: null,
        note: '',
        removed_at: null,
        removed_by: null,
      },
      input,
    );
  });
  return priceCart(taxMode, null, drafts, []).lines;
}

export function planReturn(db: Db, args: PlanArgs): ReturnPlan {
  const { input, returnId } = args;
  const original = findOriginal(db, input);
  const needs: PermissionNeed[] = [{ permission: 'return.refund', details: { returnId } }];
  const taxMode = original?.tax_mode ?? args.store.taxMode;
  let lines: SaleLineRow[];
  if (original) {
    lines = receiptLines(db, returnId, original, input.lines);
  } else {
    needs.push({ permission: 'return.blind', details: { returnId } });
    lines = blindLines(db, returnId, taxMode, input.lines);
  }
  const sum = (f: (l: SaleLineRow) => number): number => lines.reduce((acc, l) => acc + f(l), 0);
  const totalMinor = sum((l) => l.total_minor);
  const refunds = planRefunds(db, original, totalMinor, input, needs);
  return {
    original,
    taxMode,
    currency: original?.currency ?? args.store.currency,
    lines,
    subtotalMinor: sum((l) => l.gross_minor),
    discountMinor: sum((l) => l.promotion_discount_minor + l.line_discount_minor + l.sale_discount_minor),
    taxMinor: sum((l) => l.tax_minor),
    totalMinor,
    refunds,
    needs,
  };
}

export type { PlannedRefund };
