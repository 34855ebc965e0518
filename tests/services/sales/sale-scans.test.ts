import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeLabel, GS, type LabelTemplate } from '../../../hub/domain/barcodes/index.js';
import { AppError } from '../../../hub/errors.js';
import { newId } from '../../../hub/ids.js';
import { SYSTEM_ACTOR } from '../../../hub/services/settings/actor.js';
import {
  badCheckDigit,
  ean13,
  SCALE_PRICE_LABEL,
  SCALE_WEIGHT_LABEL,
} from '../../support/catalog-fixtures.js';
import { setupSales, type SalesFixture } from './sales-fixture.js';

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the request to be refused');
}

function label(template: LabelTemplate, itemCode: string, amount: number): string {
  const encoded = encodeLabel(template, itemCode, amount, 2);
  if (!encoded.ok) throw new Error(encoded.reason);
  return encoded.value;
}

/** The same label with one value digit changed and a fresh check digit: only the verifier can catch it. */
function tamperedPrice(code: string): string {
  const digit = Number(code.charAt(11));
  return ean13(code.slice(0, 11) + String((digit + 1) % 10));
}

describe('scanned labels on a sale', () => {
  let f: SalesFixture;
  let cheese: string; // 89.95 DKK/kg, price labels (PLU 42)
  let ham: string; // 119.00 DKK/kg, weight labels (PLU 123)
  let salmon: string; // 249.00 DKK/kg, GS1 DataBar with weight and price
  let milk: string;
  const salmonGtin = ean13('570123400038');

  beforeEach(() => {
    f = setupSales('DK');
    for (const { id, ...body } of [SCALE_PRICE_LABEL, SCALE_WEIGHT_LABEL]) {
      f.labelTemplates.put(id, body, SYSTEM_ACTOR);
    }
    const weighed = { unit: 'kg' as const, weighed: true };
    cheese = f.product({
      sku: 'CHEESE',
      priceMinor: 8995,
      ...weighed,
      barcodes: [{ code: '42', kind: 'plu' }],
    });
    ham = f.product({ sku: 'HAM', priceMinor: 11900, ...weighed, barcodes: [{ code: '123', kind: 'plu' }] });
    salmon = f.product({ sku: 'SALMON', priceMinor: 24900, ...weighed, barcodes: [salmonGtin] });
    milk = f.product({ sku: 'MILK', priceMinor: 1295, barcodes: [ean13('570123400020')] });
  });
  afterEach(() => {
    f.close();
  });

  const count = (table: string): number =>
    (f.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

  it('takes the line amount from a price label the hub decodes; grams are derived for the stock ledger', async () => {
    const code = label(SCALE_PRICE_LABEL, '0042', 4498);
    const { sale } = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [f.line(cheese, { scannedCode: code })],
    });
    expect(sale.lines[0]).toMatchObject({
      embeddedPriceMinor: 4498,
      grossMinor: 4498,
      quantity: 500,
      weightSource: 'label',
    });
    expect(sale.totals.totalMinor).toBe(4498);
  });

  it('reads a label with the scanner’s AIM prefix, as the lookup does', async () => {
    const code = `]E0${label(SCALE_PRICE_LABEL, '0042', 1799)}`;
    const { sale } = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [f.line(cheese, { scannedCode: code })],
    });
    expect(sale.totals.totalMinor).toBe(1799);
  });

  it('sets grams from a weight label and prices them by the catalog price per kg', async () => {
    const code = label(SCALE_WEIGHT_LABEL, '00123', 1250);
    const { sale } = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [f.line(ham, { scannedCode: code })],
    });
    expect(sale.lines[0]).toMatchObject({
      quantity: 1250,
      weightSource: 'label',
      embeddedPriceMinor: null,
      unitPriceMinor: 11900,
      grossMinor: 14875,
    });
  });

  it('reads GS1 weight (310n) and price (392n)', async () => {
    const gtin14 = `0${salmonGtin}`;
    const both = `]C101${gtin14}3103000750${GS}39220598`;
    const weightOnly = `]C101${gtin14}3103001250`;
    const { sale } = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [f.line(salmon, { scannedCode: both }), f.line(salmon, { scannedCode: weightOnly })],
    });
    expect(sale.lines.map((l) => [l.quantity, l.embeddedPriceMinor, l.grossMinor, l.weightSource])).toEqual([
      [750, 598, 598, 'label'],
      [1250, null, 31125, 'label'],
    ]);
  });

  it('refuses a tampered label (wrong verifier or check digit) and writes nothing', async () => {
    const genuine = label(SCALE_PRICE_LABEL, '0042', 4498);
    for (const [code, reason] of [
      [tamperedPrice(genuine), /verifier/],
      [badCheckDigit(genuine), /check digit/],
    ] as const) {
      const error = await errorOf(
        f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [f.line(cheese, { scannedCode: code })] }),
      );
      expect([error.status, error.code]).toEqual([422, 'INVALID_SCAN']);
      expect(error.details?.reason).toMatch(reason);
    }
    expect([count('sales'), count('sale_lines')]).toEqual([0, 0]);
    expect(f.ctx.events.filter((e) => e.name === 'sale.updated')).toHaveLength(0);

    // On an open sale, the refused cart leaves the sale as it was.
    const milkLine = f.line(milk);
    const { sale } = await f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [milkLine] });
    const error = await errorOf(
      f.mod.sales.cart.update(f.cashier, sale.id, {
        expectedVersion: 1,
        lines: [milkLine, f.line(cheese, { scannedCode: tamperedPrice(genuine) })],
      }),
    );
    expect(error.code).toBe('INVALID_SCAN');
    expect(f.mod.sales.lifecycle.get(sale.id)).toEqual(sale);
  });

  it('refuses a label for another product, and a code no product is sold under', async () => {
    const hamLabel = label(SCALE_WEIGHT_LABEL, '00123', 500);
    const mismatch = await errorOf(
      f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [f.line(cheese, { scannedCode: hamLabel })] }),
    );
    expect([mismatch.status, mismatch.code]).toEqual([422, 'SCAN_PRODUCT_MISMATCH']);
    expect(mismatch.details).toMatchObject({ productId: cheese, scannedProductId: ham });
    const unknown = await errorOf(
      f.mod.sales.cart.create(f.cashier, {
        id: newId(),
        lines: [f.line(cheese, { scannedCode: label(SCALE_PRICE_LABEL, '9999', 100) })],
      }),
    );
    expect([unknown.code, unknown.details?.reason]).toEqual(['INVALID_SCAN', 'unknown']);
    expect(count('sales')).toBe(0);
  });

  it('lets the label decide: no quantity or other weight source with it, no label source without it', async () => {
    const weightLabel = label(SCALE_WEIGHT_LABEL, '00123', 500);
    const create = (extra: Parameters<SalesFixture['line']>[1]) =>
      errorOf(f.mod.sales.cart.create(f.cashier, { id: newId(), lines: [f.line(ham, extra)] }));
    expect((await create({ scannedCode: weightLabel, quantity: 5000 })).code).toBe('SCAN_QUANTITY_CONFLICT');
    expect((await create({ scannedCode: weightLabel, weightSource: 'manual' })).code).toBe(
      'SCAN_QUANTITY_CONFLICT',
    );
    expect((await create({ quantity: 5000, weightSource: 'label' })).code).toBe('LABEL_SCAN_REQUIRED');
    expect(count('sales')).toBe(0);
  });

  it('accepts a plain product barcode as confirmation; the quantity stays the till’s', async () => {
    const { sale } = await f.mod.sales.cart.create(f.cashier, {
      id: newId(),
      lines: [f.line(milk, { scannedCode: ean13('570123400020'), quantity: 2 })],
    });
    expect(sale.totals.totalMinor).toBe(2590);
  });

  it('replays the same request to the same sale; another scan under the same id is 409', async () => {
    const request = {
      id: newId(),
      lines: [f.line(cheese, { scannedCode: label(SCALE_PRICE_LABEL, '0042', 4498) })],
    };
    const first = await f.mod.sales.cart.create(f.cashier, request);
    const again = await f.mod.sales.cart.create(f.cashier, request);
    expect(again).toEqual({ sale: first.sale, created: false });
    const other = {
      ...request,
      lines: [{ ...request.lines[0]!, scannedCode: label(SCALE_PRICE_LABEL, '0042', 99) }],
    };
    expect((await errorOf(f.mod.sales.cart.create(f.cashier, other))).code).toBe('IDEMPOTENCY_CONFLICT');

    // A cart update with the label is replayed the same way.
    const cart = {
      expectedVersion: 1,
      lines: [...request.lines, f.line(ham, { scannedCode: label(SCALE_WEIGHT_LABEL, '00123', 800) })],
    };
    const updated = await f.mod.sales.cart.update(f.cashier, first.sale.id, cart);
    expect(updated.sale).toMatchObject({ version: 2, totals: { totalMinor: 4498 + 9520 } });
    const replay = await f.mod.sales.cart.update(f.cashier, first.sale.id, cart);
    expect(replay.sale).toEqual(updated.sale);
    expect(count('sale_lines')).toBe(2);
  });
});
